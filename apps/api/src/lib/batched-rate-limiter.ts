import type { Redis } from 'ioredis';

export interface RateDecision {
  isAllowed: boolean;
  /** Hits in the current window, this one included (a refused hit is not counted). */
  count: number;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
}

export interface BatchedRateLimiterOptions {
  max: number;
  windowMs: number;
  /** Names the shared counters in Redis (`<prefix>:<namespace>:<window>:<key>`); `public-rate` by default. */
  namespace?: string;
  /** Shared counters (production); null counts in this process only (embedded mode). */
  redis: Redis | null;
  prefix: string;
  /** How often local counts are added to the shared ones. */
  flushEveryMs: number;
  /** Addresses tracked per window at most; beyond that, new ones pass uncounted (memory bound). */
  maxTracked?: number;
  onError?: (error: unknown) => void;
}

interface Counter {
  /** The shared count as Redis last reported it (this replica's flushed hits included). */
  known: number;
  /** Hits sent to Redis, not yet acknowledged. */
  inFlight: number;
  /** Hits counted here since the last flush. */
  pending: number;
}

/**
 * A per-key fixed-window limit that costs no network round trip per request: each replica
 * counts locally and adds its counts to the shared Redis counters in one pipeline every
 * `flushEveryMs`, learning the other replicas' counts in return. A client spread over N
 * replicas may exceed the limit by what N replicas admit in one flush interval;
 * @fastify/rate-limit's Redis store is exact but pays a Redis command per request, which was
 * the largest cost of a cached public response (see docs/public-watchlist.md). The public API
 * uses it directly; the rest of the API through `batchedRateLimitStore`.
 */
export class BatchedRateLimiter {
  private window = -1;
  private counters = new Map<string, Counter>();
  private readonly timer: NodeJS.Timeout | null;
  private flushing: Promise<void> | null = null;

  constructor(private readonly options: BatchedRateLimiterOptions) {
    this.timer = options.redis ? setInterval(() => void this.flush(), options.flushEveryMs) : null;
    this.timer?.unref();
  }

  hit(key: string, now = Date.now()): RateDecision {
    const { max, windowMs } = this.options;
    const window = Math.floor(now / windowMs);
    if (window !== this.window) {
      this.window = window;
      this.counters = new Map();
    }
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
    let counter = this.counters.get(key);
    if (!counter) {
      if (this.counters.size >= (this.options.maxTracked ?? 1_000_000)) {
        return { isAllowed: true, count: 0, limit: max, remaining: max, resetSeconds };
      }
      counter = { known: 0, inFlight: 0, pending: 0 };
      this.counters.set(key, counter);
    }
    const count = counter.known + counter.inFlight + counter.pending + 1;
    if (count > max) return { isAllowed: false, count, limit: max, remaining: 0, resetSeconds };
    if (this.options.redis) counter.pending += 1;
    else counter.known += 1;
    return { isAllowed: true, count, limit: max, remaining: max - count, resetSeconds };
  }

  /** Adds the local counts to the shared ones (one pipeline for every address). */
  flush(): Promise<void> {
    this.flushing ??= this.send().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  private async send(): Promise<void> {
    const redis = this.options.redis;
    if (!redis) return;
    const window = this.window;
    const batch: [string, Counter, number][] = [];
    for (const [key, counter] of this.counters) {
      if (counter.pending === 0) continue;
      batch.push([key, counter, counter.pending]);
      counter.inFlight += counter.pending;
      counter.pending = 0;
    }
    if (batch.length === 0) return;
    const pipeline = redis.pipeline();
    for (const [key, , hits] of batch) {
      const redisKey = `${this.options.prefix}:${this.options.namespace ?? 'public-rate'}:${window}:${key}`;
      pipeline.incrby(redisKey, hits);
      pipeline.pexpire(redisKey, this.options.windowMs * 2);
    }
    try {
      const results = (await pipeline.exec()) ?? [];
      batch.forEach(([, counter, hits], index) => {
        const [error, total] = results[index * 2] ?? [new Error('no reply'), null];
        counter.inFlight -= hits;
        // Without a reply, the hits still count here: the limit holds per replica at least.
        counter.known = error ? counter.known + hits : Math.max(counter.known, Number(total));
      });
    } catch (error) {
      for (const [, counter, hits] of batch) {
        counter.inFlight -= hits;
        counter.known += hits;
      }
      this.options.onError?.(error);
    }
  }
}
