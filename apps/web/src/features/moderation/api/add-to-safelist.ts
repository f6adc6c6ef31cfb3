import { safelistEntrySchema, type SafelistRequest } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { moderationKeys } from './moderation-keys';

export function addToSafelist(body: SafelistRequest) {
  return apiRequest('/api/v1/moderation/safelist', {
    method: 'POST',
    body,
    schema: safelistEntrySchema,
  });
}

/** Safelists an authorised reseller: it leaves the watchlist at once and is never listed. */
export function useAddToSafelist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addToSafelist,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.safelist() }),
  });
}
