import { QUEUES } from '@counterpoint/queue';
import { z } from 'zod';
import { recomputeStandings } from '../standings/compute-standings';
import { DEFAULT_JOB_OPTIONS, defineJob } from './job-definition';

/**
 * Recomputes the standing of the sellers whose facts changed in one outbox batch (up to
 * 100 per job, so the work is a few set-based queries rather than one job per seller).
 * Each seller is deduplicated: one whose standing is already computed from its current
 * facts is skipped, so a burst of changes to one seller costs a handful of recomputations,
 * and a job run twice does nothing the second time.
 */
export const sellerStandingJob = defineJob({
  queue: QUEUES.standings,
  name: 'seller-standing',
  payload: z.object({ sellerIds: z.array(z.uuid()).min(1).max(500), trigger: z.string().max(64) }),
  options: DEFAULT_JOB_OPTIONS,
  // BullMQ ids may not contain ":" (except its own three-part form).
  jobId: (payload) => `standing-${payload.trigger}`,
  async handle(payload, context) {
    const result = await recomputeStandings(context.db, context.rulesets, payload.sellerIds, context.now());
    return { computed: result.computed, skipped: result.skipped, tierCrossings: result.tierCrossings.length };
  },
});
