import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they see the database untyped (Kysely's guidance).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

/*
 * Every status change rewrites a listing-in-a-complaint, its seller's standing and four
 * leaderboard rows; each index on them is written again. Three of those indexes had no
 * reader left:
 * - established listings per seller are read through the seller index, which now covers them;
 * - a leaderboard row is found by seller through its primary key, once that key leads with
 *   the seller (the rankings have their own indexes).
 * The stored estimate (several kilobytes, its explanation) is compressed with LZ4, several
 * times cheaper to write than the default, where the server was built with it.
 */
export async function up(db: AnyDatabase): Promise<void> {
  await sql
    .raw(
      `
    DROP INDEX complaint_listings_established_idx;
    ALTER TABLE seller_leaderboard
      DROP CONSTRAINT seller_leaderboard_pkey,
      ADD CONSTRAINT seller_leaderboard_pkey PRIMARY KEY (seller_id, time_window);
    DROP INDEX seller_leaderboard_seller_idx;
    DO $$
    BEGIN
      ALTER TABLE seller_standings ALTER COLUMN estimate SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported THEN
      -- A server built without LZ4 (the embedded one) keeps its default compression.
      NULL;
    END $$;
  `,
    )
    .execute(db);
}

export async function down(db: AnyDatabase): Promise<void> {
  await sql
    .raw(
      `
    ALTER TABLE seller_standings ALTER COLUMN estimate SET COMPRESSION default;
    CREATE INDEX seller_leaderboard_seller_idx ON seller_leaderboard (seller_id);
    ALTER TABLE seller_leaderboard
      DROP CONSTRAINT seller_leaderboard_pkey,
      ADD CONSTRAINT seller_leaderboard_pkey PRIMARY KEY (time_window, seller_id);
    CREATE INDEX complaint_listings_established_idx ON complaint_listings (seller_id) WHERE status = 'removed';
  `,
    )
    .execute(db);
}
