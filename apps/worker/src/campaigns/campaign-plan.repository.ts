import type {
  CampaignListing,
  CampaignMember,
  ExistingComplaintListing,
  ListingCopy,
  Marketplace,
} from '@counterpoint/core';
import { anyUuid, type Db } from '@counterpoint/db';
import { sql } from 'kysely';

export interface CampaignState {
  id: string;
  collectiveId: string;
  name: string;
  status: 'open' | 'paused' | 'closed';
  goalPoints: number;
  endsOn: string | null;
  inputsVersion: number;
  planFingerprint: string | null;
}

export interface TaskState {
  id: string;
  taskKey: string;
  artistId: string;
  artworkId: string;
  sellerId: string | null;
  marketplace: Marketplace;
  status: 'planned' | 'filed' | 'skipped' | 'cancelled';
  plannedOn: string;
  expectedEstablishedOn: string | null;
  listingIds: string[];
  explanation: string;
  part: number;
  partCount: number;
  isOnOwnDay: boolean;
  filedOn: string | null;
}

/** Everything a campaign's plan is made from, read in the re-planning transaction. */
export class CampaignPlanRepository {
  constructor(private readonly db: Db) {}

  /** Locks the campaign: re-plans, filings and setting changes of one campaign run one at a time. */
  lockCampaign(campaignId: string): Promise<CampaignState | undefined> {
    return this.db
      .selectFrom('campaigns')
      .select([
        'id',
        'collectiveId',
        'name',
        'status',
        'goalPoints',
        'endsOn',
        'inputsVersion',
        'planFingerprint',
      ])
      .where('id', '=', campaignId)
      .forNoKeyUpdate()
      .executeTakeFirst();
  }

  loadSellers(campaignId: string) {
    return this.db
      .selectFrom('campaignSellers')
      .innerJoin('sellers', 'sellers.id', 'campaignSellers.sellerId')
      .select(['sellers.id', 'sellers.marketplace'])
      .where('campaignSellers.campaignId', '=', campaignId)
      .orderBy('sellers.id')
      .execute();
  }

  /** Opted-in members who still belong to the collective, with their constraints. */
  async loadMembers(campaign: CampaignState): Promise<CampaignMember[]> {
    const rows = await this.db
      .selectFrom('campaignParticipants')
      .innerJoin('memberships', (join) =>
        join
          .onRef('memberships.artistId', '=', 'campaignParticipants.artistId')
          .on('memberships.collectiveId', '=', campaign.collectiveId),
      )
      .innerJoin('artists', 'artists.id', 'campaignParticipants.artistId')
      .select([
        'campaignParticipants.artistId',
        'artists.displayName',
        'campaignParticipants.unavailableWeekdays',
        sql<string[]>`${sql.ref('campaignParticipants.unavailableDates')}::text[]`.as(
          'unavailableDates',
        ),
        'campaignParticipants.maxPerWeek',
      ])
      .where('campaignParticipants.campaignId', '=', campaign.id)
      .execute();
    return rows.map((row) => ({
      artistId: row.artistId,
      name: row.displayName,
      unavailableWeekdays: row.unavailableWeekdays,
      unavailableDates: row.unavailableDates,
      maxPerWeek: row.maxPerWeek,
    }));
  }

  async loadListings(sellerIds: string[]): Promise<CampaignListing[]> {
    if (sellerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('listings')
      .select(['id', 'sellerId', 'marketplace', 'canonicalUrl', 'removedOn'])
      .where('sellerId', '=', anyUuid(sellerIds))
      .execute();
    return rows.map((row) => ({
      listingId: row.id,
      sellerId: row.sellerId!,
      marketplace: row.marketplace,
      canonicalUrl: row.canonicalUrl,
      isRemoved: row.removedOn !== null,
    }));
  }

  /**
   * Current members' own sightings of the targets' listings, for their own artworks, shared
   * with the collective (or publicly): what a member may report. Private sightings stay private.
   */
  async loadCopies(collectiveId: string, sellerIds: string[]): Promise<ListingCopy[]> {
    if (sellerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('sightings')
      .innerJoin('listings', 'listings.id', 'sightings.listingId')
      .innerJoin('memberships', (join) =>
        join
          .onRef('memberships.artistId', '=', 'sightings.artistId')
          .on('memberships.collectiveId', '=', collectiveId),
      )
      .innerJoin('artworks', (join) =>
        join
          .onRef('artworks.id', '=', 'sightings.artworkId')
          .onRef('artworks.artistId', '=', 'sightings.artistId'),
      )
      .select([
        'sightings.listingId',
        'sightings.artistId',
        'sightings.artworkId',
        'artworks.title',
        'artworks.iprStatus',
        'artworks.ippIprReference',
      ])
      .where('listings.sellerId', '=', anyUuid(sellerIds))
      .where('sightings.visibility', 'in', ['collective', 'public'])
      .execute();
    return rows.map((row) => ({
      listingId: row.listingId,
      artistId: row.artistId,
      artworkId: row.artworkId,
      artworkTitle: row.title,
      iprStatus: row.iprStatus,
      iprReference: row.ippIprReference,
    }));
  }

  /** Every complaint listing against the targets, by anyone: all of them move the standing. */
  async loadComplaints(
    sellerIds: string[],
  ): Promise<(ExistingComplaintListing & { sellerId: string })[]> {
    if (sellerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('complaintListings')
      .innerJoin('complaints', 'complaints.id', 'complaintListings.complaintId')
      .innerJoin('artworks', 'artworks.id', 'complaints.artworkId')
      .select([
        'complaintListings.sellerId',
        'complaintListings.complaintId',
        'complaintListings.listingId',
        'complaints.artistId',
        'complaints.artworkId',
        'complaintListings.status',
        'complaints.filedOn',
        'complaintListings.establishedOn',
        'complaints.severity',
        'artworks.iprType',
      ])
      .where('complaintListings.sellerId', '=', anyUuid(sellerIds))
      .execute();
    return rows.map((row) => ({ ...row, sellerId: row.sellerId! }));
  }

  loadTasks(campaignId: string): Promise<TaskState[]> {
    return this.db
      .selectFrom('campaignTasks')
      .select([
        'id',
        'taskKey',
        'artistId',
        'artworkId',
        'sellerId',
        'marketplace',
        'status',
        'plannedOn',
        'expectedEstablishedOn',
        'listingIds',
        'explanation',
        'part',
        'partCount',
        'isOnOwnDay',
        'filedOn',
      ])
      .where('campaignId', '=', campaignId)
      .execute();
  }

  async savePlan(
    campaignId: string,
    values: { plan: unknown; planVersion: number; planAsOf: string; planFingerprint: string },
  ): Promise<void> {
    await this.db
      .updateTable('campaigns')
      .set({
        plan: JSON.stringify(values.plan),
        planVersion: values.planVersion,
        planAsOf: values.planAsOf,
        planFingerprint: values.planFingerprint,
        planComputedAt: new Date(),
      })
      .where('id', '=', campaignId)
      .execute();
  }
}
