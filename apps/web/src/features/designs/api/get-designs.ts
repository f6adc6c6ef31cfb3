import { artworkListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { designKeys } from './keys';

export const designsQueryOptions = () =>
  queryOptions({
    queryKey: designKeys.list(),
    queryFn: ({ signal }) => apiRequest('/api/v1/artworks', { schema: artworkListSchema, signal }),
    select: (data) => data.artworks,
  });

/** My designs, newest first as the API returns them. */
export const useDesigns = () => useQuery(designsQueryOptions());
