import { NavLink, Outlet, useNavigate } from 'react-router';
import { useLogout, useMe } from '../features/auth/api/session';

export function Layout() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const artist = me.data;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand" aria-label="Counterpoint home">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Counterpoint</span>
        </NavLink>
        <nav aria-label="Main">
          <ul>
            {artist && (
              <li>
                <NavLink to="/" end>
                  Dashboard
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="session">
          {artist ? (
            <>
              <span className="muted">{artist.displayName}</span>
              <button
                type="button"
                className="button ghost"
                onClick={() =>
                  logout.mutate(undefined, { onSettled: () => void navigate('/sign-in') })
                }
              >
                Sign out
              </button>
            </>
          ) : (
            <>
              <NavLink to="/sign-in">Sign in</NavLink>
              <NavLink to="/sign-up" className="button primary small">
                Create account
              </NavLink>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Standings are estimates from published marketplace rules, not official figures.</p>
      </footer>
    </>
  );
}
