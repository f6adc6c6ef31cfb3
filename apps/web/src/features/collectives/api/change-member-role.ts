import { collectiveMemberSchema, type GrantableRole } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys, collectivePath } from './collective-keys';

export function changeMemberRole(collectiveId: string, artistId: string, role: GrantableRole) {
  return apiRequest(`${collectivePath(collectiveId)}/members/${encodeURIComponent(artistId)}`, {
    method: 'PATCH',
    body: { role },
    schema: collectiveMemberSchema,
  });
}

export function useChangeMemberRole(collectiveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ artistId, role }: { artistId: string; role: GrantableRole }) =>
      changeMemberRole(collectiveId, artistId, role),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: collectiveKeys.detail(collectiveId) }),
        queryClient.invalidateQueries({ queryKey: collectiveKeys.audit(collectiveId) }),
      ]),
  });
}
