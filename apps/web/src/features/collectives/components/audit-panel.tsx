import type { CollectiveAuditEntry, CollectiveDetail } from '@counterpoint/core/contracts';
import { EmptyState, ErrorState, LoadingState } from '../../../components/data-state';
import { LoadMore } from '../../../components/load-more';
import { DateText } from '../../../components/date-text';
import { Table, type Column } from '../../../components/table';
import { formatDateTime } from '../../../lib/format';
import { useCollectiveAudit } from '../api/get-collective-audit';
import styles from './collectives.module.css';

/** A string field of an audit snapshot (`before` / `after` are free-form JSON). */
function field(snapshot: unknown, key: string): string | undefined {
  if (snapshot && typeof snapshot === 'object' && key in snapshot) {
    const value = (snapshot as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** One sentence for an audit event, naming members by their current names when possible. */
function describe(entry: CollectiveAuditEntry, names: Map<string, string>): string {
  const who = (id: string | null | undefined) => (id && names.get(id)) ?? 'a former member';
  const role = (value: string | undefined) => value ?? 'member';
  switch (entry.action) {
    case 'collective.created':
      return 'Created the collective';
    case 'collective.updated':
      return 'Changed the name or description';
    case 'collective.ownership_transferred':
      return `Transferred ownership to ${who(field(entry.after, 'ownerId'))}`;
    case 'member.role_changed':
      return `Changed ${who(entry.subjectId)}’s role from ${role(field(entry.before, 'role'))} to ${role(field(entry.after, 'role'))}`;
    case 'member.removed':
      return `Removed ${who(entry.subjectId)} (${role(field(entry.before, 'role'))})`;
    case 'member.left':
      return 'Left the collective';
    case 'member.joined':
      return `Joined as ${role(field(entry.after, 'role'))} with an invitation link`;
    case 'invitation.created': {
      const expiresAt = field(entry.after, 'expiresAt');
      return `Created an invitation link for a new ${role(field(entry.after, 'role'))}${expiresAt ? `, expiring ${formatDateTime(expiresAt)}` : ''}`;
    }
    case 'invitation.revoked':
      return `Withdrew an invitation for a new ${role(field(entry.before, 'role'))}`;
    default:
      return entry.action.replaceAll('_', ' ').replaceAll('.', ': ');
  }
}

/** The collective's audit trail, newest first (admins and owner only). */
export function AuditPanel({ collective }: { collective: CollectiveDetail }) {
  const audit = useCollectiveAudit(collective.id);
  const events = audit.data?.pages.flatMap((page) => page.events) ?? [];
  const names = new Map(
    collective.members.map((member) => [member.id, member.isYou ? 'you' : member.displayName]),
  );

  const columns: Column<CollectiveAuditEntry>[] = [
    {
      key: 'when',
      header: 'When',
      cell: (entry) => <DateText value={entry.createdAt} withTime />,
    },
    {
      key: 'who',
      header: 'Who',
      cell: (entry) =>
        entry.actor ? (
          names.get(entry.actor.id) === 'you' ? (
            <strong>You</strong>
          ) : (
            entry.actor.displayName
          )
        ) : (
          <span className="muted">A deleted account</span>
        ),
    },
    {
      key: 'what',
      header: 'What',
      cell: (entry) => describe(entry, names),
    },
  ];

  if (audit.isPending) return <LoadingState label="Loading the audit trail…" />;
  if (audit.error && events.length === 0)
    return (
      <ErrorState
        error={audit.error}
        title="The audit trail could not be loaded."
        onRetry={() => void audit.refetch()}
      />
    );
  if (events.length === 0)
    return (
      <EmptyState title="Nothing recorded yet.">
        Changes to members, roles and invitations are recorded here.
      </EmptyState>
    );
  return (
    <div className={styles.column}>
      <p className="muted small">
        Every change to members, roles and invitations, newest first. Only admins and the owner see
        this.
      </p>
      <Table
        stackOnPhone
        caption="Audit trail"
        columns={columns}
        rows={events}
        rowKey={(entry) => String(entry.id)}
      />
      <LoadMore query={audit} what="events" />
    </div>
  );
}
