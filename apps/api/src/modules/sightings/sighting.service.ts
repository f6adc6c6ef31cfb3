import { detectImageType, latestToday, MAX_IMAGE_BYTES } from '@counterpoint/core';
import type { SightingView } from '@counterpoint/core/contracts';
import { markSellersChanged, newBlobKey, writeAudit, type BlobStore, type Db } from '@counterpoint/db';
import { sql } from 'kysely';
import { AppError, notFound } from '../../errors';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { viewerRelation } from '../../lib/visibility';
import { toListingView, toSightingView } from '../sellers/seller.mappers';
import { selectSightings, type SightingRow } from '../sellers/seller.repository';

type Visibility = 'private' | 'collective' | 'public';

/** Sightings: an artist saw a listing copying one of their designs. */
export class SightingService {
  constructor(
    private readonly db: Db,
    private readonly blobs: BlobStore,
  ) {}

  private baseQuery(db: Db) {
    return selectSightings(db);
  }

  async create(
    artistId: string,
    body: { listingId: string; artworkId: string; foundOn: string; note: string; visibility: Visibility },
    ip: string,
    now: Date,
  ): Promise<SightingView> {
    if (body.foundOn > latestToday(now)) throw new AppError('validation_failed', `The date ${body.foundOn} is in the future.`);
    const id = await this.db.transaction().execute(async (trx) => {
      const artwork = await trx.selectFrom('artworks').select('id').where('id', '=', body.artworkId).where('artistId', '=', artistId).executeTakeFirst();
      if (!artwork) throw notFound('This design');
      const listing = await trx.selectFrom('listings').select(['id', 'sellerId']).where('id', '=', body.listingId).executeTakeFirst();
      if (!listing) throw notFound('This listing');
      const inserted = await trx
        .insertInto('sightings')
        .values({ artistId, ...body })
        .onConflict((oc) => oc.columns(['artistId', 'artworkId', 'listingId']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw new AppError('conflict', 'You already recorded that this listing copies this design.');
      await markSellersChanged(trx, [listing.sellerId]);
      await writeAudit(trx, { actorArtistId: artistId, action: 'sighting.created', subjectType: 'sighting', subjectId: inserted.id, after: body, ip });
      return inserted.id;
    });
    return this.getOwn(artistId, id);
  }

  async getOwn(artistId: string, sightingId: string): Promise<SightingView> {
    const row = await this.baseQuery(this.db).where('sightings.id', '=', sightingId).where('sightings.artistId', '=', artistId).executeTakeFirst();
    if (!row) throw notFound('This sighting');
    return toSightingView(row, 'self');
  }

  async listOwn(artistId: string, query: { artworkId?: string; sellerId?: string; cursor?: string; limit: number }) {
    const after = decodeCursor(query.cursor, ['string', 'string']);
    let select = this.baseQuery(this.db)
      .innerJoin('listings', 'listings.id', 'sightings.listingId')
      .leftJoin('sellers', 'sellers.id', 'listings.sellerId')
      .select([
        'listings.marketplace',
        'listings.itemId',
        'listings.canonicalUrl',
        'listings.sellerId',
        'listings.title as listingTitle',
        'listings.removedOn',
        'listings.createdAt as listingCreatedAt',
        'sellers.storeId',
        'sellers.name as sellerName',
      ])
      .where('sightings.artistId', '=', artistId);
    if (query.artworkId) select = select.where('sightings.artworkId', '=', query.artworkId);
    if (query.sellerId) select = select.where('listings.sellerId', '=', query.sellerId);
    if (after) select = select.where(sql<boolean>`(sightings.created_at, sightings.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const rows = await select.orderBy('sightings.createdAt', 'desc').orderBy('sightings.id', 'desc').limit(query.limit + 1).execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      sightings: page.map((row) => ({
        ...toSightingView(row as SightingRow, 'self'),
        listing: toListingView({
          id: row.listingId,
          marketplace: row.marketplace,
          itemId: row.itemId,
          canonicalUrl: row.canonicalUrl,
          sellerId: row.sellerId,
          title: row.listingTitle,
          removedOn: row.removedOn,
          createdAt: row.listingCreatedAt,
        } as Parameters<typeof toListingView>[0]),
        seller: row.sellerId && row.storeId ? { id: row.sellerId, marketplace: row.marketplace, storeId: row.storeId, name: row.sellerName } : null,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  async update(artistId: string, sightingId: string, changes: { foundOn?: string; note?: string; visibility?: Visibility }, ip: string, now: Date) {
    if (changes.foundOn && changes.foundOn > latestToday(now)) throw new AppError('validation_failed', `The date ${changes.foundOn} is in the future.`);
    await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('sightings').selectAll().where('id', '=', sightingId).where('artistId', '=', artistId).forUpdate().executeTakeFirst();
      if (!before) throw notFound('This sighting');
      await trx.updateTable('sightings').set({ ...changes, updatedAt: new Date() }).where('id', '=', sightingId).execute();
      const listing = await trx.selectFrom('listings').select('sellerId').where('id', '=', before.listingId).executeTakeFirstOrThrow();
      await markSellersChanged(trx, [listing.sellerId]);
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'sighting.updated',
        subjectType: 'sighting',
        subjectId: sightingId,
        before: { foundOn: before.foundOn, note: before.note, visibility: before.visibility },
        after: changes,
        ip,
      });
    });
    return this.getOwn(artistId, sightingId);
  }

  async remove(artistId: string, sightingId: string, ip: string): Promise<void> {
    const evidenceKey = await this.db.transaction().execute(async (trx) => {
      const deleted = await trx.deleteFrom('sightings').where('id', '=', sightingId).where('artistId', '=', artistId).returning(['listingId', 'evidenceKey']).executeTakeFirst();
      if (!deleted) throw notFound('This sighting');
      const listing = await trx.selectFrom('listings').select('sellerId').where('id', '=', deleted.listingId).executeTakeFirstOrThrow();
      await markSellersChanged(trx, [listing.sellerId]);
      await writeAudit(trx, { actorArtistId: artistId, action: 'sighting.deleted', subjectType: 'sighting', subjectId: sightingId, ip });
      return deleted.evidenceKey;
    });
    if (evidenceKey) await this.blobs.delete(evidenceKey);
  }

  async setEvidence(artistId: string, sightingId: string, data: Buffer, ip: string): Promise<SightingView> {
    if (data.length > MAX_IMAGE_BYTES) throw new AppError('payload_too_large', 'Evidence images can be up to 5 MB.');
    const contentType = detectImageType(data);
    if (!contentType) throw new AppError('unsupported_media_type', 'Only PNG, JPEG and WebP screenshots are accepted; this file is none of them.');
    const key = newBlobKey('evidence');
    await this.blobs.put(key, data);
    try {
      const previous = await this.db.transaction().execute(async (trx) => {
        const sighting = await trx.selectFrom('sightings').select('evidenceKey').where('id', '=', sightingId).where('artistId', '=', artistId).forUpdate().executeTakeFirst();
        if (!sighting) throw notFound('This sighting');
        await trx.updateTable('sightings').set({ evidenceKey: key, updatedAt: new Date() }).where('id', '=', sightingId).execute();
        await writeAudit(trx, { actorArtistId: artistId, action: 'sighting.evidence_set', subjectType: 'sighting', subjectId: sightingId, after: { contentType }, ip });
        return sighting.evidenceKey;
      });
      if (previous) await this.blobs.delete(previous);
    } catch (error) {
      await this.blobs.delete(key);
      throw error;
    }
    return this.getOwn(artistId, sightingId);
  }

  /** Evidence is shown to the author and collective mates, never in public facts. */
  async getEvidence(viewerId: string, sightingId: string) {
    const row = await this.db
      .selectFrom('sightings')
      .select(['evidenceKey', viewerRelation(viewerId, 'sightings.artist_id', 'sightings.visibility').as('relation')])
      .where('id', '=', sightingId)
      .executeTakeFirst();
    const relation = row?.relation;
    if (!row?.evidenceKey || !relation || relation === 'public') throw notFound('This evidence');
    const data = await this.blobs.get(row.evidenceKey);
    if (!data) throw notFound('This evidence');
    const head = await readHead(await this.blobs.get(row.evidenceKey));
    return { stream: data, contentType: detectImageType(head) ?? 'application/octet-stream' };
  }
}

async function readHead(stream: NodeJS.ReadableStream | null): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  for await (const chunk of stream) {
    (stream as unknown as { destroy(): void }).destroy();
    return new Uint8Array(chunk as Buffer).slice(0, 16);
  }
  return new Uint8Array();
}
