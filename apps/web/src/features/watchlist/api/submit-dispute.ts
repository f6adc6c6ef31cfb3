import {
  publicDisputeReceiptSchema,
  type PublicDisputeRequest,
} from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { publicSellerPath } from './get-public-seller';
import { watchlistKeys } from './watchlist-keys';

export function submitDispute(marketplace: string, storeId: string, body: PublicDisputeRequest) {
  return apiRequest(`${publicSellerPath(marketplace, storeId)}/disputes`, {
    method: 'POST',
    body,
    schema: publicDisputeReceiptSchema,
  });
}

/** Disputes a listed seller (anyone may); the seller's page shows it as open once published. */
export function useSubmitDispute(marketplace: string, storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicDisputeRequest) => submitDispute(marketplace, storeId, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: watchlistKeys.seller(marketplace, storeId) }),
  });
}
