import { MAX_IMAGE_BYTES } from '@counterpoint/core';
import { artworkSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { formatBytes } from '../../../lib/format';
import { designKeys } from './keys';

const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
export const IMAGE_ACCEPT = ACCEPTED_TYPES.join(',');

/**
 * The same checks the API makes, before uploading: PNG, JPEG or WebP, at most 5 MB.
 * (The API also reads the file's first bytes; a renamed file is refused there.)
 */
export function checkImageFile(file: File): string | null {
  if (!ACCEPTED_TYPES.includes(file.type))
    return `"${file.name}" is not a PNG, JPEG or WebP image.`;
  if (file.size > MAX_IMAGE_BYTES)
    return `"${file.name}" is ${formatBytes(file.size)}; images can be up to ${formatBytes(MAX_IMAGE_BYTES)}.`;
  return null;
}

export const uploadDesignImage = (artworkId: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return apiRequest(`/api/v1/artworks/${encodeURIComponent(artworkId)}/image`, {
    method: 'PUT',
    body: form,
    schema: artworkSchema,
  });
};

export function useUploadDesignImage(artworkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadDesignImage(artworkId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: designKeys.all }),
  });
}
