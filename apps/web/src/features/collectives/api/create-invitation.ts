import { createdInvitationSchema, type CreateInvitationBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys, collectivePath } from './collective-keys';

export function createInvitation(collectiveId: string, body: CreateInvitationBody) {
  return apiRequest(`${collectivePath(collectiveId)}/invitations`, {
    method: 'POST',
    body,
    schema: createdInvitationSchema,
  });
}

/** Creates a single-use invitation link; its secret is in this one response only. */
export function useCreateInvitation(collectiveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationBody) => createInvitation(collectiveId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: collectiveKeys.invitations(collectiveId) }),
        queryClient.invalidateQueries({ queryKey: collectiveKeys.audit(collectiveId) }),
      ]),
  });
}
