import { tokenListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

export const tokensQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.tokens,
    queryFn: ({ signal }) => apiRequest('/api/v1/me/tokens', { schema: tokenListSchema, signal }),
  });

/** My personal API tokens (never their secrets, only their prefixes). */
export function useTokens() {
  return useQuery(tokensQueryOptions());
}
