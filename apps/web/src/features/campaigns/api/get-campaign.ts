import { campaignDetailSchema, type CampaignDetail } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, campaignPath } from './campaign-keys';

/** How often to look again while the worker makes (or remakes) the plan. */
const RECHECK_MS = 3000;

/** True while the worker has not planned the campaign's latest inputs yet. */
export const isPlanPending = (campaign: CampaignDetail | undefined) =>
  !!campaign && campaign.status !== 'closed' && (!campaign.plan || !campaign.plan.isCurrent);

export const campaignQueryOptions = (collectiveId: string, campaignId: string) =>
  queryOptions({
    queryKey: campaignKeys.detail(campaignId),
    queryFn: ({ signal }) =>
      apiRequest(campaignPath(collectiveId, campaignId), { schema: campaignDetailSchema, signal }),
    // The plan is made by the worker within moments of a change: poll until it is current.
    refetchInterval: (query) => (isPlanPending(query.state.data) ? RECHECK_MS : false),
  });

/** A campaign: targets, participants, the plan per store, task counts, and my role. */
export const useCampaign = (collectiveId: string, campaignId: string) =>
  useQuery(campaignQueryOptions(collectiveId, campaignId));
