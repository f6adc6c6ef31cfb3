import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

/*
 * Joint reporting campaigns as the re-planning worker keeps them: the day and fingerprint of
 * the stored plan (so a sweep can find plans made before today), and campaign tasks that are
 * upserted by the planner's deterministic task key instead of being recreated on every plan.
 */
export async function up(db: AnyDatabase): Promise<void> {
  await sql
    .raw(
      `
    ALTER TABLE campaigns
      ADD COLUMN plan_as_of date,
      ADD COLUMN plan_fingerprint text;
    CREATE INDEX campaigns_unclosed_idx ON campaigns (plan_as_of) WHERE status <> 'closed';

    CREATE INDEX campaign_participants_artist_idx ON campaign_participants (artist_id);

    ALTER TABLE campaign_tasks
      ADD COLUMN task_key text,
      ADD COLUMN seller_id uuid REFERENCES sellers (id) ON DELETE CASCADE,
      ADD COLUMN expected_established_on date,
      ADD COLUMN part integer NOT NULL DEFAULT 1 CHECK (part >= 1),
      ADD COLUMN part_count integer NOT NULL DEFAULT 1 CHECK (part_count >= 1),
      ADD COLUMN is_on_own_day boolean NOT NULL DEFAULT true,
      ADD COLUMN filed_on date,
      ADD COLUMN skip_reason text CHECK (length(skip_reason) BETWEEN 1 AND 1000);
    UPDATE campaign_tasks SET task_key = 'legacy-' || id::text WHERE task_key IS NULL;
    ALTER TABLE campaign_tasks ALTER COLUMN task_key SET NOT NULL;
    CREATE UNIQUE INDEX campaign_tasks_key_idx ON campaign_tasks (campaign_id, task_key);
    CREATE UNIQUE INDEX campaign_tasks_complaint_idx ON campaign_tasks (complaint_id) WHERE complaint_id IS NOT NULL;

    -- At most one open reminder per campaign task: re-planning moves it rather than adding one.
    CREATE UNIQUE INDEX reminders_campaign_task_open_idx ON reminders (campaign_task_id)
      WHERE campaign_task_id IS NOT NULL AND done_at IS NULL;
  `,
    )
    .execute(db);
}

export async function down(db: AnyDatabase): Promise<void> {
  await sql
    .raw(
      `
    DROP INDEX IF EXISTS reminders_campaign_task_open_idx;
    DROP INDEX IF EXISTS campaign_tasks_complaint_idx;
    DROP INDEX IF EXISTS campaign_tasks_key_idx;
    ALTER TABLE campaign_tasks
      DROP COLUMN IF EXISTS skip_reason,
      DROP COLUMN IF EXISTS filed_on,
      DROP COLUMN IF EXISTS is_on_own_day,
      DROP COLUMN IF EXISTS part_count,
      DROP COLUMN IF EXISTS part,
      DROP COLUMN IF EXISTS expected_established_on,
      DROP COLUMN IF EXISTS seller_id,
      DROP COLUMN IF EXISTS task_key;
    DROP INDEX IF EXISTS campaign_participants_artist_idx;
    DROP INDEX IF EXISTS campaigns_unclosed_idx;
    ALTER TABLE campaigns DROP COLUMN IF EXISTS plan_fingerprint, DROP COLUMN IF EXISTS plan_as_of;
  `,
    )
    .execute(db);
}
