import type { IsoDate } from '../domain';
import type { ComplaintEvent } from '../penalty/complaint-event';
import { getDefaultRuleset } from '../penalty/default-rulesets';
import type {
  CampaignListing,
  CampaignMember,
  CampaignPlan,
  ExistingComplaintListing,
  ListingCopy,
  PlanInput,
} from './plan.types';

/*
 * Test data builders for the planner tests. Ids are readable on purpose: a failing assertion
 * should say which member or listing is involved.
 */

/** A Monday, so that business-day arithmetic in the tests is easy to follow. */
export const TODAY: IsoDate = '2026-03-02';
export const SELLER = 'seller-1';

export function buildMember(
  artistId: string,
  overrides: Partial<CampaignMember> = {},
): CampaignMember {
  return {
    artistId,
    name: `Member ${artistId}`,
    unavailableWeekdays: [],
    unavailableDates: [],
    maxPerWeek: null,
    ...overrides,
  };
}

export function buildListing(
  listingId: string,
  overrides: Partial<CampaignListing> = {},
): CampaignListing {
  return {
    listingId,
    sellerId: SELLER,
    marketplace: 'aliexpress',
    canonicalUrl: `https://www.aliexpress.com/item/${listingId}.html`,
    isRemoved: false,
    ...overrides,
  };
}

export function buildCopy(
  listingId: string,
  artistId: string,
  artworkId: string,
  overrides: Partial<ListingCopy> = {},
): ListingCopy {
  return {
    listingId,
    artistId,
    artworkId,
    artworkTitle: `Artwork ${artworkId}`,
    iprStatus: 'approved',
    iprReference: `IPR-${artworkId}`,
    ...overrides,
  };
}

export function buildComplaint(
  complaintId: string,
  listingId: string,
  artistId: string,
  artworkId: string,
  overrides: Partial<ExistingComplaintListing> = {},
): ExistingComplaintListing {
  return {
    complaintId,
    listingId,
    artistId,
    artworkId,
    status: 'removed',
    filedOn: '2026-01-05',
    establishedOn: '2026-01-08',
    severity: 'general',
    iprType: 'copyright',
    ...overrides,
  };
}

export function buildPlanInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    campaignId: 'campaign-1',
    sellerId: SELLER,
    today: TODAY,
    endsOn: null,
    ruleset: getDefaultRuleset('aliexpress'),
    members: [],
    listings: [],
    copies: [],
    complaints: [],
    ...overrides,
  };
}

/** `count` listings `prefix-01` … copying one artwork of one artist. */
export function listingsCopying(
  prefix: string,
  count: number,
  artistId: string,
  artworkId: string,
  copyOverrides: Partial<ListingCopy> = {},
): { listings: CampaignListing[]; copies: ListingCopy[] } {
  const listings: CampaignListing[] = [];
  const copies: ListingCopy[] = [];
  for (let index = 1; index <= count; index += 1) {
    const listingId = `${prefix}-${String(index).padStart(2, '0')}`;
    listings.push(buildListing(listingId));
    copies.push(buildCopy(listingId, artistId, artworkId, copyOverrides));
  }
  return { listings, copies };
}

/**
 * The acceptance scenario: a collective of 6 artists; the seller copies 4 of them across 40
 * listings on AliExpress; two of those four still have their IPR pending (or not submitted).
 */
export function acceptanceScenario(overrides: Partial<PlanInput> = {}): PlanInput {
  const groups = [
    listingsCopying('ana-koi', 8, 'ana', 'koi'),
    listingsCopying('ana-heron', 4, 'ana', 'heron'),
    listingsCopying('ben-fox', 10, 'ben', 'fox'),
    listingsCopying('cleo-moth', 10, 'cleo', 'moth', { iprStatus: 'pending', iprReference: null }),
    listingsCopying('dev-owl', 8, 'dev', 'owl', { iprStatus: 'not_submitted', iprReference: null }),
  ];
  const names: Record<string, string> = {
    ana: 'Ana',
    ben: 'Ben',
    cleo: 'Cleo',
    dev: 'Dev',
    eli: 'Eli',
    fay: 'Fay',
  };
  return buildPlanInput({
    members: Object.entries(names).map(([id, name]) => buildMember(id, { name })),
    listings: groups.flatMap((group) => group.listings),
    copies: groups.flatMap((group) => group.copies),
    ...overrides,
  });
}

/**
 * The events the estimator should see for a plan: the existing complaints (in-progress ones
 * as the planner expects them, given) plus every planned listing removed on its expected day.
 */
export function plannedEventsOf(plan: CampaignPlan): ComplaintEvent[] {
  return plan.tasks.flatMap((task) =>
    task.listingIds.map((listingId) => ({
      id: `${task.taskKey}:${listingId}`,
      complaintId: task.taskKey,
      artistId: task.artistId,
      artworkId: task.artworkId,
      iprType: 'copyright' as const,
      severity: 'general' as const,
      status: 'removed' as const,
      filedOn: task.fileOn,
      establishedOn: task.expectedEstablishedOn,
    })),
  );
}

/** Existing complaints as estimator events, unchanged. */
export function existingEventsOf(input: PlanInput): ComplaintEvent[] {
  return input.complaints.map((complaint) => ({
    id: `${complaint.complaintId}:${complaint.listingId}`,
    complaintId: complaint.complaintId,
    artistId: complaint.artistId,
    artworkId: complaint.artworkId,
    iprType: complaint.iprType,
    severity: complaint.severity,
    status: complaint.status,
    filedOn: complaint.filedOn,
    establishedOn: complaint.establishedOn,
  }));
}

/** Midnight UTC of a day, as the planner asks the estimator. */
export function startOf(day: IsoDate): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
