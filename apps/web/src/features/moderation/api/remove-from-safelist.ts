import { okResponseSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { moderationKeys } from './moderation-keys';

export function removeFromSafelist(entryId: string) {
  return apiRequest(`/api/v1/moderation/safelist/${encodeURIComponent(entryId)}`, {
    method: 'DELETE',
    schema: okResponseSchema,
  });
}

export function useRemoveFromSafelist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeFromSafelist,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.safelist() }),
  });
}
