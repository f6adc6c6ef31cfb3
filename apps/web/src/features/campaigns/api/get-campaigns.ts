import { campaignListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, campaignsPath } from './campaign-keys';

export const campaignsQueryOptions = (collectiveId: string) =>
  queryOptions({
    queryKey: campaignKeys.list(collectiveId),
    queryFn: ({ signal }) =>
      apiRequest(campaignsPath(collectiveId), { schema: campaignListSchema, signal }),
    select: (data) => data.campaigns,
  });

/** The collective's campaigns, open ones first (members only). */
export const useCampaigns = (collectiveId: string) => useQuery(campaignsQueryOptions(collectiveId));
