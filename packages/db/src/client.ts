import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';

// `date` columns hold calendar days: keep them as 'YYYY-MM-DD' instead of local-midnight Dates.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// Counts and bigserial ids stay far below 2^53 here; numbers are friendlier than strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type DatabasePool = pg.Pool;

/** A pg pool with the settings every Counterpoint process uses. */
export function createPool(connectionString: string, options: pg.PoolConfig = {}): pg.Pool {
  return new pg.Pool({ connectionString, max: 10, application_name: 'counterpoint', ...options });
}

/**
 * Kysely over an existing pool. The pool's owner closes it; `db.destroy()` would end
 * the pool too, so callers that do not own the pool must not call it.
 */
export function createKysely(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
}

export type Db = Kysely<Database>;
