import { sightingListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { complaintKeys } from './keys';

export const designSightingsQueryOptions = (artworkId: string) =>
  queryOptions({
    queryKey: complaintKeys.sightings(artworkId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v1/sightings?artworkId=${encodeURIComponent(artworkId)}&limit=200`, {
        schema: sightingListSchema,
        signal,
      }),
  });

/** My sightings of one design: the listings a complaint about it can name. */
export const useDesignSightings = (artworkId: string) =>
  useQuery({ ...designSightingsQueryOptions(artworkId), enabled: Boolean(artworkId) });
