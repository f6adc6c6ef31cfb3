import { complaintListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { dashboardKeys } from './keys';

export const recentRemovalsQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.removals,
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/complaints?scope=mine&status=removed&limit=20', {
        schema: complaintListSchema,
        signal,
      }),
    // Most recently changed first: a removal is the latest thing that happened to them.
    select: (data) =>
      [...data.complaints].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 5),
  });

/** My complaints with listings removed, most recent first. */
export const useRecentRemovals = () => useQuery(recentRemovalsQueryOptions());
