import { publicSellerSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { watchlistKeys } from './watchlist-keys';

/** The API path of a listed seller's public page. */
export function publicSellerPath(marketplace: string, storeId: string): string {
  return `/public/v1/sellers/${encodeURIComponent(marketplace)}/${encodeURIComponent(storeId)}`;
}

export function getPublicSeller(marketplace: string, storeId: string, signal?: AbortSignal) {
  return apiRequest(publicSellerPath(marketplace, storeId), { schema: publicSellerSchema, signal });
}

export const publicSellerQueryOptions = (marketplace: string, storeId: string) =>
  queryOptions({
    queryKey: watchlistKeys.seller(marketplace, storeId),
    queryFn: ({ signal }) => getPublicSeller(marketplace, storeId, signal),
    staleTime: 60_000,
  });

/** A listed seller's public page: standing estimate, facts, removals, disputes (404 if not listed). */
export function usePublicSeller(marketplace: string, storeId: string, { enabled = true } = {}) {
  return useQuery({ ...publicSellerQueryOptions(marketplace, storeId), enabled });
}
