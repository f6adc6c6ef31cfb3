import { toIsoDate } from '@counterpoint/core';
import { QUEUES } from '@counterpoint/queue';
import { z } from 'zod';
import { findCampaignsToReplan } from '../campaigns/campaign-sweep';
import { DEFAULT_JOB_OPTIONS, defineJob } from './job-definition';
import { replanCampaignJob } from './replan-campaign.job';

const MAX_PER_RUN = 5000;

/**
 * The daily re-plan, and the safety net: finds campaigns not closed whose plan was made before
 * today (so overdue tasks move forward and projections start from today), is missing, or is
 * older than their inputs (a lost job, a flushed Redis), and enqueues a re-plan for each. Runs
 * every quarter of an hour; a campaign is picked up once a day unless its inputs change.
 */
export const replanOpenCampaignsJob = defineJob({
  queue: QUEUES.maintenance,
  name: 'replan-open-campaigns',
  payload: z.object({}).passthrough(),
  options: { ...DEFAULT_JOB_OPTIONS, attempts: 1 },
  every: () => 15 * 60_000,
  async handle(_payload, context) {
    const today = toIsoDate(context.now());
    const due = await findCampaignsToReplan(context.db, today, MAX_PER_RUN);
    for (const campaign of due) {
      await context.enqueue(replanCampaignJob, {
        campaignId: campaign.id,
        trigger: `sweep-${today}-v${campaign.inputsVersion}`,
      });
    }
    if (due.length > 0) context.log.info({ enqueued: due.length }, 'campaigns due for a re-plan');
    return { enqueued: due.length };
  },
});
