import { complaintDetailSchema, type StatusChangeBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { complaintKeys } from './keys';

export const changeComplaintStatus = (complaintId: string, body: StatusChangeBody) =>
  apiRequest(`/api/v1/complaints/${encodeURIComponent(complaintId)}/status`, {
    method: 'POST',
    body,
    schema: complaintDetailSchema,
  });

/** Records what IPP shows now, for all listings of the complaint or some of them. */
export function useChangeComplaintStatus(complaintId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusChangeBody) => changeComplaintStatus(complaintId, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(complaintKeys.detail(complaintId), detail);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: complaintKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: ['reminders'] }),
        queryClient.invalidateQueries({ queryKey: ['sellers'] }),
      ]);
    },
  });
}
