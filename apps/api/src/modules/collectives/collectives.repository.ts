import type { CollectiveRole, GrantableRole } from '@counterpoint/core/contracts';
import type { Db } from '@counterpoint/db';
import { sql } from 'kysely';

export interface CollectiveRow {
  id: string;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface MemberCollectiveRow extends CollectiveRow {
  role: CollectiveRole;
  memberCount: number;
}

export interface MemberRow {
  artistId: string;
  displayName: string;
  role: CollectiveRole;
  joinedAt: Date;
}

export interface InvitationRow {
  id: string;
  role: GrantableRole;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface InvitationByTokenRow {
  id: string;
  collectiveId: string;
  collectiveName: string;
  inviterName: string | null;
  role: GrantableRole;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  isExpired: boolean;
}

const ROLE_ORDER = sql<number>`CASE ${sql.ref('memberships.role')} WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END`;

/**
 * Collectives, memberships and invitations. Built over a Kysely instance or a transaction;
 * the services choose which. Invitation secrets are stored and looked up only as hashes.
 */
export class CollectivesRepository {
  constructor(private readonly db: Db) {}

  insertCollective(values: { name: string; description: string; createdBy: string }) {
    return this.db
      .insertInto('collectives')
      .values(values)
      .returning(['id', 'name', 'description', 'createdAt', 'updatedAt'])
      .executeTakeFirstOrThrow();
  }

  /**
   * Locks the collective row so membership changes in one collective run one at a time:
   * a transfer and a removal can never interleave, and row locks are never taken in
   * opposite orders (no deadlocks). NO KEY UPDATE leaves foreign-key checks unblocked.
   */
  lockCollective(collectiveId: string): Promise<CollectiveRow | undefined> {
    return this.db
      .selectFrom('collectives')
      .select(['id', 'name', 'description', 'createdAt', 'updatedAt'])
      .where('id', '=', collectiveId)
      .forNoKeyUpdate()
      .executeTakeFirst();
  }

  updateCollective(collectiveId: string, patch: { name?: string; description?: string }) {
    return this.db
      .updateTable('collectives')
      .set({ ...patch, updatedAt: new Date() })
      .where('id', '=', collectiveId)
      .returning(['id', 'name', 'description', 'createdAt', 'updatedAt'])
      .executeTakeFirstOrThrow();
  }

  async findRole(collectiveId: string, artistId: string): Promise<CollectiveRole | undefined> {
    const row = await this.db
      .selectFrom('memberships')
      .select('role')
      .where('collectiveId', '=', collectiveId)
      .where('artistId', '=', artistId)
      .executeTakeFirst();
    return row?.role;
  }

  /** The collectives the artist belongs to, each with their role and its member count. */
  listForArtist(artistId: string): Promise<MemberCollectiveRow[]> {
    return this.memberCollectives(artistId)
      .orderBy('collectives.name')
      .orderBy('collectives.id')
      .execute();
  }

  /** The collective if the artist is a member of it; undefined otherwise (existence does not leak). */
  findForMember(collectiveId: string, artistId: string): Promise<MemberCollectiveRow | undefined> {
    return this.memberCollectives(artistId)
      .where('collectives.id', '=', collectiveId)
      .executeTakeFirst();
  }

  listMembers(collectiveId: string): Promise<MemberRow[]> {
    return this.db
      .selectFrom('memberships')
      .innerJoin('artists', 'artists.id', 'memberships.artistId')
      .select([
        'memberships.artistId',
        'artists.displayName',
        'memberships.role',
        'memberships.joinedAt',
      ])
      .where('memberships.collectiveId', '=', collectiveId)
      .orderBy(ROLE_ORDER)
      .orderBy('artists.displayName')
      .orderBy('memberships.artistId')
      .execute();
  }

  /** Undefined when the artist is already a member. */
  insertMembership(values: { collectiveId: string; artistId: string; role: CollectiveRole }) {
    return this.db
      .insertInto('memberships')
      .values(values)
      .onConflict((conflict) => conflict.columns(['collectiveId', 'artistId']).doNothing())
      .returning(['collectiveId', 'artistId', 'role', 'joinedAt'])
      .executeTakeFirst();
  }

  async setRole(collectiveId: string, artistId: string, role: CollectiveRole): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set({ role })
      .where('collectiveId', '=', collectiveId)
      .where('artistId', '=', artistId)
      .execute();
  }

  async deleteMembership(collectiveId: string, artistId: string): Promise<void> {
    await this.db
      .deleteFrom('memberships')
      .where('collectiveId', '=', collectiveId)
      .where('artistId', '=', artistId)
      .execute();
  }

  insertInvitation(values: {
    collectiveId: string;
    tokenHash: string;
    role: GrantableRole;
    createdBy: string;
    expiresAt: Date;
  }) {
    return this.db
      .insertInto('invitations')
      .values(values)
      .returning(['id', 'role', 'expiresAt'])
      .executeTakeFirstOrThrow();
  }

  /** Invitations that can still be accepted. */
  listOpenInvitations(collectiveId: string): Promise<InvitationRow[]> {
    return this.db
      .selectFrom('invitations')
      .leftJoin('artists', 'artists.id', 'invitations.createdBy')
      .select([
        'invitations.id',
        'invitations.role',
        'invitations.createdBy',
        'artists.displayName as createdByName',
        'invitations.createdAt',
        'invitations.expiresAt',
      ])
      .where('invitations.collectiveId', '=', collectiveId)
      .where('invitations.acceptedAt', 'is', null)
      .where('invitations.revokedAt', 'is', null)
      .where('invitations.expiresAt', '>', sql<Date>`now()`)
      .orderBy('invitations.createdAt', 'desc')
      .orderBy('invitations.id')
      .execute();
  }

  lockInvitation(collectiveId: string, invitationId: string) {
    return this.db
      .selectFrom('invitations')
      .select(['id', 'role', 'acceptedAt', 'revokedAt', 'expiresAt'])
      .where('id', '=', invitationId)
      .where('collectiveId', '=', collectiveId)
      .forUpdate()
      .executeTakeFirst();
  }

  async revokeInvitation(invitationId: string): Promise<void> {
    await this.db
      .updateTable('invitations')
      .set({ revokedAt: new Date() })
      .where('id', '=', invitationId)
      .execute();
  }

  /** Expiry is judged by the database clock, the same one `claimInvitation` uses. */
  findInvitationByTokenHash(tokenHash: string): Promise<InvitationByTokenRow | undefined> {
    return this.db
      .selectFrom('invitations')
      .innerJoin('collectives', 'collectives.id', 'invitations.collectiveId')
      .leftJoin('artists', 'artists.id', 'invitations.createdBy')
      .select([
        'invitations.id',
        'invitations.collectiveId',
        'collectives.name as collectiveName',
        'artists.displayName as inviterName',
        'invitations.role',
        'invitations.expiresAt',
        'invitations.acceptedAt',
        'invitations.revokedAt',
        sql<boolean>`${sql.ref('invitations.expiresAt')} <= now()`.as('isExpired'),
      ])
      .where('invitations.tokenHash', '=', tokenHash)
      .executeTakeFirst();
  }

  /**
   * Marks the invitation used, only if it still can be. Of two concurrent accepts the second
   * waits for the first's row lock, then finds `accepted_at` set and claims nothing.
   */
  async claimInvitation(invitationId: string, artistId: string): Promise<boolean> {
    const claimed = await this.db
      .updateTable('invitations')
      .set({ acceptedAt: new Date(), acceptedBy: artistId })
      .where('id', '=', invitationId)
      .where('acceptedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', sql<Date>`now()`)
      .returning('id')
      .executeTakeFirst();
    return claimed !== undefined;
  }

  private memberCollectives(artistId: string) {
    return this.db
      .selectFrom('collectives')
      .innerJoin('memberships', 'memberships.collectiveId', 'collectives.id')
      .select((eb) => [
        'collectives.id',
        'collectives.name',
        'collectives.description',
        'collectives.createdAt',
        'collectives.updatedAt',
        'memberships.role',
        eb.fn
          .coalesce(
            eb
              .selectFrom('memberships as others')
              .select(eb.fn.countAll<number>().as('count'))
              .whereRef('others.collectiveId', '=', 'collectives.id'),
            sql<number>`0`,
          )
          .as('memberCount'),
      ])
      .where('memberships.artistId', '=', artistId);
  }
}
