import {
  campaignListSchema,
  campaignTaskListSchema,
  collectiveListSchema,
  type CampaignTaskView,
} from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { dashboardKeys } from './keys';

export interface MyCampaignTask {
  task: CampaignTaskView;
  collectiveId: string;
  campaignName: string;
}

const campaignsPath = (collectiveId: string) =>
  `/api/v1/collectives/${encodeURIComponent(collectiveId)}/campaigns`;

/**
 * My planned tasks across my collectives' open campaigns, due soonest first. The API answers
 * per campaign, so this asks each open campaign I take part in (usually one or two).
 */
export async function getMyCampaignTasks(signal?: AbortSignal): Promise<MyCampaignTask[]> {
  const { collectives } = await apiRequest('/api/v1/collectives', {
    schema: collectiveListSchema,
    signal,
  });
  const lists = await Promise.all(
    collectives.map((collective) =>
      apiRequest(campaignsPath(collective.id), { schema: campaignListSchema, signal }),
    ),
  );
  const mine = lists
    .flatMap((list) => list.campaigns)
    .filter((campaign) => campaign.status === 'open' && campaign.isParticipant);
  const perCampaign = await Promise.all(
    mine.map(async (campaign) => {
      const { tasks } = await apiRequest(
        `${campaignsPath(campaign.collectiveId)}/${encodeURIComponent(campaign.id)}/tasks?scope=mine&status=planned`,
        { schema: campaignTaskListSchema, signal },
      );
      return tasks.map((task) => ({
        task,
        collectiveId: campaign.collectiveId,
        campaignName: campaign.name,
      }));
    }),
  );
  return perCampaign
    .flat()
    .sort(
      (a, b) => a.task.fileOn.localeCompare(b.task.fileOn) || a.task.id.localeCompare(b.task.id),
    );
}

export const myCampaignTasksQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.campaignTasks,
    queryFn: ({ signal }) => getMyCampaignTasks(signal),
  });

/** My next campaign tasks, soonest first. */
export const useMyCampaignTasks = () => useQuery(myCampaignTasksQueryOptions());
