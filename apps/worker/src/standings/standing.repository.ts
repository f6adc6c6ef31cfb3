import type { ComplaintEvent, Marketplace } from '@counterpoint/core';
import { anyUuid, type Db, type LeaderboardWindow } from '@counterpoint/db';
import { sql } from 'kysely';

export interface SellerState {
  id: string;
  marketplace: Marketplace;
  storeId: string;
  name: string | null;
  factsVersion: number;
  computedVersion: number | null;
  tierPoints: number | null;
  nextChangeAt: Date | null;
}

export interface StandingRow {
  sellerId: string;
  marketplace: Marketplace;
  rulesetId: string;
  confirmedPoints: number;
  pendingPoints: number;
  strikes: number;
  tierPoints: number | null;
  nextTierPoints: number | null;
  remainingPoints: number;
  isTerminated: boolean;
  complaintsNeeded: number | null;
  distinctDaysNeeded: number | null;
  pointsStartExpiringOn: string | null;
  establishedComplaints: number;
  distinctArtists: number;
  activeListings: number;
  removedListings: number;
  firstEstablishedOn: string | null;
  lastEstablishedOn: string | null;
  estimate: string;
  computedVersion: number;
  nextChangeAt: Date | null;
}

export interface LeaderboardRow {
  sellerId: string;
  timeWindow: LeaderboardWindow;
  marketplace: Marketplace;
  isPublic: boolean;
  points: number;
  distinctArtists: number;
  establishedComplaints: number;
  activeListings: number;
  lastEstablishedOn: string | null;
}

/** Reads the facts about a batch of sellers and writes their derived standing in bulk. */
export class StandingRepository {
  constructor(private readonly db: Db) {}

  async loadSellers(sellerIds: string[]): Promise<SellerState[]> {
    if (sellerIds.length === 0) return [];
    return this.db
      .selectFrom('sellers')
      .leftJoin('sellerStandings', 'sellerStandings.sellerId', 'sellers.id')
      .select([
        'sellers.id',
        'sellers.marketplace',
        'sellers.storeId',
        'sellers.name',
        'sellers.factsVersion',
        'sellerStandings.computedVersion',
        'sellerStandings.tierPoints',
        'sellerStandings.nextChangeAt',
      ])
      .where('sellers.id', '=', anyUuid(sellerIds))
      .execute();
  }

  /**
   * Every listing-in-a-complaint against these sellers, as estimator events: the rows carry
   * their complaint's facts, so this reads the seller index alone.
   */
  async loadEvents(sellerIds: string[]): Promise<Map<string, ComplaintEvent[]>> {
    const rows = await this.db
      .selectFrom('complaintListings')
      .select(['id', 'sellerId', 'complaintId', 'status', 'establishedOn', 'artistId', 'artworkId', 'severity', 'filedOn', 'iprType'])
      .where('sellerId', '=', anyUuid(sellerIds))
      .execute();
    const bySeller = new Map<string, ComplaintEvent[]>();
    for (const row of rows) {
      const list = bySeller.get(row.sellerId!) ?? [];
      list.push({
        id: row.id,
        complaintId: row.complaintId,
        artistId: row.artistId,
        artworkId: row.artworkId,
        iprType: row.iprType,
        severity: row.severity,
        status: row.status,
        filedOn: row.filedOn,
        establishedOn: row.establishedOn,
      });
      bySeller.set(row.sellerId!, list);
    }
    return bySeller;
  }

  async loadListingCounts(sellerIds: string[]): Promise<Map<string, { active: number; removed: number }>> {
    const rows = await this.db
      .selectFrom('listings')
      .select([
        'sellerId',
        sql<number>`count(*) FILTER (WHERE removed_on IS NULL)::int`.as('active'),
        sql<number>`count(*) FILTER (WHERE removed_on IS NOT NULL)::int`.as('removed'),
      ])
      .where('sellerId', '=', anyUuid(sellerIds))
      .groupBy('sellerId')
      .execute();
    return new Map(rows.map((row) => [row.sellerId!, { active: row.active, removed: row.removed }]));
  }

  /** Sellers with at least one fact shared publicly (a public sighting or complaint). */
  async loadPublicSellers(sellerIds: string[]): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('sellers')
      .select('sellers.id')
      .where('sellers.id', '=', anyUuid(sellerIds))
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('complaintListings')
              .select(eb.lit(1).as('one'))
              .whereRef('complaintListings.sellerId', '=', 'sellers.id')
              .where('complaintListings.visibility', '=', 'public'),
          ),
          eb.exists(
            eb
              .selectFrom('listings')
              .innerJoin('sightings', 'sightings.listingId', 'listings.id')
              .select(eb.lit(1).as('one'))
              .whereRef('listings.sellerId', '=', 'sellers.id')
              .where('sightings.visibility', '=', 'public'),
          ),
        ]),
      )
      .execute();
    return new Set(rows.map((row) => row.id));
  }

  /** The tier each seller's stored standing has reached, locking those rows until commit. */
  async lockPreviousTiers(sellerIds: string[]): Promise<Map<string, number | null>> {
    const rows = await this.db
      .selectFrom('sellerStandings')
      .select(['sellerId', 'tierPoints'])
      .where('sellerId', '=', anyUuid(sellerIds))
      .orderBy('sellerId')
      .forUpdate()
      .execute();
    return new Map(rows.map((row) => [row.sellerId, row.tierPoints]));
  }

  /** Writes standings, never replacing one computed from newer facts. */
  async upsertStandings(rows: StandingRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const written = await this.db
      .insertInto('sellerStandings')
      .values(rows.map((row) => ({ ...row, computedAt: new Date() })))
      .onConflict((oc) =>
        oc
          .column('sellerId')
          .doUpdateSet((eb) => ({
            marketplace: eb.ref('excluded.marketplace'),
            rulesetId: eb.ref('excluded.rulesetId'),
            confirmedPoints: eb.ref('excluded.confirmedPoints'),
            pendingPoints: eb.ref('excluded.pendingPoints'),
            strikes: eb.ref('excluded.strikes'),
            tierPoints: eb.ref('excluded.tierPoints'),
            nextTierPoints: eb.ref('excluded.nextTierPoints'),
            remainingPoints: eb.ref('excluded.remainingPoints'),
            isTerminated: eb.ref('excluded.isTerminated'),
            complaintsNeeded: eb.ref('excluded.complaintsNeeded'),
            distinctDaysNeeded: eb.ref('excluded.distinctDaysNeeded'),
            pointsStartExpiringOn: eb.ref('excluded.pointsStartExpiringOn'),
            establishedComplaints: eb.ref('excluded.establishedComplaints'),
            distinctArtists: eb.ref('excluded.distinctArtists'),
            activeListings: eb.ref('excluded.activeListings'),
            removedListings: eb.ref('excluded.removedListings'),
            firstEstablishedOn: eb.ref('excluded.firstEstablishedOn'),
            lastEstablishedOn: eb.ref('excluded.lastEstablishedOn'),
            estimate: eb.ref('excluded.estimate'),
            computedVersion: eb.ref('excluded.computedVersion'),
            computedAt: eb.ref('excluded.computedAt'),
            nextChangeAt: eb.ref('excluded.nextChangeAt'),
          }))
          .where('sellerStandings.computedVersion', '<=', (eb) => eb.ref('excluded.computedVersion')),
      )
      .returning('sellerId')
      .execute();
    return written.map((row) => row.sellerId);
  }

  async upsertLeaderboard(rows: LeaderboardRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto('sellerLeaderboard')
      .values(rows.map((row) => ({ ...row, updatedAt: new Date() })))
      .onConflict((oc) =>
        oc.columns(['timeWindow', 'sellerId']).doUpdateSet((eb) => ({
          marketplace: eb.ref('excluded.marketplace'),
          isPublic: eb.ref('excluded.isPublic'),
          points: eb.ref('excluded.points'),
          distinctArtists: eb.ref('excluded.distinctArtists'),
          establishedComplaints: eb.ref('excluded.establishedComplaints'),
          activeListings: eb.ref('excluded.activeListings'),
          lastEstablishedOn: eb.ref('excluded.lastEstablishedOn'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })).where(
          // An unchanged row is left alone: no new row version, no entries in its indexes
          // (a pending complaint, say, moves the standing but none of the windows' figures).
          sql<boolean>`(seller_leaderboard.marketplace, seller_leaderboard.is_public, seller_leaderboard.points,
            seller_leaderboard.distinct_artists, seller_leaderboard.established_complaints,
            seller_leaderboard.active_listings, seller_leaderboard.last_established_on)
            IS DISTINCT FROM (excluded.marketplace, excluded.is_public, excluded.points, excluded.distinct_artists,
            excluded.established_complaints, excluded.active_listings, excluded.last_established_on)`,
        ),
      )
      .execute();
  }

  /** Sellers whose standing is missing, older than their facts, or due to change with time. */
  async findStale(now: Date, limit: number): Promise<{ id: string; factsVersion: number }[]> {
    return this.db
      .selectFrom('sellers')
      .leftJoin('sellerStandings', 'sellerStandings.sellerId', 'sellers.id')
      .select(['sellers.id', 'sellers.factsVersion'])
      .where((eb) =>
        eb.or([
          eb('sellerStandings.sellerId', 'is', null),
          eb('sellerStandings.computedVersion', '<', eb.ref('sellers.factsVersion')),
          eb('sellerStandings.nextChangeAt', '<=', now),
        ]),
      )
      .orderBy('sellers.id')
      .limit(limit)
      .execute();
  }

  /** Artists who complained about the seller: they hear about its milestones. */
  async complainants(sellerId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('complaintListings')
      .select('artistId')
      .distinct()
      .where('sellerId', '=', sellerId)
      .execute();
    return rows.map((row) => row.artistId);
  }

  async campaignsTargeting(sellerIds: string[]): Promise<string[]> {
    if (sellerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('campaignSellers')
      .innerJoin('campaigns', 'campaigns.id', 'campaignSellers.campaignId')
      .select('campaigns.id')
      .distinct()
      .where('campaignSellers.sellerId', '=', anyUuid(sellerIds))
      .where('campaigns.status', '<>', 'closed')
      .execute();
    return rows.map((row) => row.id);
  }
}
