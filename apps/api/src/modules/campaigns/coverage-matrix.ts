import type { CampaignCoverage } from '@counterpoint/core/contracts';
import { coverageStateSchema } from '@counterpoint/core/contracts';
import type { z } from 'zod';
import type {
  CopyRow,
  ListingComplaintRow,
  TargetListingRow,
  TargetSellerRow,
} from './campaign-views.repository';
import { IPP_SETUP_STEPS, setupStepsFor } from './ipp-setup';

type CoverageState = z.infer<typeof coverageStateSchema>;

/** Listings whose complaint is established or still moving (as the planner sees them). */
const COVERING = new Set(['removed', 'submitted', 'information_requested']);
/** The same member and artwork do not report the listing again (restored, withdrawn, countered). */
const BLOCKING = new Set(['restored', 'withdrawn', 'counter_notice', 'responded']);
const CONTESTED = new Set(['counter_notice', 'responded']);

export interface CoverageFacts {
  campaignId: string;
  viewerId: string;
  sellers: TargetSellerRow[];
  members: { artistId: string; displayName: string }[];
  participantIds: ReadonlySet<string>;
  listings: TargetListingRow[];
  copies: CopyRow[];
  complaints: ListingComplaintRow[];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/**
 * The coverage matrix: for each listing of the targets, which members' artworks it copies
 * (from their shared sightings), their IPR status, the complaints about it, and what can
 * happen now. It follows the planner's rules, so "can file" here means the plan may use it.
 */
export function buildCoverage(facts: CoverageFacts): CampaignCoverage {
  const names = new Map(facts.members.map((member) => [member.artistId, member.displayName]));
  const copiesByListing = groupBy(facts.copies, (copy) => copy.listingId);
  const complaintsByListing = groupBy(facts.complaints, (complaint) => complaint.listingId);
  const memberTallies = new Map<string, { canFileNow: number; awaitingSetup: number }>();
  const artworkListings = new Map<string, number>();
  const tally = (artistId: string) => {
    const entry = memberTallies.get(artistId) ?? { canFileNow: 0, awaitingSetup: 0 };
    memberTallies.set(artistId, entry);
    return entry;
  };

  const sellers = facts.sellers.map((seller) => {
    const counts = Object.fromEntries(
      coverageStateSchema.options.map((state) => [state, 0]),
    ) as Record<CoverageState, number>;
    const listings = facts.listings
      .filter((listing) => listing.sellerId === seller.id)
      .map((listing) => {
        const copies = copiesByListing.get(listing.id) ?? [];
        const complaints = complaintsByListing.get(listing.id) ?? [];
        const isCovered = complaints.some((complaint) => COVERING.has(complaint.status));
        const isLive = listing.removedOn === null && !isCovered;
        const blocked = new Set(
          complaints
            .filter((complaint) => BLOCKING.has(complaint.status))
            .map((complaint) => `${complaint.artistId}|${complaint.artworkId}`),
        );
        const canFile = copies.filter(
          (copy) =>
            copy.iprStatus === 'approved' &&
            facts.participantIds.has(copy.artistId) &&
            !blocked.has(`${copy.artistId}|${copy.artworkId}`),
        );
        const awaiting = copies.filter((copy) => copy.iprStatus !== 'approved');
        for (const copy of copies) {
          const key = `${copy.artistId}|${copy.artworkId}`;
          if (isLive) artworkListings.set(key, (artworkListings.get(key) ?? 0) + 1);
          else if (!artworkListings.has(key)) artworkListings.set(key, 0);
        }
        if (isLive) {
          for (const artistId of new Set(canFile.map((copy) => copy.artistId)))
            tally(artistId).canFileNow += 1;
          for (const artistId of new Set(awaiting.map((copy) => copy.artistId)))
            tally(artistId).awaitingSetup += 1;
        }
        const state: CoverageState =
          listing.removedOn !== null
            ? 'removed'
            : isCovered
              ? 'complained'
              : canFile.length > 0
                ? 'can_file'
                : complaints.some((complaint) => CONTESTED.has(complaint.status))
                  ? 'complained'
                  : copies.some((copy) => copy.iprStatus === 'approved')
                    ? 'not_opted_in'
                    : awaiting.length > 0
                      ? 'needs_ipp_setup'
                      : 'unclaimed';
        counts[state] += 1;
        const visible = complaints.filter((complaint) => complaint.relation !== null);
        return {
          listingId: listing.id,
          canonicalUrl: listing.canonicalUrl,
          state,
          copies: copies.map((copy) => ({
            artistId: copy.artistId,
            displayName: names.get(copy.artistId) ?? 'A member',
            isYou: copy.artistId === facts.viewerId,
            isParticipant: facts.participantIds.has(copy.artistId),
            artworkId: copy.artworkId,
            artworkTitle: copy.artworkTitle,
            iprStatus: copy.iprStatus,
            iprReference: copy.iprReference,
          })),
          complaints: visible.map((complaint) => ({
            complaintId: complaint.complaintId,
            artist: {
              id: complaint.artistId,
              displayName: complaint.artistName,
              isYou: complaint.artistId === facts.viewerId,
            },
            status: complaint.status,
            filedOn: complaint.filedOn,
          })),
          otherComplaints: complaints.length - visible.length,
        };
      });
    return {
      seller: {
        id: seller.id,
        marketplace: seller.marketplace,
        storeId: seller.storeId,
        name: seller.name,
      },
      counts,
      listings,
    };
  });

  const copiesByMember = groupBy(facts.copies, (copy) => copy.artistId);
  const members = facts.members.map((member) => {
    const own = copiesByMember.get(member.artistId) ?? [];
    const artworks = [...new Map(own.map((copy) => [copy.artworkId, copy])).values()];
    const hasSubmittedAnyIpr = artworks.some((copy) => copy.iprStatus !== 'not_submitted');
    return {
      artistId: member.artistId,
      displayName: member.displayName,
      isYou: member.artistId === facts.viewerId,
      isParticipant: facts.participantIds.has(member.artistId),
      canFileNow: memberTallies.get(member.artistId)?.canFileNow ?? 0,
      awaitingSetup: memberTallies.get(member.artistId)?.awaitingSetup ?? 0,
      artworks: artworks.map((copy) => ({
        artworkId: copy.artworkId,
        artworkTitle: copy.artworkTitle,
        iprStatus: copy.iprStatus,
        iprReference: copy.iprReference,
        listingCount: artworkListings.get(`${member.artistId}|${copy.artworkId}`) ?? 0,
        setupSteps: setupStepsFor(copy.iprStatus, hasSubmittedAnyIpr),
      })),
    };
  });

  return { campaignId: facts.campaignId, sellers, members, ippSetup: IPP_SETUP_STEPS };
}
