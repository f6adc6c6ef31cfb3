import { disputeListSchema } from '@counterpoint/core/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { disputeKeys, type DisputeStatus } from './dispute-keys';

const PAGE_SIZE = 20;

export function getDisputes(status: DisputeStatus, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ status, limit: String(PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return apiRequest(`/api/v1/disputes?${params.toString()}`, { schema: disputeListSchema, signal });
}

export const disputesQueryOptions = (status: DisputeStatus) =>
  infiniteQueryOptions({
    queryKey: disputeKeys.list(status),
    queryFn: ({ pageParam, signal }) => getDisputes(status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/** Disputes about sellers that members of my collectives (where I am an admin) complained about. */
export function useDisputes(status: DisputeStatus) {
  return useInfiniteQuery(disputesQueryOptions(status));
}
