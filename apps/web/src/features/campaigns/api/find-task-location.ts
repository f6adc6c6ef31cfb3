import {
  campaignListSchema,
  campaignTaskListSchema,
  collectiveListSchema,
} from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, campaignsPath } from './campaign-keys';

export interface TaskLocation {
  collectiveId: string;
  campaignId: string;
  isMine: boolean;
}

/**
 * Where a task lives. Notifications link to `/campaigns/tasks/:taskId`, and the API has no
 * route for a task by its id alone: look through my collectives' campaigns (open ones first),
 * stopping at the first campaign that has it. Null when none of them does.
 */
export async function findTaskLocation(
  taskId: string,
  signal?: AbortSignal,
): Promise<TaskLocation | null> {
  const { collectives } = await apiRequest('/api/v1/collectives', {
    schema: collectiveListSchema,
    signal,
  });
  const lists = await Promise.all(
    collectives.map((collective) =>
      apiRequest(campaignsPath(collective.id), { schema: campaignListSchema, signal }),
    ),
  );
  const rank = { open: 0, paused: 1, closed: 2 } as const;
  const campaigns = lists
    .flatMap((list) => list.campaigns)
    .sort((a, b) => rank[a.status] - rank[b.status]);
  for (const campaign of campaigns) {
    const { tasks } = await apiRequest(
      `${campaignsPath(campaign.collectiveId)}/${campaign.id}/tasks?scope=all`,
      {
        schema: campaignTaskListSchema,
        signal,
      },
    );
    const task = tasks.find((candidate) => candidate.id === taskId);
    if (task) {
      return {
        collectiveId: campaign.collectiveId,
        campaignId: campaign.id,
        isMine: task.artist.isYou,
      };
    }
  }
  return null;
}

export const taskLocationQueryOptions = (taskId: string) =>
  queryOptions({
    queryKey: campaignKeys.taskLocation(taskId),
    queryFn: ({ signal }) => findTaskLocation(taskId, signal),
    staleTime: Infinity,
  });

export const useTaskLocation = (taskId: string) => useQuery(taskLocationQueryOptions(taskId));
