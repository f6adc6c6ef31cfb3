import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@counterpoint/db/testing';
import { createKysely, createPool, type Db } from '@counterpoint/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp, type BuildOptions } from '../src/app';
import { loadApiConfig, type ApiConfig } from '../src/config';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestContext {
  app: FastifyInstance;
  config: ApiConfig;
  /** Direct database access for arranging and asserting; tests never mock it. */
  db: Db;
  database: TestDatabase;
  redisPrefix: string;
  close(): Promise<void>;
}

/** Deletes every Redis key a test file created (they all share its unique prefix). */
export async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** An API on its own database and Redis prefix, so test files run in parallel. */
export async function createTestContext(
  environment: Record<string, string> = {},
  buildOptions: BuildOptions = { logger: false },
): Promise<TestContext> {
  const database = await createTestDatabase();
  const redisPrefix = `cp-test-${randomBytes(5).toString('hex')}`;
  const config = loadApiConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    DATA_DIR: `/tmp/${redisPrefix}`,
    LOG_LEVEL: 'silent',
    ...environment,
  });
  const app = await buildApp(config, buildOptions);
  await app.ready();
  const pool = createPool(database.url, { max: 3 });
  const db = createKysely(pool);
  return {
    app,
    config,
    db,
    database,
    redisPrefix,
    close: async () => {
      await app.close();
      await pool.end();
      await database.drop();
      await deleteRedisPrefix(redisPrefix);
    },
  };
}

/** A signed-in client: carries the session cookie and CSRF token like a browser does. */
export interface TestArtist {
  id: string;
  email: string;
  password: string;
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

let counter = 0;

export function uniqueEmail(label = 'artist'): string {
  counter += 1;
  return `${label}.${counter}.${randomBytes(3).toString('hex')}@example.test`;
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((entry) => entry.name === 'cp_session');
  if (!cookie)
    throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `cp_session=${cookie.value}`;
}

export async function registerArtist(
  app: FastifyInstance,
  overrides: Partial<{ email: string; password: string; displayName: string }> = {},
): Promise<TestArtist> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? 'correct horse battery staple';
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, displayName: overrides.displayName ?? 'Test Artist' },
  });
  if (response.statusCode !== 201)
    throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ artist: { id: string }; csrfToken: string }>();
  const cookie = sessionCookie(response);
  return {
    id: body.artist.id,
    email,
    password,
    cookie,
    csrfToken: body.csrfToken,
    headers: { cookie, 'x-csrf-token': body.csrfToken },
  };
}

/**
 * Rate limits count in fixed windows aligned to the clock. A test that spends a budget calls
 * this first: when the current window ends within `marginMs`, it waits for the next one, so
 * the test's hits cannot straddle two windows (and find the budget renewed halfway).
 */
export async function awaitFreshRateWindow(windowMs = 60_000, marginMs = 15_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
