import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '../components/data-state';
import { useMe } from '../features/auth/api/session';

/**
 * Signed-in pages: signed-out visitors go to /sign-in with `next` set to where they were
 * going, and come back there after signing in.
 */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState label="Checking your session…" />;
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
