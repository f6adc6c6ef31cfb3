import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

const checkSchema = z.enum(['ok', 'down', 'not_used']);
const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ postgres: checkSchema, redis: checkSchema }),
});

async function within<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), milliseconds);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: its backends answer). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/healthz', {
    config: { rateLimit: false },
    schema: {
      tags: ['operations'],
      summary: 'Liveness',
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    handler: () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    config: { rateLimit: false },
    schema: {
      tags: ['operations'],
      summary: 'Readiness: PostgreSQL and Redis reachable',
      response: { 200: readySchema, 503: readySchema },
    },
    handler: async (_request, reply) => {
      const postgres = await within(sql`SELECT 1`.execute(app.db), 2000).then(
        () => 'ok' as const,
        () => 'down' as const,
      );
      const redis = app.redis
        ? await within(app.redis.ping(), 1000).then(
            () => 'ok' as const,
            () => 'down' as const,
          )
        : ('not_used' as const);
      const isReady = postgres === 'ok' && redis !== 'down';
      return reply
        .status(isReady ? 200 : 503)
        .send({ status: isReady ? 'ready' : 'not_ready', checks: { postgres, redis } });
    },
  });
};
