import { collectiveSellerListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveSellersKey } from './campaign-keys';

export const collectiveSellersQueryOptions = (collectiveId: string) =>
  queryOptions({
    queryKey: collectiveSellersKey(collectiveId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v1/collectives/${encodeURIComponent(collectiveId)}/sellers?limit=100`, {
        schema: collectiveSellerListSchema,
        signal,
      }),
  });

/**
 * The sellers the members share (copying the most members first): the candidates for a
 * campaign's target. (the first 100).
 */
export const useCollectiveSellers = (collectiveId: string) =>
  useQuery(collectiveSellersQueryOptions(collectiveId));
