import {
  complaintDetailSchema,
  type updateComplaintBodySchema,
} from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { complaintKeys } from './keys';

export type UpdateComplaintBody = z.infer<typeof updateComplaintBodySchema>;

export const updateComplaint = (complaintId: string, body: UpdateComplaintBody) =>
  apiRequest(`/api/v1/complaints/${encodeURIComponent(complaintId)}`, {
    method: 'PATCH',
    body,
    schema: complaintDetailSchema,
  });

/** Edits the IPP reference, reason text or visibility. */
export function useUpdateComplaint(complaintId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateComplaintBody) => updateComplaint(complaintId, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(complaintKeys.detail(complaintId), detail);
      return queryClient.invalidateQueries({ queryKey: complaintKeys.lists() });
    },
  });
}
