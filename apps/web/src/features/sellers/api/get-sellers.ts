import { sellerListSchema } from '@counterpoint/core/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sellerKeys, type SellerFilters } from './seller-keys';

const PAGE_SIZE = 50;

export function getSellers(filters: SellerFilters, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filters.marketplace) params.set('marketplace', filters.marketplace);
  if (filters.q) params.set('q', filters.q);
  if (cursor) params.set('cursor', cursor);
  return apiRequest(`/api/v1/sellers?${params.toString()}`, { schema: sellerListSchema, signal });
}

export const sellersQueryOptions = (filters: SellerFilters) =>
  infiniteQueryOptions({
    queryKey: sellerKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getSellers(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/** Sellers connected to me (my findings, my collectives, shared complaints), page by page. */
export function useSellers(filters: SellerFilters) {
  return useInfiniteQuery(sellersQueryOptions(filters));
}
