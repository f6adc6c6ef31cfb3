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
 * queue to be counted.
 */
const startRelay = (environment: Record<string, string>) =>
  startWorkerRuntime(
    loadWorkerConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      ...environment,
    }),
    { log: pino({ level: 'silent' }), jobs: [], isScheduling: false },
  );

const waitUntilRelayed = async (timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while ((await unprocessed()) > 0) {
    if (Date.now() > deadline) throw new Error('the relay did not relay');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('outbox relay', () => {
  it('relays a change within one poll, and a burst committed between two polls as one standing job', async () => {
    const runtime = await startRelay({ OUTBOX_POLL_MS: '1500' });
    const connection = createQueueConnection({ kind: 'redis', url: REDIS_URL, prefix });
    const queue = connection.createQueue(QUEUES.standings);
    const standingJobs = async () =>
      (await queue.getJobs(['waiting', 'prioritized', 'delayed'])).map(
        (job) => (job.data as { sellerIds: string[] }).sellerIds,
      );
    try {
      const lone = randomUUID();
      await writeOutbox(db, { topic: 'seller.facts_changed', payload: { sellerIds: [lone] } });
      const written = Date.now();
      await waitUntilRelayed();
      // Found by the next poll: within one interval (and a margin for a loaded machine).
      expect(Date.now() - written).toBeLessThan(1500 + 1000);
      expect(await standingJobs()).toEqual([[lone]]);

      // A burst of ten commits right after a poll: the next poll takes them all at once.
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

  it('keeps relaying after its database connections are cut off, and still stops cleanly', async () => {
    const runtime = await startRelay({ OUTBOX_POLL_MS: '50' });
    try {
      await writeOutbox(db, { topic: 'seller.facts_changed', payload: { sellerIds: [randomUUID()] } });
      await waitUntilRelayed();
      // As when the server restarts: every connection of the worker fails under it.
      await pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'counterpoint-worker'`,
      );
      await writeOutbox(db, { topic: 'seller.facts_changed', payload: { sellerIds: [randomUUID()] } });
      // The failed poll is retried after a back-off of a second or two.
      await waitUntilRelayed(15_000);
      expect(await unprocessed()).toBe(0);
    } finally {
      await expect(runtime.close()).resolves.toBeUndefined();
    }
  });
});
