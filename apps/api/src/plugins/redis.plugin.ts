import { createQueueConnection } from '@counterpoint/queue';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { createMemoryAttemptLimiter, createRedisAttemptLimiter } from '../lib/attempt-limiter';

/**
 * Redis (production) or nothing (embedded). The API uses it for shared rate-limit
 * counters and to read queue state; writes never depend on it (they go to the outbox).
 */
export const redisPlugin = fp(
  async (app) => {
    const { redis: redisConfig } = app.config;
    const redis = redisConfig
      ? new Redis(redisConfig.url, {
          // Fail fast: a request must not hang because Redis is away.
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2000,
          lazyConnect: true,
        })
      : null;
    if (redis) {
      redis.on('error', (error) => app.log.warn({ err: error }, 'redis connection error'));
      await redis
        .connect()
        .catch((error: unknown) => app.log.warn({ err: error }, 'redis unavailable at start-up'));
    }
    app.decorate('redis', redis);
    app.decorate(
      'attemptLimiter',
      redis && redisConfig
        ? createRedisAttemptLimiter(redis, redisConfig.prefix)
        : createMemoryAttemptLimiter(),
    );
    app.decorate('queues', createQueueConnection(app.config.queue));
    app.addHook('onClose', async () => {
      app.attemptLimiter.close();
      await app.queues.close();
      if (redis) await redis.quit().catch(() => redis.disconnect());
    });
  },
  { name: 'redis' },
);
