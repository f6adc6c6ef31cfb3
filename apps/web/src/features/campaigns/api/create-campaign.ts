import { campaignDetailSchema, type CreateCampaignBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, campaignsPath } from './campaign-keys';

export const createCampaign = (collectiveId: string, body: CreateCampaignBody) =>
  apiRequest(campaignsPath(collectiveId), {
    method: 'POST',
    body,
    schema: campaignDetailSchema,
  });

/** Starts a campaign (admins and the owner); the worker plans it within moments. */
export function useCreateCampaign(collectiveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCampaignBody) => createCampaign(collectiveId, body),
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignKeys.detail(campaign.id), campaign);
      return queryClient.invalidateQueries({ queryKey: campaignKeys.list(collectiveId) });
    },
  });
}
