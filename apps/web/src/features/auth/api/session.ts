import {
  meSchema,
  sessionResponseSchema,
  type LoginBody,
  type RegisterBody,
} from '@counterpoint/core/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';

const sessionStateSchema = z.object({ artist: meSchema.nullable(), csrfToken: z.string().nullable() });
export const meQueryKey = ['me'] as const;

/** The signed-in artist, or null when nobody is signed in (asked without a 401). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async () => {
      const session = await apiRequest('/api/v1/auth/session', { schema: sessionStateSchema });
      setCsrfToken(session.csrfToken);
      return session.artist;
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
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
