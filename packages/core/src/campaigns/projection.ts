import type { IsoDate } from '../domain';
import type { ComplaintEvent } from '../penalty/complaint-event';
import { formatDay, formatDayStart, parseDay } from '../penalty/day-numbers';
import { estimateStanding } from '../penalty/estimate-standing';
import type { Ruleset } from '../penalty/ruleset.schema';
import type { ScheduledComplaint } from './schedule-complaints';

/*
 * Every projected figure comes from `estimateStanding`: planned complaints are added to the
 * existing ones as listings removed on their expected day, and the estimator is asked about the
 * future. The planner never counts points itself, so its dates cannot drift from the estimator.
 */

/** One day (today or later) on which the projected confirmed points change. */
export interface ProjectedDay {
  day: number;
  date: IsoDate;
  /** Confirmed points at the end of the day, as `estimateStanding` reports them that day. */
  points: number;
}

export interface StandingProjection {
  /** Confirmed points today, counting in-progress complaints expected by today. */
  pointsToday: number;
  /** Days after today on which complaints are established, ascending. */
  days: ProjectedDay[];
  /** Most points counting on any day from today to the last projected day. */
  peakPoints: number;
}

function startOfDay(day: number): Date {
  return new Date(formatDayStart(day));
}

/**
 * The standing the estimator projects from today to `lastDay` for the given events, read from
 * its timeline (whose running totals are the confirmed points it reports on each of those days).
 */
export function projectStanding(
  events: readonly ComplaintEvent[],
  ruleset: Ruleset,
  todayDay: number,
  lastDay: number,
): StandingProjection {
  const pointsToday = estimateStanding(events, ruleset, startOfDay(todayDay)).confirmedPoints;
  const days: ProjectedDay[] = [];
  let peakPoints = pointsToday;
  if (lastDay > todayDay) {
    const later = estimateStanding(events, ruleset, startOfDay(lastDay));
    for (const entry of later.timeline) {
      const day = parseDay(entry.date);
      if (day <= todayDay) continue;
      days.push({ day, date: entry.date, points: entry.runningTotal });
      peakPoints = Math.max(peakPoints, entry.runningTotal);
    }
  }
  return { pointsToday, days, peakPoints };
}

/** First day, today or later, on which the projection reaches `points`; null if it never does. */
export function firstDayReaching(
  projection: StandingProjection,
  points: number,
  todayDay: number,
): ProjectedDay | null {
  if (projection.pointsToday >= points) {
    return { day: todayDay, date: formatDay(todayDay), points: projection.pointsToday };
  }
  return projection.days.find((entry) => entry.points >= points) ?? null;
}

/**
 * Planned complaints as the estimator sees them: every listing removed on the expected day.
 * `complaintIdOf` names each complaint (task keys in the final plan).
 */
export function toPlannedEvents(
  complaints: readonly ScheduledComplaint[],
  complaintIdOf: (complaint: ScheduledComplaint) => string,
  isPerListing: boolean,
): ComplaintEvent[] {
  const events: ComplaintEvent[] = [];
  for (const complaint of complaints) {
    const complaintId = complaintIdOf(complaint);
    const base = {
      complaintId,
      artistId: complaint.unit.artistId,
      artworkId: complaint.unit.artworkId,
      // Artists register artworks on IPP as copyright and file "Pirated copy" complaints.
      iprType: 'copyright' as const,
      severity: 'general' as const,
      status: 'removed' as const,
      filedOn: formatDay(complaint.fileDay),
      establishedOn: formatDay(complaint.establishDay),
    };
    // Listings of one complaint established the same day count once, so while searching for a
    // schedule one event per complaint gives the same points for less work.
    const listingIds = isPerListing ? complaint.listingIds : complaint.listingIds.slice(0, 1);
    for (const listingId of listingIds) {
      events.push({ id: `${complaintId}:${listingId}`, ...base });
    }
  }
  return events;
}

/** How the planned complaints stand on the day the goal is reached. */
export interface PlannedAtGoal {
  /** Distinct days of planned complaints whose points count on that day. */
  countingDays: number;
  /** Planned complaints whose points have already expired (or been reset) by then. */
  expiredComplaints: number;
}

/** Reads the estimator's explanation on `day` for the complaints in `plannedIds`. */
export function readPlannedAtGoal(
  events: readonly ComplaintEvent[],
  ruleset: Ruleset,
  day: number,
  plannedIds: ReadonlySet<string>,
): PlannedAtGoal {
  const estimate = estimateStanding(events, ruleset, startOfDay(day));
  const countingDays = new Set<string>();
  const expired = new Set<string>();
  for (const entry of estimate.explanation) {
    if (!plannedIds.has(entry.complaintId)) continue;
    if (entry.outcome === 'counted' && entry.date !== null) countingDays.add(entry.date);
    if (entry.outcome === 'expired') expired.add(entry.complaintId);
  }
  return { countingDays: countingDays.size, expiredComplaints: expired.size };
}
