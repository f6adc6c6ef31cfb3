import { okResponseSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

export function revokeToken(tokenId: string) {
  return apiRequest(`/api/v1/me/tokens/${encodeURIComponent(tokenId)}`, {
    method: 'DELETE',
    schema: okResponseSchema,
  });
}

/** Revokes a token: requests made with it fail from now on. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}
