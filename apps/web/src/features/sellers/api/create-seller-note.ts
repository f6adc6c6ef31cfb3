import type { createSellerNoteBodySchema } from '@counterpoint/core/contracts';
import { sellerNoteSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { sellerKeys } from './seller-keys';

export type CreateSellerNoteBody = z.input<typeof createSellerNoteBodySchema>;

export function createSellerNote(sellerId: string, body: CreateSellerNoteBody) {
  return apiRequest(`/api/v1/sellers/${encodeURIComponent(sellerId)}/notes`, {
    method: 'POST',
    body,
    schema: sellerNoteSchema,
  });
}

export function useCreateSellerNote(sellerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSellerNoteBody) => createSellerNote(sellerId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sellerKeys.detail(sellerId) }),
  });
}
