import type { ComplaintEvent } from '../penalty/complaint-event';
import type { Ruleset } from '../penalty/ruleset.schema';
import type { PlanningUnit } from './listing-eligibility';
import { firstDayReaching, projectStanding, toPlannedEvents } from './projection';
import type { StandingProjection } from './projection';
import { minimumComplaints, scheduleComplaints } from './schedule-complaints';
import type { ScheduleResult, ScheduleSettings } from './schedule-complaints';
import { pointsPerCountedComplaint } from './shortfall';

/** Rounds of schedule-then-estimate before settling for the best schedule found. */
const MAX_ROUNDS = 40;

export interface GoalSearchInput {
  settings: ScheduleSettings;
  units: readonly PlanningUnit[];
  /** Existing complaints as the plan expects them to end. */
  baseEvents: readonly ComplaintEvent[];
  ruleset: Ruleset;
  goalPoints: number;
  todayDay: number;
  /** Last day an establishment may count for the goal (the campaign's end, or the horizon). */
  lastDay: number;
  /** Latest day an existing complaint is expected to be established on. */
  lastBaseDay: number;
}

export interface GoalSearchResult {
  schedule: ScheduleResult;
  projection: StandingProjection;
  /** Complaints split off units beyond one each (or one per 300 listings). */
  extraComplaints: number;
  isGoalReached: boolean;
  /** Every eligible listing is in a complaint of its own: no further split is possible. */
  isSupplyExhausted: boolean;
}

function lastEstablishment(schedule: ScheduleResult, floor: number): number {
  let last = floor;
  for (const complaint of schedule.complaints) last = Math.max(last, complaint.establishDay);
  return last;
}

/**
 * Finds the fewest complaints that reach the goal at the earliest date: starts from one
 * complaint per member and artwork (plus a lower bound of the extra complaints the goal needs),
 * schedules, asks the estimator, and splits off more complaints while the goal is still out of
 * reach and more complaints still raise the projected points. Each round adds at least the
 * points still missing divided by what one complaint can add, so it never splits more than
 * the estimator shows is needed.
 */
export function searchGoalSchedule(input: GoalSearchInput): GoalSearchResult {
  const { settings, units, baseEvents, ruleset, goalPoints, todayDay, lastDay } = input;
  const minimum = units.reduce((sum, unit) => sum + minimumComplaints(unit), 0);
  const maximumExtra = units.reduce((sum, unit) => sum + unit.listingIds.length, 0) - minimum;
  const perComplaint = pointsPerCountedComplaint(ruleset);

  const evaluate = (extraComplaints: number): GoalSearchResult => {
    const schedule = scheduleComplaints(settings, units, extraComplaints);
    const events = baseEvents.concat(
      toPlannedEvents(
        schedule.complaints,
        (complaint) => `${complaint.unit.key}#${complaint.part}`,
        false,
      ),
    );
    const projectedUntil = Math.min(
      lastDay,
      lastEstablishment(schedule, Math.max(todayDay, input.lastBaseDay)),
    );
    const projection = projectStanding(events, ruleset, todayDay, projectedUntil);
    const reached = firstDayReaching(projection, goalPoints, todayDay);
    return {
      schedule,
      projection,
      extraComplaints,
      isGoalReached: reached !== null && reached.day <= lastDay,
      isSupplyExhausted: extraComplaints >= maximumExtra,
    };
  };

  const missingComplaints = (points: number) =>
    perComplaint > 0 ? Math.ceil(Math.max(0, goalPoints - points) / perComplaint) : 0;
  // Without any plan the existing complaints peak at basePeak, and each planned complaint adds
  // at most `perComplaint`: that many complaints are needed at the very least.
  const base = projectStanding(
    baseEvents,
    ruleset,
    todayDay,
    Math.max(todayDay, input.lastBaseDay),
  );
  let extra = Math.min(maximumExtra, Math.max(0, missingComplaints(base.peakPoints) - minimum));
  let best: GoalSearchResult | null = null;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const result = evaluate(extra);
    if (result.isGoalReached) return result;
    // More complaints that raise nothing only spread the same listings thinner: stop there.
    if (best !== null && result.projection.peakPoints <= best.projection.peakPoints) return best;
    best = result;
    if (result.isSupplyExhausted || perComplaint <= 0) return result;
    extra = Math.min(
      maximumExtra,
      extra + Math.max(1, missingComplaints(result.projection.peakPoints)),
    );
  }
  return best ?? evaluate(0);
}
