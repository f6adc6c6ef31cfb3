import { meSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiRequest, setCsrfToken } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

const meResponseSchema = z.object({ artist: meSchema, csrfToken: z.string().nullable() });

/** The signed-in artist, or null when signed out (the same value the rest of the app caches). */
export async function getMe(signal?: AbortSignal) {
  try {
    const me = await apiRequest('/api/v1/me', { schema: meResponseSchema, signal });
    if (me.csrfToken) setCsrfToken(me.csrfToken);
    return me.artist;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.me,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
