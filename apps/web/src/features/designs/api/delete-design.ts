import { okResponseSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { designKeys } from './keys';

export const deleteDesign = (artworkId: string) =>
  apiRequest(`/api/v1/artworks/${encodeURIComponent(artworkId)}`, {
    method: 'DELETE',
    schema: okResponseSchema,
  });

/** Deleting a design with complaints answers 409 with a message saying so. */
export function useDeleteDesign(artworkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteDesign(artworkId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: designKeys.detail(artworkId) });
      return queryClient.invalidateQueries({ queryKey: designKeys.list() });
    },
  });
}
