import { campaignTaskListSchema, type CampaignTaskStatus } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, campaignPath } from './campaign-keys';

export const campaignTasksQueryOptions = (
  collectiveId: string,
  campaignId: string,
  scope: 'mine' | 'all',
  status?: CampaignTaskStatus,
) =>
  queryOptions({
    queryKey: campaignKeys.tasks(campaignId, scope, status),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ scope });
      if (status) params.set('status', status);
      return apiRequest(`${campaignPath(collectiveId, campaignId)}/tasks?${params.toString()}`, {
        schema: campaignTaskListSchema,
        signal,
      });
    },
    select: (data) => data.tasks,
  });

/** The plan's tasks by filing day: mine (default) or every member's. */
export const useCampaignTasks = (
  collectiveId: string,
  campaignId: string,
  scope: 'mine' | 'all',
  status?: CampaignTaskStatus,
) => useQuery(campaignTasksQueryOptions(collectiveId, campaignId, scope, status));
