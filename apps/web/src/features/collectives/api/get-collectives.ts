import { collectiveListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys } from './collective-keys';

export const collectivesQueryOptions = () =>
  queryOptions({
    queryKey: collectiveKeys.list(),
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/collectives', { schema: collectiveListSchema, signal }),
  });

/** My collectives, with my role and their member counts. */
export function useCollectives() {
  return useQuery(collectivesQueryOptions());
}
