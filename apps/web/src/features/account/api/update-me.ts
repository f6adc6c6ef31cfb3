import { meSchema, type UpdateMeBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

export function updateMe(body: UpdateMeBody) {
  return apiRequest('/api/v1/me', { method: 'PATCH', body, schema: meSchema });
}

/** Saves profile and settings; the answer replaces the cached artist everywhere. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (artist) => queryClient.setQueryData(accountKeys.me, artist),
  });
}
