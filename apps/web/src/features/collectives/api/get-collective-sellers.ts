import { collectiveSellerListSchema } from '@counterpoint/core/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys, collectivePath } from './collective-keys';

const PAGE_SIZE = 50;

export const collectiveSellersQueryOptions = (collectiveId: string) =>
  infiniteQueryOptions({
    queryKey: collectiveKeys.sellers(collectiveId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`${collectivePath(collectiveId)}/sellers?${params.toString()}`, {
        schema: collectiveSellerListSchema,
        signal,
      });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/** Sellers the members share, with which members each copies. */
export function useCollectiveSellers(collectiveId: string) {
  return useInfiniteQuery(collectiveSellersQueryOptions(collectiveId));
}
