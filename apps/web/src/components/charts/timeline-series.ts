import { dayTime } from './chart-theme';
/** One establishment day of a standing's timeline (as `StandingView.timeline` carries it). */
export interface TimelineDay {
  date: string;
  pointsAdded: number;
  runningTotal: number;
  expiresOn: string | null;
}

/** A day on which the count of points changes: points established, points expiring, or today. */
export interface SeriesPoint {
  /** UTC midnight of `date`, for a time axis. */
  time: number;
  date: string;
  added: number;
  expiring: number;
  total: number;
  /** `total` up to today, else null (drawn solid). */
  past: number | null;
  /** `total` from today on, else null (drawn dashed: what happens if nothing new is established). */
  projected: number | null;
}

/**
 * Turns establishment days into the running count of points over time, including the days
 * their points expire (past and future), so the chart shows the count going down as well as up.
 */
export function buildTimelineSeries(timeline: TimelineDay[], asOf: string): SeriesPoint[] {
  const changes = new Map<string, { added: number; expiring: number }>();
  const at = (date: string) => {
    let change = changes.get(date);
    if (!change) {
      change = { added: 0, expiring: 0 };
      changes.set(date, change);
    }
    return change;
  };
  for (const day of timeline) {
    if (day.pointsAdded <= 0) continue;
    at(day.date).added += day.pointsAdded;
    if (day.expiresOn) at(day.expiresOn).expiring += day.pointsAdded;
  }
  if (changes.size === 0) return [];
  at(asOf);
  let total = 0;
  return [...changes.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, change]) => {
      total += change.added - change.expiring;
      return {
        time: dayTime(date),
        date,
        added: change.added,
        expiring: change.expiring,
        total,
        past: date <= asOf ? total : null,
        projected: date >= asOf ? total : null,
      };
    });
}
