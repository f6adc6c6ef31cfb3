import type {
  CollectiveDetail,
  CollectiveMember,
  CollectiveSummary,
  CreateCollectiveBody,
  GrantableRole,
  UpdateCollectiveBody,
} from '@counterpoint/core/contracts';
import { writeAudit, type Db } from '@counterpoint/db';
import { AppError, notFound } from '../../errors';
import { loadCollectiveDetail, lockAsMember } from './collective-access';
import { toCollectiveSummary, toMemberView, type Actor } from './collective.mappers';
import { checkRemoval, checkRoleChange, requireRole } from './collective-permissions';
import { CollectivesRepository } from './collectives.repository';

/**
 * Collectives and their members. Every change runs in one transaction that first locks the
 * collective row, checks the caller's role, and writes an audit event tagged with the
 * collective, so its admins can read who did what.
 */
export class CollectivesService {
  private readonly repository: CollectivesRepository;

  constructor(private readonly db: Db) {
    this.repository = new CollectivesRepository(db);
  }

  async create(actor: Actor, body: CreateCollectiveBody): Promise<CollectiveDetail> {
    return this.db.transaction().execute(async (trx) => {
      const repository = new CollectivesRepository(trx);
      const collective = await repository.insertCollective({
        name: body.name,
        description: body.description,
        createdBy: actor.artistId,
      });
      await repository.insertMembership({
        collectiveId: collective.id,
        artistId: actor.artistId,
        role: 'owner',
      });
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: 'collective.created',
        subjectType: 'collective',
        subjectId: collective.id,
        collectiveId: collective.id,
        after: { name: collective.name, description: collective.description },
        ip: actor.ip,
      });
      return loadCollectiveDetail(repository, collective.id, actor.artistId);
    });
  }

  async list(artistId: string): Promise<CollectiveSummary[]> {
    const rows = await this.repository.listForArtist(artistId);
    return rows.map(toCollectiveSummary);
  }

  get(collectiveId: string, artistId: string): Promise<CollectiveDetail> {
    return loadCollectiveDetail(this.repository, collectiveId, artistId);
  }

  async update(
    actor: Actor,
    collectiveId: string,
    body: UpdateCollectiveBody,
  ): Promise<CollectiveDetail> {
    return this.db.transaction().execute(async (trx) => {
      const repository = new CollectivesRepository(trx);
      const { collective, role } = await lockAsMember(repository, collectiveId, actor.artistId);
      requireRole(role, 'admin', "change the collective's name or description");
      const changed = (['name', 'description'] as const).filter((key) => body[key] !== undefined);
      await repository.updateCollective(collectiveId, body);
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: 'collective.updated',
        subjectType: 'collective',
        subjectId: collectiveId,
        collectiveId,
        before: Object.fromEntries(changed.map((key) => [key, collective[key]])),
        after: Object.fromEntries(changed.map((key) => [key, body[key]])),
        ip: actor.ip,
      });
      return loadCollectiveDetail(repository, collectiveId, actor.artistId);
    });
  }

  async changeRole(
    actor: Actor,
    collectiveId: string,
    targetId: string,
    next: GrantableRole,
  ): Promise<CollectiveMember> {
    return this.db.transaction().execute(async (trx) => {
      const repository = new CollectivesRepository(trx);
      const { role } = await lockAsMember(repository, collectiveId, actor.artistId);
      const target = await repository.findRole(collectiveId, targetId);
      if (!target) {
        requireRole(role, 'admin', "change members' roles");
        throw notFound('This member');
      }
      checkRoleChange(role, target, next);
      if (target !== next) {
        await repository.setRole(collectiveId, targetId, next);
        await writeAudit(trx, {
          actorArtistId: actor.artistId,
          action: 'member.role_changed',
          subjectType: 'membership',
          subjectId: targetId,
          collectiveId,
          before: { role: target },
          after: { role: next },
          ip: actor.ip,
        });
      }
      const member = (await repository.listMembers(collectiveId)).find(
        (row) => row.artistId === targetId,
      );
      if (!member) throw notFound('This member');
      return toMemberView(member, actor.artistId);
    });
  }

  /** The owner hands over; they stay on as an admin. */
  async transferOwnership(
    actor: Actor,
    collectiveId: string,
    newOwnerId: string,
  ): Promise<CollectiveDetail> {
    return this.db.transaction().execute(async (trx) => {
      const repository = new CollectivesRepository(trx);
      const { role } = await lockAsMember(repository, collectiveId, actor.artistId);
      requireRole(role, 'owner', 'transfer ownership');
      if (newOwnerId === actor.artistId) {
        throw new AppError('conflict', 'You already own this collective.');
      }
      const target = await repository.findRole(collectiveId, newOwnerId);
      if (!target) {
        throw new AppError(
          'not_found',
          'This artist is not a member of the collective. Ownership can only go to a member.',
        );
      }
      // Demote first: the unique index allows one owner per collective at every moment.
      await repository.setRole(collectiveId, actor.artistId, 'admin');
      await repository.setRole(collectiveId, newOwnerId, 'owner');
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: 'collective.ownership_transferred',
        subjectType: 'collective',
        subjectId: collectiveId,
        collectiveId,
        before: { ownerId: actor.artistId, newOwnerRole: target },
        after: { ownerId: newOwnerId, previousOwnerRole: 'admin' },
        ip: actor.ip,
      });
      return loadCollectiveDetail(repository, collectiveId, actor.artistId);
    });
  }

  /** Removes a member, or lets the caller leave when `targetId` is themself. */
  async removeMember(actor: Actor, collectiveId: string, targetId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const repository = new CollectivesRepository(trx);
      const { role } = await lockAsMember(repository, collectiveId, actor.artistId);
      const isSelf = targetId === actor.artistId;
      const target = isSelf ? role : await repository.findRole(collectiveId, targetId);
      if (!target) {
        requireRole(role, 'admin', 'remove members');
        throw notFound('This member');
      }
      checkRemoval(role, target, isSelf);
      await repository.deleteMembership(collectiveId, targetId);
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: isSelf ? 'member.left' : 'member.removed',
        subjectType: 'membership',
        subjectId: targetId,
        collectiveId,
        before: { role: target },
        ip: actor.ip,
      });
    });
  }
}
