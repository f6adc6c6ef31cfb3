import { campaignTaskSchema, type FileCampaignTaskBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, taskPath } from './campaign-keys';

export interface TaskRef {
  collectiveId: string;
  campaignId: string;
  taskId: string;
}

export const fileTask = (
  { collectiveId, campaignId, taskId }: TaskRef,
  body: FileCampaignTaskBody,
) =>
  apiRequest(`${taskPath(collectiveId, campaignId, taskId)}/filed`, {
    method: 'POST',
    body,
    schema: campaignTaskSchema,
  });

/**
 * Records my task as filed on IPP: the API creates its complaint and marks the task filed.
 * Complaints, reminders and every campaign view change with it.
 */
export function useFileTask(ref: TaskRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FileCampaignTaskBody) => fileTask(ref, body),
    // Not awaited: the card keeps its place and shows the outcome before the lists reload.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['complaints'] });
      void queryClient.invalidateQueries({ queryKey: ['reminders'] });
    },
  });
}
