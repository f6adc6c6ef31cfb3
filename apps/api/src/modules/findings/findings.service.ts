import { canonicalStoreUrl, latestToday, parseLinkList, toIsoDate, type Marketplace, type ParsedLinkOk } from '@counterpoint/core';
import { MAX_PASTE_LINES, type FindingsBody, type FindingsResponse } from '@counterpoint/core/contracts';
import { markSellersChanged, writeAudit, type Db } from '@counterpoint/db';
import { sql } from 'kysely';
import { AppError, notFound } from '../../errors';
import { countLines } from '../links/links.routes';

type Result = FindingsResponse['results'][number];

const storeKey = (marketplace: Marketplace, storeId: string) => `${marketplace}|${storeId}`;
const listingKey = (marketplace: Marketplace, itemId: string) => `${marketplace}|${itemId}`;

/**
 * "Add findings": pasted store and listing URLs become sellers, listings and (with a
 * design) sightings, in one transaction. Sellers and listings are unique per marketplace
 * and canonical id, so artists who paste the same store meet on one seller profile.
 */
export class FindingsService {
  constructor(private readonly db: Db) {}

  async save(artistId: string, body: FindingsBody, ip: string, now: Date): Promise<FindingsResponse> {
    const lines = countLines(body.text);
    if (lines > MAX_PASTE_LINES) {
      throw new AppError('payload_too_large', `This paste has ${lines} lines; up to ${MAX_PASTE_LINES} can be saved at once. Use CSV import for longer lists.`);
    }
    const foundOn = body.foundOn ?? toIsoDate(now);
    if (foundOn > latestToday(now)) throw new AppError('validation_failed', `The date ${foundOn} is in the future.`);
    const parsed = parseLinkList(body.text);

    return this.db.transaction().execute(async (trx) => {
      if (body.artworkId) {
        const artwork = await trx.selectFrom('artworks').select('id').where('id', '=', body.artworkId).where('artistId', '=', artistId).executeTakeFirst();
        if (!artwork) throw notFound('This design');
      }
      const namedSeller = body.sellerId
        ? await trx.selectFrom('sellers').select(['id', 'marketplace']).where('id', '=', body.sellerId).executeTakeFirst()
        : null;
      if (body.sellerId && !namedSeller) throw notFound('This seller');

      const accepted = parsed.entries.filter((entry) => entry.result.ok && entry.duplicateOf === undefined).map((entry) => entry.result as ParsedLinkOk);
      const stores = new Map<string, { marketplace: Marketplace; storeId: string; storeUrl: string }>();
      for (const link of accepted) {
        if (link.kind === 'short' || !link.storeId) continue;
        stores.set(storeKey(link.marketplace, link.storeId), {
          marketplace: link.marketplace,
          storeId: link.storeId,
          storeUrl: link.kind === 'store' ? link.canonicalUrl : canonicalStoreUrl(link.marketplace, link.storeId),
        });
      }
      const sellerIds = await this.upsertSellers(trx, [...stores.values()], artistId);

      if (namedSeller && accepted.some((link) => link.kind === 'listing' && !link.storeId && link.marketplace !== namedSeller.marketplace)) {
        throw new AppError('unprocessable', `The seller you chose is on ${namedSeller.marketplace}; some listings are on another marketplace. Save them separately.`);
      }
      const listingRows = accepted
        .filter((link) => link.kind === 'listing')
        .map((link) => ({
          marketplace: link.marketplace,
          itemId: link.id,
          canonicalUrl: link.canonicalUrl,
          sellerId: link.storeId ? (sellerIds.get(storeKey(link.marketplace, link.storeId))?.id ?? null) : (namedSeller?.id ?? null),
        }));
      const listings = await this.upsertListings(trx, listingRows, artistId);

      const sightings = new Map<string, { id: string; isNew: boolean }>();
      if (body.artworkId && listings.size > 0) {
        const inserted = await trx
          .insertInto('sightings')
          .values([...listings.values()].map((listing) => ({ artistId, artworkId: body.artworkId!, listingId: listing.id, foundOn, note: body.note, visibility: body.visibility })))
          .onConflict((oc) => oc.columns(['artistId', 'artworkId', 'listingId']).doNothing())
          .returning(['id', 'listingId'])
          .execute();
        for (const row of inserted) sightings.set(row.listingId, { id: row.id, isNew: true });
        const existing = await trx
          .selectFrom('sightings')
          .select(['id', 'listingId'])
          .where('artistId', '=', artistId)
          .where('artworkId', '=', body.artworkId)
          .where('listingId', 'in', [...listings.values()].map((listing) => listing.id))
          .execute();
        for (const row of existing) if (!sightings.has(row.listingId)) sightings.set(row.listingId, { id: row.id, isNew: false });
      }

      const touchedSellers = new Set<string>();
      for (const seller of sellerIds.values()) if (seller.isNew) touchedSellers.add(seller.id);
      for (const listing of listings.values()) if (listing.sellerId && (listing.isNew || listing.isAttached || sightings.get(listing.id)?.isNew)) touchedSellers.add(listing.sellerId);
      await markSellersChanged(trx, touchedSellers);

      const results: Result[] = parsed.entries.map((entry) => {
        const base = { line: entry.line, input: entry.input, marketplace: null, listingId: null, sellerId: null, sightingId: null };
        if (!entry.result.ok) return { ...base, outcome: 'rejected' as const, message: entry.result.message };
        const link = entry.result;
        const withMarketplace = { ...base, marketplace: link.marketplace };
        if (entry.duplicateOf !== undefined) return { ...withMarketplace, outcome: 'duplicate' as const, message: `Same link as line ${entry.duplicateOf}.` };
        if (link.kind === 'short') {
          return { ...withMarketplace, outcome: 'short_link' as const, message: 'A short link hides its target: open it in your browser and paste the full listing address.' };
        }
        if (link.kind === 'store') {
          return { ...withMarketplace, outcome: 'store_saved' as const, message: null, sellerId: sellerIds.get(storeKey(link.marketplace, link.storeId!))?.id ?? null };
        }
        const listing = listings.get(listingKey(link.marketplace, link.id))!;
        return {
          ...withMarketplace,
          outcome: 'saved' as const,
          message: listing.sellerId ? null : 'Seller unknown: this link does not name its store. Choose the seller on the listing to connect it.',
          listingId: listing.id,
          sellerId: listing.sellerId,
          sightingId: sightings.get(listing.id)?.id ?? null,
        };
      });

      const summary = {
        listings: listings.size,
        newListings: [...listings.values()].filter((listing) => listing.isNew).length,
        sellers: new Set([...listings.values()].map((listing) => listing.sellerId).filter(Boolean).concat([...sellerIds.values()].map((seller) => seller.id))).size,
        newSellers: [...sellerIds.values()].filter((seller) => seller.isNew).length,
        sightings: [...sightings.values()].filter((sighting) => sighting.isNew).length,
        rejected: results.filter((result) => result.outcome === 'rejected').length,
        shortLinks: results.filter((result) => result.outcome === 'short_link').length,
        duplicates: results.filter((result) => result.outcome === 'duplicate').length,
      };
      await writeAudit(trx, { actorArtistId: artistId, action: 'findings.saved', subjectType: 'artwork', subjectId: body.artworkId ?? null, after: summary, ip });
      return { results, summary };
    });
  }

  private async upsertSellers(trx: Db, stores: { marketplace: Marketplace; storeId: string; storeUrl: string }[], artistId: string) {
    const byKey = new Map<string, { id: string; isNew: boolean }>();
    if (stores.length === 0) return byKey;
    const inserted = await trx
      .insertInto('sellers')
      .values(stores.map((store) => ({ ...store, createdBy: artistId })))
      .onConflict((oc) => oc.columns(['marketplace', 'storeId']).doNothing())
      .returning(['id', 'marketplace', 'storeId'])
      .execute();
    for (const row of inserted) byKey.set(storeKey(row.marketplace, row.storeId), { id: row.id, isNew: true });
    const existing = await trx
      .selectFrom('sellers')
      .select(['id', 'marketplace', 'storeId'])
      .where((eb) => eb.or(stores.map((store) => eb.and([eb('marketplace', '=', store.marketplace), eb('storeId', '=', store.storeId)]))))
      .execute();
    for (const row of existing) if (!byKey.has(storeKey(row.marketplace, row.storeId))) byKey.set(storeKey(row.marketplace, row.storeId), { id: row.id, isNew: false });
    return byKey;
  }

  /**
   * Inserts new listings; for known ones, fills in the seller when it was unknown, never
   * replacing a seller someone already set.
   */
  private async upsertListings(trx: Db, rows: { marketplace: Marketplace; itemId: string; canonicalUrl: string; sellerId: string | null }[], artistId: string) {
    const byKey = new Map<string, { id: string; sellerId: string | null; isNew: boolean; isAttached: boolean }>();
    if (rows.length === 0) return byKey;
    const before = new Map(
      (
        await trx
          .selectFrom('listings')
          .select(['marketplace', 'itemId', 'sellerId'])
          .where((eb) => eb.or(rows.map((row) => eb.and([eb('marketplace', '=', row.marketplace), eb('itemId', '=', row.itemId)]))))
          .execute()
      ).map((row) => [listingKey(row.marketplace, row.itemId), row.sellerId]),
    );
    const upserted = await trx
      .insertInto('listings')
      .values(rows.map((row) => ({ ...row, createdBy: artistId })))
      .onConflict((oc) =>
        oc.columns(['marketplace', 'itemId']).doUpdateSet({
          sellerId: sql`COALESCE(listings.seller_id, excluded.seller_id)`,
          updatedAt: sql`CASE WHEN listings.seller_id IS NULL AND excluded.seller_id IS NOT NULL THEN now() ELSE listings.updated_at END`,
        }),
      )
      .returning(['id', 'marketplace', 'itemId', 'sellerId'])
      .execute();
    for (const row of upserted) {
      const key = listingKey(row.marketplace, row.itemId);
      const wasKnown = before.has(key);
      byKey.set(key, { id: row.id, sellerId: row.sellerId, isNew: !wasKnown, isAttached: wasKnown && before.get(key) === null && row.sellerId !== null });
    }
    return byKey;
  }
}
