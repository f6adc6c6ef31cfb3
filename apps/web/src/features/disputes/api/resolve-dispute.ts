import { disputeViewSchema, type DisputeResolution } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { disputeKeys } from './dispute-keys';

export function resolveDispute(disputeId: string, body: DisputeResolution) {
  return apiRequest(`/api/v1/disputes/${encodeURIComponent(disputeId)}/resolution`, {
    method: 'POST',
    body,
    schema: disputeViewSchema,
  });
}

/** Upholds or rejects a dispute with a public note (once: a second answer is a 409). */
export function useResolveDispute(disputeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DisputeResolution) => resolveDispute(disputeId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: disputeKeys.all }),
  });
}
