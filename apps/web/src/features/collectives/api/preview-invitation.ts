import { invitationPreviewSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys } from './collective-keys';

/** What an invitation offers; POST so that the secret stays out of URLs and logs. */
export function previewInvitation(token: string, signal?: AbortSignal) {
  return apiRequest('/api/v1/invitations/preview', {
    method: 'POST',
    body: { token },
    schema: invitationPreviewSchema,
    signal,
  });
}

export const invitationPreviewQueryOptions = (token: string) =>
  queryOptions({
    queryKey: collectiveKeys.invitationPreview(token),
    queryFn: ({ signal }) => previewInvitation(token, signal),
    retry: false,
    staleTime: Infinity,
  });

export function useInvitationPreview(token: string | null) {
  return useQuery({ ...invitationPreviewQueryOptions(token ?? ''), enabled: Boolean(token) });
}
