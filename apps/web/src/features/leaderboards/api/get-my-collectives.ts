import { collectiveListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { leaderboardKeys } from './leaderboard-keys';

export const myCollectivesQueryOptions = () =>
  queryOptions({
    queryKey: leaderboardKeys.collectives(),
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/collectives', { schema: collectiveListSchema, signal }),
    staleTime: 5 * 60_000,
  });

/** My collectives, to offer each as a leaderboard scope. */
export function useMyCollectives() {
  return useQuery(myCollectivesQueryOptions());
}
