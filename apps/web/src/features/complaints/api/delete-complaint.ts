import { okResponseSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { complaintKeys } from './keys';

export const deleteComplaint = (complaintId: string) =>
  apiRequest(`/api/v1/complaints/${encodeURIComponent(complaintId)}`, {
    method: 'DELETE',
    schema: okResponseSchema,
  });

/** Only drafts can be deleted; the API answers 409 otherwise. */
export function useDeleteComplaint(complaintId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteComplaint(complaintId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: complaintKeys.detail(complaintId) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: complaintKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: ['reminders'] }),
      ]);
    },
  });
}
