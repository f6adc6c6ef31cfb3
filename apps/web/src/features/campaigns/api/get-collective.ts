import { collectiveDetailSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveDetailKey } from './campaign-keys';

export const collectiveQueryOptions = (collectiveId: string) =>
  queryOptions({
    queryKey: collectiveDetailKey(collectiveId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v1/collectives/${encodeURIComponent(collectiveId)}`, {
        schema: collectiveDetailSchema,
        signal,
      }),
  });

/** The collective the campaigns belong to: its name and my role in it. */
export const useCollective = (collectiveId: string) =>
  useQuery(collectiveQueryOptions(collectiveId));
