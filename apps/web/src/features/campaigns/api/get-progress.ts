import { campaignProgressSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, campaignPath } from './campaign-keys';

export const progressQueryOptions = (collectiveId: string, campaignId: string) =>
  queryOptions({
    queryKey: campaignKeys.progress(campaignId),
    queryFn: ({ signal }) =>
      apiRequest(`${campaignPath(collectiveId, campaignId)}/progress`, {
        schema: campaignProgressSchema,
        signal,
      }),
  });

/** Projected against actual points per target, tier crossings and task counts. */
export const useProgress = (collectiveId: string, campaignId: string) =>
  useQuery(progressQueryOptions(collectiveId, campaignId));
