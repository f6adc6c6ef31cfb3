import { useEffect, useState, type ReactNode } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../../components/alert';
import { LoadingState } from '../../../components/data-state';
import { DateText } from '../../../components/date-text';
import { ApiError } from '../../../lib/api-client';
import { useMe } from '../../auth/api/session';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitationPreview } from '../api/preview-invitation';
import styles from './collectives.module.css';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from './member-permissions';

/*
 * The link is `/invite#<token>`: the fragment never reaches a server. The token is kept in
 * this tab's session storage while a signed-out artist signs in (or signs up) and comes back,
 * so it never has to travel in a query string either.
 */
const STORAGE_KEY = 'cp_pending_invitation';
const SIGN_IN_PATH = `/sign-in?next=${encodeURIComponent('/invite')}`;

/**
 * The signed-in artist (query key `me`, usually already loaded by the app): undefined while
 * it is being checked, null when signed out. The session check answers signed-out visitors
 * without a 401.
 */
function useSessionState(): 'checking' | 'signed-out' | 'signed-in' {
  const me = useMe();
  if (me.data === undefined) return 'checking';
  return me.data === null ? 'signed-out' : 'signed-in';
}

function tokenFromHash(hash: string): string | null {
  const token = decodeURIComponent(hash.replace(/^#/, '')).trim();
  return token || null;
}

function forgetToken() {
  sessionStorage.removeItem(STORAGE_KEY);
}

function Card({ children }: { children: ReactNode }) {
  return (
    <section className={`auth-card ${styles.inviteCard}`} aria-labelledby="invite-title">
      {children}
    </section>
  );
}

export function InvitePage() {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(
    () => tokenFromHash(location.hash) ?? sessionStorage.getItem(STORAGE_KEY),
  );
  const session = useSessionState();
  // Previewing needs a session: signed-out visitors go to sign-in first (no 401 round trip).
  const preview = useInvitationPreview(session === 'signed-in' ? token : null);
  const accept = useAcceptInvitation();

  // Keep the secret for the way back from sign-in, and out of the address bar and history.
  useEffect(() => {
    if (!token || !location.hash) return;
    sessionStorage.setItem(STORAGE_KEY, token);
    void navigate('/invite', { replace: true });
  }, [token, location.hash, navigate]);

  if (!token) {
    return (
      <Card>
        <h1 id="invite-title">Invitation link incomplete</h1>
        <p>
          This page needs the whole invitation link, including the part after <code>#</code>. Open
          the link you were sent again, or ask for a new one.
        </p>
        <p>
          <Link to="/collectives">Go to your collectives</Link>
        </p>
      </Card>
    );
  }

  if (
    session === 'signed-out' ||
    (preview.error instanceof ApiError && preview.error.status === 401)
  ) {
    return <Navigate to={SIGN_IN_PATH} replace />;
  }
  if (session === 'checking' || preview.isPending)
    return <LoadingState label="Opening the invitation…" />;
  if (preview.error) {
    const isUnusable =
      preview.error instanceof ApiError && [400, 404, 410].includes(preview.error.status);
    return (
      <Card>
        <h1 id="invite-title">
          {isUnusable ? 'This invitation cannot be used' : 'The invitation could not be opened'}
        </h1>
        <Alert>{preview.error.message}</Alert>
        <p className="muted">
          {isUnusable
            ? 'Invitation links work once and expire. Ask an admin of the collective for a new one.'
            : 'Try again in a moment.'}
        </p>
        <div className="button-row">
          {!isUnusable && (
            <button type="button" className="button" onClick={() => void preview.refetch()}>
              Try again
            </button>
          )}
          <Link
            to="/collectives"
            className="button ghost"
            onClick={() => {
              if (isUnusable) forgetToken();
            }}
          >
            Your collectives
          </Link>
        </div>
      </Card>
    );
  }

  const invitation = preview.data;
  const join = () =>
    accept.mutate(token, {
      onSuccess: (joined) => {
        forgetToken();
        void navigate(`/collectives/${joined.collectiveId}`, { replace: true });
      },
    });

  return (
    <Card>
      <p className="page-eyebrow">Invitation</p>
      <h1 id="invite-title">Join {invitation.collectiveName}</h1>
      <p>
        {invitation.inviterName ? <strong>{invitation.inviterName}</strong> : 'An admin'} invited
        you to join as <strong>{ROLE_LABELS[invitation.role].toLowerCase()}</strong>.
      </p>
      <ul className={styles.inviteFacts}>
        <li>{ROLE_DESCRIPTIONS[invitation.role]}</li>
        <li>
          Members see the sellers, sightings and complaints that other members share with the
          collective, with their names. Nothing you keep private is shared.
        </li>
        <li>
          The link expires <DateText value={invitation.expiresAt} withTime /> and works once.
        </li>
      </ul>
      {accept.error && (
        <Alert>
          {accept.error.message}
          {accept.error instanceof ApiError && accept.error.status === 409 && (
            <>
              {' '}
              <Link to="/collectives" onClick={forgetToken}>
                See your collectives
              </Link>
            </>
          )}
        </Alert>
      )}
      <div className="button-row">
        <button type="button" className="button primary" onClick={join} disabled={accept.isPending}>
          {accept.isPending ? 'Joining…' : `Join ${invitation.collectiveName}`}
        </button>
        <button
          type="button"
          className="button ghost"
          onClick={() => {
            forgetToken();
            void navigate('/');
          }}
        >
          Not now
        </button>
      </div>
    </Card>
  );
}
