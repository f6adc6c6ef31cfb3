import type { ComplaintStatus, Marketplace } from '@counterpoint/core';
import type { Db } from '@counterpoint/db';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { viewerRelation, type ViewerRelation } from '../../lib/visibility';

export interface ComplaintHeaderRow {
  id: string;
  artistId: string;
  artworkId: string;
  artworkTitle: string;
  marketplace: Marketplace;
  severity: 'general' | 'serious';
  filedOn: string | null;
  ippReference: string | null;
  reason: string;
  visibility: 'private' | 'collective' | 'public';
  createdAt: Date;
  updatedAt: Date;
  authorId: string;
  authorName: string;
  authorPublicAttribution: boolean;
  authorPublicName: string | null;
  relation: ViewerRelation;
}

/** A status event as the listings query aggregates it: from, to, occurred on, note, recorded at. */
type HistoryTuple = [ComplaintStatus | null, ComplaintStatus, string, string, string];

export type ListingWithHistory = ComplaintListingRow & { history: StatusEventRow[] };

/** A listing with its history as JSON carries it: timestamps as text. */
type ListingJson = Omit<ComplaintListingRow, 'listingCreatedAt'> & { listingCreatedAt: string; history: HistoryTuple[] };

export interface StatusEventRow {
  complaintListingId: string;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus;
  occurredOn: string;
  note: string;
  createdAt: Date;
}

export interface ComplaintListingRow {
  id: string;
  complaintId: string;
  status: ComplaintStatus;
  statusOn: string | null;
  establishedOn: string | null;
  counterNoticeOn: string | null;
  responseDueOn: string | null;
  listingId: string;
  marketplace: Marketplace;
  itemId: string;
  canonicalUrl: string;
  listingSellerId: string | null;
  title: string | null;
  removedOn: string | null;
  listingCreatedAt: Date;
  sellerId: string | null;
  storeId: string | null;
  sellerName: string | null;
}

/** A listing-in-a-complaint's columns (but its complaint id), as the listings queries select them. */
const LISTING_COLUMNS = [
  'complaintListings.id',
  'complaintListings.status',
  'complaintListings.statusOn',
  'complaintListings.establishedOn',
  'complaintListings.counterNoticeOn',
  'complaintListings.responseDueOn',
  'listings.id as listingId',
  'listings.marketplace',
  'listings.itemId',
  'listings.canonicalUrl',
  'listings.sellerId as listingSellerId',
  'listings.title',
  'listings.removedOn',
  'listings.createdAt as listingCreatedAt',
  'sellers.id as sellerId',
  'sellers.storeId',
  'sellers.name as sellerName',
] as const;

/**
 * A complaint's own columns and its author's, as the header and the status change's read select
 * them (but its id and marketplace, which the listings' columns would shadow in a join).
 */
const HEADER_COLUMNS = [
  'complaints.artistId',
  'complaints.artworkId',
  'artworks.title as artworkTitle',
  'complaints.severity',
  'complaints.filedOn',
  'complaints.ippReference',
  'complaints.reason',
  'complaints.visibility',
  'complaints.createdAt',
  'complaints.updatedAt',
  'artists.displayName as authorName',
  'artists.publicAttribution as authorPublicAttribution',
  'artists.publicName as authorPublicName',
] as const;

/** A listing's status history, in order, as one JSON column (`historyRows` reads it). */
function historyColumn() {
  return sql<HistoryTuple[]>`(
    SELECT coalesce(json_agg(json_build_array(event.from_status, event.to_status, event.occurred_on, event.note, event.created_at) ORDER BY event.id), '[]')
    FROM complaint_status_events AS event WHERE event.complaint_listing_id = complaint_listings.id
  )`.as('history');
}

/** Complaints and the listings in them, as the viewer may see them. */
export class ComplaintRepository {
  constructor(private readonly db: Db) {}

  /**
   * Another complaint of the artist that already carries this IPP reference (compared without
   * case or surrounding spaces): each complaint on IPP has its own reference.
   */
  findByIppReference(artistId: string, ippReference: string, exceptComplaintId: string | null) {
    return this.db
      .selectFrom('complaints')
      .select(['id', 'marketplace', 'filedOn'])
      .where('artistId', '=', artistId)
      .where((eb) => eb(eb.fn('lower', [eb.fn('btrim', ['ippReference'])]), '=', ippReference.trim().toLowerCase()))
      .$if(exceptComplaintId !== null, (query) => query.where('id', '<>', exceptComplaintId!))
      .limit(1)
      .executeTakeFirst();
  }

  private headers(viewerId: string) {
    return this.db
      .selectFrom('complaints')
      .innerJoin('artists', 'artists.id', 'complaints.artistId')
      .innerJoin('artworks', 'artworks.id', 'complaints.artworkId')
      .select([
        'complaints.id',
        'complaints.marketplace',
        ...HEADER_COLUMNS,
        'artists.id as authorId',
        viewerRelation(viewerId, 'complaints.artist_id', 'complaints.visibility').as('relation'),
      ]);
  }

  async findVisible(viewerId: string, complaintId: string): Promise<ComplaintHeaderRow | undefined> {
    const row = await this.headers(viewerId).where('complaints.id', '=', complaintId).executeTakeFirst();
    return row?.relation ? (row as ComplaintHeaderRow) : undefined;
  }

  async list(
    viewerId: string,
    filters: {
      scope: 'mine' | 'shared';
      status?: ComplaintStatus;
      marketplace?: Marketplace;
      artworkId?: string;
      sellerId?: string;
      after: [string, string] | null;
      limit: number;
    },
  ): Promise<ComplaintHeaderRow[]> {
    let query = this.headers(viewerId);
    query =
      filters.scope === 'mine'
        ? query.where('complaints.artistId', '=', viewerId)
        : query
            .where('complaints.artistId', '<>', viewerId)
            .where(sql<boolean>`${viewerRelation(viewerId, 'complaints.artist_id', 'complaints.visibility')} IS NOT NULL`);
    if (filters.marketplace) query = query.where('complaints.marketplace', '=', filters.marketplace);
    if (filters.artworkId) query = query.where('complaints.artworkId', '=', filters.artworkId);
    if (filters.status || filters.sellerId) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('complaintListings as cl')
            .select(eb.lit(1).as('one'))
            .whereRef('cl.complaintId', '=', 'complaints.id')
            .$if(Boolean(filters.status), (inner) => inner.where('cl.status', '=', filters.status!))
            .$if(Boolean(filters.sellerId), (inner) => inner.where('cl.sellerId', '=', filters.sellerId!)),
        ),
      );
    }
    if (filters.after) {
      query = query.where(sql<boolean>`(complaints.created_at, complaints.id) < (${filters.after[0]}::timestamptz, ${filters.after[1]}::uuid)`);
    }
    return (await query.orderBy('complaints.createdAt', 'desc').orderBy('complaints.id', 'desc').limit(filters.limit + 1).execute()) as ComplaintHeaderRow[];
  }

  listListings(complaintIds: string[]): Promise<ComplaintListingRow[]> {
    if (complaintIds.length === 0) return Promise.resolve([]);
    return this.listingsQuery().where('complaintListings.complaintId', 'in', complaintIds).execute();
  }

  /**
   * A complaint as the viewer may see it, with its listings (in order) and each listing's
   * status history (in order): one query. Nothing when the viewer may not see it.
   */
  async findVisibleWithListings(
    viewerId: string,
    complaintId: string,
  ): Promise<{ header: ComplaintHeaderRow; listings: ListingWithHistory[] } | undefined> {
    const row = await this.headers(viewerId)
      .select(() =>
        jsonArrayFrom(
          this.listingsQuery()
            .select(historyColumn())
            .where('complaintListings.complaintId', '=', sql.ref<string>('complaints.id')),
        )
          .$castTo<ListingJson[]>()
          .as('listings'),
      )
      .where('complaints.id', '=', complaintId)
      .executeTakeFirst();
    if (!row?.relation) return undefined;
    const { listings, ...header } = row;
    return {
      header: header as ComplaintHeaderRow,
      // Inside JSON, timestamps arrive as text.
      listings: listings.map(({ history, listingCreatedAt, ...listing }) => ({
        ...listing,
        listingCreatedAt: new Date(listingCreatedAt),
        history: historyRows(listing.id, history),
      })),
    };
  }

  /**
   * The artist's own complaint with all its listings and everything its detail shows, in one
   * statement: a status change checks its transitions against these rows and answers with
   * them, changed, rather than reading the complaint again after writing. With `lock`, the
   * complaint and its listings stay locked until the transaction ends (`FOR UPDATE`, in the
   * detail's order, by URL, which every locking status change uses). `version` is the
   * complaint row's version (`xmin`), which every status change's write replaces: a write
   * that did not lock checks it is unchanged. Nothing when the complaint is not the artist's.
   */
  async ownWithListings(
    artistId: string,
    complaintId: string,
    lock: boolean,
  ): Promise<{ header: ComplaintHeaderRow; version: string; listings: ListingWithHistory[] } | undefined> {
    const query = this.db
      .selectFrom('complaints')
      .innerJoin('artists', 'artists.id', 'complaints.artistId')
      .innerJoin('artworks', 'artworks.id', 'complaints.artworkId')
      .innerJoin('complaintListings', 'complaintListings.complaintId', 'complaints.id')
      .innerJoin('listings', 'listings.id', 'complaintListings.listingId')
      .leftJoin('sellers', 'sellers.id', 'complaintListings.sellerId')
      .select([
        'complaints.marketplace as complaintMarketplace',
        ...HEADER_COLUMNS,
        sql<string>`complaints.xmin::text`.as('version'),
        ...LISTING_COLUMNS,
        historyColumn(),
      ])
      .where('complaints.id', '=', complaintId)
      .where('complaints.artistId', '=', artistId)
      // The detail's order, which is also the order rows are locked in.
      .orderBy('listings.canonicalUrl')
      .orderBy('complaintListings.id');
    const rows = await (lock ? query.forUpdate(['complaints', 'complaintListings']) : query).execute();
    const first = rows[0];
    if (!first) return undefined;
    const header: ComplaintHeaderRow = {
      id: complaintId,
      artistId: first.artistId,
      artworkId: first.artworkId,
      artworkTitle: first.artworkTitle,
      marketplace: first.complaintMarketplace,
      severity: first.severity,
      filedOn: first.filedOn,
      ippReference: first.ippReference,
      reason: first.reason,
      visibility: first.visibility,
      createdAt: first.createdAt,
      updatedAt: first.updatedAt,
      authorId: first.artistId,
      authorName: first.authorName,
      authorPublicAttribution: first.authorPublicAttribution,
      authorPublicName: first.authorPublicName,
      relation: 'self',
    };
    const listings = rows.map((row): ListingWithHistory => ({
      id: row.id,
      complaintId,
      status: row.status,
      statusOn: row.statusOn,
      establishedOn: row.establishedOn,
      counterNoticeOn: row.counterNoticeOn,
      responseDueOn: row.responseDueOn,
      listingId: row.listingId,
      marketplace: row.marketplace,
      itemId: row.itemId,
      canonicalUrl: row.canonicalUrl,
      listingSellerId: row.listingSellerId,
      title: row.title,
      removedOn: row.removedOn,
      listingCreatedAt: row.listingCreatedAt,
      sellerId: row.sellerId,
      storeId: row.storeId,
      sellerName: row.sellerName,
      history: historyRows(row.id, row.history),
    }));
    return { header, version: first.version, listings };
  }

  private listingsQuery() {
    return this.db
      .selectFrom('complaintListings')
      .innerJoin('listings', 'listings.id', 'complaintListings.listingId')
      .leftJoin('sellers', 'sellers.id', 'complaintListings.sellerId')
      .select(['complaintListings.complaintId', ...LISTING_COLUMNS])
      .orderBy('listings.canonicalUrl');
  }
}

/** A listing's history as the listings queries aggregate it (timestamps as text, inside JSON). */
function historyRows(complaintListingId: string, history: HistoryTuple[]): StatusEventRow[] {
  return history.map(([fromStatus, toStatus, occurredOn, note, createdAt]) => ({
    complaintListingId,
    fromStatus,
    toStatus,
    occurredOn,
    note,
    createdAt: new Date(createdAt),
  }));
}
