import { acceptedInvitationSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys } from './collective-keys';

export function acceptInvitation(token: string) {
  return apiRequest('/api/v1/invitations/accept', {
    method: 'POST',
    body: { token },
    schema: acceptedInvitationSchema,
  });
}

/** Joins the collective an invitation link is for (each link works once). */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    // Not the preview of the link just used: refetched, it would answer 410 Gone.
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: collectiveKeys.all,
        predicate: (query) => query.queryKey[1] !== 'invitation-preview',
      }),
  });
}
