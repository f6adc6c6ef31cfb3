import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they see the database untyped (Kysely's guidance).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

/*
 * The whole domain of DESIGN.md §5. Enumerations are spelled out here (not imported)
 * because a migration is frozen in time: later code changes must not rewrite history.
 */

const MARKETPLACE = `('aliexpress', 'alibaba', 'taobao', 'tmall', '1688')`;
const VISIBILITY = `('private', 'collective', 'public')`;
const IPR_STATUS = `('not_submitted', 'pending', 'approved', 'rejected')`;
const COMPLAINT_STATUS = `('draft', 'submitted', 'removed', 'unable_to_process', 'information_requested', 'counter_notice', 'responded', 'restored', 'withdrawn')`;

export async function up(db: AnyDatabase): Promise<void> {
  const ddl = (text: string) => sql.raw(text).execute(db);

  await ddl(`
    CREATE TABLE artists (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 320),
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
      password_hash text NOT NULL,
      role text NOT NULL DEFAULT 'artist' CHECK (role IN ('artist', 'moderator')),
      public_attribution boolean NOT NULL DEFAULT false,
      public_name text CHECK (length(public_name) <= 100),
      checkback_days integer NOT NULL DEFAULT 3 CHECK (checkback_days BETWEEN 1 AND 60),
      counter_notice_business_days integer NOT NULL DEFAULT 3 CHECK (counter_notice_business_days BETWEEN 1 AND 30),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX artists_email_key ON artists (email);

    CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      csrf_token text NOT NULL,
      ip text,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    );
    CREATE INDEX sessions_artist_idx ON sessions (artist_id);

    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      token_prefix text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    );
    CREATE INDEX api_tokens_artist_idx ON api_tokens (artist_id);

    CREATE TABLE collectives (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
      created_by uuid REFERENCES artists (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE memberships (
      collective_id uuid NOT NULL REFERENCES collectives (id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
      joined_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (collective_id, artist_id)
    );
    CREATE UNIQUE INDEX memberships_one_owner_idx ON memberships (collective_id) WHERE role = 'owner';
    CREATE INDEX memberships_artist_idx ON memberships (artist_id);

    CREATE TABLE invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      collective_id uuid NOT NULL REFERENCES collectives (id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      role text NOT NULL CHECK (role IN ('admin', 'member')),
      created_by uuid REFERENCES artists (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      accepted_by uuid REFERENCES artists (id) ON DELETE SET NULL,
      revoked_at timestamptz
    );
    CREATE INDEX invitations_collective_idx ON invitations (collective_id);

    CREATE TABLE artworks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
      ipr_type text NOT NULL DEFAULT 'copyright' CHECK (ipr_type IN ('copyright', 'trademark', 'patent')),
      registration_number text CHECK (length(registration_number) <= 100),
      is_registration_required boolean NOT NULL DEFAULT false,
      ipr_status text NOT NULL DEFAULT 'not_submitted' CHECK (ipr_status IN ${IPR_STATUS}),
      ipp_ipr_reference text CHECK (length(ipp_ipr_reference) <= 100),
      image_key text,
      image_content_type text CHECK (image_content_type IN ('image/png', 'image/jpeg', 'image/webp')),
      image_size integer CHECK (image_size > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX artworks_artist_idx ON artworks (artist_id);

    CREATE TABLE artwork_ipr_events (
      id bigserial PRIMARY KEY,
      artwork_id uuid NOT NULL REFERENCES artworks (id) ON DELETE CASCADE,
      from_status text CHECK (from_status IN ${IPR_STATUS}),
      to_status text NOT NULL CHECK (to_status IN ${IPR_STATUS}),
      occurred_on date NOT NULL,
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
      recorded_by uuid REFERENCES artists (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX artwork_ipr_events_artwork_idx ON artwork_ipr_events (artwork_id, id);

    CREATE TABLE sellers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      marketplace text NOT NULL CHECK (marketplace IN ${MARKETPLACE}),
      store_id text NOT NULL CHECK (length(store_id) BETWEEN 1 AND 200),
      name text CHECK (length(name) <= 300),
      store_url text NOT NULL,
      facts_version bigint NOT NULL DEFAULT 0,
      created_by uuid REFERENCES artists (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (marketplace, store_id)
    );

    CREATE TABLE seller_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seller_id uuid NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ${VISIBILITY}),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX seller_notes_seller_idx ON seller_notes (seller_id);

    CREATE TABLE listings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      marketplace text NOT NULL CHECK (marketplace IN ${MARKETPLACE}),
      item_id text NOT NULL CHECK (length(item_id) BETWEEN 1 AND 100),
      canonical_url text NOT NULL,
      seller_id uuid REFERENCES sellers (id) ON DELETE SET NULL,
      title text CHECK (length(title) <= 500),
      removed_on date,
      created_by uuid REFERENCES artists (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (marketplace, item_id)
    );
    CREATE INDEX listings_seller_idx ON listings (seller_id);

    CREATE TABLE sightings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      artwork_id uuid NOT NULL REFERENCES artworks (id) ON DELETE CASCADE,
      listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
      found_on date NOT NULL,
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
      evidence_key text,
      visibility text NOT NULL DEFAULT 'collective' CHECK (visibility IN ${VISIBILITY}),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (artist_id, artwork_id, listing_id)
    );
    CREATE INDEX sightings_listing_idx ON sightings (listing_id);
    CREATE INDEX sightings_artwork_idx ON sightings (artwork_id);

    CREATE TABLE complaints (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      artwork_id uuid NOT NULL REFERENCES artworks (id) ON DELETE RESTRICT,
      marketplace text NOT NULL CHECK (marketplace IN ${MARKETPLACE}),
      severity text NOT NULL DEFAULT 'general' CHECK (severity IN ('general', 'serious')),
      filed_on date,
      ipp_reference text CHECK (length(ipp_reference) <= 100),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
      visibility text NOT NULL DEFAULT 'collective' CHECK (visibility IN ${VISIBILITY}),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX complaints_artist_idx ON complaints (artist_id, created_at DESC);
    CREATE INDEX complaints_artwork_idx ON complaints (artwork_id);

    CREATE TABLE complaint_listings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      complaint_id uuid NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
      listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE RESTRICT,
      seller_id uuid REFERENCES sellers (id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ${COMPLAINT_STATUS}),
      status_on date,
      established_on date,
      counter_notice_on date,
      response_due_on date,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (complaint_id, listing_id),
      CHECK (status <> 'removed' OR established_on IS NOT NULL)
    );
    CREATE INDEX complaint_listings_seller_idx ON complaint_listings (seller_id, status, established_on);
    CREATE INDEX complaint_listings_listing_idx ON complaint_listings (listing_id);

    CREATE TABLE complaint_status_events (
      id bigserial PRIMARY KEY,
      complaint_listing_id uuid NOT NULL REFERENCES complaint_listings (id) ON DELETE CASCADE,
      from_status text CHECK (from_status IN ${COMPLAINT_STATUS}),
      to_status text NOT NULL CHECK (to_status IN ${COMPLAINT_STATUS}),
      occurred_on date NOT NULL,
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
      recorded_by uuid REFERENCES artists (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX complaint_status_events_listing_idx ON complaint_status_events (complaint_listing_id, id);

    CREATE TABLE campaigns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      collective_id uuid NOT NULL REFERENCES collectives (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      goal_points integer NOT NULL DEFAULT 48 CHECK (goal_points BETWEEN 1 AND 1000),
      ends_on date,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paused', 'closed')),
      inputs_version bigint NOT NULL DEFAULT 0,
      plan jsonb,
      plan_version bigint,
      plan_computed_at timestamptz,
      created_by uuid REFERENCES artists (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX campaigns_collective_idx ON campaigns (collective_id);

    CREATE TABLE campaign_sellers (
      campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
      seller_id uuid NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
      PRIMARY KEY (campaign_id, seller_id)
    );
    CREATE INDEX campaign_sellers_seller_idx ON campaign_sellers (seller_id);

    CREATE TABLE campaign_participants (
      campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      unavailable_weekdays smallint[] NOT NULL DEFAULT '{}',
      unavailable_dates date[] NOT NULL DEFAULT '{}',
      max_per_week integer CHECK (max_per_week BETWEEN 1 AND 50),
      joined_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (campaign_id, artist_id)
    );

    CREATE TABLE campaign_tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      artwork_id uuid NOT NULL REFERENCES artworks (id) ON DELETE CASCADE,
      marketplace text NOT NULL CHECK (marketplace IN ${MARKETPLACE}),
      planned_on date NOT NULL,
      listing_ids uuid[] NOT NULL CHECK (cardinality(listing_ids) BETWEEN 1 AND 300),
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'filed', 'skipped', 'cancelled')),
      complaint_id uuid REFERENCES complaints (id) ON DELETE SET NULL,
      explanation text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX campaign_tasks_campaign_idx ON campaign_tasks (campaign_id, planned_on);
    CREATE INDEX campaign_tasks_artist_idx ON campaign_tasks (artist_id, status, planned_on);

    CREATE TABLE reminders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('check_back', 'counter_notice_deadline', 'campaign_task')),
      complaint_id uuid REFERENCES complaints (id) ON DELETE CASCADE,
      complaint_listing_id uuid REFERENCES complaint_listings (id) ON DELETE CASCADE,
      campaign_task_id uuid REFERENCES campaign_tasks (id) ON DELETE CASCADE,
      due_on date NOT NULL,
      done_at timestamptz,
      notified_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX reminders_open_idx ON reminders (artist_id, due_on) WHERE done_at IS NULL;
    CREATE INDEX reminders_unnotified_idx ON reminders (due_on) WHERE done_at IS NULL AND notified_at IS NULL;

    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      link text,
      dedupe_key text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    );
    CREATE INDEX notifications_artist_idx ON notifications (artist_id, created_at DESC);

    CREATE TABLE seller_standings (
      seller_id uuid PRIMARY KEY REFERENCES sellers (id) ON DELETE CASCADE,
      marketplace text NOT NULL CHECK (marketplace IN ${MARKETPLACE}),
      ruleset_id text NOT NULL,
      confirmed_points integer NOT NULL,
      pending_points integer NOT NULL,
      strikes integer NOT NULL,
      tier_points integer,
      next_tier_points integer,
      remaining_points integer NOT NULL,
      is_terminated boolean NOT NULL,
      complaints_needed integer NOT NULL,
      distinct_days_needed integer NOT NULL,
      points_start_expiring_on date,
      established_complaints integer NOT NULL,
      distinct_artists integer NOT NULL,
      active_listings integer NOT NULL,
      removed_listings integer NOT NULL,
      first_established_on date,
      last_established_on date,
      estimate jsonb NOT NULL,
      computed_version bigint NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now(),
      next_change_at timestamptz
    );
    CREATE INDEX seller_standings_points_idx ON seller_standings (confirmed_points DESC, seller_id);
    CREATE INDEX seller_standings_next_change_idx ON seller_standings (next_change_at) WHERE next_change_at IS NOT NULL;

    CREATE TABLE seller_tier_events (
      id bigserial PRIMARY KEY,
      seller_id uuid NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
      ruleset_id text NOT NULL,
      from_points integer,
      to_points integer NOT NULL,
      tier_label text NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX seller_tier_events_time_idx ON seller_tier_events (occurred_at DESC);
    CREATE INDEX seller_tier_events_seller_idx ON seller_tier_events (seller_id, occurred_at DESC);

    CREATE TABLE imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      filename text NOT NULL,
      blob_key text NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
      default_artwork_id uuid REFERENCES artworks (id) ON DELETE SET NULL,
      visibility text NOT NULL DEFAULT 'collective' CHECK (visibility IN ${VISIBILITY}),
      total_rows integer,
      processed_rows integer NOT NULL DEFAULT 0,
      imported_rows integer NOT NULL DEFAULT 0,
      error_rows integer NOT NULL DEFAULT 0,
      header_mapping jsonb,
      summary jsonb,
      failure text,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    CREATE INDEX imports_artist_idx ON imports (artist_id, created_at DESC);

    CREATE TABLE import_row_errors (
      import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
      line integer NOT NULL,
      code text NOT NULL,
      message text NOT NULL,
      PRIMARY KEY (import_id, line)
    );

    CREATE TABLE outbox (
      id bigserial PRIMARY KEY,
      topic text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      processed_at timestamptz
    );
    CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL;

    CREATE TABLE audit_events (
      id bigserial PRIMARY KEY,
      actor_artist_id uuid REFERENCES artists (id) ON DELETE SET NULL,
      action text NOT NULL,
      subject_type text NOT NULL,
      subject_id text,
      collective_id uuid,
      before jsonb,
      after jsonb,
      ip text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX audit_events_collective_idx ON audit_events (collective_id, id DESC) WHERE collective_id IS NOT NULL;
    CREATE INDEX audit_events_actor_idx ON audit_events (actor_artist_id, id DESC);
  `);
}

export async function down(db: AnyDatabase): Promise<void> {
  const tables = [
    'audit_events',
    'outbox',
    'import_row_errors',
    'imports',
    'seller_tier_events',
    'seller_standings',
    'notifications',
    'reminders',
    'campaign_tasks',
    'campaign_participants',
    'campaign_sellers',
    'campaigns',
    'complaint_status_events',
    'complaint_listings',
    'complaints',
    'sightings',
    'listings',
    'seller_notes',
    'sellers',
    'artwork_ipr_events',
    'artworks',
    'invitations',
    'memberships',
    'collectives',
    'api_tokens',
    'sessions',
    'artists',
  ];
  for (const table of tables) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
