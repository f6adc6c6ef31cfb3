import { parseMarketplaceUrl } from '@counterpoint/core';
import type { SellerProfile, SellerSummary } from '@counterpoint/core/contracts';
import { markSellersChanged, writeAudit, writeOutbox, type Db } from '@counterpoint/db';
import { AppError, notFound } from '../../errors';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { toArtistRef } from '../../lib/visibility';
import { toListingView, toSightingView } from './seller.mappers';
import { SellerRepository } from './seller.repository';

type SellerRowLike = NonNullable<Awaited<ReturnType<SellerRepository['findById']>>>;

function toSummary(row: SellerRowLike): SellerSummary {
  return {
    id: row.id,
    marketplace: row.marketplace,
    storeId: row.storeId,
    name: row.name,
    storeUrl: row.storeUrl,
    listingCount: Number(row.listingCount ?? 0),
    confirmedPoints: row.confirmedPoints ?? null,
    pendingPoints: row.pendingPoints ?? null,
    tierLabel: row.tierLabel ?? null,
  };
}

/** Seller profiles: shared by everyone who meets the same store, filtered per viewer. */
export class SellerService {
  private readonly repository: SellerRepository;

  constructor(private readonly db: Db) {
    this.repository = new SellerRepository(db);
  }

  async list(
    viewerId: string,
    query: {
      marketplace?: SellerSummary['marketplace'];
      q?: string;
      cursor?: string;
      limit: number;
    },
  ) {
    const after = decodeCursor(query.cursor, ['string', 'string']) as [string, string] | null;
    const rows = await this.repository.listConnected(viewerId, { ...query, after });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      sellers: page.map(toSummary),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.createdAt.toISOString(), last.id])
          : null,
    };
  }

  /** Finds or creates the seller a store URL names. Two artists pasting the same store meet here. */
  async createFromUrl(
    artistId: string,
    url: string,
    name: string | undefined,
    ip: string,
  ): Promise<{ seller: SellerSummary; isNew: boolean }> {
    const parsed = parseMarketplaceUrl(url);
    if (!parsed.ok) throw new AppError('unprocessable', parsed.message, { code: parsed.code });
    if (parsed.kind !== 'store' || !parsed.storeId) {
      throw new AppError(
        'unprocessable',
        'This is not a store link. Paste the link of the seller\'s store page (for listings, use "Add findings").',
      );
    }
    const { sellerId, isNew } = await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('sellers')
        .values({
          marketplace: parsed.marketplace,
          storeId: parsed.storeId!,
          storeUrl: parsed.canonicalUrl,
          name: name ?? null,
          createdBy: artistId,
        })
        .onConflict((oc) => oc.columns(['marketplace', 'storeId']).doNothing())
        .returning('id')
        .executeTakeFirst();
      const id =
        inserted?.id ??
        (await new SellerRepository(trx).findByStore(parsed.marketplace, parsed.storeId!))!.id;
      if (!inserted && name) {
        await trx
          .updateTable('sellers')
          .set({ name, updatedAt: new Date() })
          .where('id', '=', id)
          .where('name', 'is', null)
          .execute();
      }
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: inserted ? 'seller.created' : 'seller.found',
        subjectType: 'seller',
        subjectId: id,
        ip,
      });
      return { sellerId: id, isNew: Boolean(inserted) };
    });
    return { seller: toSummary((await this.repository.findById(sellerId))!), isNew };
  }

  /**
   * Names the seller (its name shows on the public watchlist too). Only an artist connected
   * to the seller may: one who recorded it, or sees a sighting or complaint about it.
   */
  async rename(
    artistId: string,
    sellerId: string,
    name: string | null,
    ip: string,
  ): Promise<SellerSummary> {
    await this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('sellers')
        .select(['name'])
        .where('id', '=', sellerId)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw notFound('This seller');
      if (!(await this.repository.isConnected(artistId, sellerId, trx))) {
        throw new AppError(
          'forbidden',
          'Only an artist who recorded this seller, or one of its listings or complaints, can name it.',
        );
      }
      await trx
        .updateTable('sellers')
        .set({ name, updatedAt: new Date() })
        .where('id', '=', sellerId)
        .execute();
      // The public seller page (if any) shows the name.
      await writeOutbox(trx, { topic: 'watchlist.changed', payload: { sellerIds: [sellerId] } });
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'seller.renamed',
        subjectType: 'seller',
        subjectId: sellerId,
        before,
        after: { name },
        ip,
      });
    });
    return toSummary((await this.repository.findById(sellerId))!);
  }

  async profile(viewerId: string, sellerId: string): Promise<SellerProfile> {
    const seller = await this.repository.findById(sellerId);
    if (!seller) throw notFound('This seller');
    const [listings, sightings, complaints, notes, canRename] = await Promise.all([
      this.repository.listListings(sellerId),
      this.repository.listVisibleSightings(viewerId, sellerId),
      this.repository.listVisibleComplaints(viewerId, sellerId),
      this.repository.listVisibleNotes(viewerId, sellerId),
      this.repository.isConnected(viewerId, sellerId),
    ]);
    const sightingViews = sightings.map((row) => toSightingView(row, row.relation));
    const copied = new Map<
      string,
      { ref: ReturnType<typeof toArtistRef>; listings: Set<string> }
    >();
    for (const sighting of sightingViews) {
      // Anonymous public sightings are grouped together; named artists by id.
      const key = sighting.artist.id ?? `public:${sighting.artist.name}`;
      const entry = copied.get(key) ?? { ref: sighting.artist, listings: new Set<string>() };
      entry.listings.add(sighting.listingId);
      copied.set(key, entry);
    }
    return {
      seller: { ...toSummary(seller), createdAt: seller.createdAt.toISOString() },
      listings: listings.map(toListingView),
      sightings: sightingViews,
      complaints: complaints.map((row) => ({
        complaintId: row.complaintId,
        complaintListingId: row.complaintListingId,
        listingId: row.listingId,
        artist: toArtistRef(row.relation, row),
        artworkTitle: row.relation === 'public' ? null : row.artworkTitle,
        status: row.status,
        filedOn: row.filedOn,
        statusOn: row.statusOn,
        establishedOn: row.establishedOn,
      })),
      notes: notes.map((row) => ({
        id: row.id,
        artist: toArtistRef(row.relation, row),
        body: row.body,
        visibility: row.visibility,
        createdAt: row.createdAt.toISOString(),
      })),
      copiedArtists: [...copied.values()]
        .map((entry) => ({ ...entry.ref, listingCount: entry.listings.size }))
        .sort((a, b) => b.listingCount - a.listingCount || a.name.localeCompare(b.name)),
      canRename,
    };
  }

  async addNote(
    artistId: string,
    sellerId: string,
    body: string,
    visibility: 'private' | 'collective' | 'public',
    ip: string,
  ) {
    return this.db.transaction().execute(async (trx) => {
      const seller = await trx
        .selectFrom('sellers')
        .select('id')
        .where('id', '=', sellerId)
        .executeTakeFirst();
      if (!seller) throw notFound('This seller');
      const note = await trx
        .insertInto('sellerNotes')
        .values({ sellerId, artistId, body, visibility })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'seller_note.created',
        subjectType: 'seller_note',
        subjectId: note.id,
        after: { sellerId, visibility },
        ip,
      });
      return note;
    });
  }

  /** Deletes one of the artist's notes on this seller; any other note is not found. */
  async deleteNote(artistId: string, sellerId: string, noteId: string, ip: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('sellerNotes')
        .where('id', '=', noteId)
        .where('sellerId', '=', sellerId)
        .where('artistId', '=', artistId)
        .returning(['id', 'sellerId'])
        .executeTakeFirst();
      if (!deleted) throw notFound('This note');
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'seller_note.deleted',
        subjectType: 'seller_note',
        subjectId: noteId,
        ip,
      });
    });
  }

  /**
   * Names the seller of a listing (its URL did not say) or corrects it. Only an artist who
   * saw or complained about the listing, or added it, may do so; both sellers' standings change.
   */
  async updateListing(
    artistId: string,
    listingId: string,
    changes: { sellerId?: string | null; title?: string | null },
    ip: string,
  ) {
    return this.db.transaction().execute(async (trx) => {
      const listing = await trx
        .selectFrom('listings')
        .selectAll()
        .where('id', '=', listingId)
        .forUpdate()
        .executeTakeFirst();
      if (!listing) throw notFound('This listing');
      const isConnected =
        listing.createdBy === artistId ||
        Boolean(
          await trx
            .selectFrom('sightings')
            .select('id')
            .where('listingId', '=', listingId)
            .where('artistId', '=', artistId)
            .executeTakeFirst(),
        ) ||
        Boolean(
          await trx
            .selectFrom('complaintListings')
            .innerJoin('complaints', 'complaints.id', 'complaintListings.complaintId')
            .select('complaintListings.id')
            .where('complaintListings.listingId', '=', listingId)
            .where('complaints.artistId', '=', artistId)
            .executeTakeFirst(),
        );
      if (!isConnected)
        throw new AppError('forbidden', 'Only an artist who recorded this listing can change it.');
      if (changes.sellerId) {
        const seller = await trx
          .selectFrom('sellers')
          .select(['id', 'marketplace'])
          .where('id', '=', changes.sellerId)
          .executeTakeFirst();
        if (!seller) throw notFound('This seller');
        if (seller.marketplace !== listing.marketplace) {
          throw new AppError(
            'unprocessable',
            `This listing is on ${listing.marketplace} but the seller is on ${seller.marketplace}.`,
          );
        }
      }
      const updated = await trx
        .updateTable('listings')
        .set({ ...changes, updatedAt: new Date() })
        .where('id', '=', listingId)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (changes.sellerId !== undefined && changes.sellerId !== listing.sellerId) {
        // Complaints follow their listing to its seller.
        await trx
          .updateTable('complaintListings')
          .set({ sellerId: changes.sellerId })
          .where('listingId', '=', listingId)
          .execute();
        await markSellersChanged(trx, [listing.sellerId, changes.sellerId]);
      }
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'listing.updated',
        subjectType: 'listing',
        subjectId: listingId,
        before: { sellerId: listing.sellerId, title: listing.title },
        after: changes,
        ip,
      });
      return toListingView(updated);
    });
  }
}
