import { QUEUES } from '@counterpoint/queue';
import { z } from 'zod';
import { recomputeStandings } from '../standings/compute-standings';
import { StandingRepository } from '../standings/standing.repository';
import { DEFAULT_JOB_OPTIONS, defineJob } from './job-definition';

const BATCH = 500;
const MAX_PER_RUN = 20_000;

/**
 * The safety net: every few minutes, finds sellers whose standing is missing, older than
 * their facts (a lost job, a flushed Redis) or due to change as points expire, and
 * recomputes them in batches. Whatever goes wrong with the queue, standings converge.
 */
export const reconcileStandingsJob = defineJob({
  queue: QUEUES.maintenance,
  name: 'reconcile-standings',
  payload: z.object({}).passthrough(),
  options: { ...DEFAULT_JOB_OPTIONS, attempts: 1 },
  every: (config) => config.reconcileEverySeconds * 1000,
  async handle(_payload, context, job) {
    const repository = new StandingRepository(context.db);
    let repaired = 0;
    while (repaired < MAX_PER_RUN) {
      const stale = await repository.findStale(context.now(), BATCH);
      if (stale.length === 0) break;
      const result = await recomputeStandings(context.db, context.rulesets, stale.map((seller) => seller.id), context.now());
      repaired += result.computed;
      await job.updateProgress({ repaired });
      // Nothing written means the rest are being handled elsewhere right now; try next run.
      if (result.computed === 0) break;
    }
    if (repaired > 0) context.log.info({ repaired }, 'reconciliation recomputed stale standings');
    return { repaired };
  },
});
