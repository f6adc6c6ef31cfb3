import { artworkListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { dashboardKeys } from './keys';

export const myDesignsQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.designs,
    queryFn: ({ signal }) => apiRequest('/api/v1/artworks', { schema: artworkListSchema, signal }),
    select: (data) => data.artworks,
  });

/** My designs, for their IPP status summary. */
export const useMyDesigns = () => useQuery(myDesignsQueryOptions());
