import type {
  CampaignListing,
  CampaignMember,
  ExistingComplaintListing,
  IsoDate,
  ListingCopy,
  PlanInput,
  Ruleset,
} from '@counterpoint/core';

/** The rows a campaign's plan is made from, for all its target stores at once. */
export interface CampaignFacts {
  campaignId: string;
  goalPoints: number;
  endsOn: IsoDate | null;
  members: CampaignMember[];
  listings: CampaignListing[];
  copies: ListingCopy[];
  complaints: (ExistingComplaintListing & { sellerId: string })[];
  /** Tasks their members skipped: those members do not report those listings with that artwork. */
  skipped: { artistId: string; artworkId: string; listingIds: string[] }[];
}

const copyKey = (artistId: string, artworkId: string, listingId: string) =>
  `${artistId}|${artworkId}|${listingId}`;

/**
 * The planner's input for one target store. Each store is planned on its own (its own ruleset,
 * its own daily cap); what ties them together, the members' weekly limits, is `planSellers`'s.
 *
 * A campaign whose end date has passed is planned up to today, so that what is left still gets
 * a day (its tasks say they come after the goal's deadline).
 */
export function buildPlanInput(
  facts: CampaignFacts,
  seller: { id: string; ruleset: Ruleset },
  today: IsoDate,
): PlanInput {
  const skipped = new Set(
    facts.skipped.flatMap((task) =>
      task.listingIds.map((listingId) => copyKey(task.artistId, task.artworkId, listingId)),
    ),
  );
  const listings = facts.listings.filter((listing) => listing.sellerId === seller.id);
  const listingIds = new Set(listings.map((listing) => listing.listingId));
  return {
    campaignId: facts.campaignId,
    sellerId: seller.id,
    today,
    goalPoints: facts.goalPoints,
    endsOn: facts.endsOn !== null && facts.endsOn < today ? today : facts.endsOn,
    ruleset: seller.ruleset,
    members: facts.members,
    listings,
    copies: facts.copies.filter(
      (copy) =>
        listingIds.has(copy.listingId) &&
        !skipped.has(copyKey(copy.artistId, copy.artworkId, copy.listingId)),
    ),
    complaints: facts.complaints
      .filter((complaint) => complaint.sellerId === seller.id)
      .map(({ sellerId: _sellerId, ...complaint }) => complaint),
  };
}
