import { Link } from 'react-router';
import { useMe } from '../features/auth/api/session';

export function HomePage() {
  const me = useMe();
  if (me.isPending) return <p role="status">Loading…</p>;
  if (me.error)
    return <p role="alert">Counterpoint could not load your account: {me.error.message}</p>;
  if (!me.data) {
    return (
      <section className="hero">
        <h1>Copied? Report it together.</h1>
        <p>
          Counterpoint helps independent artists track the AliExpress, Alibaba.com, Taobao, Tmall
          and 1688 sellers that copy their work, follow every IPP complaint to its outcome, and
          coordinate with other artists so that each complaint counts toward closing the store.
        </p>
        <p className="actions">
          <Link className="button primary" to="/sign-up">
            Create an account
          </Link>
          <Link className="button" to="/sign-in">
            Sign in
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Welcome, {me.data.displayName}</h1>
      <p className="muted">Your designs, findings and complaints will appear here.</p>
    </section>
  );
}
