import type { IsoDate } from '../domain';
import { parseDay } from '../penalty/day-numbers';
import type { Ruleset } from '../penalty/ruleset.schema';
import type {
  CampaignListing,
  CampaignMember,
  ExistingComplaintListing,
  ListingCopy,
  PlanInput,
} from './plan.types';
import { canonicalJson, hashText } from './stable-hash';

/** Business days from filing to the expected removal when nothing else is said. */
export const DEFAULT_ESTABLISHMENT_LAG_BUSINESS_DAYS = 3;

/** An input the planner cannot work with (the API validates with `planInputSchema` first). */
export class PlanInputError extends Error {
  override readonly name = 'PlanInputError';
}

/** The input with defaults applied, arrays sorted by id and exact duplicates removed. */
export interface NormalizedPlanInput {
  campaignId: string;
  sellerId: string;
  today: IsoDate;
  todayDay: number;
  goalPoints: number;
  endsOn: IsoDate | null;
  endsOnDay: number | null;
  ruleset: Ruleset;
  lagBusinessDays: number;
  members: CampaignMember[];
  listings: CampaignListing[];
  copies: ListingCopy[];
  complaints: ExistingComplaintListing[];
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/*
 * Sorts by key and keeps one item per key. Items sharing a key are ordered by their full
 * content first, so that which one is kept never depends on the order they were given in.
 */
function sortUnique<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((left, right) => {
    const byKey = compareText(left.key, right.key);
    return byKey !== 0 ? byKey : compareText(JSON.stringify(left.item), JSON.stringify(right.item));
  });
  const result: T[] = [];
  let previousKey: string | null = null;
  for (const { item, key } of keyed) {
    if (key !== previousKey) result.push(item);
    previousKey = key;
  }
  return result;
}

function requireDay(value: IsoDate, field: string): number {
  const day = parseDay(value);
  if (Number.isNaN(day)) {
    throw new PlanInputError(`${field} must be a calendar date written YYYY-MM-DD, not "${value}"`);
  }
  return day;
}

function requireWholeNumber(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PlanInputError(`${field} must be a whole number from ${min} to ${max}, not ${value}`);
  }
  return value;
}

// Each normaliser rebuilds the object with a fixed field order, so that the fingerprint's
// JSON does not depend on how the caller built its objects.

function normalizeMember(member: CampaignMember): CampaignMember {
  return {
    artistId: member.artistId,
    name: member.name,
    unavailableWeekdays: [...new Set(member.unavailableWeekdays)].sort((a, b) => a - b),
    unavailableDates: [...new Set(member.unavailableDates)].sort(compareText),
    maxPerWeek: member.maxPerWeek,
  };
}

function normalizeListing(listing: CampaignListing): CampaignListing {
  return {
    listingId: listing.listingId,
    sellerId: listing.sellerId,
    marketplace: listing.marketplace,
    canonicalUrl: listing.canonicalUrl,
    isRemoved: listing.isRemoved,
  };
}

function normalizeCopy(copy: ListingCopy): ListingCopy {
  return {
    listingId: copy.listingId,
    artistId: copy.artistId,
    artworkId: copy.artworkId,
    artworkTitle: copy.artworkTitle,
    iprStatus: copy.iprStatus,
    iprReference: copy.iprReference,
  };
}

function normalizeComplaint(complaint: ExistingComplaintListing): ExistingComplaintListing {
  return {
    complaintId: complaint.complaintId,
    listingId: complaint.listingId,
    artistId: complaint.artistId,
    artworkId: complaint.artworkId,
    status: complaint.status,
    filedOn: complaint.filedOn,
    establishedOn: complaint.establishedOn,
    severity: complaint.severity,
    iprType: complaint.iprType,
  };
}

/**
 * Applies defaults, checks the few values the planner cannot do without, and sorts every array
 * by id (removing repeated ids), so that the plan never depends on input order.
 */
export function normalizePlanInput(input: PlanInput): NormalizedPlanInput {
  const todayDay = requireDay(input.today, 'today');
  const endsOnDay = input.endsOn === null ? null : requireDay(input.endsOn, 'endsOn');
  if (endsOnDay !== null && endsOnDay < todayDay) {
    throw new PlanInputError(`endsOn (${input.endsOn}) is before today (${input.today})`);
  }
  const goalPoints = requireWholeNumber(
    input.goalPoints ?? input.ruleset.terminationPoints,
    'goalPoints',
    1,
    100_000,
  );
  const lagBusinessDays = requireWholeNumber(
    input.establishmentLagBusinessDays ?? DEFAULT_ESTABLISHMENT_LAG_BUSINESS_DAYS,
    'establishmentLagBusinessDays',
    0,
    60,
  );
  return {
    campaignId: input.campaignId,
    sellerId: input.sellerId,
    today: input.today,
    todayDay,
    goalPoints,
    endsOn: input.endsOn,
    endsOnDay,
    ruleset: input.ruleset,
    lagBusinessDays,
    members: sortUnique(input.members.map(normalizeMember), (member) => member.artistId),
    listings: sortUnique(input.listings.map(normalizeListing), (listing) => listing.listingId),
    copies: sortUnique(
      input.copies.map(normalizeCopy),
      (copy) => `${copy.listingId}\u0000${copy.artistId}\u0000${copy.artworkId}`,
    ),
    complaints: sortUnique(
      input.complaints.map(normalizeComplaint),
      (complaint) => `${complaint.complaintId}\u0000${complaint.listingId}`,
    ),
  };
}

/** A stable hash of the normalised input: equal inputs, in any order, give equal prints. */
export function fingerprintPlanInput(input: NormalizedPlanInput): string {
  const { todayDay: _todayDay, endsOnDay: _endsOnDay, ruleset, ...rest } = input;
  return `plan-input-v1:${hashText(`${canonicalJson(ruleset)}|${JSON.stringify(rest)}`)}`;
}
