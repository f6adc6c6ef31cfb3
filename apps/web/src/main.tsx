import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { meQueryKey } from './features/auth/api/session';
import { ApiError } from './lib/api-client';
import './app/styles.css';

/** A 401 anywhere means the session ended: signed-in pages then send the artist to sign in. */
const onApiError = (error: unknown) => {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(meQueryKey, null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // Client errors (not found, forbidden, validation) do not get better by retrying.
      retry: (failureCount, error) =>
        failureCount < 1 &&
        !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
