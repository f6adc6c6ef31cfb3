import { collectiveDetailSchema, type CreateCollectiveBody } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys } from './collective-keys';

export function createCollective(body: CreateCollectiveBody) {
  return apiRequest('/api/v1/collectives', {
    method: 'POST',
    body,
    schema: collectiveDetailSchema,
  });
}

/** Creates a collective; I become its owner. */
export function useCreateCollective() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCollective,
    onSuccess: (collective) => {
      queryClient.setQueryData(collectiveKeys.detail(collective.id), collective);
      return queryClient.invalidateQueries({ queryKey: collectiveKeys.list() });
    },
  });
}
