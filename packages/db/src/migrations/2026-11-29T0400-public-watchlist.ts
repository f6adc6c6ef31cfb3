import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they see the database untyped (Kysely's guidance).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

const MARKETPLACE = `('aliexpress', 'alibaba', 'taobao', 'tmall', '1688')`;

/*
 * The public watchlist. The worker keeps a snapshot of ready-to-serve documents (one row
 * per listed seller, with its sort keys and content hashes) and a single version row the
 * API watches to invalidate its caches; the API never aggregates on a public request.
 * Due process lives beside it: public disputes, moderators' hides and the safelist of
 * authorised resellers.
 */
export async function up(db: AnyDatabase): Promise<void> {
  await sql
    .raw(
      `
    CREATE TABLE public_snapshot (
      id smallint PRIMARY KEY CHECK (id = 1),
      version bigint NOT NULL DEFAULT 0,
      refreshed_at timestamptz NOT NULL DEFAULT now(),
      listed_sellers integer NOT NULL DEFAULT 0,
      policy jsonb
    );
    INSERT INTO public_snapshot (id) VALUES (1);

    CREATE TABLE public_watchlist (
      seller_id uuid PRIMARY KEY REFERENCES sellers (id) ON DELETE CASCADE,
      marketplace text NOT NULL CHECK (marketplace IN ${MARKETPLACE}),
      store_id text NOT NULL,
      points integer NOT NULL,
      tier_points integer,
      established_complaints integer NOT NULL,
      distinct_artists integer NOT NULL,
      last_established_day integer NOT NULL,
      listed_at timestamptz NOT NULL,
      listed_order bigint NOT NULL,
      entry text NOT NULL,
      entry_hash text NOT NULL,
      page text NOT NULL,
      page_hash text NOT NULL,
      last_tier_event_id bigint NOT NULL DEFAULT 0,
      snapshot_version bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (marketplace, store_id)
    );
    CREATE INDEX public_watchlist_points_idx ON public_watchlist (points DESC, seller_id DESC);
    CREATE INDEX public_watchlist_marketplace_points_idx ON public_watchlist (marketplace, points DESC, seller_id DESC);
    CREATE INDEX public_watchlist_complaints_idx ON public_watchlist (established_complaints DESC, seller_id DESC);
    CREATE INDEX public_watchlist_artists_idx ON public_watchlist (distinct_artists DESC, seller_id DESC);
    CREATE INDEX public_watchlist_recent_idx ON public_watchlist (last_established_day DESC, seller_id DESC);
    CREATE INDEX public_watchlist_added_idx ON public_watchlist (listed_order DESC, seller_id DESC);

    CREATE TABLE public_watchlist_events (
      id bigserial PRIMARY KEY,
      seller_id uuid NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('added', 'tier')),
      marketplace text NOT NULL,
      store_id text NOT NULL,
      store_name text,
      from_points integer,
      to_points integer,
      tier_label text,
      confirmed_points integer NOT NULL,
      established_complaints integer NOT NULL,
      distinct_artists integer NOT NULL,
      ruleset_id text NOT NULL,
      occurred_at timestamptz NOT NULL,
      snapshot_version bigint NOT NULL
    );
    CREATE INDEX public_watchlist_events_seller_idx ON public_watchlist_events (seller_id);

    -- Sellers whose public documents must be rebuilt; drained by the refresh job.
    CREATE TABLE public_watchlist_pending (
      seller_id uuid PRIMARY KEY,
      queued_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX public_watchlist_pending_queued_idx ON public_watchlist_pending (queued_at, seller_id);

    CREATE TABLE seller_public_hides (
      seller_id uuid PRIMARY KEY REFERENCES sellers (id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
      hidden_by uuid REFERENCES artists (id) ON DELETE SET NULL,
      hidden_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE public_safelist (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      marketplace text NOT NULL CHECK (marketplace IN ${MARKETPLACE}),
      store_id text NOT NULL CHECK (length(store_id) BETWEEN 1 AND 200),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
      created_by uuid REFERENCES artists (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (marketplace, store_id)
    );

    CREATE TABLE seller_disputes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seller_id uuid NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'rejected')),
      contact_email text NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 320),
      statement text NOT NULL CHECK (length(statement) BETWEEN 1 AND 4000),
      evidence_url text CHECK (length(evidence_url) <= 2000),
      submitted_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolved_by uuid REFERENCES artists (id) ON DELETE SET NULL,
      resolved_collective_id uuid REFERENCES collectives (id) ON DELETE SET NULL,
      public_note text CHECK (length(public_note) <= 1000),
      CHECK ((status = 'open') = (resolved_at IS NULL))
    );
    CREATE INDEX seller_disputes_seller_idx ON seller_disputes (seller_id, submitted_at DESC);
    CREATE INDEX seller_disputes_open_idx ON seller_disputes (submitted_at, id) WHERE status = 'open';

    -- The refresh job finds candidates among established complaints shared beyond their author.
    CREATE INDEX complaint_listings_established_idx ON complaint_listings (seller_id) WHERE status = 'removed';
  `,
    )
    .execute(db);
}

export async function down(db: AnyDatabase): Promise<void> {
  await sql
    .raw(
      `
    DROP INDEX IF EXISTS complaint_listings_established_idx;
    DROP TABLE IF EXISTS seller_disputes;
    DROP TABLE IF EXISTS public_safelist;
    DROP TABLE IF EXISTS seller_public_hides;
    DROP TABLE IF EXISTS public_watchlist_pending;
    DROP TABLE IF EXISTS public_watchlist_events;
    DROP TABLE IF EXISTS public_watchlist;
    DROP TABLE IF EXISTS public_snapshot;
  `,
    )
    .execute(db);
}
