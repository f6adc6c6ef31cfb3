import { MARKETPLACE_LABELS } from '../domain';
import type { MemberCalendar } from './campaign-days';
import { CONTESTED_STATUSES } from './existing-complaints';
import type { NormalizedPlanInput } from './normalize-input';
import type { CoverageSummary, ListingCopy, PendingIprGap } from './plan.types';
import { plural } from './plural';

/**
 * One member and one approved artwork, with the live uncovered listings that copy it and that
 * the member saw: the material of one or more complaints.
 */
export interface PlanningUnit {
  key: string;
  artistId: string;
  memberName: string;
  artworkId: string;
  artworkTitle: string;
  iprReference: string | null;
  /** Sorted; every listing belongs to exactly one unit. */
  listingIds: string[];
  /** Listings an earlier complaint of this member left "unable to process" while still live. */
  retriedListingIds: Set<string>;
  /** Listings whose complaint by another member (or artwork) was counter-noticed. */
  compensatingListingIds: Set<string>;
}

export interface EligibilityResult {
  /** Sorted by key. */
  units: PlanningUnit[];
  coverage: Omit<CoverageSummary, 'plannedListings'>;
  /** Sorted by listing count (most first), then ids. */
  pendingIprs: PendingIprGap[];
  /** Live listings nobody eligible can report but that copy an artwork awaiting approval. */
  unclaimedListingsWithPendingIpr: number;
  warnings: string[];
}

type UnclaimedReason = 'pending_ipr' | 'not_opted_in' | 'rejected_ipr' | 'unavailable' | 'none';

const UNCLAIMED_PHRASES: Record<UnclaimedReason, string> = {
  pending_ipr: 'copy an artwork whose IPR is pending or not submitted',
  not_opted_in: 'copy only artworks of artists not in this campaign',
  rejected_ipr: 'copy only artworks whose IPR was rejected',
  unavailable: 'copy only artworks of members with no day available to file',
  none: 'have no sighting linking them to an eligible artwork, or were already reported by the same member with the same artwork (restored or withdrawn)',
};

const pairKey = (artistId: string, artworkId: string) => `${artistId}\u0000${artworkId}`;

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Why nobody can report a listing, for the warning: the most actionable reason wins. */
function unclaimedReason(
  copies: readonly ListingCopy[],
  calendars: ReadonlyMap<string, MemberCalendar>,
): UnclaimedReason {
  const memberCopies = copies.filter((copy) => calendars.has(copy.artistId));
  const isAwaitingApproval = (copy: ListingCopy) =>
    copy.iprStatus === 'pending' || copy.iprStatus === 'not_submitted';
  if (memberCopies.some(isAwaitingApproval)) return 'pending_ipr';
  if (memberCopies.some((copy) => copy.iprStatus === 'approved')) {
    const canFile = memberCopies.some((copy) => calendars.get(copy.artistId)?.canEverFile);
    return canFile ? 'none' : 'unavailable';
  }
  if (memberCopies.some((copy) => copy.iprStatus === 'rejected')) return 'rejected_ipr';
  return copies.length > memberCopies.length ? 'not_opted_in' : 'none';
}

/**
 * Sorts the seller's listings into removed, already complained, plannable and unclaimed, and
 * gives each plannable listing to exactly one member and approved artwork that it copies.
 *
 * A listing copying several members' artworks goes to the member with the fewest listings so
 * far (then by ids): spreading listings over members gives more complaints that can be filed
 * independently, which is what distinct establishment days need. Listings with a single
 * candidate are placed first so that the balance accounts for them.
 */
export function assessEligibility(
  input: NormalizedPlanInput,
  calendars: ReadonlyMap<string, MemberCalendar>,
): EligibilityResult {
  const copiesByListing = groupBy(input.copies, (copy) => copy.listingId);
  const complaintsByListing = groupBy(input.complaints, (complaint) => complaint.listingId);
  const counts = { outOfScope: 0, removed: 0, alreadyComplained: 0, plannable: 0, unclaimed: 0 };
  let contested = 0;
  const unclaimedByReason = new Map<UnclaimedReason, number>();
  const pendingGaps = new Map<string, PendingIprGap>();
  let unclaimedListingsWithPendingIpr = 0;
  const plannable: { listingId: string; candidates: ListingCopy[]; isContested: boolean }[] = [];
  const retried = new Set<string>();

  for (const listing of input.listings) {
    if (listing.sellerId !== input.sellerId || listing.marketplace !== input.ruleset.marketplace) {
      counts.outOfScope += 1;
      continue;
    }
    if (listing.isRemoved) {
      counts.removed += 1;
      continue;
    }
    const complaints = complaintsByListing.get(listing.listingId) ?? [];
    const isContested = complaints.some((item) => CONTESTED_STATUSES.includes(item.status));
    if (isContested) contested += 1;
    // Established or still moving: the listing is being dealt with. Drafts were never filed.
    const isCovered = complaints.some(
      (item) =>
        item.status === 'removed' ||
        item.status === 'submitted' ||
        item.status === 'information_requested',
    );
    if (isCovered) {
      counts.alreadyComplained += 1;
      continue;
    }
    // The same member and artwork do not file again after a restoration, a withdrawal or while
    // their counter-notice is open: that would repeat a claim the seller or the member ended.
    const blockedPairs = new Set(
      complaints
        .filter(
          (item) =>
            item.status === 'restored' ||
            item.status === 'withdrawn' ||
            CONTESTED_STATUSES.includes(item.status),
        )
        .map((item) => pairKey(item.artistId, item.artworkId)),
    );
    for (const item of complaints) {
      if (item.status === 'unable_to_process') {
        retried.add(`${pairKey(item.artistId, item.artworkId)}\u0000${listing.listingId}`);
      }
    }

    const copies = copiesByListing.get(listing.listingId) ?? [];
    const candidates = copies.filter(
      (copy) =>
        copy.iprStatus === 'approved' &&
        calendars.get(copy.artistId)?.canEverFile === true &&
        !blockedPairs.has(pairKey(copy.artistId, copy.artworkId)),
    );
    const pendingCopies = copies.filter(
      (copy) =>
        calendars.has(copy.artistId) &&
        (copy.iprStatus === 'pending' || copy.iprStatus === 'not_submitted'),
    );
    for (const copy of pendingCopies) {
      const key = pairKey(copy.artistId, copy.artworkId);
      const gap = pendingGaps.get(key);
      if (gap) gap.listingCount += 1;
      else {
        pendingGaps.set(key, {
          artistId: copy.artistId,
          artworkId: copy.artworkId,
          artworkTitle: copy.artworkTitle,
          iprStatus: copy.iprStatus === 'pending' ? 'pending' : 'not_submitted',
          listingCount: 1,
        });
      }
    }

    if (candidates.length > 0) {
      counts.plannable += 1;
      plannable.push({ listingId: listing.listingId, candidates, isContested });
    } else if (isContested) {
      // Nobody else can report it: it stays with its open, counter-noticed complaint.
      counts.alreadyComplained += 1;
    } else {
      counts.unclaimed += 1;
      if (pendingCopies.length > 0) unclaimedListingsWithPendingIpr += 1;
      const reason = unclaimedReason(copies, calendars);
      unclaimedByReason.set(reason, (unclaimedByReason.get(reason) ?? 0) + 1);
    }
  }

  const units = assignListings(plannable, calendars, retried);
  const warnings = describeScope(input, counts, unclaimedByReason);
  const pendingIprs = [...pendingGaps.values()].sort(
    (left, right) =>
      right.listingCount - left.listingCount ||
      (left.artistId < right.artistId ? -1 : left.artistId > right.artistId ? 1 : 0) ||
      (left.artworkId < right.artworkId ? -1 : left.artworkId > right.artworkId ? 1 : 0),
  );
  return {
    units,
    coverage: { listingsTotal: input.listings.length, ...counts, contested },
    pendingIprs,
    unclaimedListingsWithPendingIpr,
    warnings,
  };
}

function assignListings(
  plannable: { listingId: string; candidates: ListingCopy[]; isContested: boolean }[],
  calendars: ReadonlyMap<string, MemberCalendar>,
  retried: ReadonlySet<string>,
): PlanningUnit[] {
  const units = new Map<string, PlanningUnit>();
  const listingsPerMember = new Map<string, number>();
  const ordered = plannable
    .slice()
    .sort(
      (left, right) =>
        left.candidates.length - right.candidates.length ||
        (left.listingId < right.listingId ? -1 : 1),
    );
  for (const { listingId, candidates, isContested } of ordered) {
    let chosen = candidates[0]!;
    let chosenLoad = listingsPerMember.get(chosen.artistId) ?? 0;
    for (const candidate of candidates) {
      // Candidates arrive sorted by artist then artwork, so the first least-loaded one wins.
      const load = listingsPerMember.get(candidate.artistId) ?? 0;
      if (load < chosenLoad) {
        chosen = candidate;
        chosenLoad = load;
      }
    }
    listingsPerMember.set(chosen.artistId, chosenLoad + 1);
    const key = pairKey(chosen.artistId, chosen.artworkId);
    let unit = units.get(key);
    if (!unit) {
      unit = {
        key,
        artistId: chosen.artistId,
        memberName: calendars.get(chosen.artistId)?.member.name ?? chosen.artistId,
        artworkId: chosen.artworkId,
        artworkTitle: chosen.artworkTitle,
        iprReference: chosen.iprReference,
        listingIds: [],
        retriedListingIds: new Set(),
        compensatingListingIds: new Set(),
      };
      units.set(key, unit);
    }
    unit.listingIds.push(listingId);
    if (retried.has(`${key}\u0000${listingId}`)) unit.retriedListingIds.add(listingId);
    if (isContested) unit.compensatingListingIds.add(listingId);
  }
  const sorted = [...units.values()].sort((left, right) => (left.key < right.key ? -1 : 1));
  for (const unit of sorted) unit.listingIds.sort();
  return sorted;
}

function describeScope(
  input: NormalizedPlanInput,
  counts: { outOfScope: number; removed: number },
  unclaimedByReason: ReadonlyMap<UnclaimedReason, number>,
): string[] {
  const warnings: string[] = [];
  if (counts.outOfScope > 0) {
    warnings.push(
      `${plural(counts.outOfScope, 'listing belongs', 'listings belong')} to another seller or marketplace than this campaign's (seller ${input.sellerId} on ${MARKETPLACE_LABELS[input.ruleset.marketplace]}) and ${counts.outOfScope === 1 ? 'is' : 'are'} left out of the plan.`,
    );
  }
  if (counts.removed > 0) {
    warnings.push(
      `${plural(counts.removed, 'listing is', 'listings are')} already gone from the marketplace and left out of the plan.`,
    );
  }
  const reasons = (Object.keys(UNCLAIMED_PHRASES) as UnclaimedReason[])
    .filter((reason) => (unclaimedByReason.get(reason) ?? 0) > 0)
    .map((reason) => `${unclaimedByReason.get(reason) ?? 0} ${UNCLAIMED_PHRASES[reason]}`);
  const unclaimed = [...unclaimedByReason.values()].reduce((sum, count) => sum + count, 0);
  if (unclaimed > 0) {
    warnings.push(
      `${plural(unclaimed, 'live listing', 'live listings')} cannot be reported by any eligible member: ${reasons.join('; ')}.`,
    );
  }
  return warnings;
}
