import type {
  CollectiveDetail,
  CollectiveMember,
  GrantableRole,
} from '@counterpoint/core/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DateText } from '../../../components/date-text';
import { Badge } from '../../../components/status-badge';
import { Table, type Column } from '../../../components/table';
import { useChangeMemberRole } from '../api/change-member-role';
import { useRemoveMember } from '../api/remove-member';
import { useTransferOwnership } from '../api/transfer-ownership';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import styles from './collectives.module.css';
import {
  canChangeRole,
  canLeave,
  canRemove,
  canTransferTo,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
} from './member-permissions';

type Action =
  | { kind: 'role'; member: CollectiveMember }
  | { kind: 'remove'; member: CollectiveMember }
  | { kind: 'transfer'; member: CollectiveMember }
  | { kind: 'leave'; member: CollectiveMember };

function RoleDialog({
  collective,
  member,
  onClose,
}: {
  collective: CollectiveDetail;
  member: CollectiveMember;
  onClose: () => void;
}) {
  const changeRole = useChangeMemberRole(collective.id);
  const [role, setRole] = useState<GrantableRole>(member.role === 'admin' ? 'member' : 'admin');
  return (
    <ConfirmDialog
      title={`Change ${member.displayName}’s role`}
      confirmLabel="Change role"
      tone="primary"
      isPending={changeRole.isPending}
      error={changeRole.error?.message}
      onCancel={onClose}
      onConfirm={() => changeRole.mutate({ artistId: member.id, role }, { onSuccess: onClose })}
    >
      <fieldset>
        <legend>New role</legend>
        {(['admin', 'member'] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="role"
              value={value}
              checked={role === value}
              onChange={() => setRole(value)}
            />
            <span className="choice-text">
              <strong>
                {ROLE_LABELS[value]}
                {member.role === value && ' (current)'}
              </strong>
              <span className="muted small">{ROLE_DESCRIPTIONS[value]}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </ConfirmDialog>
  );
}

function RemoveDialog({
  collective,
  member,
  isLeaving,
  onClose,
}: {
  collective: CollectiveDetail;
  member: CollectiveMember;
  isLeaving: boolean;
  onClose: () => void;
}) {
  const remove = useRemoveMember(collective.id);
  const navigate = useNavigate();
  return (
    <ConfirmDialog
      title={isLeaving ? `Leave ${collective.name}?` : `Remove ${member.displayName}?`}
      confirmLabel={isLeaving ? 'Leave the collective' : 'Remove member'}
      isPending={remove.isPending}
      error={remove.error?.message}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(
          { artistId: member.id, isSelf: isLeaving },
          {
            onSuccess: () => {
              onClose();
              if (isLeaving) void navigate('/collectives', { replace: true });
            },
          },
        )
      }
    >
      <p>
        {isLeaving
          ? 'You will no longer see what members share with this collective, and they will no longer see what you shared with it. You need a new invitation to come back.'
          : `${member.displayName} will no longer see what members share with this collective. What they shared stays in their own account.`}
      </p>
    </ConfirmDialog>
  );
}

function TransferDialog({
  collective,
  member,
  onClose,
}: {
  collective: CollectiveDetail;
  member: CollectiveMember;
  onClose: () => void;
}) {
  const transfer = useTransferOwnership(collective.id);
  return (
    <ConfirmDialog
      title={`Make ${member.displayName} the owner?`}
      confirmLabel="Transfer ownership"
      isPending={transfer.isPending}
      error={transfer.error?.message}
      onCancel={onClose}
      onConfirm={() => transfer.mutate(member.id, { onSuccess: onClose })}
    >
      <p>
        {member.displayName} becomes the owner of {collective.name}. You stay on as an admin and can
        no longer make or remove admins. Only the new owner can hand it back.
      </p>
    </ConfirmDialog>
  );
}

/** Members and their roles, with the actions the viewer's role allows. */
export function MembersPanel({ collective }: { collective: CollectiveDetail }) {
  const [action, setAction] = useState<Action | null>(null);
  const viewer = collective.role;
  const close = () => setAction(null);

  const columns: Column<CollectiveMember>[] = [
    {
      key: 'name',
      header: 'Member',
      sortValue: (member) => member.displayName,
      cell: (member) => (
        <span className={styles.memberName}>
          {member.displayName}
          {member.isYou && <span className="muted"> (you)</span>}
        </span>
      ),
    },
    {
      key: 'role',
      header: 'Role',
      cell: (member) => (
        <Badge
          tone={member.role === 'owner' ? 'info' : member.role === 'admin' ? 'neutral' : 'muted'}
        >
          {ROLE_LABELS[member.role]}
        </Badge>
      ),
    },
    {
      key: 'joined',
      header: 'Joined',
      sortValue: (member) => member.joinedAt,
      cell: (member) => <DateText value={member.joinedAt} />,
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (member) => (
        <span className="button-row">
          {canChangeRole(viewer, member) && (
            <button
              type="button"
              className="button small"
              onClick={() => setAction({ kind: 'role', member })}
            >
              Change role <span className="visually-hidden">of {member.displayName}</span>
            </button>
          )}
          {canTransferTo(viewer, member) && (
            <button
              type="button"
              className="button small"
              onClick={() => setAction({ kind: 'transfer', member })}
            >
              Make owner<span className="visually-hidden">: {member.displayName}</span>
            </button>
          )}
          {canRemove(viewer, member) && (
            <button
              type="button"
              className="button small danger"
              onClick={() => setAction({ kind: 'remove', member })}
            >
              Remove <span className="visually-hidden">{member.displayName}</span>
            </button>
          )}
          {canLeave(member) && (
            <button
              type="button"
              className="button small danger"
              onClick={() => setAction({ kind: 'leave', member })}
            >
              Leave the collective
            </button>
          )}
          {member.isYou && member.role === 'owner' && (
            <span className="muted small">To leave, first make another member the owner.</span>
          )}
        </span>
      ),
    },
  ];

  return (
    <div className={styles.column}>
      <Table
        stackOnPhone
        caption={`Members of ${collective.name}`}
        columns={columns}
        rows={collective.members}
        rowKey={(member) => member.id}
      />
      <dl className={styles.roleKey}>
        {(['owner', 'admin', 'member'] as const).map((role) => (
          <div key={role}>
            <dt>{ROLE_LABELS[role]}</dt>
            <dd>{ROLE_DESCRIPTIONS[role]}</dd>
          </div>
        ))}
      </dl>
      {action?.kind === 'role' && (
        <RoleDialog collective={collective} member={action.member} onClose={close} />
      )}
      {(action?.kind === 'remove' || action?.kind === 'leave') && (
        <RemoveDialog
          collective={collective}
          member={action.member}
          isLeaving={action.kind === 'leave'}
          onClose={close}
        />
      )}
      {action?.kind === 'transfer' && (
        <TransferDialog collective={collective} member={action.member} onClose={close} />
      )}
    </div>
  );
}
