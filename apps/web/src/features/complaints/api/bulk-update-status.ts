import type { ComplaintStatus } from '@counterpoint/core';
import type { BulkStatusBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { complaintKeys } from './keys';

const bulkResponseSchema = z.object({ updated: z.number().int() });

/** One change the API refused; the whole batch is then not recorded. */
export interface StatusRefusal {
  complaintId: string;
  listingId: string;
  code: string;
  message: string;
  allowed?: ComplaintStatus[];
}

const refusalsSchema = z.object({
  refusals: z.array(
    z.object({
      complaintId: z.string(),
      listingId: z.string(),
      code: z.string(),
      message: z.string(),
      allowed: z.array(z.string()).optional(),
    }),
  ),
});

/** The refusals carried by a 409 from `POST /complaints/status`, or none. */
export function readRefusals(error: unknown): StatusRefusal[] {
  if (!(error instanceof ApiError)) return [];
  const parsed = refusalsSchema.safeParse(error.details);
  return parsed.success ? (parsed.data.refusals as StatusRefusal[]) : [];
}

export const bulkUpdateStatus = (body: BulkStatusBody) =>
  apiRequest('/api/v1/complaints/status', {
    method: 'POST',
    body,
    schema: bulkResponseSchema,
  });

/** Several status changes at once, all or nothing. */
export function useBulkUpdateStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkUpdateStatus,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['reminders'] }),
        queryClient.invalidateQueries({ queryKey: ['sellers'] }),
      ]),
  });
}
