import { standingSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { campaignKeys } from './campaign-keys';

/** A target's estimated standing (for its ladder), or null while the worker has none yet. */
export const targetStandingQueryOptions = (sellerId: string) =>
  queryOptions({
    queryKey: campaignKeys.standing(sellerId),
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest(`/api/v1/sellers/${encodeURIComponent(sellerId)}/standing`, {
          schema: standingSchema,
          signal,
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });

export const useTargetStanding = (sellerId: string) =>
  useQuery(targetStandingQueryOptions(sellerId));
