import { complaintListSchema } from '@counterpoint/core/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { complaintKeys, type ComplaintFilters } from './keys';

export const PAGE_SIZE = 50;

export const complaintsQueryOptions = (filters: ComplaintFilters) =>
  infiniteQueryOptions({
    queryKey: complaintKeys.list(filters),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ scope: 'mine', limit: String(PAGE_SIZE) });
      if (filters.status) params.set('status', filters.status);
      if (filters.marketplace) params.set('marketplace', filters.marketplace);
      if (filters.artworkId) params.set('artworkId', filters.artworkId);
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/complaints?${params}`, { schema: complaintListSchema, signal });
    },
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** My complaints matching the filters, page by page ("Load more"). */
export const useComplaints = (filters: ComplaintFilters) =>
  useInfiniteQuery(complaintsQueryOptions(filters));
