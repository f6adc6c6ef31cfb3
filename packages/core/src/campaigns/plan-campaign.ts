import { formatDay, formatDayStart } from '../penalty/day-numbers';
import { estimateStanding } from '../penalty/estimate-standing';
import { buildEstablishmentSlots, MemberCalendar } from './campaign-days';
import { readExistingComplaints } from './existing-complaints';
import type { ExistingComplaintFacts } from './existing-complaints';
import { searchGoalSchedule } from './goal-search';
import { assessEligibility } from './listing-eligibility';
import { fingerprintPlanInput, normalizePlanInput } from './normalize-input';
import type { NormalizedPlanInput } from './normalize-input';
import type {
  CampaignPlan,
  CurrentStandingSummary,
  GoalProjection,
  PlanInput,
  PlannedTask,
  TierProjection,
} from './plan.types';
import {
  firstDayReaching,
  projectStanding,
  readPlannedAtGoal,
  toPlannedEvents,
} from './projection';
import type { StandingProjection } from './projection';
import type { ScheduledComplaint } from './schedule-complaints';
import { collectWarnings } from './plan-warnings';
import { describeShortfall } from './shortfall';
import { hashText } from './stable-hash';
import { explainComplaint } from './task-explanation';

/** How far ahead a campaign without an end may place establishments (two years). */
export const PLANNING_HORIZON_DAYS = 2 * 366;

/** Same member, artwork and listings give the same key, whatever day they move to. */
function taskKeyOf(input: NormalizedPlanInput, complaint: ScheduledComplaint): string {
  const { unit } = complaint;
  const identity = [
    input.campaignId,
    unit.artistId,
    unit.artworkId,
    input.ruleset.marketplace,
    complaint.listingIds.join(','),
  ].join('|');
  return `task-${hashText(identity)}`;
}

/** Filing day, then task key: a stable order for people and for comparisons. */
function compareTasks(left: PlannedTask, right: PlannedTask): number {
  if (left.fileOn !== right.fileOn) return left.fileOn < right.fileOn ? -1 : 1;
  if (left.taskKey !== right.taskKey) return left.taskKey < right.taskKey ? -1 : 1;
  return 0;
}

function summarizeCurrent(
  input: NormalizedPlanInput,
  existing: ExistingComplaintFacts,
): CurrentStandingSummary {
  const { currentEvents } = existing;
  const estimate = estimateStanding(
    currentEvents,
    input.ruleset,
    new Date(formatDayStart(input.todayDay)),
  );
  return {
    rulesetId: estimate.rulesetId,
    isEstimate: true,
    asOf: estimate.asOf,
    confirmedPoints: estimate.confirmedPoints,
    pendingPoints: estimate.pendingPoints,
    tierLabel: estimate.tier?.label ?? null,
    remainingPoints: estimate.remainingPoints,
    isTerminated: estimate.isTerminated,
    uncertainComplaints: existing.uncertainComplaintIds.length,
  };
}

function projectTiers(
  input: NormalizedPlanInput,
  projection: StandingProjection,
): TierProjection[] {
  return input.ruleset.ladder.map((step) => ({
    tierPoints: step.points,
    label: step.label,
    date: firstDayReaching(projection, step.points, input.todayDay)?.date ?? null,
    isAlreadyReached: projection.pointsToday >= step.points,
  }));
}

/**
 * Plans a collective's joint reporting campaign against one seller: who files which complaint,
 * about which listings, on which day, and when the seller is projected to reach each step of the
 * marketplace's penalty ladder.
 *
 * **Ground rule.** Every complaint comes from the real rights holder, for their own approved
 * work, about a listing that really copies it. The planner never gives a listing to a member
 * whose artwork it does not copy (according to that member's own sightings, the `copies`
 * input), never uses an artwork whose IPR is not `approved`, and never invents a complaint:
 * each task is one member, one approved artwork and 1–300 real listings of the seller. What it
 * optimises is coverage and timing, so that legitimate complaints are not lost to the
 * marketplace's same-day cap and merge windows. Because of the daily cap (Alibaba.com and
 * AliExpress: complaints established against a seller on one day add at most 6 points), 48
 * points need establishments on at least 8 distinct days within the validity window (365
 * rolling days); Taobao and Tmall merge complaints of the same rights holder within 3 days.
 *
 * How it decides:
 * - Each live listing without an established or in-progress complaint goes to one opted-in
 *   member with an approved artwork it copies; a member files one complaint per artwork,
 *   split into several (each still a complete complaint about its own listings) only when the
 *   goal needs more distinct establishment days than there are such complaints.
 * - Complaints are placed on the earliest days the member can file whose expected removal
 *   (filing day + `establishmentLagBusinessDays`) lands where it counts in full: a day with no
 *   other establishment under a daily cap, and outside the same holder's merge window.
 *   Complaints beyond the goal get days of their own too: they add points and keep the goal
 *   if a complaint is counter-noticed.
 * - `submitted` complaints are expected to be established on their filing day + the lag (or
 *   today when overdue); counter-noticed, answered and information-requested complaints are
 *   not counted, so the plan compensates for them; `unable_to_process` listings that are still
 *   live are planned again, while `restored` and `withdrawn` ones are not re-filed by the same
 *   member and artwork; drafts are ignored.
 * - Every projected date comes from `estimateStanding` over the existing and planned complaints.
 *
 * Pure and deterministic: no clock (`today` is an input), and the same input in any order
 * gives the same plan. Throws {@link PlanInputError} for unusable dates or numbers.
 */
export function planCampaign(rawInput: PlanInput): CampaignPlan {
  const input = normalizePlanInput(rawInput);
  const { ruleset, todayDay } = input;
  const calendars = new Map(
    input.members.map((member) => [member.artistId, new MemberCalendar(member)] as const),
  );
  const existing = readExistingComplaints(input);
  const eligibility = assessEligibility(input, calendars);
  const lastDay = input.endsOnDay ?? todayDay + PLANNING_HORIZON_DAYS;
  const { copyright, trademark, patent } = ruleset.points.general;
  const bestPoints = Math.max(copyright, trademark, patent, 1);
  const settings = {
    slots: buildEstablishmentSlots(todayDay, lastDay, input.lagBusinessDays),
    capacityPerDay:
      ruleset.dailyCap === null
        ? Number.POSITIVE_INFINITY
        : Math.max(1, Math.floor(ruleset.dailyCap / bestPoints)),
    holderMergeDays: ruleset.sameHolderMergeDays ?? 0,
    loadByDay: existing.loadByDay,
    holderDays: existing.holderDays,
    calendars,
  };
  const search = searchGoalSchedule({
    settings,
    units: eligibility.units,
    baseEvents: existing.projectedEvents,
    ruleset,
    goalPoints: input.goalPoints,
    todayDay,
    lastDay,
    lastBaseDay: existing.lastProjectedDay,
  });

  // The final projection uses every listing of every task, under its task key.
  const complaints = search.schedule.complaints;
  const keys = new Map(complaints.map((complaint) => [complaint, taskKeyOf(input, complaint)]));
  const plannedEvents = toPlannedEvents(complaints, (complaint) => keys.get(complaint)!, true);
  const lastPlanned = complaints.reduce(
    (last, complaint) => Math.max(last, complaint.establishDay),
    Math.max(todayDay, existing.lastProjectedDay),
  );
  const allEvents = existing.projectedEvents.concat(plannedEvents);
  const projection = projectStanding(allEvents, ruleset, todayDay, lastPlanned);
  const reached = firstDayReaching(projection, input.goalPoints, todayDay);
  const isReachable = reached !== null && reached.day <= lastDay;
  // Planned days whose points still count when the goal is reached: with a year-end reset or a
  // long plan, earlier ones may have lapsed (their complaints still remove listings).
  const atGoal =
    reached === null
      ? { countingDays: 0, expiredComplaints: 0 }
      : readPlannedAtGoal(allEvents, ruleset, reached.day, new Set(keys.values()));
  const goalDays = atGoal.countingDays;
  const goal: GoalProjection = {
    points: input.goalPoints,
    reachedOn: reached?.date ?? null,
    isReachable,
    plannedDaysToGoal: goalDays,
  };

  const explanationContext = {
    ruleset,
    goalPoints: input.goalPoints,
    goalDays,
    endsOn: input.endsOn,
  };
  const tasks: PlannedTask[] = complaints.map((complaint) => ({
    taskKey: keys.get(complaint)!,
    artistId: complaint.unit.artistId,
    memberName: complaint.unit.memberName,
    artworkId: complaint.unit.artworkId,
    artworkTitle: complaint.unit.artworkTitle,
    iprReference: complaint.unit.iprReference,
    marketplace: ruleset.marketplace,
    listingIds: complaint.listingIds,
    fileOn: formatDay(complaint.fileDay),
    expectedEstablishedOn: formatDay(complaint.establishDay),
    part: complaint.part,
    partCount: complaint.partCount,
    isOnOwnDay: complaint.isOnOwnDay,
    explanation: explainComplaint(complaint, explanationContext),
  }));
  tasks.sort(compareTasks);

  const plannedListings = tasks.reduce((sum, task) => sum + task.listingIds.length, 0);
  const shortfall = isReachable
    ? null
    : describeShortfall({
        ruleset,
        goalPoints: input.goalPoints,
        peakPoints: projection.days.reduce(
          (peak, entry) => (entry.day <= lastDay ? Math.max(peak, entry.points) : peak),
          projection.pointsToday,
        ),
        pendingIprs: eligibility.pendingIprs,
        unclaimedListingsWithPendingIpr: eligibility.unclaimedListingsWithPendingIpr,
        isSupplyExhausted: search.isSupplyExhausted,
        hasEligibleListings: eligibility.units.length > 0,
        endsOn: input.endsOn,
      });

  return {
    campaignId: input.campaignId,
    rulesetId: ruleset.id,
    asOf: input.today,
    inputFingerprint: fingerprintPlanInput(input),
    goal,
    currentStanding: summarizeCurrent(input, existing),
    projection: projectTiers(input, projection),
    tasks,
    coverage: { ...eligibility.coverage, plannedListings },
    shortfall,
    warnings: collectWarnings(input, calendars, eligibility.warnings, {
      uncertain: existing.uncertainComplaintIds.length,
      unscheduled: search.schedule.unscheduled,
      notOwnDay: tasks.filter((task) => !task.isOnOwnDay).length,
      pointsToday: projection.pointsToday,
      expiredBeforeGoal: atGoal.expiredComplaints,
      lastDay,
    }),
  };
}
