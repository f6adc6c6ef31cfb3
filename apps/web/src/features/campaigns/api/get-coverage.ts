import { campaignCoverageSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys, campaignPath } from './campaign-keys';

export const coverageQueryOptions = (collectiveId: string, campaignId: string) =>
  queryOptions({
    queryKey: campaignKeys.coverage(campaignId),
    queryFn: ({ signal }) =>
      apiRequest(`${campaignPath(collectiveId, campaignId)}/coverage`, {
        schema: campaignCoverageSchema,
        signal,
      }),
  });

/** The coverage matrix: who can report which listing now, who must finish IPP set-up. */
export const useCoverage = (collectiveId: string, campaignId: string) =>
  useQuery(coverageQueryOptions(collectiveId, campaignId));
