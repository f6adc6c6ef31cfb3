import type { CollectiveMember, CollectiveRole } from '@counterpoint/core/contracts';

/*
 * What the viewer may do to a member, mirroring the API's rules so that the page only offers
 * actions that can succeed: admins manage members; only the owner makes or unmakes admins
 * and removes them; nobody removes the owner, who leaves only after transferring ownership.
 */

export function isAdmin(role: CollectiveRole): boolean {
  return role === 'owner' || role === 'admin';
}

export function canChangeRole(viewer: CollectiveRole, member: CollectiveMember): boolean {
  return viewer === 'owner' && !member.isYou && member.role !== 'owner';
}

export function canRemove(viewer: CollectiveRole, member: CollectiveMember): boolean {
  if (member.isYou || member.role === 'owner') return false;
  return viewer === 'owner' || (viewer === 'admin' && member.role === 'member');
}

export function canTransferTo(viewer: CollectiveRole, member: CollectiveMember): boolean {
  return viewer === 'owner' && !member.isYou;
}

export function canLeave(member: CollectiveMember): boolean {
  return member.isYou && member.role !== 'owner';
}

export const ROLE_LABELS: Record<CollectiveRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
};

export const ROLE_DESCRIPTIONS: Record<CollectiveRole, string> = {
  owner: 'Manages admins and members, and can hand the collective over.',
  admin: 'Invites and removes members, sees open invitations and the audit trail.',
  member: 'Shares sellers, sightings and complaints with the collective.',
};
