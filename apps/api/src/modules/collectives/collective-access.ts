import type { CollectiveDetail, CollectiveRole } from '@counterpoint/core/contracts';
import { notFound } from '../../errors';
import { toCollectiveSummary, toMemberView } from './collective.mappers';
import type { CollectiveRow, CollectivesRepository } from './collectives.repository';

/*
 * Membership checks shared by the services. Every read and write in a collective starts
 * here, so a non-member can never tell a collective they are not in from one that does not exist.
 */

/** The collective with its members, as `viewerId` (a member) sees it. */
export async function loadCollectiveDetail(
  repository: CollectivesRepository,
  collectiveId: string,
  viewerId: string,
): Promise<CollectiveDetail> {
  const collective = await repository.findForMember(collectiveId, viewerId);
  if (!collective) throw notFound('This collective');
  const members = await repository.listMembers(collectiveId);
  return {
    ...toCollectiveSummary(collective),
    members: members.map((member) => toMemberView(member, viewerId)),
  };
}

/**
 * Locks the collective (see `lockCollective`) and returns the caller's role in it. A
 * collective the caller does not belong to answers exactly like one that does not exist.
 */
export async function lockAsMember(
  repository: CollectivesRepository,
  collectiveId: string,
  artistId: string,
): Promise<{ collective: CollectiveRow; role: CollectiveRole }> {
  const collective = await repository.lockCollective(collectiveId);
  const role = collective ? await repository.findRole(collectiveId, artistId) : undefined;
  if (!collective || !role) throw notFound('This collective');
  return { collective, role };
}

/** The caller's role, without locking; 404 for non-members. */
export async function readRole(
  repository: CollectivesRepository,
  collectiveId: string,
  artistId: string,
): Promise<CollectiveRole> {
  const role = await repository.findRole(collectiveId, artistId);
  if (!role) throw notFound('This collective');
  return role;
}
