import { campaignDetailSchema, type UpdateCampaignBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, campaignPath } from './campaign-keys';

export const updateCampaign = (
  collectiveId: string,
  campaignId: string,
  body: UpdateCampaignBody,
) =>
  apiRequest(campaignPath(collectiveId, campaignId), {
    method: 'PATCH',
    body,
    schema: campaignDetailSchema,
  });

/** Changes a campaign's name, goal, end date or status (admins and the owner). */
export function useUpdateCampaign(collectiveId: string, campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCampaignBody) => updateCampaign(collectiveId, campaignId, body),
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignKeys.detail(campaignId), campaign);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.list(collectiveId) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.derived(campaignId) }),
        queryClient.invalidateQueries({ queryKey: ['campaigns', 'my-next-tasks'] }),
      ]);
    },
  });
}
