import { complaintDetailSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { complaintKeys } from './keys';

export const complaintQueryOptions = (complaintId: string) =>
  queryOptions({
    queryKey: complaintKeys.detail(complaintId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v1/complaints/${encodeURIComponent(complaintId)}`, {
        schema: complaintDetailSchema,
        signal,
      }),
  });

/** One complaint with its listings, their statuses and history. */
export const useComplaint = (complaintId: string) => useQuery(complaintQueryOptions(complaintId));
