import { sellerSummarySchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sellerKeys } from './seller-keys';

export function renameSeller(sellerId: string, name: string | null) {
  return apiRequest(`/api/v1/sellers/${encodeURIComponent(sellerId)}`, {
    method: 'PATCH',
    body: { name },
    schema: sellerSummarySchema,
  });
}

/** Names (or un-names, with null) a seller. */
export function useRenameSeller(sellerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string | null) => renameSeller(sellerId, name),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sellerKeys.detail(sellerId) }),
        queryClient.invalidateQueries({ queryKey: sellerKeys.lists() }),
      ]),
  });
}
