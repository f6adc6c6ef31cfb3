import { sellerProfileSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sellerKeys } from './seller-keys';

export function getSeller(sellerId: string, signal?: AbortSignal) {
  return apiRequest(`/api/v1/sellers/${encodeURIComponent(sellerId)}`, {
    schema: sellerProfileSchema,
    signal,
  });
}

export const sellerQueryOptions = (sellerId: string) =>
  queryOptions({
    queryKey: sellerKeys.detail(sellerId),
    queryFn: ({ signal }) => getSeller(sellerId, signal),
  });

/** A seller's profile: listings, sightings, complaints and notes visible to me. */
export function useSeller(sellerId: string) {
  return useQuery(sellerQueryOptions(sellerId));
}
