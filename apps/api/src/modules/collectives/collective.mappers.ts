import type {
  CollectiveMember,
  CollectiveSummary,
  InvitationView,
} from '@counterpoint/core/contracts';
import type { FastifyRequest } from 'fastify';
import { requireAuth } from '../../types';
import type { InvitationRow, MemberCollectiveRow, MemberRow } from './collectives.repository';

/** Who acts, for authorization and the audit trail. */
export interface Actor {
  artistId: string;
  ip: string;
}

export function actorOf(request: FastifyRequest): Actor {
  return { artistId: requireAuth(request).artistId, ip: request.ip };
}

export function toCollectiveSummary(row: MemberCollectiveRow): CollectiveSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    role: row.role,
    memberCount: Number(row.memberCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toMemberView(row: MemberRow, viewerId: string): CollectiveMember {
  return {
    id: row.artistId,
    displayName: row.displayName,
    role: row.role,
    joinedAt: row.joinedAt.toISOString(),
    isYou: row.artistId === viewerId,
  };
}

export function toInvitationView(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    role: row.role,
    createdBy:
      row.createdBy && row.createdByName
        ? { id: row.createdBy, displayName: row.createdByName }
        : null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
