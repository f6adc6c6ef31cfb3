import { okResponseSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys, collectivePath } from './collective-keys';

export function revokeInvitation(collectiveId: string, invitationId: string) {
  return apiRequest(
    `${collectivePath(collectiveId)}/invitations/${encodeURIComponent(invitationId)}`,
    { method: 'DELETE', schema: okResponseSchema },
  );
}

/** Withdraws an open invitation so its link stops working. */
export function useRevokeInvitation(collectiveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(collectiveId, invitationId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: collectiveKeys.invitations(collectiveId) }),
        queryClient.invalidateQueries({ queryKey: collectiveKeys.audit(collectiveId) }),
      ]),
  });
}
