import { artworkSchema, type CreateArtworkBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { designKeys } from './keys';

export const createDesign = (body: CreateArtworkBody) =>
  apiRequest('/api/v1/artworks', { method: 'POST', body, schema: artworkSchema });

export function useCreateDesign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDesign,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: designKeys.all }),
  });
}
