import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKysely, createPool } from '../src/client';
import type { Database } from '../src/database';
import { anyUuid, genericPlanTransaction, MAX_PREPARED_ARRAY, PREPARED_PER_CONNECTION } from '../src/prepared';
import { createEmptyDatabase, type TestDatabase } from '../src/testing';

let database: TestDatabase;
let pool: pg.Pool;
let db: Kysely<Database>;

// One connection: every statement of these tests meets the same session.
beforeAll(async () => {
  database = await createEmptyDatabase();
  pool = createPool(database.url, { max: 1 });
  db = createKysely(pool);
  await sql`CREATE TABLE things (id uuid PRIMARY KEY, label text NOT NULL)`.execute(db);
  await sql`INSERT INTO things VALUES ('00000000-0000-4000-8000-000000000001', 'one'), ('00000000-0000-4000-8000-000000000002', 'two')`.execute(db);
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

/** The statements the (only) connection has prepared, as PostgreSQL lists them. */
async function prepared(): Promise<{ name: string; statement: string; genericPlans: number; customPlans: number }[]> {
  const result = await sql<{ name: string; statement: string; genericPlans: number; customPlans: number }>`
    SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements ORDER BY name`.execute(db);
  return result.rows;
}

const labelOf = (id: string, on: Kysely<Database> = db) =>
  on.selectFrom('things' as never).select(sql<string>`label`.as('label')).where(sql.ref('id'), '=', id).executeTakeFirst();

describe('prepared statements', () => {
  it('prepares a parameterised statement once per connection and reuses it', async () => {
    for (let run = 0; run < 8; run += 1) {
      expect(await labelOf('00000000-0000-4000-8000-000000000002')).toEqual({ label: 'two' });
    }
    const mine = (await prepared()).filter((row) => row.statement.includes('from "things"'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.name).toMatch(/^cp_[\w-]+$/);
    // Parsed once, run eight times: PostgreSQL counts the runs on the one prepared statement.
    expect(mine[0]!.genericPlans + mine[0]!.customPlans).toBe(8);
  });

  it('leaves statements without parameters (BEGIN, COMMIT, utility commands) unprepared', async () => {
    await db.transaction().execute(async (trx) => {
      await sql`SELECT count(*) FROM things`.execute(trx);
    });
    const statements = (await prepared()).map((row) => row.statement);
    expect(statements.some((text) => /count\(\*\)|begin|commit/i.test(text))).toBe(false);
  });

  it('prepares no more than its cap on one connection; the rest still run', async () => {
    const ownPool = createPool(database.url, { max: 1 });
    const own = createKysely(ownPool);
    try {
      for (let index = 0; index < PREPARED_PER_CONNECTION + 20; index += 1) {
        const result = await sql<{ value: number }>`SELECT ${index}::int + ${sql.raw(String(index))} AS value`.execute(own);
        expect(result.rows[0]!.value).toBe(index * 2);
      }
      const count = await sql<{ count: number }>`SELECT count(*)::int AS count FROM pg_prepared_statements`.execute(own);
      expect(count.rows[0]!.count).toBe(PREPARED_PER_CONNECTION);
    } finally {
      await ownPool.end();
    }
  });

  it('replaces the connection when a migration changed a prepared query’s columns', async () => {
    const listAll = () => sql<Record<string, unknown>>`SELECT * FROM things WHERE id = ${'00000000-0000-4000-8000-000000000001'}`.execute(db);
    expect((await listAll()).rows[0]).toEqual({ id: '00000000-0000-4000-8000-000000000001', label: 'one' });
    await sql`ALTER TABLE things ADD COLUMN note text`.execute(db);
    // PostgreSQL refuses the prepared statement once: its result would gain a column.
    await expect(listAll()).rejects.toMatchObject({ code: '0A000' });
    // That connection was closed when released; its replacement prepares afresh.
    expect((await listAll()).rows[0]).toEqual({ id: '00000000-0000-4000-8000-000000000001', label: 'one', note: null });
  });

  it('plans a run with a long array for its size: it goes unprepared, the short ones prepared', async () => {
    const count = (values: number[]) =>
      sql<{ count: number }>`SELECT count(*)::int AS count FROM unnest(${values}::int[]) AS value WHERE value > ${-1}`.execute(db);
    const long = Array.from({ length: MAX_PREPARED_ARRAY + 1 }, (_, index) => index);
    expect((await count(long)).rows[0]!.count).toBe(MAX_PREPARED_ARRAY + 1);
    const mine = async () => (await prepared()).filter((row) => row.statement.includes('FROM unnest('));
    expect(await mine()).toEqual([]);
    expect((await count([1, 2, 3])).rows[0]!.count).toBe(3);
    expect((await count(long)).rows[0]!.count).toBe(MAX_PREPARED_ARRAY + 1);
    const [statement] = await mine();
    // Prepared for the short run only: the long run after it was planned on its own.
    expect(statement!.genericPlans + statement!.customPlans).toBe(1);
    // An array the caller serialised itself (a long array literal) counts as long too.
    const literal = `{${long.join(',')}}`.padEnd(2001, ' ');
    const text = (value: string) =>
      sql<{ count: number }>`SELECT count(*)::int AS count FROM unnest(${value}::text::int[]) AS value WHERE value > ${-2}`.execute(db);
    expect((await text(literal)).rows[0]!.count).toBe(MAX_PREPARED_ARRAY + 1);
    expect((await prepared()).filter((row) => row.statement.includes('::text::int[]'))).toEqual([]);
    expect((await text('{1,2}')).rows[0]!.count).toBe(2);
    expect((await prepared()).filter((row) => row.statement.includes('::text::int[]'))).toHaveLength(1);
  });

  it('can be turned off (poolers without prepared statements)', async () => {
    const plainPool = createPool(database.url, { max: 1 });
    const plain = createKysely(plainPool, { prepare: false });
    try {
      await plain.selectFrom('things' as never).select(sql<string>`label`.as('label')).where(sql.ref('id'), '=', '00000000-0000-4000-8000-000000000001').execute();
      const result = await sql<{ count: number }>`SELECT count(*)::int AS count FROM pg_prepared_statements`.execute(plain);
      expect(result.rows[0]!.count).toBe(0);
    } finally {
      await plainPool.end();
    }
  });

  it('matches a list of ids with one parameter, whatever its length', async () => {
    const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
    const find = (list: string[]) =>
      db.selectFrom('things' as never).select(sql<string>`label`.as('label')).where(sql.ref('id'), '=', anyUuid(list)).orderBy(sql`label`).execute();
    expect(await find(ids)).toEqual([{ label: 'one' }, { label: 'two' }]);
    expect(await find(ids.slice(1))).toEqual([{ label: 'two' }]);
    expect(await find([])).toEqual([]);
    await expect(find(['not-a-uuid'])).rejects.toMatchObject({ code: '22P02' });
    const texts = (await prepared()).map((row) => row.statement).filter((text) => text.includes('ANY('));
    expect(texts).toHaveLength(1);
  });

  it('runs a generic-plan transaction: the unnest write PostgreSQL re-plans every time is planned once', async () => {
    // An UPDATE from unnested arrays: its generic plan assumes ten rows per array, so left to
    // itself PostgreSQL makes a custom plan for every run.
    const relabel = (trx: Kysely<Database>, id: string, label: string) =>
      sql`UPDATE things SET label = input.label FROM unnest(${[id]}::uuid[], ${[label]}::text[]) AS input (id, label) WHERE things.id = input.id`.execute(trx);
    const id = '00000000-0000-4000-8000-000000000001';
    for (let run = 0; run < 7; run += 1) await db.transaction().execute((trx) => relabel(trx, id, `auto ${run}`));
    const byItself = (await prepared()).find((row) => row.statement.includes('UPDATE things'))!;
    expect(byItself.customPlans).toBe(7);

    for (let run = 0; run < 7; run += 1) await genericPlanTransaction(db, (trx) => relabel(trx, id, `generic ${run}`));
    const forced = (await prepared()).find((row) => row.statement.includes('UPDATE things'))!;
    expect(forced.customPlans).toBe(7);
    expect(forced.genericPlans).toBe(7);
    expect(await labelOf(id)).toEqual({ label: 'generic 6' });
    // The setting lasts for the transaction only.
    const mode = await sql<{ planCacheMode: string }>`SELECT current_setting('plan_cache_mode') AS plan_cache_mode`.execute(db);
    expect(mode.rows[0]!.planCacheMode).toBe('auto');
  });


  it('keeps a generic plan by itself when the arrays an UPDATE unnests go through scalar subqueries', async () => {
    // The complaint status write's form: the planner cannot see the arrays' lengths, so custom
    // and generic plans are estimated alike and, after its five custom plans, PostgreSQL keeps
    // the generic one, with no transaction setting.
    const relabel = (id: string, label: string) =>
      sql`UPDATE things SET label = input.label FROM unnest((SELECT ${[id]}::uuid[]), (SELECT ${[label]}::text[])) AS input (id, label) WHERE things.id = input.id`.execute(db);
    const id = '00000000-0000-4000-8000-000000000001';
    for (let run = 0; run < 8; run += 1) await relabel(id, `opaque ${run}`);
    const statement = (await prepared()).find((row) => row.statement.includes('(SELECT $1::uuid[])'))!;
    expect(statement.customPlans).toBe(5);
    expect(statement.genericPlans).toBe(3);
    expect(await labelOf(id)).toEqual({ label: 'opaque 7' });
  });
  it('rolls a generic-plan transaction back when its work fails, and gives the work its result', async () => {
    const id = '00000000-0000-4000-8000-000000000002';
    await expect(
      genericPlanTransaction(db, async (trx) => {
        await sql`UPDATE things SET label = 'never' WHERE id = ${id}::uuid`.execute(trx);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await labelOf(id)).toEqual({ label: 'two' });
    const result = await genericPlanTransaction(db, async (trx) => (await labelOf(id, trx))?.label ?? null);
    expect(result).toBe('two');
    const open = await sql<{ inTransaction: boolean }>`SELECT now() <> statement_timestamp() AS in_transaction`.execute(db);
    expect(open.rows[0]!.inTransaction).toBe(false);
  });
});
