import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they see the database untyped (Kysely's guidance).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

const QUEUE_TABLES = ['outbox', 'public_watchlist_pending'];

/*
 * The outbox and the public snapshot's refresh queue churn: rows live for seconds. By default
 * autovacuum waits until a fifth of a table is dead; these ask for it after a thousand rows,
 * so that reading the queue never walks a long tail of dead index entries.
 */
export async function up(db: AnyDatabase): Promise<void> {
  for (const table of QUEUE_TABLES) {
    await sql
      .raw(
        `ALTER TABLE ${table} SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
          autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000)`,
      )
      .execute(db);
  }
}

export async function down(db: AnyDatabase): Promise<void> {
  for (const table of QUEUE_TABLES) {
    await sql
      .raw(
        `ALTER TABLE ${table} RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold,
          autovacuum_analyze_scale_factor, autovacuum_analyze_threshold)`,
      )
      .execute(db);
  }
}
