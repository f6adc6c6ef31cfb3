import { pasteListResponseSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { complaintKeys } from './keys';

export const pasteListQueryOptions = (complaintId: string) =>
  queryOptions({
    queryKey: complaintKeys.pasteList(complaintId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v1/complaints/${encodeURIComponent(complaintId)}/paste-list`, {
        schema: pasteListResponseSchema,
        signal,
      }),
  });

/** The complaint's listing URLs for IPP's "Option 2" box, in chunks of 300. */
export const usePasteList = (complaintId: string) => useQuery(pasteListQueryOptions(complaintId));
