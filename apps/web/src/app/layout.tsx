import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import {
  Link,
  NavLink,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigate,
  useNavigation,
} from 'react-router';
import { useLogout, useMe } from '../features/auth/api/session';

// The bell is another feature's widget: loaded on its own so it stays out of the main chunk.
const NotificationBell = lazy(async () => ({
  default: (await import('../features/notifications/components/notification-bell'))
    .NotificationBell,
}));

const signedInLinks = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/designs', label: 'Designs' },
  { to: '/findings', label: 'Add findings' },
  { to: '/complaints', label: 'Complaints' },
  { to: '/sellers', label: 'Sellers' },
  { to: '/collectives', label: 'Collectives' },
  { to: '/leaderboards', label: 'Leaderboards' },
];

export function Layout() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const location = useLocation();
  const artist = me.data;
  const [isMenuOpen, setMenuOpen] = useState(false);
  const accountMenu = useRef<HTMLDetailsElement>(null);
  const previousPath = useRef(location.pathname);

  // A new page: close the menus and move focus to the content, as a full page load would.
  useEffect(() => {
    if (previousPath.current === location.pathname) return;
    previousPath.current = location.pathname;
    accountMenu.current?.removeAttribute('open');
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);

  // The account menu closes on Escape and on a click elsewhere, like any menu.
  useEffect(() => {
    const close = (event: Event) => {
      const menu = accountMenu.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        menu.open = false;
        menu.querySelector('summary')?.focus();
      } else if (!menu.contains(event.target as Node)) {
        menu.open = false;
      }
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  // Disputes are for collective admins (the page says so to others); moderation for moderators.
  const navLinks: { to: string; label: string; end?: boolean }[] = artist
    ? [
        ...signedInLinks,
        { to: '/disputes', label: 'Disputes' },
        ...(artist.role === 'moderator' ? [{ to: '/moderation', label: 'Moderation' }] : []),
      ]
    : [];

  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate('/sign-in') });

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {navigation.state === 'loading' && (
        <div className="route-progress" role="progressbar" aria-label="Loading page" />
      )}
      <header className="site-header">
        <Link to="/" className="brand" aria-label="Counterpoint home">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Counterpoint</span>
        </Link>
        <button
          type="button"
          className="button small nav-toggle"
          aria-expanded={isMenuOpen}
          aria-controls="site-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">{isMenuOpen ? '✕' : '☰'}</span> Menu
        </button>
        <div
          id="site-nav"
          className={`site-nav${isMenuOpen ? ' is-open' : ''}`}
          onClick={(event) => {
            if ((event.target as HTMLElement).closest('a')) setMenuOpen(false);
          }}
        >
          <nav aria-label="Main">
            <ul>
              {navLinks.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.end}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
              <li>
                <NavLink to="/watchlist">Watchlist</NavLink>
              </li>
            </ul>
          </nav>
          <div className="session">
            {artist ? (
              <>
                <Suspense fallback={null}>
                  <NotificationBell />
                </Suspense>
                <details className="account-menu" ref={accountMenu}>
                  <summary aria-label={`Account: ${artist.displayName}`}>
                    <span className="account-name">{artist.displayName}</span>
                    <span aria-hidden="true">▾</span>
                  </summary>
                  <div className="account-menu-panel">
                    <p className="account-menu-email">{artist.email}</p>
                    <Link to="/settings">Settings</Link>
                    <button type="button" onClick={signOut} disabled={logout.isPending}>
                      {logout.isPending ? 'Signing out…' : 'Sign out'}
                    </button>
                  </div>
                </details>
              </>
            ) : (
              !me.isPending && (
                <>
                  <NavLink to="/sign-in">Sign in</NavLink>
                  <NavLink to="/sign-up" className="button primary small">
                    Create account
                  </NavLink>
                </>
              )
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Standings are estimates from published marketplace rules, not official figures.</p>
      </footer>
      <ScrollRestoration />
    </>
  );
}
