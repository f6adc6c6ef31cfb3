import type { Db } from '@counterpoint/db';
import { sql, type NotNull } from 'kysely';

/** Where the next page of shared sellers starts: the sort key of the previous page's last row. */
export interface SellerPageKey {
  memberCount: number;
  sortPoints: number;
  id: string;
}

export interface SharedSellerRow extends SellerPageKey {
  marketplace: 'aliexpress' | 'alibaba' | 'taobao' | 'tmall' | '1688';
  storeId: string;
  name: string | null;
  storeUrl: string;
  listingCount: number;
  confirmedPoints: number | null;
  pendingPoints: number | null;
  tierLabel: string | null;
}

export interface CopiedMemberRow {
  sellerId: string;
  artistId: string;
  displayName: string;
  listingCount: number;
  artworkTitles: string[];
}

export interface AuditRow {
  id: number;
  actorArtistId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
}

/** Read models of a collective: the sellers its members share, and its audit trail. */
export class CollectiveViewsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Sellers of listings that current members sighted and shared (visibility collective or
   * public), plus the viewer's own sightings whatever their visibility. Private sightings of
   * other members never count. Sorted by members copied, then confirmed points (sellers
   * without a computed standing last), then id for a stable keyset.
   */
  listSharedSellers(
    collectiveId: string,
    viewerId: string,
    after: SellerPageKey | null,
    limit: number,
  ): Promise<SharedSellerRow[]> {
    return this.db
      .with('visible', () => this.visibleSightings(collectiveId, viewerId))
      .with('ranked', (db) =>
        db
          .selectFrom('visible')
          .innerJoin('sellers', 'sellers.id', 'visible.sellerId')
          .leftJoin('sellerStandings as standing', 'standing.sellerId', 'sellers.id')
          .select((eb) => [
            'sellers.id',
            'sellers.marketplace',
            'sellers.storeId',
            'sellers.name',
            'sellers.storeUrl',
            'standing.confirmedPoints',
            'standing.pendingPoints',
            sql<string | null>`${sql.ref('standing.estimate')} -> 'tier' ->> 'label'`.as(
              'tierLabel',
            ),
            eb.fn.count<number>('visible.listingId').distinct().as('listingCount'),
            eb.fn.count<number>('visible.artistId').distinct().as('memberCount'),
            eb.fn.coalesce('standing.confirmedPoints', sql<number>`-1`).as('sortPoints'),
          ])
          .groupBy(['sellers.id', 'standing.sellerId']),
      )
      .selectFrom('ranked')
      .selectAll()
      .where((eb) =>
        after
          ? eb(
              eb.refTuple('memberCount', 'sortPoints', 'id'),
              '<',
              eb.tuple(after.memberCount, after.sortPoints, after.id),
            )
          : eb.lit(true),
      )
      .orderBy('memberCount', 'desc')
      .orderBy('sortPoints', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** For each of the given sellers, the members whose designs it copies (same visibility rule). */
  listCopiedMembers(
    collectiveId: string,
    viewerId: string,
    sellerIds: string[],
  ): Promise<CopiedMemberRow[]> {
    if (sellerIds.length === 0) return Promise.resolve([]);
    return this.db
      .with('visible', () => this.visibleSightings(collectiveId, viewerId))
      .selectFrom('visible')
      .innerJoin('artists', 'artists.id', 'visible.artistId')
      .select((eb) => [
        'visible.sellerId',
        'visible.artistId',
        'artists.displayName',
        eb.fn.count<number>('visible.listingId').distinct().as('listingCount'),
        sql<
          string[]
        >`array_agg(DISTINCT ${sql.ref('visible.artworkTitle')} ORDER BY ${sql.ref('visible.artworkTitle')})`.as(
          'artworkTitles',
        ),
      ])
      .where('visible.sellerId', 'in', sellerIds)
      .groupBy(['visible.sellerId', 'visible.artistId', 'artists.displayName'])
      .orderBy('listingCount', 'desc')
      .orderBy('artists.displayName')
      .orderBy('visible.artistId')
      .execute();
  }

  /** Newest first; `beforeId` is the last id of the previous page. */
  listAuditEvents(
    collectiveId: string,
    beforeId: number | null,
    limit: number,
  ): Promise<AuditRow[]> {
    return this.db
      .selectFrom('auditEvents')
      .leftJoin('artists', 'artists.id', 'auditEvents.actorArtistId')
      .select([
        'auditEvents.id',
        'auditEvents.actorArtistId',
        'artists.displayName as actorName',
        'auditEvents.action',
        'auditEvents.subjectType',
        'auditEvents.subjectId',
        'auditEvents.before',
        'auditEvents.after',
        'auditEvents.createdAt',
      ])
      .where('auditEvents.collectiveId', '=', collectiveId)
      .where((eb) => (beforeId === null ? eb.lit(true) : eb('auditEvents.id', '<', beforeId)))
      .orderBy('auditEvents.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** One row per sighting the viewer may see through this collective, with its seller. */
  private visibleSightings(collectiveId: string, viewerId: string) {
    return this.db
      .selectFrom('sightings')
      .innerJoin('memberships', (join) =>
        join
          .onRef('memberships.artistId', '=', 'sightings.artistId')
          .on('memberships.collectiveId', '=', collectiveId),
      )
      .innerJoin('listings', 'listings.id', 'sightings.listingId')
      .innerJoin('artworks', 'artworks.id', 'sightings.artworkId')
      .select([
        'listings.sellerId',
        'sightings.artistId',
        'sightings.listingId',
        'artworks.title as artworkTitle',
      ])
      .where('listings.sellerId', 'is not', null)
      .$narrowType<{ sellerId: NotNull }>()
      .where((eb) =>
        eb.or([
          eb('sightings.visibility', 'in', ['collective', 'public']),
          eb('sightings.artistId', '=', viewerId),
        ]),
      );
  }
}
