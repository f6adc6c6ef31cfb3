import type {
  CollectiveDetail,
  CreatedInvitation,
  GrantableRole,
  InvitationView,
} from '@counterpoint/core/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { CopyButton } from '../../../components/copy-button';
import { DataState } from '../../../components/data-state';
import { DateText } from '../../../components/date-text';
import { Field, SelectField } from '../../../components/field';
import { Badge } from '../../../components/status-badge';
import { Table, type Column } from '../../../components/table';
import { formatDateTime } from '../../../lib/format';
import { useCreateInvitation } from '../api/create-invitation';
import { useInvitations } from '../api/get-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import styles from './collectives.module.css';
import { ROLE_LABELS } from './member-permissions';

/** The new link, shown once: the server keeps only a hash of its secret. */
function CreatedLink({
  invitation,
  onDone,
}: {
  invitation: CreatedInvitation;
  onDone: () => void;
}) {
  return (
    <div className={styles.secretBox} role="region" aria-labelledby="invitation-link-title">
      <h3 id="invitation-link-title">New invitation link</h3>
      <p className={styles.secretWarning}>
        <strong>Copy it now: it is shown only once.</strong> Anyone with this link can join as{' '}
        {ROLE_LABELS[invitation.role].toLowerCase()} until{' '}
        <DateText value={invitation.expiresAt} withTime />. It works once.
      </p>
      <div className={styles.secretRow}>
        <label htmlFor="invitation-url" className="visually-hidden">
          Invitation link
        </label>
        <input
          id="invitation-url"
          className={styles.secretValue}
          readOnly
          value={invitation.url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={invitation.url} label="Copy link" className="button primary small" />
      </div>
      <button type="button" className="button small" onClick={onDone}>
        Done, I have shared it
      </button>
    </div>
  );
}

function CreateInvitationForm({ collective }: { collective: CollectiveDetail }) {
  const create = useCreateInvitation(collective.id);
  const [role, setRole] = useState<GrantableRole>('member');
  const [days, setDays] = useState('7');
  const [error, setError] = useState<string | undefined>();
  const canInviteAdmins = collective.role === 'owner';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const expiresInDays = Number(days);
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 30) {
      return setError('must be a whole number of days from 1 to 30');
    }
    setError(undefined);
    create.mutate({ role, expiresInDays });
  };

  if (create.data) return <CreatedLink invitation={create.data} onDone={() => create.reset()} />;
  return (
    <form
      onSubmit={submit}
      noValidate
      className={styles.inviteForm}
      aria-label="Create an invitation link"
    >
      <SelectField
        label="Joins as"
        value={role}
        onChange={(event) => setRole(event.target.value as GrantableRole)}
        hint={canInviteAdmins ? undefined : 'Only the owner can invite admins.'}
      >
        <option value="member">Member</option>
        {canInviteAdmins && <option value="admin">Admin</option>}
      </SelectField>
      <Field
        label="Link expires after (days)"
        type="number"
        min={1}
        max={30}
        inputMode="numeric"
        value={days}
        onChange={(event) => setDays(event.target.value)}
        error={error}
      />
      <div className={styles.inviteSubmit}>
        <button type="submit" className="button primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create invitation link'}
        </button>
      </div>
      {create.error && (
        <div className="span-all">
          <Alert>{create.error.message}</Alert>
        </div>
      )}
    </form>
  );
}

/** Invitation links (admins and owner): create one, see the open ones, withdraw them. */
export function InvitationsPanel({ collective }: { collective: CollectiveDetail }) {
  const invitations = useInvitations(collective.id);
  const revoke = useRevokeInvitation(collective.id);
  const [revoking, setRevoking] = useState<InvitationView | null>(null);

  const columns: Column<InvitationView>[] = [
    {
      key: 'role',
      header: 'Joins as',
      cell: (invitation) => <Badge tone="muted">{ROLE_LABELS[invitation.role]}</Badge>,
    },
    {
      key: 'createdBy',
      header: 'Created by',
      cell: (invitation) => invitation.createdBy?.displayName ?? <span className="muted">—</span>,
    },
    {
      key: 'createdAt',
      header: 'Created',
      sortValue: (invitation) => invitation.createdAt,
      cell: (invitation) => <DateText value={invitation.createdAt} withTime />,
    },
    {
      key: 'expiresAt',
      header: 'Expires',
      sortValue: (invitation) => invitation.expiresAt,
      cell: (invitation) => <DateText value={invitation.expiresAt} withTime />,
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (invitation) => (
        <button
          type="button"
          className="button small danger"
          onClick={() => {
            revoke.reset();
            setRevoking(invitation);
          }}
        >
          Withdraw{' '}
          <span className="visually-hidden">
            the {ROLE_LABELS[invitation.role].toLowerCase()} invitation created{' '}
            {formatDateTime(invitation.createdAt)}
          </span>
        </button>
      ),
    },
  ];

  return (
    <div className={styles.column}>
      <section aria-labelledby="new-invitation-title" className={`card ${styles.subsection}`}>
        <h2 id="new-invitation-title">Invite someone</h2>
        <p className="muted small">
          Create a single-use link and send it to the artist yourself. The link is shown once.
        </p>
        <CreateInvitationForm collective={collective} />
      </section>
      <section aria-labelledby="open-invitations-title" className={`card ${styles.subsection}`}>
        <h2 id="open-invitations-title">Open invitations</h2>
        <DataState
          query={invitations}
          loadingLabel="Loading invitations…"
          errorTitle="The invitations could not be loaded."
          isEmpty={(data) => data.invitations.length === 0}
          empty={
            <p className="muted">No open invitations: every link was used, expired or withdrawn.</p>
          }
        >
          {(data) => (
            <Table
              stackOnPhone
              caption="Open invitations"
              columns={columns}
              rows={data.invitations}
              rowKey={(invitation) => invitation.id}
            />
          )}
        </DataState>
      </section>
      {revoking && (
        <ConfirmDialog
          title="Withdraw this invitation?"
          confirmLabel="Withdraw invitation"
          isPending={revoke.isPending}
          error={revoke.error?.message}
          onCancel={() => setRevoking(null)}
          onConfirm={() => revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        >
          <p>The link stops working at once. Whoever has it will need a new invitation to join.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
