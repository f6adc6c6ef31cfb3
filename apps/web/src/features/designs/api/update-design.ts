import { artworkSchema, type UpdateArtworkBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { designKeys } from './keys';

export const updateDesign = (artworkId: string, body: UpdateArtworkBody) =>
  apiRequest(`/api/v1/artworks/${encodeURIComponent(artworkId)}`, {
    method: 'PATCH',
    body,
    schema: artworkSchema,
  });

export function useUpdateDesign(artworkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateArtworkBody) => updateDesign(artworkId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: designKeys.all }),
  });
}
