import { leaderboardSchema } from '@counterpoint/core/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { leaderboardKeys, type LeaderboardFilters } from './leaderboard-keys';

const PAGE_SIZE = 50;

export function getSellerLeaderboard(
  filters: LeaderboardFilters,
  cursor: string | null,
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({
    scope: filters.scope,
    window: filters.window,
    sort: filters.sort,
    limit: String(PAGE_SIZE),
  });
  if (filters.scope === 'collective' && filters.collectiveId)
    params.set('collectiveId', filters.collectiveId);
  if (filters.marketplace) params.set('marketplace', filters.marketplace);
  if (cursor) params.set('cursor', cursor);
  return apiRequest(`/api/v1/leaderboards/sellers?${params.toString()}`, {
    schema: leaderboardSchema,
    signal,
  });
}

export const sellerLeaderboardQueryOptions = (filters: LeaderboardFilters) =>
  infiniteQueryOptions({
    queryKey: leaderboardKeys.sellers(filters),
    queryFn: ({ pageParam, signal }) => getSellerLeaderboard(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/** The seller leaderboard for a scope, marketplace, time window and sort, page by page. */
export function useSellerLeaderboard(filters: LeaderboardFilters, { enabled = true } = {}) {
  return useInfiniteQuery({ ...sellerLeaderboardQueryOptions(filters), enabled });
}
