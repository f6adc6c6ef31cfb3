import { complaintListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { dashboardKeys } from './keys';

export const recentRemovalsQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.removals,
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/complaints?scope=mine&status=removed&limit=100', {
        schema: complaintListSchema,
        signal,
      }),
    // Latest removal first, by the day IPP removed the listing (not when the complaint was last
    // edited), among the last 100 complaints with a removal.
    select: (data) =>
      [...data.complaints]
        .sort((a, b) => (b.lastRemovedOn ?? '').localeCompare(a.lastRemovedOn ?? ''))
        .slice(0, 5),
  });

/** My complaints with listings removed, most recent first. */
export const useRecentRemovals = () => useQuery(recentRemovalsQueryOptions());
