import type { ComplaintStatus } from '@counterpoint/core';
import type { Db, IprStatusColumn, MarketplaceColumn } from '@counterpoint/db';
import { viewerRelation, type ViewerRelation } from '../../lib/visibility';

export interface TargetSellerRow {
  id: string;
  marketplace: MarketplaceColumn;
  storeId: string;
  name: string | null;
}

export interface TargetListingRow {
  id: string;
  sellerId: string;
  canonicalUrl: string;
  removedOn: string | null;
}

export interface CopyRow {
  listingId: string;
  artistId: string;
  artworkId: string;
  artworkTitle: string;
  iprStatus: IprStatusColumn;
  iprReference: string | null;
}

export interface ListingComplaintRow {
  listingId: string;
  complaintId: string;
  artistId: string;
  artistName: string;
  artworkId: string;
  status: ComplaintStatus;
  filedOn: string | null;
  relation: ViewerRelation | null;
}

/** Read models of a campaign: who can report which listing, and how the targets are doing. */
export class CampaignViewsRepository {
  constructor(private readonly db: Db) {}

  listTargetSellers(campaignId: string): Promise<TargetSellerRow[]> {
    return this.db
      .selectFrom('campaignSellers')
      .innerJoin('sellers', 'sellers.id', 'campaignSellers.sellerId')
      .select(['sellers.id', 'sellers.marketplace', 'sellers.storeId', 'sellers.name'])
      .where('campaignSellers.campaignId', '=', campaignId)
      .orderBy('sellers.id')
      .execute();
  }

  listMembers(collectiveId: string) {
    return this.db
      .selectFrom('memberships')
      .innerJoin('artists', 'artists.id', 'memberships.artistId')
      .select(['memberships.artistId', 'artists.displayName'])
      .where('memberships.collectiveId', '=', collectiveId)
      .orderBy('artists.displayName')
      .orderBy('memberships.artistId')
      .execute();
  }

  async listParticipantIds(campaignId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('campaignParticipants')
      .select('artistId')
      .where('campaignId', '=', campaignId)
      .execute();
    return new Set(rows.map((row) => row.artistId));
  }

  listListings(sellerIds: string[]): Promise<TargetListingRow[]> {
    if (sellerIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('listings')
      .select(['id', 'sellerId', 'canonicalUrl', 'removedOn'])
      .where('sellerId', 'in', sellerIds)
      .orderBy('canonicalUrl')
      .execute() as Promise<TargetListingRow[]>;
  }

  /**
   * Members' own sightings of these listings, shared with the collective (or publicly), for
   * their own artworks. Private sightings stay private, in the matrix and in the plan.
   */
  listCopies(collectiveId: string, listingIds: string[]): Promise<CopyRow[]> {
    if (listingIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('sightings')
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
        'artworks.title as artworkTitle',
        'artworks.iprStatus',
        'artworks.ippIprReference as iprReference',
      ])
      .where('sightings.listingId', 'in', listingIds)
      .where('sightings.visibility', 'in', ['collective', 'public'])
      .orderBy('sightings.artistId')
      .orderBy('artworks.title')
      .orderBy('sightings.artworkId')
      .execute();
  }

  /** Every complaint about these listings, with how the viewer relates to it. */
  listComplaints(viewerId: string, listingIds: string[]): Promise<ListingComplaintRow[]> {
    if (listingIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('complaintListings')
      .innerJoin('complaints', 'complaints.id', 'complaintListings.complaintId')
      .innerJoin('artists', 'artists.id', 'complaints.artistId')
      .select([
        'complaintListings.listingId',
        'complaintListings.complaintId',
        'complaints.artistId',
        'artists.displayName as artistName',
        'complaints.artworkId',
        'complaintListings.status',
        'complaints.filedOn',
        viewerRelation(viewerId, 'complaints.artist_id', 'complaints.visibility').as('relation'),
      ])
      .where('complaintListings.listingId', 'in', listingIds)
      .orderBy('complaints.createdAt')
      .orderBy('complaintListings.complaintId')
      .execute();
  }

  listStandings(sellerIds: string[]) {
    if (sellerIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('sellerStandings')
      .select([
        'sellerId',
        'rulesetId',
        'confirmedPoints',
        'pendingPoints',
        'isTerminated',
        'estimate',
      ])
      .where('sellerId', 'in', sellerIds)
      .execute();
  }

  listTierEvents(sellerIds: string[]) {
    if (sellerIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('sellerTierEvents')
      .select(['sellerId', 'fromPoints', 'toPoints', 'tierLabel', 'occurredAt'])
      .where('sellerId', 'in', sellerIds)
      .orderBy('occurredAt')
      .orderBy('id')
      .limit(1000)
      .execute();
  }
}
