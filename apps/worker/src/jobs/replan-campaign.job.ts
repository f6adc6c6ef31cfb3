import { PlanInputError } from '@counterpoint/core';
import { QUEUES } from '@counterpoint/queue';
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { replanCampaign } from '../campaigns/replan-campaign';
import { DEFAULT_JOB_OPTIONS, defineJob } from './job-definition';

export const replanCampaignPayloadSchema = z.object({
  campaignId: z.uuid(),
  /** What asked for it (`outbox-<id>`, `sweep-<day>-v<version>`); no colons, it is part of the job id. */
  trigger: z
    .string()
    .regex(/^[\w.-]+$/)
    .max(64),
});
export type ReplanCampaignPayload = z.infer<typeof replanCampaignPayloadSchema>;

/**
 * Re-plans one campaign (`campaign.inputs_changed`, or the daily sweep). The relay enqueues
 * one per campaign per outbox batch, keyed like the standings job, so a burst of changes to
 * one campaign costs one re-plan per batch; the re-plan itself is idempotent.
 */
export const replanCampaignJob = defineJob<ReplanCampaignPayload>({
  queue: QUEUES.campaigns,
  name: 'replan-campaign',
  payload: replanCampaignPayloadSchema,
  options: DEFAULT_JOB_OPTIONS,
  jobId: (payload) => `campaign:${payload.campaignId}:${payload.trigger}`,
  async handle(payload, context) {
    try {
      const result = await replanCampaign(
        context.db,
        context.rulesets,
        payload.campaignId,
        context.now(),
      );
      return { outcome: result.outcome, ...result.tasks };
    } catch (error) {
      // Inputs the planner cannot use will not improve with retries.
      if (error instanceof PlanInputError) throw new UnrecoverableError(error.message);
      throw error;
    }
  },
});
