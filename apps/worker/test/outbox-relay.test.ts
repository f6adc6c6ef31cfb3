import { randomBytes, randomUUID } from 'node:crypto';
import { createKysely, createPool, writeOutbox, type Db } from '@counterpoint/db';
import { createTestDatabase, type TestDatabase } from '@counterpoint/db/testing';
import { createQueueConnection, QUEUES } from '@counterpoint/queue';
import { Redis } from 'ioredis';
import pino from 'pino';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../src/config';
import { startWorkerRuntime } from '../src/runtime';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let database: TestDatabase;
let pool: pg.Pool;
let db: Db;
const prefix = `cp-relay-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.url, { max: 4 });
  db = createKysely(pool);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const unprocessed = async () =>
  (await db.selectFrom('outbox').select('id').where('processedAt', 'is', null).execute()).length;

/**
 * A worker whose relay alone runs: no job is processed, so the jobs it makes stay in the
 * queue to be counted. Polling is a minute apart: only NOTIFY wakes it within a test.
 */
const startRelay = (environment: Record<string, string>) =>
  startWorkerRuntime(
    loadWorkerConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_PREFIX: prefix,
      OUTBOX_POLL_MS: '60000',
      LOG_LEVEL: 'silent',
      ...environment,
    }),
    { log: pino({ level: 'silent' }), jobs: [], isScheduling: false },
  );

describe('outbox relay', () => {
  it('sends a lone change at once, and gathers a burst of changes into one standing job', async () => {
    const runtime = await startRelay({ OUTBOX_GATHER_MS: '1500' });
    const connection = createQueueConnection({ kind: 'redis', url: REDIS_URL, prefix });
    const queue = connection.createQueue(QUEUES.standings);
    const standingJobs = async () =>
      (await queue.getJobs(['waiting', 'prioritized', 'delayed'])).map(
        (job) => (job.data as { sellerIds: string[] }).sellerIds,
      );
    const waitUntilRelayed = async () => {
      const deadline = Date.now() + 10_000;
      while ((await unprocessed()) > 0) {
        if (Date.now() > deadline) throw new Error('the relay did not relay');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      // A lone change: relayed on its NOTIFY, well before the poll (a minute) would find it.
      const lone = randomUUID();
      await writeOutbox(db, { topic: 'seller.facts_changed', payload: { sellerIds: [lone] } });
      await waitUntilRelayed();
      expect(await standingJobs()).toEqual([[lone]]);

      // A burst of ten commits within the gathering window: at most the first goes on its own
      // (the window since the lone change may have passed); the rest travel together.
      const burst = Array.from({ length: 10 }, () => randomUUID());
      for (const sellerId of burst)
        await writeOutbox(db, {
          topic: 'seller.facts_changed',
          payload: { sellerIds: [sellerId] },
        });
      await waitUntilRelayed();
      const jobs = (await standingJobs()).filter((sellerIds) => !sellerIds.includes(lone));
      expect(jobs.length).toBeLessThanOrEqual(2);
      expect(jobs.flat().sort()).toEqual([...burst].sort());
    } finally {
      await queue.close();
      await connection.close();
      await runtime.close();
    }
  });

  it('survives its listening connection being cut off, and still stops cleanly', async () => {
    const runtime = await startRelay({});
    const listening = async () =>
      (
        await pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
        )
      ).rows;
    const deadline = Date.now() + 10_000;
    while ((await listening()).length === 0) {
      if (Date.now() > deadline) throw new Error('the relay never listened');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // As when the server restarts or goes away: the relay's connection fails under it. It is
    // released once (pg-pool throws on a second release) and the worker still stops cleanly.
    for (const { pid } of await listening())
      await pool.query('SELECT pg_terminate_backend($1)', [pid]);
    await expect(runtime.close()).resolves.toBeUndefined();
  });
});
