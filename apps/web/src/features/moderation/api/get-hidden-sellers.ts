import { hiddenSellerListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { moderationKeys } from './moderation-keys';

export const hiddenSellersQueryOptions = () =>
  queryOptions({
    queryKey: moderationKeys.hidden(),
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/moderation/hidden-sellers', { schema: hiddenSellerListSchema, signal }),
  });

/** Sellers hidden from every public output (moderators only: 403 for others). */
export function useHiddenSellers() {
  return useQuery(hiddenSellersQueryOptions());
}
