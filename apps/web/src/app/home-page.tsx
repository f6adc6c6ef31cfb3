import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../components/data-state';
import { useMe } from '../features/auth/api/session';

const DashboardPage = lazy(async () => ({
  default: (await import('../features/dashboard/components/dashboard-page')).DashboardPage,
}));

/** `/`: the dashboard for signed-in artists, an introduction for everyone else. */
export function HomePage() {
  const me = useMe();
  if (me.isPending) return <LoadingState label="Loading your account…" />;
  if (me.error)
    return (
      <ErrorState
        title="Counterpoint could not load your account."
        error={me.error}
        onRetry={() => void me.refetch()}
      />
    );
  if (me.data) {
    return (
      <Suspense fallback={<LoadingState label="Loading your dashboard…" />}>
        <DashboardPage />
      </Suspense>
    );
  }
  return (
    <section className="hero">
      <h1>Copied? Report it together.</h1>
      <p>
        Counterpoint helps independent artists track the AliExpress, Alibaba.com, Taobao, Tmall and
        1688 sellers that copy their work, follow every IPP complaint to its outcome, and coordinate
        with other artists so that each complaint counts toward closing the store.
      </p>
      <p className="actions">
        <Link className="button primary" to="/sign-up">
          Create an account
        </Link>
        <Link className="button" to="/sign-in">
          Sign in
        </Link>
        <Link className="button ghost" to="/watchlist">
          See the public watchlist
        </Link>
      </p>
    </section>
  );
}
