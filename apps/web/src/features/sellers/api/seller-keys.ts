import type { Marketplace } from '@counterpoint/core';

export interface SellerFilters {
  marketplace?: Marketplace | undefined;
  q?: string | undefined;
}

/** Query keys of the sellers feature: invalidating `all` refreshes every seller view. */
export const sellerKeys = {
  all: ['sellers'] as const,
  lists: () => [...sellerKeys.all, 'list'] as const,
  list: (filters: SellerFilters) => [...sellerKeys.lists(), filters] as const,
  detail: (sellerId: string) => [...sellerKeys.all, 'detail', sellerId] as const,
  standing: (sellerId: string) => [...sellerKeys.all, 'standing', sellerId] as const,
};
