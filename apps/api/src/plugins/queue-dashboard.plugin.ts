import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { ALL_QUEUES } from '@counterpoint/queue';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';
import { requireAuth } from '../types';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board at /admin/queues for moderators: queue sizes, failed jobs and their errors,
 * retries. Every request to it, pages and API alike, is authenticated first.
 */
export async function registerQueueDashboard(app: FastifyInstance): Promise<void> {
  const queues = ALL_QUEUES.map((name) => {
    const queue = app.queues.createQueue(name);
    // Queue errors (Redis away) are reported by /readyz; they must not crash the API.
    queue.on('error', (error) => app.log.warn({ err: error, queue: name }, 'queue connection error'));
    return queue;
  });
  const serverAdapter = new FastifyAdapter();
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue as never)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Counterpoint queues' } },
  });
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  await app.register(
    async (scope) => {
      scope.addHook('onRequest', scope.authenticate);
      scope.addHook('onRequest', async (request) => {
        if (requireAuth(request).role !== 'moderator') {
          throw new AppError('forbidden', 'The queue dashboard is for moderators.');
        }
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
  app.addHook('onClose', async () => {
    await Promise.allSettled(queues.map((queue) => queue.close()));
  });
}
