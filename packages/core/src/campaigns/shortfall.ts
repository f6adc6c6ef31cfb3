import type { IsoDate } from '../domain';
import type { Ruleset } from '../penalty/ruleset.schema';
import type { PendingIprGap, PlanShortfall } from './plan.types';
import { plural } from './plural';

export interface ShortfallContext {
  ruleset: Ruleset;
  goalPoints: number;
  /** Most points the projection reaches on any day within the campaign. */
  peakPoints: number;
  pendingIprs: PendingIprGap[];
  /** Live listings no eligible member can report that copy an artwork awaiting approval. */
  unclaimedListingsWithPendingIpr: number;
  /** Every eligible listing already has a complaint of its own: more splitting is impossible. */
  isSupplyExhausted: boolean;
  hasEligibleListings: boolean;
  endsOn: IsoDate | null;
}

/** Most points one general complaint can add on a day (the best IPR type, after the cap). */
export function pointsPerCountedComplaint(ruleset: Ruleset): number {
  const { copyright, trademark, patent } = ruleset.points.general;
  return Math.min(
    Math.max(copyright, trademark, patent),
    ruleset.dailyCap ?? Number.POSITIVE_INFINITY,
  );
}

function describeWindow(ruleset: Ruleset): string {
  return ruleset.expiry.kind === 'rolling'
    ? `the ${ruleset.expiry.days}-day window in which points count`
    : 'the calendar year (points reset on 1 January)';
}

function describeCause(context: ShortfallContext): string {
  if (!context.hasEligibleListings) {
    return 'No opted-in member with an approved IPR can report any live listing of this seller.';
  }
  if (context.isSupplyExhausted) {
    return 'Every listing an eligible member can report is already planned as a complaint of its own.';
  }
  if (context.endsOn !== null) {
    return `The eligible members' available days do not leave enough free establishment days before the campaign ends on ${context.endsOn}.`;
  }
  return `The eligible members' available days cannot fit enough establishments within ${describeWindow(context.ruleset)}.`;
}

function describePendingIprs(context: ShortfallContext, missingComplaints: number): string {
  const { pendingIprs } = context;
  if (pendingIprs.length === 0) {
    return 'No artwork awaiting IPR approval would help: more members whose approved artworks this seller copies are needed.';
  }
  const listings = pendingIprs.reduce((sum, gap) => sum + gap.listingCount, 0);
  const titles = pendingIprs
    .slice(0, 3)
    .map((gap) => `"${gap.artworkTitle}" (${gap.listingCount})`)
    .join(', ');
  const more = pendingIprs.length > 3 ? ` and ${pendingIprs.length - 3} more` : '';
  // Each listing nobody can report yet could become a complaint on a day of its own.
  const outcome =
    context.unclaimedListingsWithPendingIpr >= missingComplaints
      ? 'could close the gap once approved'
      : 'would narrow the gap once approved, but not close it on their own';
  return `${plural(pendingIprs.length, 'artwork')} awaiting IPR approval, copied by ${plural(listings, 'live listing')} (${titles}${more}), ${outcome}.`;
}

/** What is missing to reach the goal, why, and which pending IPRs would help. */
export function describeShortfall(context: ShortfallContext): PlanShortfall {
  const { ruleset, goalPoints } = context;
  const missingPoints = Math.max(0, goalPoints - context.peakPoints);
  const perComplaint = pointsPerCountedComplaint(ruleset);
  const missingComplaints = perComplaint > 0 ? Math.ceil(missingPoints / perComplaint) : 0;
  // Without a daily cap one day can take every missing complaint, given enough rights holders.
  const missingDistinctDays =
    ruleset.dailyCap === null
      ? Math.min(1, missingPoints)
      : Math.ceil(missingPoints / ruleset.dailyCap);
  const need =
    perComplaint > 0
      ? `${plural(missingComplaints, 'more established complaint')} on ${plural(missingDistinctDays, 'more distinct day')} would be needed`
      : `this ruleset gives general complaints no points`;
  const message = [
    `The goal of ${goalPoints} points is out of reach with the eligible members: the plan brings the seller to ${context.peakPoints} points (estimate), ${missingPoints} short, and ${need}.`,
    describeCause(context),
    describePendingIprs(context, missingComplaints),
  ].join(' ');
  return {
    missingPoints,
    missingComplaints,
    missingDistinctDays,
    pendingIprs: context.pendingIprs,
    message,
  };
}
