import type { Marketplace } from '@counterpoint/core';
import type { PublicWatchlistSort } from '@counterpoint/core/contracts';

/** The watchlist filters kept in the page's query string. */
export interface WatchlistFilters {
  marketplace?: Marketplace | undefined;
  minPoints?: number | undefined;
  /** A ladder step by its points; 0 means below the first step. */
  tier?: number | undefined;
  sort: PublicWatchlistSort;
}

/** Query keys of the public watchlist (no session: the same for every visitor). */
export const watchlistKeys = {
  all: ['public-watchlist'] as const,
  pages: (filters: WatchlistFilters) => [...watchlistKeys.all, 'pages', filters] as const,
  seller: (marketplace: string, storeId: string) =>
    [...watchlistKeys.all, 'seller', marketplace, storeId] as const,
};
