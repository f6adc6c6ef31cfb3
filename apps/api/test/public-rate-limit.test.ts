import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchedRateLimiter } from '../src/lib/batched-rate-limiter';
import { awaitFreshRateWindow, createTestContext, TEST_REDIS_URL, type TestContext } from './helpers';

/* The public API's per-IP limit (PUBLIC_RATE_LIMIT_PER_MINUTE), on its own small budget. */

let context: TestContext;

beforeAll(async () => {
  context = await createTestContext({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'true' });
});
afterAll(() => context.close());

const get = (url: string, ip: string) =>
  context.app.inject({ method: 'GET', url, headers: { 'x-forwarded-for': ip } });

describe('public rate limit', () => {
  it('answers 429 with Retry-After once an address spent its budget, across every public route', async () => {
    await awaitFreshRateWindow();
    const ip = '203.0.113.7';
    const answers = [
      await get('/public/v1/watchlist', ip),
      await get('/public/v1/watchlist.json', ip),
      await get('/public/v1/sellers/aliexpress/123', ip),
    ];
    expect(answers.map((response) => response.statusCode)).toEqual([200, 200, 404]);
    expect(answers[0]!.headers['x-ratelimit-limit']).toBe('3');
    expect(answers[0]!.headers['x-ratelimit-remaining']).toBe('2');

    for (const url of [
      '/public/v1/watchlist',
      '/public/v1/watchlist.atom',
      '/public/v1/watchlist?limit=abc',
    ]) {
      const limited = await get(url, ip);
      expect(limited.statusCode, url).toBe(429);
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.json()).toEqual({
        error: {
          code: 'rate_limited',
          message: expect.stringMatching(/^Too many requests\. Try again in \d+ s\.$/),
        },
      });
    }
    const disputed = await context.app.inject({
      method: 'POST',
      url: '/public/v1/sellers/aliexpress/123/disputes',
      headers: { 'x-forwarded-for': ip },
      payload: {
        contactEmail: 'seller@example.test',
        statement: 'This is my own design, I can prove it.',
      },
    });
    expect(disputed.statusCode).toBe(429);
  });

  it('counts each address on its own, and leaves the signed-in API to its own limit', async () => {
    expect((await get('/public/v1/watchlist', '203.0.113.8')).statusCode).toBe(200);
    const health = await get('/healthz', '203.0.113.7');
    expect(health.statusCode).toBe(200);
    const signedOut = await get('/api/v1/me', '203.0.113.7');
    expect(signedOut.statusCode).toBe(401);
  });
});

describe('BatchedRateLimiter', () => {
  it('shares counts between replicas through Redis, one pipeline per flush', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    const prefix = `${context.redisPrefix}:limiter`;
    const options = { max: 10, windowMs: 60_000, redis, prefix, flushEveryMs: 60_000 };
    const [first, second] = [new BatchedRateLimiter(options), new BatchedRateLimiter(options)];
    const now = 1_800_000_000_000;
    try {
      for (let index = 0; index < 6; index += 1)
        expect(first.hit('203.0.113.9', now).isAllowed).toBe(true);
      await first.flush();
      // The second replica learns the first one's count when it shares its own.
      for (let index = 0; index < 2; index += 1)
        expect(second.hit('203.0.113.9', now).isAllowed).toBe(true);
      await second.flush();
      expect(second.hit('203.0.113.9', now)).toMatchObject({ isAllowed: true, remaining: 1 });
      expect(second.hit('203.0.113.9', now)).toMatchObject({ isAllowed: true, remaining: 0 });
      expect(second.hit('203.0.113.9', now)).toMatchObject({
        isAllowed: false,
        remaining: 0,
        resetSeconds: 60,
      });
      // A new window starts afresh.
      expect(second.hit('203.0.113.9', now + 60_000).isAllowed).toBe(true);
    } finally {
      await first.close();
      await second.close();
      redis.disconnect();
    }
  });

  it('counts in process when there is no Redis (embedded mode)', () => {
    const limiter = new BatchedRateLimiter({
      max: 2,
      windowMs: 60_000,
      redis: null,
      prefix: 'x',
      flushEveryMs: 100,
    });
    expect([1, 2, 3].map(() => limiter.hit('198.51.100.1', 0).isAllowed)).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.hit('198.51.100.2', 0).isAllowed).toBe(true);
    expect(limiter.hit('198.51.100.1', 59_999)).toMatchObject({
      isAllowed: false,
      resetSeconds: 1,
    });
  });
});
