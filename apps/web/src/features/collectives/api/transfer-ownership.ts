import { collectiveDetailSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys, collectivePath } from './collective-keys';

export function transferOwnership(collectiveId: string, artistId: string) {
  return apiRequest(`${collectivePath(collectiveId)}/transfer`, {
    method: 'POST',
    body: { artistId },
    schema: collectiveDetailSchema,
  });
}

/** Hands the collective over to another member; I stay on as an admin. */
export function useTransferOwnership(collectiveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (artistId: string) => transferOwnership(collectiveId, artistId),
    onSuccess: (collective) => {
      queryClient.setQueryData(collectiveKeys.detail(collectiveId), collective);
      return queryClient.invalidateQueries({ queryKey: collectiveKeys.all });
    },
  });
}
