import type { ComplaintStatus, IsoDate } from '../domain';
import type { LadderStep } from './ruleset.schema';

/**
 * What one event did to the estimate:
 * - `counted`: established and its points count now (possibly fewer than the full value when
 *   the daily cap was partly used; the reason says so);
 * - `capped`: established but the daily cap was already reached, so it added nothing;
 * - `merged`: established but counted as part of another listing or complaint (same complaint
 *   on the same day, or same rights holder within the merge window);
 * - `expired`: established but its points (or strike) no longer count;
 * - `pending`: still in progress; its `points` are what it would add (shown apart);
 * - `no_effect`: draft, unable to process, restored, withdrawn, or undated;
 * - `strike`: a serious complaint that counts as a strike now;
 * - `strike_merged`: a serious complaint merged into an earlier strike.
 */
export const EXPLANATION_OUTCOMES = [
  'counted',
  'capped',
  'merged',
  'expired',
  'pending',
  'no_effect',
  'strike',
  'strike_merged',
] as const;
export type ExplanationOutcome = (typeof EXPLANATION_OUTCOMES)[number];

/** Why one input event contributes what it does. */
export interface ExplanationEntry {
  eventId: string;
  complaintId: string;
  status: ComplaintStatus;
  /** Establishment date when established, otherwise the filing date (null for drafts). */
  date: IsoDate | null;
  /**
   * Points contributed: to `confirmedPoints` for `counted` entries, to `pendingPoints` for
   * `pending` entries, and 0 for every other outcome.
   */
  points: number;
  outcome: ExplanationOutcome;
  /** One plain-English sentence. */
  reason: string;
}

/** One day on which complaints against the seller were established (chart data). */
export interface TimelineEntry {
  date: IsoDate;
  /** Points added that day after caps and merges (0 when all were merged or capped). */
  pointsAdded: number;
  strikesAdded: number;
  /** Points counting at the end of that day, after earlier points expired. */
  runningTotal: number;
  /** Strikes counting at the end of that day. */
  runningStrikes: number;
  /** Day the points added that day stop counting; null when they are kept. */
  expiresOn: IsoDate | null;
}

/** Counts over every complaint established up to `asOf`, expired ones included. */
export interface StandingCounts {
  /** Distinct complaints with at least one removed listing. */
  establishedComplaints: number;
  establishedListings: number;
  /** Distinct rights holders among established complaints. */
  distinctArtists: number;
  firstEstablishedOn: IsoDate | null;
  lastEstablishedOn: IsoDate | null;
}

/**
 * A seller's estimated standing under one ruleset at one moment. Plain JSON: it can be stored
 * and sent as is. Every figure is an estimate (`isEstimate` is always true).
 */
export interface StandingEstimate {
  rulesetId: string;
  isEstimate: true;
  /** UTC calendar day of `now`. */
  asOf: IsoDate;
  /** Points from established complaints that still count, after caps, merges and expiry. */
  confirmedPoints: number;
  /** What in-progress complaints would add if established on `asOf`, on top of the confirmed. */
  pendingPoints: number;
  strikes: number;
  /** Strikes in-progress serious complaints would add if established on `asOf`. */
  pendingStrikes: number;
  strikesToClosure: number | null;
  terminationPoints: number;
  /** Highest ladder step reached by `confirmedPoints`, or null. */
  tier: LadderStep | null;
  /** Next ladder step above `confirmedPoints`, or null at the top. */
  nextTier: LadderStep | null;
  /** Points still needed for termination (0 once terminated). */
  remainingPoints: number;
  /** Confirmed points at or above the threshold, or strikes at or above closure. */
  isTerminated: boolean;
  /** First day the estimate reached termination, even if points have expired since. */
  terminationReachedOn: IsoDate | null;
  /** Fewest further established general complaints to reach termination (null: unreachable). */
  complaintsNeeded: number | null;
  /** Fewest distinct establishment days to reach termination (null: unreachable). */
  distinctDaysNeeded: number | null;
  /** Day the earliest counted points stop counting, or null. */
  pointsStartExpiringOn: IsoDate | null;
  /**
   * ISO instant before which the estimate cannot change without new facts (other than `asOf`
   * itself); null when nothing is scheduled to change. Recompute at this instant.
   */
  nextChangeAt: string | null;
  counts: StandingCounts;
  timeline: TimelineEntry[];
  /** One entry per input event, sorted by date then event id. */
  explanation: ExplanationEntry[];
}
