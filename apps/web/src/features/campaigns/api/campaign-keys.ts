import type { CampaignTaskStatus } from '@counterpoint/core/contracts';

/**
 * Query keys of the campaigns feature. Everything lives under `campaigns`, so a filing, a skip
 * or a setting change refreshes every campaign view (the dashboard's task list included).
 */
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (collectiveId: string) => [...campaignKeys.all, 'list', collectiveId] as const,
  detail: (campaignId: string) => [...campaignKeys.all, 'detail', campaignId] as const,
  /** Everything derived from one campaign's plan: tasks, coverage, progress. */
  derived: (campaignId: string) => [...campaignKeys.all, 'derived', campaignId] as const,
  tasks: (campaignId: string, scope: 'mine' | 'all', status?: CampaignTaskStatus) =>
    [...campaignKeys.derived(campaignId), 'tasks', scope, status ?? 'any'] as const,
  coverage: (campaignId: string) => [...campaignKeys.derived(campaignId), 'coverage'] as const,
  progress: (campaignId: string) => [...campaignKeys.derived(campaignId), 'progress'] as const,
  standing: (sellerId: string) => [...campaignKeys.all, 'standing', sellerId] as const,
  taskLocation: (taskId: string) => [...campaignKeys.all, 'task-location', taskId] as const,
};

/** Shared with the collectives feature, which changes this data: one cache entry per collective. */
export const collectiveDetailKey = (collectiveId: string) =>
  ['collectives', 'detail', collectiveId] as const;
export const collectiveSellersKey = (collectiveId: string) =>
  ['collectives', 'sellers', collectiveId, 'first-page'] as const;

export const campaignsPath = (collectiveId: string) =>
  `/api/v1/collectives/${encodeURIComponent(collectiveId)}/campaigns`;

export const campaignPath = (collectiveId: string, campaignId: string) =>
  `${campaignsPath(collectiveId)}/${encodeURIComponent(campaignId)}`;

export const taskPath = (collectiveId: string, campaignId: string, taskId: string) =>
  `${campaignPath(collectiveId, campaignId)}/tasks/${encodeURIComponent(taskId)}`;

/** The page of a campaign, on a tab, optionally pointing at one task. */
export function campaignPageUrl(
  collectiveId: string,
  campaignId: string,
  tab?: 'overview' | 'plan' | 'coverage' | 'tasks' | 'progress',
  taskId?: string,
): string {
  const params = new URLSearchParams();
  if (tab && tab !== 'overview') params.set('tab', tab);
  if (taskId) params.set('task', taskId);
  const query = params.toString();
  return `/collectives/${encodeURIComponent(collectiveId)}/campaigns/${encodeURIComponent(campaignId)}${query ? `?${query}` : ''}`;
}
