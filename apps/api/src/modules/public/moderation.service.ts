import type { SafelistRequest } from '@counterpoint/core/contracts';
import { writeAudit, writeOutbox, type Db } from '@counterpoint/db';
import { AppError, forbidden, notFound } from '../../errors';
import type { AuthContext } from '../../types';
import { removeFromPublicSnapshot } from './public-snapshot.writer';

function requireModerator(auth: AuthContext): string {
  if (auth.role !== 'moderator')
    throw forbidden('Only moderators can change what the public watchlist shows.');
  return auth.artistId;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/**
 * Moderators' controls over public outputs: hiding a seller (it stays in the artists' own
 * views) and the safelist of authorised resellers that can never be listed. Both take the
 * seller off the public snapshot in the same transaction, so it vanishes within seconds
 * even if the worker is down; lifting them asks the worker to re-apply the policy.
 */
export class ModerationService {
  constructor(private readonly db: Db) {}

  async listHidden(auth: AuthContext) {
    requireModerator(auth);
    const rows = await this.db
      .selectFrom('sellerPublicHides as h')
      .innerJoin('sellers as s', 's.id', 'h.sellerId')
      .select([
        'h.sellerId',
        's.marketplace',
        's.storeId',
        's.name',
        'h.reason',
        'h.hiddenAt',
        'h.hiddenBy',
      ])
      .orderBy('h.hiddenAt', 'desc')
      .limit(1000)
      .execute();
    return { hidden: rows.map((row) => ({ ...row, hiddenAt: row.hiddenAt.toISOString() })) };
  }

  async hide(auth: AuthContext, sellerId: string, reason: string, ip: string) {
    const moderatorId = requireModerator(auth);
    return this.db.transaction().execute(async (trx) => {
      const seller = await trx
        .selectFrom('sellers')
        .select(['id', 'marketplace', 'storeId', 'name'])
        .where('id', '=', sellerId)
        .executeTakeFirst();
      if (!seller) throw notFound('This seller');
      const before = await trx
        .selectFrom('sellerPublicHides')
        .select(['reason'])
        .where('sellerId', '=', sellerId)
        .executeTakeFirst();
      const hidden = await trx
        .insertInto('sellerPublicHides')
        .values({ sellerId, reason, hiddenBy: moderatorId, hiddenAt: new Date() })
        .onConflict((oc) => oc.column('sellerId').doUpdateSet({ reason, hiddenBy: moderatorId }))
        .returning(['reason', 'hiddenAt', 'hiddenBy'])
        .executeTakeFirstOrThrow();
      await removeFromPublicSnapshot(trx, [sellerId]);
      await writeAudit(trx, {
        actorArtistId: moderatorId,
        action: 'public.seller_hidden',
        subjectType: 'seller',
        subjectId: sellerId,
        before: before ?? null,
        after: { reason },
        ip,
      });
      await writeOutbox(trx, { topic: 'watchlist.changed', payload: { sellerIds: [sellerId] } });
      return {
        sellerId,
        marketplace: seller.marketplace,
        storeId: seller.storeId,
        name: seller.name,
        reason: hidden.reason,
        hiddenAt: hidden.hiddenAt.toISOString(),
        hiddenBy: hidden.hiddenBy,
      };
    });
  }

  async unhide(auth: AuthContext, sellerId: string, ip: string) {
    const moderatorId = requireModerator(auth);
    await this.db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('sellerPublicHides')
        .where('sellerId', '=', sellerId)
        .returning(['reason'])
        .executeTakeFirst();
      if (!removed) throw notFound('This hidden seller');
      await writeAudit(trx, {
        actorArtistId: moderatorId,
        action: 'public.seller_unhidden',
        subjectType: 'seller',
        subjectId: sellerId,
        before: removed,
        ip,
      });
      await writeOutbox(trx, { topic: 'watchlist.changed', payload: { sellerIds: [sellerId] } });
    });
    return { ok: true as const };
  }

  async listSafelist(auth: AuthContext) {
    requireModerator(auth);
    const rows = await this.db
      .selectFrom('publicSafelist as e')
      .leftJoin('sellers as s', (join) =>
        join.onRef('s.marketplace', '=', 'e.marketplace').onRef('s.storeId', '=', 'e.storeId'),
      )
      .select([
        'e.id',
        'e.marketplace',
        'e.storeId',
        'e.note',
        'e.createdAt',
        'e.createdBy',
        's.id as sellerId',
      ])
      .orderBy('e.createdAt', 'desc')
      .limit(5000)
      .execute();
    return {
      entries: rows.map((row) => ({
        ...row,
        createdAt: row.createdAt.toISOString(),
        sellerId: row.sellerId ?? null,
      })),
    };
  }

  async addToSafelist(auth: AuthContext, body: SafelistRequest, ip: string) {
    const moderatorId = requireModerator(auth);
    try {
      return await this.db.transaction().execute(async (trx) => {
        const entry = await trx
          .insertInto('publicSafelist')
          .values({
            marketplace: body.marketplace,
            storeId: body.storeId,
            note: body.note,
            createdBy: moderatorId,
          })
          .returning(['id', 'marketplace', 'storeId', 'note', 'createdAt', 'createdBy'])
          .executeTakeFirstOrThrow();
        const seller = await trx
          .selectFrom('sellers')
          .select('id')
          .where('marketplace', '=', body.marketplace)
          .where('storeId', '=', body.storeId)
          .executeTakeFirst();
        if (seller) {
          await removeFromPublicSnapshot(trx, [seller.id]);
          await writeOutbox(trx, {
            topic: 'watchlist.changed',
            payload: { sellerIds: [seller.id] },
          });
        }
        await writeAudit(trx, {
          actorArtistId: moderatorId,
          action: 'public.safelist_added',
          subjectType: 'safelist',
          subjectId: entry.id,
          after: body,
          ip,
        });
        return { ...entry, createdAt: entry.createdAt.toISOString(), sellerId: seller?.id ?? null };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('conflict', 'This store is already on the safelist.');
      throw error;
    }
  }

  async removeFromSafelist(auth: AuthContext, entryId: string, ip: string) {
    const moderatorId = requireModerator(auth);
    await this.db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('publicSafelist')
        .where('id', '=', entryId)
        .returning(['marketplace', 'storeId', 'note'])
        .executeTakeFirst();
      if (!removed) throw notFound('This safelist entry');
      const seller = await trx
        .selectFrom('sellers')
        .select('id')
        .where('marketplace', '=', removed.marketplace)
        .where('storeId', '=', removed.storeId)
        .executeTakeFirst();
      if (seller)
        await writeOutbox(trx, { topic: 'watchlist.changed', payload: { sellerIds: [seller.id] } });
      await writeAudit(trx, {
        actorArtistId: moderatorId,
        action: 'public.safelist_removed',
        subjectType: 'safelist',
        subjectId: entryId,
        before: removed,
        ip,
      });
    });
    return { ok: true as const };
  }
}
