import { dayTime } from '../../../components/charts/chart-theme';
/** A day on the progress chart: the points counting (actual up to today) and the plan's line. */
export interface ProgressPoint {
  /** UTC midnight of `date`, for a time axis. */
  time: number;
  date: string;
  /** Confirmed points at the end of the day, up to today; null after. */
  actual: number | null;
  /** The plan's projected points from today on; null before. */
  projected: number | null;
}

interface DayPoints {
  date: string;
  points: number;
}

/** The value of a step series on `date`: that of its last change on or before it. */
function valueOn(series: readonly DayPoints[], date: string): number | null {
  let value: number | null = null;
  for (const point of series) {
    if (point.date > date) break;
    value = point.points;
  }
  return value;
}

/**
 * Merges the actual points (the standing's timeline, up to today) and the plan's projection
 * (from today on) into one series for a step chart. The projected line starts where the actual
 * one ends, today, so the two meet.
 */
export function buildProgressSeries(
  actual: readonly DayPoints[],
  projected: readonly DayPoints[],
  today: string,
): ProgressPoint[] {
  const sortedActual = [...actual].sort((a, b) => a.date.localeCompare(b.date));
  const sortedProjected = [...projected].sort((a, b) => a.date.localeCompare(b.date));
  if (sortedActual.length === 0 && sortedProjected.length === 0) return [];
  const dates = new Set<string>([today]);
  for (const point of sortedActual) if (point.date <= today) dates.add(point.date);
  for (const point of sortedProjected) if (point.date >= today) dates.add(point.date);
  const actualToday = valueOn(sortedActual, today) ?? 0;
  return [...dates].sort().map((date) => {
    const isPast = date <= today;
    const projectedValue =
      sortedProjected.length === 0 || date < today
        ? null
        : (valueOn(sortedProjected, date) ?? actualToday);
    return {
      time: dayTime(date),
      date,
      actual: isPast ? (valueOn(sortedActual, date) ?? 0) : null,
      projected: projectedValue,
    };
  });
}

/**
 * The series from `from` on, starting with the value it had on that day, so that a long
 * history does not squeeze the days the plan is about into a corner of the chart.
 */
export function clipSeries(series: readonly ProgressPoint[], from: string): ProgressPoint[] {
  const before = series.filter((point) => point.date < from);
  const after = series.filter((point) => point.date >= from);
  const carried = before[before.length - 1];
  if (!carried) return [...series];
  if (after[0]?.date === from) return after;
  return [{ ...carried, time: dayTime(from), date: from }, ...after];
}
