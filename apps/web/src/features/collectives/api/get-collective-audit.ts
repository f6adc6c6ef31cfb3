import { collectiveAuditListSchema } from '@counterpoint/core/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys, collectivePath } from './collective-keys';

const PAGE_SIZE = 50;

export const collectiveAuditQueryOptions = (collectiveId: string) =>
  infiniteQueryOptions({
    queryKey: collectiveKeys.audit(collectiveId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`${collectivePath(collectiveId)}/audit?${params.toString()}`, {
        schema: collectiveAuditListSchema,
        signal,
      });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/** The collective's audit trail, newest first (admins and owner). */
export function useCollectiveAudit(collectiveId: string) {
  return useInfiniteQuery(collectiveAuditQueryOptions(collectiveId));
}
