import type { Redis } from 'ioredis';

export interface AttemptCount {
  count: number;
  /** Seconds until the window resets (0 when no attempts are recorded). */
  retryAfterSeconds: number;
}

/**
 * Counts attempts per key in fixed windows (login failures per account and per IP).
 * Redis in production so that every API replica sees the same counts; in-process
 * memory in the embedded single-process mode.
 */
export interface AttemptLimiter {
  peek(key: string): Promise<AttemptCount>;
  hit(key: string, windowSeconds: number): Promise<AttemptCount>;
  reset(key: string): Promise<void>;
  close(): void;
}

const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

export function createRedisAttemptLimiter(redis: Redis, prefix: string): AttemptLimiter {
  const fullKey = (key: string) => `${prefix}:attempts:${key}`;
  const seconds = (milliseconds: number) => Math.max(0, Math.ceil(milliseconds / 1000));
  return {
    async peek(key) {
      const [count, ttl] = await Promise.all([redis.get(fullKey(key)), redis.pttl(fullKey(key))]);
      return { count: Number(count ?? 0), retryAfterSeconds: seconds(ttl) };
    },
    async hit(key, windowSeconds) {
      const [count, ttl] = (await redis.eval(
        HIT_SCRIPT,
        1,
        fullKey(key),
        windowSeconds * 1000,
      )) as [number, number];
      return { count, retryAfterSeconds: seconds(ttl) };
    },
    async reset(key) {
      await redis.del(fullKey(key));
    },
    close: () => undefined,
  };
}

export function createMemoryAttemptLimiter(now: () => number = Date.now): AttemptLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (key: string) => {
    const entry = windows.get(key);
    if (entry && entry.resetAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return entry;
  };
  const sweep = setInterval(() => {
    for (const key of windows.keys()) current(key);
  }, 60_000);
  sweep.unref();
  return {
    peek(key) {
      const entry = current(key);
      return Promise.resolve({
        count: entry?.count ?? 0,
        retryAfterSeconds: entry ? Math.ceil((entry.resetAt - now()) / 1000) : 0,
      });
    },
    hit(key, windowSeconds) {
      const entry = current(key) ?? { count: 0, resetAt: now() + windowSeconds * 1000 };
      entry.count += 1;
      windows.set(key, entry);
      return Promise.resolve({
        count: entry.count,
        retryAfterSeconds: Math.ceil((entry.resetAt - now()) / 1000),
      });
    },
    reset(key) {
      windows.delete(key);
      return Promise.resolve();
    },
    close: () => clearInterval(sweep),
  };
}
