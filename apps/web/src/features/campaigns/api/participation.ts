import {
  campaignParticipantSchema,
  okResponseSchema,
  type ParticipationBody,
} from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, campaignPath } from './campaign-keys';

export const setParticipation = (
  collectiveId: string,
  campaignId: string,
  body: ParticipationBody,
) =>
  apiRequest(`${campaignPath(collectiveId, campaignId)}/participation`, {
    method: 'PUT',
    body,
    schema: campaignParticipantSchema,
  });

export const leaveCampaign = (collectiveId: string, campaignId: string) =>
  apiRequest(`${campaignPath(collectiveId, campaignId)}/participation`, {
    method: 'DELETE',
    schema: okResponseSchema,
  });

/** After joining, leaving or changing constraints the worker re-plans: refresh the campaign. */
function useRefreshCampaign(collectiveId: string, campaignId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
      queryClient.invalidateQueries({ queryKey: campaignKeys.list(collectiveId) }),
      queryClient.invalidateQueries({ queryKey: campaignKeys.derived(campaignId) }),
      queryClient.invalidateQueries({ queryKey: ['campaigns', 'my-next-tasks'] }),
    ]);
}

/** Opts me in, or changes my constraints. */
export function useSetParticipation(collectiveId: string, campaignId: string) {
  const refresh = useRefreshCampaign(collectiveId, campaignId);
  return useMutation({
    mutationFn: (body: ParticipationBody) => setParticipation(collectiveId, campaignId, body),
    onSuccess: refresh,
  });
}

/** Opts me out: my planned tasks are cancelled, filed ones stay. */
export function useLeaveCampaign(collectiveId: string, campaignId: string) {
  const refresh = useRefreshCampaign(collectiveId, campaignId);
  return useMutation({
    mutationFn: () => leaveCampaign(collectiveId, campaignId),
    onSuccess: refresh,
  });
}
