import { artworkListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { complaintKeys } from './keys';

export const myDesignsQueryOptions = () =>
  queryOptions({
    queryKey: complaintKeys.designs,
    queryFn: ({ signal }) => apiRequest('/api/v1/artworks', { schema: artworkListSchema, signal }),
    select: (data) => data.artworks,
  });

/** My designs: complaints are filed for one approved design each. */
export const useMyDesigns = () => useQuery(myDesignsQueryOptions());
