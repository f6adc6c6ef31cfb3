import { importSchema, type CreateImportFields } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { findingKeys } from './keys';

export const createImport = ({ file, ...fields }: CreateImportFields & { file: File }) => {
  const form = new FormData();
  // Fields go before the file: the API reads the multipart stream in order.
  if (fields.artworkId) form.append('artworkId', fields.artworkId);
  form.append('visibility', fields.visibility);
  form.append('file', file, file.name);
  return apiRequest('/api/v1/imports', { method: 'POST', body: form, schema: importSchema });
};

/** Uploads a CSV file; the import then runs in the background (poll it with `useImport`). */
export function useCreateImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createImport,
    onSuccess: (created) => {
      queryClient.setQueryData(findingKeys.import(created.id), { ...created, errors: [] });
      return queryClient.invalidateQueries({ queryKey: findingKeys.importList() });
    },
  });
}
