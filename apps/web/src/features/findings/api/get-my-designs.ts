import { artworkListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { findingKeys } from './keys';

export const myDesignsQueryOptions = () =>
  queryOptions({
    queryKey: findingKeys.designs,
    queryFn: ({ signal }) => apiRequest('/api/v1/artworks', { schema: artworkListSchema, signal }),
    select: (data) => data.artworks,
  });

/** My designs, to say which one the found listings copy. */
export const useMyDesigns = () => useQuery(myDesignsQueryOptions());
