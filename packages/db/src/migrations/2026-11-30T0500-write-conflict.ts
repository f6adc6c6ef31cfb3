import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they see the database untyped (Kysely's guidance).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

/*
 * A write that checks, inside its own statement, that what it read is still current (a row's
 * version, the listings it expects) must abort the whole statement when it is not: plain SQL
 * has no way to raise an error, so this function does. It fails with SQLSTATE 40001
 * (serialization_failure), the code PostgreSQL itself gives a write that must be retried.
 * The return type lets it stand in a CASE beside `now()`.
 */
export async function up(db: AnyDatabase): Promise<void> {
  await sql`
    CREATE FUNCTION write_conflict(message text) RETURNS timestamptz
    LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      RAISE EXCEPTION USING ERRCODE = '40001', MESSAGE = message;
    END
    $$`.execute(db);
}

export async function down(db: AnyDatabase): Promise<void> {
  await sql`DROP FUNCTION write_conflict(text)`.execute(db);
}
