import { standingSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { sellerKeys } from './seller-keys';

/** How often to look again while the worker has not computed (or is recomputing) a standing. */
const RECHECK_MS = 4000;

/** The seller's estimated standing, or null while the worker has not computed it yet (404). */
export async function getSellerStanding(sellerId: string, signal?: AbortSignal) {
  try {
    return await apiRequest(`/api/v1/sellers/${encodeURIComponent(sellerId)}/standing`, {
      schema: standingSchema,
      signal,
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const sellerStandingQueryOptions = (sellerId: string) =>
  queryOptions({
    queryKey: sellerKeys.standing(sellerId),
    queryFn: ({ signal }) => getSellerStanding(sellerId, signal),
    // Standings are derived by the worker: poll until one exists and is up to date.
    refetchInterval: (query) =>
      query.state.data === null || query.state.data?.isStale ? RECHECK_MS : false,
  });

export function useSellerStanding(sellerId: string) {
  return useQuery(sellerStandingQueryOptions(sellerId));
}
