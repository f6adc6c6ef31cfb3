import { okResponseSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { moderationKeys } from './moderation-keys';

export function unhideSeller(sellerId: string) {
  return apiRequest(`/api/v1/moderation/hidden-sellers/${encodeURIComponent(sellerId)}`, {
    method: 'DELETE',
    schema: okResponseSchema,
  });
}

/** Lifts a hide: the seller is listed again if the publication policy allows. */
export function useUnhideSeller() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unhideSeller,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.hidden() }),
  });
}
