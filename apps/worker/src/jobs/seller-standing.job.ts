import { QUEUES } from '@counterpoint/queue';
import { z } from 'zod';
import { recomputeStandings } from '../standings/compute-standings';
import { DEFAULT_JOB_OPTIONS, defineJob } from './job-definition';

/**
 * Recomputes one seller's standing. The relay enqueues one per seller per outbox batch
 * (keyed by the batch's last outbox id, so a replayed batch adds nothing); a job that finds
 * the standing already computed from the current facts does nothing, so a burst of changes
 * to one seller costs a handful of recomputations.
 */
export const sellerStandingJob = defineJob({
  queue: QUEUES.standings,
  name: 'seller-standing',
  payload: z.object({ sellerId: z.uuid(), trigger: z.string().max(64) }),
  options: DEFAULT_JOB_OPTIONS,
  jobId: (payload) => `standing:${payload.sellerId}:${payload.trigger}`,
  async handle(payload, context) {
    const result = await recomputeStandings(context.db, context.rulesets, [payload.sellerId], context.now());
    return { computed: result.computed, skipped: result.skipped, tierCrossings: result.tierCrossings.length };
  },
});
