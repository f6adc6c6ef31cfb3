import {
  meSchema,
  sessionResponseSchema,
  type LoginBody,
  type RegisterBody,
} from '@counterpoint/core/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiRequest, setCsrfToken } from '../../../lib/api-client';

const meResponseSchema = z.object({ artist: meSchema, csrfToken: z.string().nullable() });
export const meQueryKey = ['me'] as const;

/**
 * Set while this browser has signed in: visitors who never did are known to be signed out
 * without asking /me (whose 401 would be logged as an error on every public page).
 */
const SESSION_HINT = 'cp_signed_in';
const hasSessionHint = () => localStorage.getItem(SESSION_HINT) === '1';
const setSessionHint = (isSignedIn: boolean) => {
  if (isSignedIn) localStorage.setItem(SESSION_HINT, '1');
  else localStorage.removeItem(SESSION_HINT);
};

/** The signed-in artist, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async () => {
      if (!hasSessionHint()) return null;
      try {
        const me = await apiRequest('/api/v1/me', { schema: meResponseSchema });
        if (me.csrfToken) setCsrfToken(me.csrfToken);
        return me.artist;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setSessionHint(false);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

function useSessionMutation<Body>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      apiRequest(path, { method: 'POST', body, schema: sessionResponseSchema }),
    onSuccess: (session) => {
      setSessionHint(true);
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(meQueryKey, session.artist);
    },
  });
}

export const useLogin = () => useSessionMutation<LoginBody>('/api/v1/auth/login');
export const useRegister = () => useSessionMutation<RegisterBody>('/api/v1/auth/register');

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/v1/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setSessionHint(false);
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
