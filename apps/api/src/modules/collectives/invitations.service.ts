import type {
  AcceptedInvitation,
  CreateInvitationBody,
  CreatedInvitation,
  InvitationPreview,
  InvitationView,
} from '@counterpoint/core/contracts';
import { writeAudit, type Db } from '@counterpoint/db';
import { AppError, notFound } from '../../errors';
import { generateSecret, hashSecret } from '../../lib/tokens';
import { lockAsMember, readRole } from './collective-access';
import { toInvitationView, type Actor } from './collective.mappers';
import { checkInvite, requireRole } from './collective-permissions';
import { CollectivesRepository, type InvitationByTokenRow } from './collectives.repository';

const DAY_MS = 86_400_000;

const invalidLink = () =>
  new AppError(
    'not_found',
    'This invitation link is not valid. Check that you copied the whole link, or ask for a new one.',
  );

/** Why a found invitation can no longer be used, or null if it still can. */
function unusableReason(invitation: InvitationByTokenRow): AppError | null {
  if (invitation.revokedAt) {
    return new AppError(
      'gone',
      'This invitation was withdrawn. Ask an admin of the collective for a new one.',
    );
  }
  if (invitation.acceptedAt) {
    return new AppError(
      'gone',
      'This invitation has already been used. Each link works once; ask for a new one.',
    );
  }
  if (invitation.isExpired) {
    return new AppError(
      'gone',
      'This invitation has expired. Ask an admin of the collective for a new one.',
    );
  }
  return null;
}

/**
 * Single-use, expiring invitation links. The secret is shown once to the admin who creates
 * it and stored only as a hash; the link carries it in the URL fragment.
 */
export class InvitationsService {
  private readonly repository: CollectivesRepository;

  constructor(
    private readonly db: Db,
    private readonly publicUrl: string,
  ) {
    this.repository = new CollectivesRepository(db);
  }

  async create(
    actor: Actor,
    collectiveId: string,
    body: CreateInvitationBody,
  ): Promise<CreatedInvitation> {
    const token = generateSecret('cpi_');
    return this.db.transaction().execute(async (trx) => {
      const repository = new CollectivesRepository(trx);
      const { role } = await lockAsMember(repository, collectiveId, actor.artistId);
      checkInvite(role, body.role);
      const invitation = await repository.insertInvitation({
        collectiveId,
        tokenHash: hashSecret(token),
        role: body.role,
        createdBy: actor.artistId,
        expiresAt: new Date(Date.now() + body.expiresInDays * DAY_MS),
      });
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: 'invitation.created',
        subjectType: 'invitation',
        subjectId: invitation.id,
        collectiveId,
        after: { role: invitation.role, expiresAt: invitation.expiresAt.toISOString() },
        ip: actor.ip,
      });
      return {
        id: invitation.id,
        role: invitation.role,
        expiresAt: invitation.expiresAt.toISOString(),
        token,
        url: `${this.publicUrl}/invite#${token}`,
      };
    });
  }

  async listOpen(artistId: string, collectiveId: string): Promise<InvitationView[]> {
    const role = await readRole(this.repository, collectiveId, artistId);
    requireRole(role, 'admin', 'see invitations');
    const rows = await this.repository.listOpenInvitations(collectiveId);
    return rows.map(toInvitationView);
  }

  async revoke(actor: Actor, collectiveId: string, invitationId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const repository = new CollectivesRepository(trx);
      const { role } = await lockAsMember(repository, collectiveId, actor.artistId);
      requireRole(role, 'admin', 'withdraw invitations');
      const invitation = await repository.lockInvitation(collectiveId, invitationId);
      if (!invitation) throw notFound('This invitation');
      if (invitation.acceptedAt) {
        throw new AppError(
          'conflict',
          'This invitation has already been accepted. Remove the member instead.',
        );
      }
      if (invitation.revokedAt) return; // Already withdrawn: the outcome the caller wants.
      await repository.revokeInvitation(invitationId);
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: 'invitation.revoked',
        subjectType: 'invitation',
        subjectId: invitationId,
        collectiveId,
        before: { role: invitation.role, expiresAt: invitation.expiresAt.toISOString() },
        ip: actor.ip,
      });
    });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.repository.findInvitationByTokenHash(hashSecret(token));
    if (!invitation) throw invalidLink();
    const reason = unusableReason(invitation);
    if (reason) throw reason;
    return {
      collectiveName: invitation.collectiveName,
      inviterName: invitation.inviterName,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  async accept(actor: Actor, token: string): Promise<AcceptedInvitation> {
    return this.db.transaction().execute(async (trx) => {
      const repository = new CollectivesRepository(trx);
      const invitation = await repository.findInvitationByTokenHash(hashSecret(token));
      if (!invitation) throw invalidLink();
      const reason = unusableReason(invitation);
      if (reason) throw reason;
      // Checked before claiming, so a member who opens a link does not use it up.
      if (await repository.findRole(invitation.collectiveId, actor.artistId)) {
        throw new AppError('conflict', 'You are already a member of this collective.');
      }
      if (!(await repository.claimInvitation(invitation.id, actor.artistId))) {
        throw new AppError(
          'gone',
          'This invitation has just been used or withdrawn. Ask for a new one.',
        );
      }
      const membership = await repository.insertMembership({
        collectiveId: invitation.collectiveId,
        artistId: actor.artistId,
        role: invitation.role,
      });
      // A concurrent accept of another link by the same artist: throwing rolls back the claim.
      if (!membership)
        throw new AppError('conflict', 'You are already a member of this collective.');
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: 'member.joined',
        subjectType: 'membership',
        subjectId: actor.artistId,
        collectiveId: invitation.collectiveId,
        after: { role: membership.role, invitationId: invitation.id },
        ip: actor.ip,
      });
      return {
        collectiveId: invitation.collectiveId,
        collectiveName: invitation.collectiveName,
        role: membership.role,
        joinedAt: membership.joinedAt.toISOString(),
      };
    });
  }
}
