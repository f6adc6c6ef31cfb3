import { randomBytes } from 'node:crypto';
import { buildApp } from '@counterpoint/api';
import { loadApiConfig } from '@counterpoint/api/config';
import { createKysely, createPool, type Db } from '@counterpoint/db';
import { createTestDatabase, type TestDatabase } from '@counterpoint/db/testing';
import { loadWorkerConfig, startWorkerRuntime, type WorkerRuntime } from '@counterpoint/worker';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import pino from 'pino';
import type pg from 'pg';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The real stack for end-to-end tests: the API (driven with inject), workers on BullMQ over
 * Redis, PostgreSQL — each test file on its own database and Redis prefix.
 */
export class Stack {
  app!: FastifyInstance;
  worker: WorkerRuntime | null = null;
  db!: Db;
  database!: TestDatabase;
  private pool!: pg.Pool;
  readonly prefix = `cp-e2e-${randomBytes(5).toString('hex')}`;

  constructor(private readonly overrides: Record<string, string> = {}) {}

  get environment(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: this.database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: this.prefix,
      DATA_DIR: `/tmp/${this.prefix}`,
      LOG_LEVEL: 'silent',
      OUTBOX_POLL_MS: '200',
      RATE_LIMIT_PER_MINUTE: '100000',
      ...this.overrides,
    };
  }

  /**
   * `listen: true` also serves the API (and the built web app) over HTTP on a free port of
   * 127.0.0.1, for browser tests; `url` is then its origin.
   */
  async start(options: { worker?: boolean; listen?: boolean } = {}): Promise<this> {
    this.database = await createTestDatabase();
    this.pool = createPool(this.database.url, { max: 4 });
    this.db = createKysely(this.pool);
    this.app = await buildApp(loadApiConfig(this.environment), { logger: false });
    await this.app.ready();
    if (options.listen) await this.app.listen({ host: '127.0.0.1', port: 0 });
    if (options.worker !== false) await this.startWorker();
    return this;
  }

  /** The origin the API listens on (after `start({ listen: true })`). */
  get url(): string {
    const address = this.app.server.address();
    if (!address || typeof address === 'string') throw new Error('The stack is not listening.');
    return `http://127.0.0.1:${address.port}`;
  }

  async startWorker(environment: Record<string, string> = {}): Promise<WorkerRuntime> {
    this.worker = await startWorkerRuntime(
      loadWorkerConfig({ ...this.environment, ...environment }),
      { log: pino({ level: 'silent' }) },
    );
    return this.worker;
  }

  /** Stops the worker the way a crash would: running jobs are abandoned, nothing is drained. */
  async crashWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    await worker.close({ force: true });
  }

  async flushRedis(): Promise<void> {
    const redis = new Redis(TEST_REDIS_URL);
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.app?.close();
    await this.pool?.end();
    await this.flushRedis();
    await this.database?.drop();
  }
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  label = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
