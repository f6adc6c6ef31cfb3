import { importErrorsPageSchema } from '@counterpoint/core/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { findingKeys } from './keys';

export const importErrorsQueryOptions = (importId: string) =>
  infiniteQueryOptions({
    queryKey: findingKeys.importErrors(importId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: '500' });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/imports/${encodeURIComponent(importId)}/errors?${params}`, {
        schema: importErrorsPageSchema,
        signal,
      });
    },
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** Every row error of an import, page by page (the detail carries only the first 100). */
export const useImportErrors = (importId: string, enabled: boolean) =>
  useInfiniteQuery({ ...importErrorsQueryOptions(importId), enabled });
