import { importDetailSchema, type ImportDetail } from '@counterpoint/core/contracts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiRequest } from '../../../lib/api-client';
import { findingKeys } from './keys';

const isRunning = (data: ImportDetail | undefined) =>
  data?.status === 'queued' || data?.status === 'running';

export const importQueryOptions = (importId: string) =>
  queryOptions({
    queryKey: findingKeys.import(importId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/v1/imports/${encodeURIComponent(importId)}`, {
        schema: importDetailSchema,
        signal,
      }),
    // Poll while the worker reads the file; stop once it finished or failed.
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });

/** One import with its progress, header mapping and first row errors. */
export function useImport(importId: string) {
  const query = useQuery(importQueryOptions(importId));
  const queryClient = useQueryClient();
  const finished = query.data && !isRunning(query.data);
  // A finished import created sellers, listings and sightings other pages show.
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: ['sightings'] });
    void queryClient.invalidateQueries({ queryKey: ['sellers'] });
    void queryClient.invalidateQueries({ queryKey: findingKeys.importList() });
  }, [finished, queryClient]);
  return query;
}
