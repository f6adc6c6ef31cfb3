import {
  createKysely,
  createPool,
  parallelQuerySettings,
  type Db,
  type ParallelWorkers,
} from '@counterpoint/db';
import { createTestDatabase, type TestDatabase } from '@counterpoint/db/testing';
import type { Job } from 'bullmq';
import { sql } from 'kysely';
import pino from 'pino';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../src/config';
import { JOBS } from '../src/jobs/registry';
import type { JobContext } from '../src/jobs/job-definition';
import { QUEUE_TABLES, vacuumQueuesJob } from '../src/jobs/vacuum-queues.job';

let database: TestDatabase;
let pool: pg.Pool;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.url, { max: 2 });
  db = createKysely(pool);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

async function tableStats(table: string) {
  // A backend keeps the statistics it read for the rest of its transaction: read them afresh.
  const { rows } = await sql<{ vacuumCount: string; deadRows: string }>`
    SELECT pg_stat_clear_snapshot(), vacuum_count AS vacuum_count, n_dead_tup AS dead_rows
    FROM pg_stat_user_tables WHERE relname = ${table}
  `.execute(db);
  return { vacuums: Number(rows[0]?.vacuumCount), dead: Number(rows[0]?.deadRows) };
}

describe('vacuum-queues', () => {
  it('is scheduled every minute, and clears the dead rows of the queue tables', async () => {
    expect(JOBS).toContain(vacuumQueuesJob);
    expect(vacuumQueuesJob.every?.({} as never)).toBe(60_000);

    // What the relay leaves behind: outbox rows written, then marked processed.
    await sql`
      INSERT INTO outbox (topic, payload)
      SELECT 'seller.facts_changed', '{"sellerIds": []}'::jsonb FROM generate_series(1, 2000)
    `.execute(db);
    await sql`UPDATE outbox SET processed_at = now()`.execute(db);
    await sql`INSERT INTO public_watchlist_pending (seller_id) SELECT gen_random_uuid() FROM generate_series(1, 500)`.execute(
      db,
    );
    await sql`DELETE FROM public_watchlist_pending`.execute(db);
    const before = await Promise.all(QUEUE_TABLES.map(tableStats));

    const context = {
      db,
      log: pino({ level: 'silent' }),
      now: () => new Date(),
    } as unknown as JobContext;
    expect(await vacuumQueuesJob.handle({}, context, {} as Job)).toEqual({ tables: 2 });

    const deadline = Date.now() + 5000;
    let after = await Promise.all(QUEUE_TABLES.map(tableStats));
    while (
      after.some((stats, index) => stats.vacuums === before[index]?.vacuums) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await Promise.all(QUEUE_TABLES.map(tableStats));
    }
    for (const [index, stats] of after.entries()) {
      expect(stats.vacuums, QUEUE_TABLES[index]).toBe((before[index]?.vacuums ?? 0) + 1);
      expect(stats.dead, QUEUE_TABLES[index]).toBe(0);
    }
  });
});

describe('database sessions', () => {
  it('run without parallel query by default, or as the server says with "server"', async () => {
    const setting = async (workers: ParallelWorkers) => {
      const sessionPool = createPool(database.url, { max: 1, ...parallelQuerySettings(workers) });
      try {
        const { rows } = await sessionPool.query<{ value: string }>(
          'SELECT current_setting($1) AS value',
          ['max_parallel_workers_per_gather'],
        );
        return rows[0]?.value;
      } finally {
        await sessionPool.end();
      }
    };
    const server = await setting('server');
    expect(await setting(loadWorkerConfig({}).database.parallelWorkers)).toBe('0');
    expect(await setting(3)).toBe('3');
    expect(server).toMatch(/^\d+$/);
  });
});
