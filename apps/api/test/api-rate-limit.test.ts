import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaitFreshRateWindow, createTestContext, registerArtist, TEST_REDIS_URL, type TestArtist, type TestContext } from './helpers';

/*
 * The API's own per-address limit (RATE_LIMIT_PER_MINUTE, @fastify/rate-limit with the batched
 * store): counted in the process, shared through Redis in batches.
 */

let context: TestContext;
let artist: TestArtist;

beforeAll(async () => {
  context = await createTestContext({ RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'true' });
  artist = await registerArtist(context.app);
});
afterAll(() => context.close());

/** A signed-in read, from `ip`. */
const me = (ip: string) =>
  context.app.inject({ method: 'GET', url: '/api/v1/me', headers: { ...artist.headers, 'x-forwarded-for': ip } });

describe('API rate limit', () => {
  it('answers 429 with Retry-After and a code once an address spent its budget', async () => {
    await awaitFreshRateWindow();
    const ip = '192.0.2.10';
    const allowed = [await me(ip), await me(ip), await me(ip)];
    expect(allowed.map((response) => response.statusCode)).toEqual([200, 200, 200]);
    expect(allowed.map((response) => response.headers['x-ratelimit-remaining'])).toEqual(['2', '1', '0']);

    const limited = await me(ip);
    expect(limited.statusCode).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringMatching(/^Too many requests\. Try again in \d+ s\.$/) },
    });
    // Another address has its own budget; health checks have none.
    expect((await me('192.0.2.11')).statusCode).toBe(200);
    expect((await context.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-for': ip } })).statusCode).toBe(200);
  });

  it('shares its counts with the other processes through Redis, without a command per request', async () => {
    await awaitFreshRateWindow();
    const ip = '192.0.2.20';
    await me(ip);
    await me(ip);
    const redis = new Redis(TEST_REDIS_URL);
    try {
      // The counts reach Redis in the next flush (every 100 ms), under the API's namespace. A
      // flush may fall between the two requests: then the second count comes one flush later.
      const pattern = `${context.redisPrefix}:api-rate:*:${ip}`;
      let keys: string[] = [];
      let count: string | null = null;
      for (let attempt = 0; attempt < 50 && count !== '2'; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        keys = await redis.keys(pattern);
        count = keys[0] ? await redis.get(keys[0]) : null;
      }
      expect(keys).toHaveLength(1);
      expect(await redis.get(keys[0]!)).toBe('2');
      // Another process spent the rest of this address's budget: this one learns it at its next flush.
      await redis.incrby(keys[0]!, 5);
      await me(ip);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect((await me(ip)).statusCode).toBe(429);
    } finally {
      redis.disconnect();
    }
  });
});
