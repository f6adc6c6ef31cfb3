import type {
  ComplaintStatus,
  IprStatus,
  IprType,
  IsoDate,
  Marketplace,
  Severity,
} from '../domain';
import type { Ruleset } from '../penalty/ruleset.schema';

/*
 * Input and output of the campaign planner. Everything here is plain JSON (no Date, Map or
 * undefined-valued fields in outputs), so a plan can be stored, compared and sent as is.
 */

/** A collective member who opted in to the campaign. */
export interface CampaignMember {
  artistId: string;
  /** Display name used in task explanations. */
  name: string;
  /** Weekdays the member cannot file on (0 = Sunday … 6 = Saturday). */
  unavailableWeekdays: number[];
  /** Specific days the member cannot file on. */
  unavailableDates: IsoDate[];
  /** Most complaints the member files in one Monday–Sunday week; null for no limit. */
  maxPerWeek: number | null;
}

/** A listing of the target seller. */
export interface CampaignListing {
  listingId: string;
  sellerId: string;
  marketplace: Marketplace;
  canonicalUrl: string;
  /** The listing is gone from the marketplace (taken down by the seller or the marketplace). */
  isRemoved: boolean;
}

/**
 * A member's own sighting: this listing copies this artwork of this artist. A listing may copy
 * the artworks of several members.
 */
export interface ListingCopy {
  listingId: string;
  artistId: string;
  artworkId: string;
  artworkTitle: string;
  iprStatus: IprStatus;
  /** The IPR's reference on IPP, once known. */
  iprReference: string | null;
}

/** One listing of a complaint already filed (or drafted) against the target seller. */
export interface ExistingComplaintListing {
  complaintId: string;
  listingId: string;
  artistId: string;
  artworkId: string;
  status: ComplaintStatus;
  filedOn: IsoDate | null;
  /** Day the listing was removed (status `removed`). */
  establishedOn: IsoDate | null;
  severity: Severity;
  iprType: IprType;
}

/** Everything the planner decides from. The same input always gives the same plan. */
export interface PlanInput {
  campaignId: string;
  /** The target seller; listings of other sellers are left out with a warning. */
  sellerId: string;
  /** The day the plan is made; no task is filed before it. */
  today: IsoDate;
  /** Points to reach, normally a ladder step; defaults to the ruleset's termination points. */
  goalPoints?: number | null;
  /** Last day an establishment needed for the goal may fall on; null for no end. */
  endsOn: IsoDate | null;
  /** The penalty ruleset of the target seller's marketplace. */
  ruleset: Ruleset;
  /**
   * Business days from filing to the expected removal when no counter-notice arrives in time
   * (default 3, the counter-notice deadline).
   */
  establishmentLagBusinessDays?: number | null;
  members: CampaignMember[];
  listings: CampaignListing[];
  copies: ListingCopy[];
  complaints: ExistingComplaintListing[];
}

/** One complaint a member is asked to file on IPP. */
export interface PlannedTask {
  /** Deterministic id: the same member, artwork and listings always give the same key. */
  taskKey: string;
  artistId: string;
  memberName: string;
  artworkId: string;
  artworkTitle: string;
  iprReference: string | null;
  marketplace: Marketplace;
  /** The listings to paste into the complaint (1–300, sorted). */
  listingIds: string[];
  fileOn: IsoDate;
  /** Filing day plus the establishment lag in business days. */
  expectedEstablishedOn: IsoDate;
  /** Position of this complaint among the member's complaints for the artwork (1-based). */
  part: number;
  partCount: number;
  /**
   * True when the expected establishment day was chosen so that the complaint counts in full
   * (no cap or merge with another establishment); false only when no such day was left.
   */
  isOnOwnDay: boolean;
  /** One sentence: why this member, these listings, this day. */
  explanation: string;
}

/** When a ladder step is projected to be reached. */
export interface TierProjection {
  tierPoints: number;
  label: string;
  /** First day (today or later) the estimate reaches the step; null if the plan never does. */
  date: IsoDate | null;
  /** The step is already reached today, counting overdue in-progress complaints. */
  isAlreadyReached: boolean;
}

export interface GoalProjection {
  points: number;
  reachedOn: IsoDate | null;
  /** Reached, and (when the campaign has an end) on or before `endsOn`. */
  isReachable: boolean;
  /** Distinct planned establishment days up to `reachedOn` (0 when none are needed). */
  plannedDaysToGoal: number;
}

/** The estimator's view of the seller today, from existing complaints only. */
export interface CurrentStandingSummary {
  rulesetId: string;
  isEstimate: true;
  asOf: IsoDate;
  confirmedPoints: number;
  pendingPoints: number;
  tierLabel: string | null;
  remainingPoints: number;
  isTerminated: boolean;
  /** Complaints in counter-notice, answered counter-notice or information request: not counted. */
  uncertainComplaints: number;
}

/**
 * What happens to the seller's listings. `listingsTotal` is the sum of the first five counts;
 * `contested` and `plannedListings` are details.
 */
export interface CoverageSummary {
  listingsTotal: number;
  /** Another seller or marketplace than the campaign's. */
  outOfScope: number;
  /** Already gone from the marketplace. */
  removed: number;
  /** Covered by a complaint that is established or still in progress. */
  alreadyComplained: number;
  /** Some eligible member can report them. */
  plannable: number;
  /** Live and uncovered, but no opted-in member with an approved IPR for them. */
  unclaimed: number;
  /** Listings whose complaint was counter-noticed (counted in `alreadyComplained` or `plannable`). */
  contested: number;
  /** Listings placed in a task (equal to `plannable` unless some member had no day left). */
  plannedListings: number;
}

/** An artwork whose IPR is not approved yet, and the live uncovered listings that copy it. */
export interface PendingIprGap {
  artistId: string;
  artworkId: string;
  artworkTitle: string;
  iprStatus: 'pending' | 'not_submitted';
  listingCount: number;
}

/** Why the goal is out of reach with the eligible members, and what would close the gap. */
export interface PlanShortfall {
  missingPoints: number;
  /** Further complaints that count in full, at the ruleset's best points per complaint. */
  missingComplaints: number;
  /** Further distinct establishment days (a day adds at most the daily cap). */
  missingDistinctDays: number;
  pendingIprs: PendingIprGap[];
  message: string;
}

/** The planner's answer. Every figure about points is an estimate under `rulesetId`. */
export interface CampaignPlan {
  campaignId: string;
  rulesetId: string;
  asOf: IsoDate;
  /** Hash of the normalised input: a different value means the plan must be made again. */
  inputFingerprint: string;
  goal: GoalProjection;
  currentStanding: CurrentStandingSummary;
  projection: TierProjection[];
  /** Sorted by filing day, then task key. */
  tasks: PlannedTask[];
  coverage: CoverageSummary;
  shortfall: PlanShortfall | null;
  warnings: string[];
}
