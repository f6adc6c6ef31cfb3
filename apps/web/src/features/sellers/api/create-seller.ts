import type { createSellerBodySchema } from '@counterpoint/core/contracts';
import { sellerSummarySchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { sellerKeys } from './seller-keys';

export type CreateSellerBody = z.input<typeof createSellerBodySchema>;

export function createSeller(body: CreateSellerBody) {
  return apiRequest('/api/v1/sellers', { method: 'POST', body, schema: sellerSummarySchema });
}

/** Adds a seller by its store URL; finds the existing one when it is already known. */
export function useCreateSeller() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSeller,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sellerKeys.lists() }),
  });
}
