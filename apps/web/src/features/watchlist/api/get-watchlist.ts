import { publicWatchlistPageSchema } from '@counterpoint/core/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { watchlistKeys, type WatchlistFilters } from './watchlist-keys';

export const WATCHLIST_PAGE_SIZE = 50;

/** The query string of `GET /public/v1/watchlist` (unknown parameters are refused there). */
export function watchlistQuery(filters: WatchlistFilters, cursor: string | null): string {
  const params = new URLSearchParams({ sort: filters.sort, limit: String(WATCHLIST_PAGE_SIZE) });
  if (filters.marketplace) params.set('marketplace', filters.marketplace);
  if (filters.minPoints !== undefined) params.set('minPoints', String(filters.minPoints));
  if (filters.tier !== undefined) params.set('tier', String(filters.tier));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export function getWatchlistPage(
  filters: WatchlistFilters,
  cursor: string | null,
  signal?: AbortSignal,
) {
  return apiRequest(`/public/v1/watchlist?${watchlistQuery(filters, cursor)}`, {
    schema: publicWatchlistPageSchema,
    signal,
  });
}

export const watchlistQueryOptions = (filters: WatchlistFilters) =>
  infiniteQueryOptions({
    queryKey: watchlistKeys.pages(filters),
    queryFn: ({ pageParam, signal }) => getWatchlistPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // The worker refreshes the public snapshot in the background; a minute old is fresh enough.
    staleTime: 60_000,
  });

/** The public watchlist for some filters, page by page ("Load more"). */
export function useWatchlist(filters: WatchlistFilters) {
  return useInfiniteQuery(watchlistQueryOptions(filters));
}
