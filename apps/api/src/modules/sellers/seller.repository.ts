import type { Marketplace } from '@counterpoint/core';
import type { Database, Db } from '@counterpoint/db';
import { sql, type ExpressionBuilder } from 'kysely';
import { viewerRelation, type ViewerRelation } from '../../lib/visibility';

/**
 * A seller's connection to the viewer: they created it, or can see a sighting of one of its
 * listings or a complaint about it (their own, or one their collective shares).
 */
function connectedTo(viewerId: string) {
  return (eb: ExpressionBuilder<Database, 'sellers'>) =>
    eb.or([
      eb('sellers.createdBy', '=', viewerId),
      eb.exists(
        eb
          .selectFrom('listings')
          .innerJoin('sightings', 'sightings.listingId', 'listings.id')
          .select(eb.lit(1).as('one'))
          .whereRef('listings.sellerId', '=', 'sellers.id')
          .where(sql<boolean>`${viewerRelation(viewerId, 'sightings.artist_id', 'sightings.visibility')} IS NOT NULL`),
      ),
      eb.exists(
        eb
          .selectFrom('complaintListings')
          .innerJoin('complaints', 'complaints.id', 'complaintListings.complaintId')
          .select(eb.lit(1).as('one'))
          .whereRef('complaintListings.sellerId', '=', 'sellers.id')
          .where(sql<boolean>`${viewerRelation(viewerId, 'complaints.artist_id', 'complaints.visibility')} IS NOT NULL`),
      ),
    ]);
}

/** Sellers, their listings, notes, and the shared facts about them that a viewer may see. */
export class SellerRepository {
  constructor(private readonly db: Db) {}

  /** A seller with its listing count and the headline of its standing. */
  private summaries() {
    return this.db
      .selectFrom('sellers')
      .leftJoin('sellerStandings', 'sellerStandings.sellerId', 'sellers.id')
      .select([
        'sellers.id',
        'sellers.marketplace',
        'sellers.storeId',
        'sellers.name',
        'sellers.storeUrl',
        'sellers.createdAt',
        'sellerStandings.confirmedPoints',
        'sellerStandings.pendingPoints',
        sql<string | null>`seller_standings.estimate -> 'tier' ->> 'label'`.as('tierLabel'),
        (eb) => eb.selectFrom('listings').select((inner) => inner.fn.countAll<number>().as('count')).whereRef('listings.sellerId', '=', 'sellers.id').as('listingCount'),
      ]);
  }

  /** Whether the viewer is connected to the seller, as `listConnected` counts it. */
  async isConnected(viewerId: string, sellerId: string, db: Db = this.db): Promise<boolean> {
    const row = await db
      .selectFrom('sellers')
      .select('sellers.id')
      .where('sellers.id', '=', sellerId)
      .where(connectedTo(viewerId))
      .executeTakeFirst();
    return Boolean(row);
  }

  findById(sellerId: string) {
    return this.summaries()
      .where('sellers.id', '=', sellerId)
      .executeTakeFirst();
  }

  findByStore(marketplace: Marketplace, storeId: string) {
    return this.db.selectFrom('sellers').selectAll().where('marketplace', '=', marketplace).where('storeId', '=', storeId).executeTakeFirst();
  }

  /** Sellers the viewer is connected to: they created it, or can see a sighting or complaint about it. */
  listConnected(viewerId: string, filters: { marketplace?: Marketplace; q?: string; after: [string, string] | null; limit: number }) {
    let query = this.summaries().where(connectedTo(viewerId));
    if (filters.marketplace) query = query.where('sellers.marketplace', '=', filters.marketplace);
    if (filters.q) {
      const pattern = `%${filters.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      query = query.where((eb) => eb.or([eb('sellers.name', 'ilike', pattern), eb('sellers.storeId', 'ilike', pattern)]));
    }
    if (filters.after) {
      const [createdAt, id] = filters.after;
      query = query.where(sql<boolean>`(sellers.created_at, sellers.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
    }
    return query.orderBy('sellers.createdAt', 'desc').orderBy('sellers.id', 'desc').limit(filters.limit + 1).execute();
  }

  listListings(sellerId: string) {
    return this.db.selectFrom('listings').selectAll().where('sellerId', '=', sellerId).orderBy('createdAt').orderBy('id').execute();
  }

  listVisibleSightings(viewerId: string, sellerId: string) {
    return selectSightings(this.db)
      .innerJoin('listings', 'listings.id', 'sightings.listingId')
      .select(viewerRelation(viewerId, 'sightings.artist_id', 'sightings.visibility').as('relation'))
      .where('listings.sellerId', '=', sellerId)
      .where(sql<boolean>`${viewerRelation(viewerId, 'sightings.artist_id', 'sightings.visibility')} IS NOT NULL`)
      .orderBy('sightings.foundOn', 'desc')
      .orderBy('sightings.id')
      .execute() as Promise<(SightingRow & { relation: ViewerRelation })[]>;
  }

  listVisibleComplaints(viewerId: string, sellerId: string) {
    return this.db
      .selectFrom('complaintListings')
      .innerJoin('complaints', 'complaints.id', 'complaintListings.complaintId')
      .innerJoin('artists', 'artists.id', 'complaints.artistId')
      .innerJoin('artworks', 'artworks.id', 'complaints.artworkId')
      .select([
        'complaints.id as complaintId',
        'complaintListings.id as complaintListingId',
        'complaintListings.listingId',
        'complaintListings.status',
        'complaintListings.statusOn',
        'complaintListings.establishedOn',
        'complaints.filedOn',
        'artworks.title as artworkTitle',
        'artists.id as authorId',
        'artists.displayName as authorName',
        'artists.publicAttribution as authorPublicAttribution',
        'artists.publicName as authorPublicName',
        viewerRelation(viewerId, 'complaints.artist_id', 'complaints.visibility').as('relation'),
      ])
      .where('complaintListings.sellerId', '=', sellerId)
      .where(sql<boolean>`${viewerRelation(viewerId, 'complaints.artist_id', 'complaints.visibility')} IS NOT NULL`)
      .orderBy('complaints.filedOn', 'desc')
      .orderBy('complaintListings.id')
      .execute() as Promise<ComplaintRow[]>;
  }

  listVisibleNotes(viewerId: string, sellerId: string) {
    return this.db
      .selectFrom('sellerNotes')
      .innerJoin('artists', 'artists.id', 'sellerNotes.artistId')
      .select([
        'sellerNotes.id',
        'sellerNotes.body',
        'sellerNotes.visibility',
        'sellerNotes.createdAt',
        'artists.id as authorId',
        'artists.displayName as authorName',
        'artists.publicAttribution as authorPublicAttribution',
        'artists.publicName as authorPublicName',
        viewerRelation(viewerId, 'seller_notes.artist_id', 'seller_notes.visibility').as('relation'),
      ])
      .where('sellerNotes.sellerId', '=', sellerId)
      .where(sql<boolean>`${viewerRelation(viewerId, 'seller_notes.artist_id', 'seller_notes.visibility')} IS NOT NULL`)
      .orderBy('sellerNotes.createdAt', 'desc')
      .execute() as Promise<NoteRow[]>;
  }
}

/** Sightings with their design title and author, as every sighting view needs them. */
export function selectSightings(db: Db) {
  return db
    .selectFrom('sightings')
    .innerJoin('artists', 'artists.id', 'sightings.artistId')
    .innerJoin('artworks', 'artworks.id', 'sightings.artworkId')
    .select([
      'sightings.id',
      'sightings.listingId',
      'sightings.artworkId',
      'artworks.title as artworkTitle',
      'sightings.foundOn',
      'sightings.note',
      'sightings.evidenceKey',
      'sightings.visibility',
      'sightings.createdAt',
      'artists.id as authorId',
      'artists.displayName as authorName',
      'artists.publicAttribution as authorPublicAttribution',
      'artists.publicName as authorPublicName',
    ]);
}

interface AuthorColumns {
  authorId: string;
  authorName: string;
  authorPublicAttribution: boolean;
  authorPublicName: string | null;
}

export interface SightingRow extends AuthorColumns {
  id: string;
  listingId: string;
  artworkId: string;
  artworkTitle: string;
  foundOn: string;
  note: string;
  evidenceKey: string | null;
  visibility: 'private' | 'collective' | 'public';
  createdAt: Date;
}

export interface ComplaintRow extends AuthorColumns {
  complaintId: string;
  complaintListingId: string;
  listingId: string;
  status: string;
  statusOn: string | null;
  establishedOn: string | null;
  filedOn: string | null;
  artworkTitle: string;
  relation: ViewerRelation;
}

export interface NoteRow extends AuthorColumns {
  id: string;
  body: string;
  visibility: 'private' | 'collective' | 'public';
  createdAt: Date;
  relation: ViewerRelation;
}
