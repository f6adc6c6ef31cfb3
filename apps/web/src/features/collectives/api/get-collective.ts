import { collectiveDetailSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys, collectivePath } from './collective-keys';

export const collectiveQueryOptions = (collectiveId: string) =>
  queryOptions({
    queryKey: collectiveKeys.detail(collectiveId),
    queryFn: ({ signal }) =>
      apiRequest(collectivePath(collectiveId), { schema: collectiveDetailSchema, signal }),
  });

/** A collective and its members (members only; 404 for anyone else). */
export function useCollective(collectiveId: string) {
  return useQuery(collectiveQueryOptions(collectiveId));
}
