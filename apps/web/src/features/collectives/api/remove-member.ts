import { okResponseSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys, collectivePath } from './collective-keys';

export function removeMember(collectiveId: string, artistId: string) {
  return apiRequest(`${collectivePath(collectiveId)}/members/${encodeURIComponent(artistId)}`, {
    method: 'DELETE',
    schema: okResponseSchema,
  });
}

/** Removes a member, or leaves the collective when given my own id (`isSelf`). */
export function useRemoveMember(collectiveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ artistId }: { artistId: string; isSelf: boolean }) =>
      removeMember(collectiveId, artistId),
    onSuccess: (_result, { isSelf }) =>
      isSelf
        ? // Leaving: the collective's own views answer 404 from now on; the page moves away.
          queryClient.invalidateQueries({ queryKey: collectiveKeys.list() })
        : Promise.all([
            queryClient.invalidateQueries({ queryKey: collectiveKeys.list() }),
            queryClient.invalidateQueries({ queryKey: collectiveKeys.detail(collectiveId) }),
            queryClient.invalidateQueries({ queryKey: collectiveKeys.sellers(collectiveId) }),
            queryClient.invalidateQueries({ queryKey: collectiveKeys.audit(collectiveId) }),
          ]),
  });
}
