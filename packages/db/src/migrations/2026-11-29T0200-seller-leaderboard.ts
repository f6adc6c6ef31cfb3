import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

/*
 * Leaderboard rows the worker maintains per seller and time window, so that reading a
 * leaderboard is an index scan and never an aggregate over complaints.
 */
export async function up(db: AnyDatabase): Promise<void> {
  await sql
    .raw(
      `
    CREATE TABLE seller_leaderboard (
      seller_id uuid NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
      time_window text NOT NULL CHECK (time_window IN ('30d', '90d', '365d', 'all')),
      marketplace text NOT NULL CHECK (marketplace IN ('aliexpress', 'alibaba', 'taobao', 'tmall', '1688')),
      is_public boolean NOT NULL,
      points integer NOT NULL,
      distinct_artists integer NOT NULL,
      established_complaints integer NOT NULL,
      active_listings integer NOT NULL,
      last_established_on date,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (time_window, seller_id)
    );
    CREATE INDEX seller_leaderboard_points_idx ON seller_leaderboard (time_window, points DESC, seller_id DESC);
    CREATE INDEX seller_leaderboard_artists_idx ON seller_leaderboard (time_window, distinct_artists DESC, seller_id DESC);
    CREATE INDEX seller_leaderboard_complaints_idx ON seller_leaderboard (time_window, established_complaints DESC, seller_id DESC);
    CREATE INDEX seller_leaderboard_listings_idx ON seller_leaderboard (time_window, active_listings DESC, seller_id DESC);
    CREATE INDEX seller_leaderboard_seller_idx ON seller_leaderboard (seller_id);

    -- "Not reachable within two years" is a real answer of the estimator, stored as NULL.
    ALTER TABLE seller_standings ALTER COLUMN complaints_needed DROP NOT NULL;
    ALTER TABLE seller_standings ALTER COLUMN distinct_days_needed DROP NOT NULL;

    CREATE INDEX notifications_unread_idx ON notifications (artist_id, created_at DESC) WHERE read_at IS NULL;
    CREATE INDEX complaints_visibility_idx ON complaints (visibility) WHERE visibility <> 'private';
  `,
    )
    .execute(db);
}

export async function down(db: AnyDatabase): Promise<void> {
  await sql.raw(`UPDATE seller_standings SET complaints_needed = coalesce(complaints_needed, -1), distinct_days_needed = coalesce(distinct_days_needed, -1); ALTER TABLE seller_standings ALTER COLUMN complaints_needed SET NOT NULL; ALTER TABLE seller_standings ALTER COLUMN distinct_days_needed SET NOT NULL; DROP INDEX IF EXISTS complaints_visibility_idx; DROP INDEX IF EXISTS notifications_unread_idx; DROP TABLE IF EXISTS seller_leaderboard;`).execute(db);
}
