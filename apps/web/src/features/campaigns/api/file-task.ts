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
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['complaints'] }),
        queryClient.invalidateQueries({ queryKey: ['reminders'] }),
      ]),
  });
}
