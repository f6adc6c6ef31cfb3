import { findingsResponseSchema, type FindingsBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const saveFindings = (body: FindingsBody) =>
  apiRequest('/api/v1/findings', { method: 'POST', body, schema: findingsResponseSchema });

/** Saves pasted links: sellers and listings, and sightings when a design is given. */
export function useSaveFindings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveFindings,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sightings'] }),
        queryClient.invalidateQueries({ queryKey: ['sellers'] }),
        queryClient.invalidateQueries({ queryKey: ['artworks'] }),
      ]),
  });
}
