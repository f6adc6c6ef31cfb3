import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import type { Database } from './database';
import { preparingPool } from './prepared';

// `date` columns hold calendar days: keep them as 'YYYY-MM-DD' instead of local-midnight Dates.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// Counts and bigserial ids stay far below 2^53 here; numbers are friendlier than strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type DatabasePool = pg.Pool;

/**
 * How many parallel workers one query of ours may use (PostgreSQL's
 * `max_parallel_workers_per_gather`), or `'server'` to leave the server's setting alone.
 * Our queries are small (one seller's complaints, a page of a list); a parallel plan spends
 * more starting its workers than it saves, and its workers take CPU from every other
 * request: on a 2-core machine, turning it off lifted the sustained rate of status changes
 * from 125 to 150 a second. Sent as a startup option; poolers that refuse those (PgBouncer)
 * need `'server'`.
 */
export type ParallelWorkers = number | 'server';

/** `DATABASE_PARALLEL_WORKERS`: a number of workers (default 0), or `server`. */
export const parallelWorkersSchema = z
  .union([z.literal('server'), z.coerce.number().int().min(0).max(64)])
  .default(0);

/**
 * `DATABASE_PREPARED_STATEMENTS`: whether connections prepare their statements (default
 * `true`, see `preparingPool`). Turn it off only behind a pooler that cannot carry
 * protocol-level prepared statements (PgBouncer before 1.21, or without
 * `max_prepared_statements`, in transaction mode).
 */
export const preparedStatementsSchema = z
  .enum(['true', 'false', '1', '0'])
  .default('true')
  .transform((value) => value === 'true' || value === '1');

/** The `pg` connection settings that apply `ParallelWorkers` to every session of a pool. */
export function parallelQuerySettings(workers: ParallelWorkers): { options?: string } {
  return workers === 'server' ? {} : { options: `-c max_parallel_workers_per_gather=${workers}` };
}

/**
 * The API's sessions: `parallelQuerySettings`, and no Memoize plan nodes
 * (`enable_memoize = off`). A request reads a page of rows, but a Memoize node sizes its
 * cache for the planner's estimate of distinct keys (up to its share of `work_mem`) and
 * allocates it on every run: on the 2-core benchmark machine the leaderboard's top 50 took
 * 5–14 ms to run with two such nodes and 0.2–0.35 ms without them (PostgreSQL 15), and a
 * leaderboard request went from 19.5 to 6.3 ms. The worker's bulk reads keep Memoize. Sent
 * with the same startup option, so `'server'` (poolers) sends neither.
 */
export function requestSessionSettings(workers: ParallelWorkers): { options?: string } {
  const { options } = parallelQuerySettings(workers);
  return options === undefined ? {} : { options: `${options} -c enable_memoize=off` };
}

/** A pg pool with the settings every Counterpoint process uses. */
export function createPool(connectionString: string, options: pg.PoolConfig = {}): pg.Pool {
  return new pg.Pool({ connectionString, max: 10, application_name: 'counterpoint', ...options });
}

/**
 * Kysely over an existing pool; with `prepare` (the default), its connections prepare
 * parameterised statements once and reuse them (`preparingPool`). The pool's owner closes
 * it; `db.destroy()` would end the pool too, so callers that do not own the pool must not
 * call it.
 */
export function createKysely(pool: pg.Pool, options: { prepare?: boolean } = {}): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: options.prepare === false ? pool : preparingPool(pool) }),
    plugins: [new CamelCasePlugin()],
  });
}

export type Db = Kysely<Database>;
