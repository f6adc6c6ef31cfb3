import { importListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { findingKeys } from './keys';

export const importsQueryOptions = () =>
  queryOptions({
    queryKey: findingKeys.importList(),
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/imports?limit=10', { schema: importListSchema, signal }),
    select: (data) => data.imports,
  });

/** My latest imports. */
export const useImports = () => useQuery(importsQueryOptions());
