import { artworkDetailSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { designKeys } from './keys';

export const designQueryOptions = (artworkId: string) =>
  queryOptions({
    queryKey: designKeys.detail(artworkId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v1/artworks/${encodeURIComponent(artworkId)}`, {
        schema: artworkDetailSchema,
        signal,
      }),
  });

/** One design with its IPR history and counts. */
export const useDesign = (artworkId: string) => useQuery(designQueryOptions(artworkId));
