import { artworkDetailSchema, type IprStatusChangeBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { designKeys } from './keys';

export const changeIprStatus = (artworkId: string, body: IprStatusChangeBody) =>
  apiRequest(`/api/v1/artworks/${encodeURIComponent(artworkId)}/ipr-status`, {
    method: 'POST',
    body,
    schema: artworkDetailSchema,
  });

export function useChangeIprStatus(artworkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IprStatusChangeBody) => changeIprStatus(artworkId, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(designKeys.detail(artworkId), detail);
      return queryClient.invalidateQueries({ queryKey: designKeys.list() });
    },
  });
}
