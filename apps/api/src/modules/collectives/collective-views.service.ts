import type { CollectiveAuditList, CollectiveSellerList } from '@counterpoint/core/contracts';
import { idSchema } from '@counterpoint/core/contracts';
import type { Db } from '@counterpoint/db';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from './collective-cursor';
import { readRole } from './collective-access';
import { requireRole } from './collective-permissions';
import { CollectiveViewsRepository, type SellerPageKey } from './collective-views.repository';
import { CollectivesRepository } from './collectives.repository';

const sellerCursorSchema = z
  .tuple([z.number().int(), z.number().int(), idSchema])
  .transform(([memberCount, sortPoints, id]): SellerPageKey => ({ memberCount, sortPoints, id }));
const auditCursorSchema = z.tuple([z.number().int().positive()]).transform(([id]) => id);

export interface PageQuery {
  cursor?: string | undefined;
  limit: number;
}

/** What members see of their collective's shared work, and what admins see of its history. */
export class CollectiveViewsService {
  private readonly collectives: CollectivesRepository;
  private readonly views: CollectiveViewsRepository;

  constructor(db: Db) {
    this.collectives = new CollectivesRepository(db);
    this.views = new CollectiveViewsRepository(db);
  }

  async listSellers(
    viewerId: string,
    collectiveId: string,
    page: PageQuery,
  ): Promise<CollectiveSellerList> {
    await readRole(this.collectives, collectiveId, viewerId);
    const after = decodeCursor(page.cursor, sellerCursorSchema);
    const rows = await this.views.listSharedSellers(collectiveId, viewerId, after, page.limit + 1);
    const pageRows = rows.slice(0, page.limit);
    const copied = await this.views.listCopiedMembers(
      collectiveId,
      viewerId,
      pageRows.map((row) => row.id),
    );
    const last = pageRows.at(-1);
    return {
      sellers: pageRows.map((row) => ({
        id: row.id,
        marketplace: row.marketplace,
        storeId: row.storeId,
        name: row.name,
        storeUrl: row.storeUrl,
        listingCount: Number(row.listingCount),
        confirmedPoints: row.confirmedPoints,
        pendingPoints: row.pendingPoints,
        tierLabel: row.tierLabel,
        members: copied
          .filter((member) => member.sellerId === row.id)
          .map((member) => ({
            artistId: member.artistId,
            displayName: member.displayName,
            isYou: member.artistId === viewerId,
            listingCount: Number(member.listingCount),
            artworkTitles: member.artworkTitles,
          })),
      })),
      nextCursor:
        rows.length > page.limit && last
          ? encodeCursor([Number(last.memberCount), Number(last.sortPoints), last.id])
          : null,
    };
  }

  async listAudit(
    viewerId: string,
    collectiveId: string,
    page: PageQuery,
  ): Promise<CollectiveAuditList> {
    const role = await readRole(this.collectives, collectiveId, viewerId);
    requireRole(role, 'admin', "read the collective's audit trail");
    const beforeId = decodeCursor(page.cursor, auditCursorSchema);
    const rows = await this.views.listAuditEvents(collectiveId, beforeId, page.limit + 1);
    const pageRows = rows.slice(0, page.limit);
    const last = pageRows.at(-1);
    return {
      events: pageRows.map((row) => ({
        id: Number(row.id),
        actor:
          row.actorArtistId && row.actorName
            ? { id: row.actorArtistId, displayName: row.actorName }
            : null,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        before: row.before,
        after: row.after,
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor: rows.length > page.limit && last ? encodeCursor([Number(last.id)]) : null,
    };
  }
}
