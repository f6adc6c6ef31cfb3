import { okResponseSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sellerKeys } from './seller-keys';

export function deleteSellerNote(sellerId: string, noteId: string) {
  return apiRequest(
    `/api/v1/sellers/${encodeURIComponent(sellerId)}/notes/${encodeURIComponent(noteId)}`,
    { method: 'DELETE', schema: okResponseSchema },
  );
}

/** Deletes one of my own notes about a seller. */
export function useDeleteSellerNote(sellerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (noteId: string) => deleteSellerNote(sellerId, noteId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sellerKeys.detail(sellerId) }),
  });
}
