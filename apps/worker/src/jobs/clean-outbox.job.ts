import { QUEUES } from '@counterpoint/queue';
import { z } from 'zod';
import { DEFAULT_JOB_OPTIONS, defineJob } from './job-definition';

const RETENTION_MS = 7 * 86_400_000;

/** Relayed outbox rows are kept a week (to inspect what happened), then deleted. */
export const cleanOutboxJob = defineJob({
  queue: QUEUES.maintenance,
  name: 'clean-outbox',
  payload: z.object({}).passthrough(),
  options: { ...DEFAULT_JOB_OPTIONS, attempts: 2 },
  every: () => 6 * 3_600_000,
  async handle(_payload, context) {
    const cutoff = new Date(context.now().getTime() - RETENTION_MS);
    const deleted = await context.db.deleteFrom('outbox').where('processedAt', '<', cutoff).executeTakeFirst();
    return { deleted: Number(deleted.numDeletedRows) };
  },
});
