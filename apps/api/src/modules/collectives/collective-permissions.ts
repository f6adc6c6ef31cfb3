import type { CollectiveRole, GrantableRole } from '@counterpoint/core/contracts';
import { AppError, forbidden } from '../../errors';

/*
 * Who may do what inside a collective. Pure rules over roles: the services load the rows,
 * lock them, and ask these functions; each refusal names the role the action needs.
 */

const RANK: Record<CollectiveRole, number> = { member: 0, admin: 1, owner: 2 };

export function isAtLeast(role: CollectiveRole, needed: CollectiveRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** Throws 403 unless `role` is `needed` or above; `action` completes "Only … can …". */
export function requireRole(role: CollectiveRole, needed: 'admin' | 'owner', action: string): void {
  if (isAtLeast(role, needed)) return;
  const who = needed === 'owner' ? 'the owner' : 'admins and the owner';
  throw forbidden(`Only ${who} of this collective can ${action}.`);
}

/** Admins invite members; only the owner invites admins. */
export function checkInvite(actor: CollectiveRole, role: GrantableRole): void {
  requireRole(actor, 'admin', 'invite artists');
  if (role === 'admin') requireRole(actor, 'owner', 'invite admins');
}

/**
 * Admins manage members; making or unmaking an admin is the owner's call; the owner's own
 * role changes only through a transfer of ownership.
 */
export function checkRoleChange(
  actor: CollectiveRole,
  target: CollectiveRole,
  next: GrantableRole,
): void {
  requireRole(actor, 'admin', "change members' roles");
  if (target === 'owner') {
    throw new AppError(
      'conflict',
      "The owner's role cannot be changed. The owner can transfer ownership to another member instead.",
    );
  }
  if (target === 'admin' || next === 'admin') requireRole(actor, 'owner', 'make or unmake admins');
}

/**
 * Anyone may leave except the owner (who must transfer first); admins remove members;
 * only the owner removes admins; nobody removes the owner.
 */
export function checkRemoval(actor: CollectiveRole, target: CollectiveRole, isSelf: boolean): void {
  if (isSelf) {
    if (target === 'owner') {
      throw new AppError(
        'conflict',
        'The owner cannot leave the collective. Transfer ownership to another member first.',
      );
    }
    return;
  }
  requireRole(actor, 'admin', 'remove members');
  if (target === 'owner') throw forbidden('Nobody can remove the owner of a collective.');
  if (target === 'admin') requireRole(actor, 'owner', 'remove admins');
}
