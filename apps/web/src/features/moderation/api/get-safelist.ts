import { safelistSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { moderationKeys } from './moderation-keys';

export const safelistQueryOptions = () =>
  queryOptions({
    queryKey: moderationKeys.safelist(),
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/moderation/safelist', { schema: safelistSchema, signal }),
  });

/** Authorised resellers that are never listed (moderators only). */
export function useSafelist() {
  return useQuery(safelistQueryOptions());
}
