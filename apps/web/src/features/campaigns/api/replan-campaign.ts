import { okResponseSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, campaignPath } from './campaign-keys';

export const replanCampaign = (collectiveId: string, campaignId: string) =>
  apiRequest(`${campaignPath(collectiveId, campaignId)}/replan`, {
    method: 'POST',
    schema: okResponseSchema,
  });

/** Asks the worker for a new plan now (admins); the campaign is polled until it is current. */
export function useReplanCampaign(collectiveId: string, campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => replanCampaign(collectiveId, campaignId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
  });
}
