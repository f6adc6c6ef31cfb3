import { complaintDetailSchema, type CreateComplaintBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { complaintKeys } from './keys';

export const createComplaint = (body: CreateComplaintBody) =>
  apiRequest('/api/v1/complaints', { method: 'POST', body, schema: complaintDetailSchema });

/** A design whose IPR is not approved answers 409 `ipr_not_approved` with what to do on IPP. */
export function useCreateComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createComplaint,
    onSuccess: (detail) => {
      queryClient.setQueryData(complaintKeys.detail(detail.id), detail);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: complaintKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: ['reminders'] }),
        queryClient.invalidateQueries({ queryKey: ['artworks'] }),
      ]);
    },
  });
}
