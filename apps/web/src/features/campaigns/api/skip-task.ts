import { campaignTaskSchema, type SkipCampaignTaskBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, taskPath } from './campaign-keys';
import type { TaskRef } from './file-task';

export const skipTask = (
  { collectiveId, campaignId, taskId }: TaskRef,
  body: SkipCampaignTaskBody,
) =>
  apiRequest(`${taskPath(collectiveId, campaignId, taskId)}/skip`, {
    method: 'POST',
    body,
    schema: campaignTaskSchema,
  });

/** Skips my task with a reason; the next plan gives its listings to other members if it can. */
export function useSkipTask(ref: TaskRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SkipCampaignTaskBody) => skipTask(ref, body),
    // Not awaited: the card keeps its place and shows the outcome before the lists reload.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['reminders'] });
    },
  });
}
