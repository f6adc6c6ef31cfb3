import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they see the database untyped (Kysely's guidance).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

/*
 * Every write that changes a seller's facts bumps `sellers.facts_version` (the outbox's
 * version). On full pages each bump is a new row version on another page plus an entry in
 * both of the table's indexes; with room left on the page it is a heap-only (HOT) update
 * that touches no index. Sellers are few and small, so a third of each page is a cheap price.
 * Rows already stored keep their pages until they are next rewritten (VACUUM FULL, CLUSTER).
 */
export async function up(db: AnyDatabase): Promise<void> {
  await sql`ALTER TABLE sellers SET (fillfactor = 70)`.execute(db);
}

export async function down(db: AnyDatabase): Promise<void> {
  await sql`ALTER TABLE sellers RESET (fillfactor)`.execute(db);
}
