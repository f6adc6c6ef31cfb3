import { createHash } from 'node:crypto';
import { sql, type Kysely, type PostgresCursor, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult, type RawBuilder } from 'kysely';
import type pg from 'pg';

/**
 * How many statements one connection keeps prepared. Our query shapes are few (a few
 * hundred across the API and the worker); statements past the cap run unprepared, so
 * queries whose text varies (an `IN` list of any length) cannot grow a session's memory
 * without bound.
 */
export const PREPARED_PER_CONNECTION = 400;

/** Queries with more parameters than this are almost always variable-length lists: not prepared. */
const MAX_PREPARED_PARAMETERS = 100;

/**
 * A run whose array parameter holds more elements than this goes unprepared, planned for its
 * real size. A generic plan assumes an array of about ten elements: right for a status
 * change's few listings, ruinous for an import batch of thousands (with the import's bulk
 * statement prepared, 100,000 rows took 83 s instead of 11).
 */
export const MAX_PREPARED_ARRAY = 100;

/**
 * The same for a text parameter longer than this: bulk writers serialise their arrays into
 * array literals themselves (the import does), and those are as long as the batch.
 */
const MAX_PREPARED_TEXT = 2_000;

function isBulk(value: unknown): boolean {
  return Array.isArray(value) ? value.length > MAX_PREPARED_ARRAY : typeof value === 'string' && value.length > MAX_PREPARED_TEXT;
}

/**
 * A pool for Kysely whose connections prepare each parameterised statement once and then
 * reuse it, as pgx and postgres.js do. On a hot path PostgreSQL spends as long planning a
 * statement as running it (a complaint's one-query detail took 1.2 ms to plan and 0.3 ms to
 * run); a prepared statement is parsed once per connection, and after five runs PostgreSQL
 * keeps a generic plan when it costs no more than the custom ones.
 *
 * Statements are named by a hash of their text, so the same text always gets the same name
 * on a connection. Statements without parameters (BEGIN, COMMIT, utility commands) go as
 * before, and so does any run with a long array or text parameter (`MAX_PREPARED_ARRAY`).
 * A schema change that alters a prepared query's result columns makes PostgreSQL refuse to
 * run it ("cached plan must not change result type"): the connection that saw that is
 * closed when released, and its replacement prepares afresh.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      return new PreparingClient(await pool.connect());
    },
    end: () => pool.end(),
  };
}

/** Prepared statement names by text, shared by all connections (bounded like each connection). */
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `cp_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= PREPARED_PER_CONNECTION * 4) names.clear();
    names.set(text, name);
  }
  return name;
}

/** Prepared statements of each connection (a connection outlives the clients handed out for it). */
const preparedBy = new WeakMap<pg.PoolClient, Set<string>>();

class PreparingClient implements PostgresPoolClient {
  private broken = false;

  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      return this.client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    }
    const values = parameters ? [...parameters] : [];
    const name = this.nameFor(sqlOrCursor, values);
    const query = name ? { name, text: sqlOrCursor, values } : { text: sqlOrCursor, values };
    return (this.client.query(query) as unknown as Promise<PostgresQueryResult<R>>).catch((error: unknown) => {
      if (isStalePlan(error)) this.broken = true;
      throw error;
    });
  }

  release(destroy?: boolean): void {
    this.client.release(destroy === true || this.broken);
  }

  private nameFor(text: string, values: unknown[]): string | undefined {
    if (values.length === 0 || values.length > MAX_PREPARED_PARAMETERS) return undefined;
    if (values.some(isBulk)) return undefined;
    const name = statementName(text);
    let prepared = preparedBy.get(this.client);
    if (!prepared) preparedBy.set(this.client, (prepared = new Set()));
    if (prepared.has(name)) return name;
    if (prepared.size >= PREPARED_PER_CONNECTION) return undefined;
    prepared.add(name);
    return name;
  }
}

/** PostgreSQL's refusal to run a prepared statement whose result columns a migration changed. */
function isStalePlan(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan must not change result type');
}

/**
 * `= ANY($1::uuid[])` for a list of ids: one parameter and one statement text however many
 * ids there are, so the statement is prepared once (an `IN ($1, …, $n)` list is a new
 * statement for every length). Use as `.where('id', '=', anyUuid(ids))`.
 */
export function anyUuid(ids: readonly string[]): RawBuilder<string> {
  return sql<string>`ANY(${ids}::uuid[])`;
}

/**
 * Runs `work` in a transaction in which prepared statements always use their generic plan
 * (`plan_cache_mode = force_generic_plan`, for this transaction only), opened by one round
 * trip (`BEGIN` and the setting in one simple query).
 *
 * For hot writes whose generic plan PostgreSQL never picks by itself: a statement that
 * unnests array parameters is estimated at ten rows per array in its generic plan and at the
 * real count in a custom one, so the custom plan always looks cheaper and the statement is
 * planned again on every run (a status change's write spent 0.5 ms planning for 1.9 ms
 * running). Only for statements whose best plan does not depend on their values: key
 * lookups and writes by primary key. Without prepared statements the setting changes nothing.
 */
export async function genericPlanTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`BEGIN; SET LOCAL plan_cache_mode = force_generic_plan`.execute(connection);
    let result: T;
    try {
      result = await work(connection);
    } catch (error) {
      // A rollback that fails (the connection is gone) must not hide why the work failed.
      await sql`ROLLBACK`.execute(connection).catch(() => undefined);
      throw error;
    }
    await sql`COMMIT`.execute(connection);
    return result;
  });
}
