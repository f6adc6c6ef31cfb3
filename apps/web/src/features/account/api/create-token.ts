import { createdTokenSchema, type CreateTokenBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

export function createToken(body: CreateTokenBody) {
  return apiRequest('/api/v1/me/tokens', { method: 'POST', body, schema: createdTokenSchema });
}

/** Creates a personal API token; its secret is in this one response only. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}
