import type { Marketplace } from '@counterpoint/core';
import type {
  DisputeListQuery,
  DisputeResolution,
  DisputeView,
  PublicDisputeRequest,
} from '@counterpoint/core/contracts';
import { writeAudit, writeOutbox, type Db } from '@counterpoint/db';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import type { AttemptLimiter } from '../../lib/attempt-limiter';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { DisputesRepository, type DisputeRow } from './disputes.repository';

/** Disputes one address may submit per hour, on top of the public rate limit. */
export const DISPUTES_PER_IP_PER_HOUR = 10;
/** Open disputes a seller may have at once: enough for due process, not for flooding its page. */
export const MAX_OPEN_DISPUTES_PER_SELLER = 20;

const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

function toView(row: DisputeRow, collectives: { id: string; name: string }[]): DisputeView {
  return {
    id: row.id,
    status: row.status,
    seller: {
      id: row.sellerId,
      marketplace: row.marketplace,
      storeId: row.storeId,
      name: row.name,
    },
    contactEmail: row.contactEmail,
    statement: row.statement,
    evidenceUrl: row.evidenceUrl,
    submittedAt: row.submittedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    publicNote: row.publicNote,
    collectives,
  };
}

/**
 * Due process for listed sellers: anyone may dispute a listing; the admins of collectives
 * whose members complained about the seller review it and resolve it with a public note.
 * Every change asks the worker to rebuild the seller's public page (`watchlist.changed`).
 */
export class DisputesService {
  private readonly repository: DisputesRepository;

  constructor(
    private readonly db: Db,
    private readonly limiter: AttemptLimiter,
  ) {
    this.repository = new DisputesRepository(db);
  }

  async submit(
    marketplace: Marketplace,
    storeId: string,
    body: PublicDisputeRequest,
    ip: string,
    now: Date,
  ) {
    const seller = await this.repository.findListedSeller(marketplace, storeId);
    if (!seller) throw new AppError('not_found', 'This seller is not on the public watchlist.');
    // The counter is a safety net: an unreachable Redis must not block due process.
    const attempts = await this.limiter
      .hit(`public-dispute:${ip}`, 3600)
      .catch(() => ({ count: 0, retryAfterSeconds: 0 }));
    if (attempts.count > DISPUTES_PER_IP_PER_HOUR) {
      throw new AppError(
        'rate_limited',
        `Too many disputes from your address. Try again in ${attempts.retryAfterSeconds} s.`,
        undefined,
        {
          'retry-after': String(attempts.retryAfterSeconds),
        },
      );
    }
    if ((await this.repository.countOpen(seller.sellerId)) >= MAX_OPEN_DISPUTES_PER_SELLER) {
      throw new AppError(
        'conflict',
        'This seller already has many open disputes; they will be reviewed before more are accepted.',
      );
    }
    const created = await this.db.transaction().execute(async (trx) => {
      const row = await new DisputesRepository(trx).insert({
        sellerId: seller.sellerId,
        contactEmail: body.contactEmail,
        statement: body.statement,
        evidenceUrl: body.evidenceUrl ?? null,
        submittedAt: now,
      });
      await writeOutbox(trx, {
        topic: 'watchlist.changed',
        payload: { sellerIds: [seller.sellerId] },
      });
      return row;
    });
    return {
      id: created.id,
      status: 'open' as const,
      submittedAt: created.submittedAt.toISOString(),
      message:
        'Thank you. The dispute is recorded and the seller’s public page will show that it is open. The artists’ collectives review it and publish their outcome there; we may write to you at the address you gave.',
    };
  }

  async list(viewerId: string, query: DisputeListQuery) {
    const collectives = await this.repository.adminCollectives(viewerId, query.collectiveId);
    if (query.collectiveId && collectives.length === 0) throw notFound('This collective');
    const cursor = decodeCursor(query.cursor, ['string', 'string']);
    const after = cursor ? cursorSchema.safeParse(cursor) : null;
    if (after && !after.success)
      throw new AppError(
        'bad_request',
        'The cursor is not valid; start again from the first page.',
      );
    if (collectives.length === 0) return { disputes: [], nextCursor: null };
    const rows = await this.repository.list({
      collectiveIds: collectives.map((collective) => collective.id),
      status: query.status,
      after: after?.success ? { submittedAt: after.data[0], id: after.data[1] } : null,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const views = await this.withCollectives(page, collectives);
    const last = page.at(-1);
    return {
      disputes: views,
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.submittedAt.toISOString(), last.id])
          : null,
    };
  }

  async resolve(
    viewerId: string,
    disputeId: string,
    body: DisputeResolution,
    ip: string,
    now: Date,
  ): Promise<DisputeView> {
    const collectives = await this.repository.adminCollectives(viewerId);
    return this.db.transaction().execute(async (trx) => {
      const repository = new DisputesRepository(trx);
      const dispute = await repository.findById(disputeId, { forUpdate: true });
      const concerned = dispute
        ? ((
            await repository.concernedCollectives(
              [dispute.sellerId],
              collectives.map((c) => c.id),
            )
          ).get(dispute.sellerId) ?? [])
        : [];
      // A dispute the caller may not review answers exactly like one that does not exist.
      if (!dispute || concerned.length === 0) throw notFound('This dispute');
      if (dispute.status !== 'open')
        throw new AppError('conflict', `This dispute was already resolved (${dispute.status}).`);
      const resolvedCollectiveId = concerned[0]!;
      await repository.resolve(disputeId, {
        status: body.outcome,
        publicNote: body.publicNote,
        resolvedBy: viewerId,
        resolvedCollectiveId,
        resolvedAt: now,
      });
      await writeAudit(trx, {
        actorArtistId: viewerId,
        action: 'dispute.resolved',
        subjectType: 'dispute',
        subjectId: disputeId,
        collectiveId: resolvedCollectiveId,
        before: { status: 'open' },
        after: { status: body.outcome, publicNote: body.publicNote },
        ip,
      });
      await writeOutbox(trx, {
        topic: 'watchlist.changed',
        payload: { sellerIds: [dispute.sellerId] },
      });
      const names = new Map(collectives.map((collective) => [collective.id, collective.name]));
      return toView(
        { ...dispute, status: body.outcome, publicNote: body.publicNote, resolvedAt: now },
        concerned.map((id) => ({ id, name: names.get(id) ?? '' })),
      );
    });
  }

  private async withCollectives(
    rows: DisputeRow[],
    collectives: { id: string; name: string }[],
  ): Promise<DisputeView[]> {
    const concerned = await this.repository.concernedCollectives(
      [...new Set(rows.map((row) => row.sellerId))],
      collectives.map((collective) => collective.id),
    );
    const names = new Map(collectives.map((collective) => [collective.id, collective.name]));
    return rows.map((row) =>
      toView(
        row,
        (concerned.get(row.sellerId) ?? []).map((id) => ({ id, name: names.get(id) ?? '' })),
      ),
    );
  }
}
