import { startOfYear, yearOfDay } from './day-numbers';
import type { Ruleset } from './ruleset.schema';

/** What was established on one day, and how long it counts. Internal to the penalty module. */
export interface DayEntry {
  day: number;
  pointsAdded: number;
  strikesAdded: number;
  runningTotal: number;
  runningStrikes: number;
  /** Day the points stop counting; null when they are kept for good. */
  pointsExpireOn: number | null;
  strikesExpireOn: number | null;
  /** Calendar-year rulesets: the total at the end of this day's year (or now, if current). */
  closingTotal: number;
}

/** A day entry for `day` with nothing added yet. */
export function createDayEntry(day: number): DayEntry {
  return {
    day,
    pointsAdded: 0,
    strikesAdded: 0,
    runningTotal: 0,
    runningStrikes: 0,
    pointsExpireOn: null,
    strikesExpireOn: null,
    closingTotal: 0,
  };
}

/** What still counts at `today`. */
export interface ValidityResult {
  points: number;
  strikes: number;
  /** First day on which points or strikes reached termination, or null. */
  terminationReachedOn: number | null;
}

/** True when something dated `expiresOn` no longer counts on `today`. */
export function hasExpired(expiresOn: number | null, today: number): boolean {
  return expiresOn !== null && expiresOn <= today;
}

function reachesTermination(entry: DayEntry, ruleset: Ruleset): boolean {
  return (
    entry.runningTotal >= ruleset.terminationPoints ||
    (ruleset.strikesToClosure !== null && entry.runningStrikes >= ruleset.strikesToClosure)
  );
}

function applyRollingExpiry(days: DayEntry[], ruleset: Ruleset, windowDays: number, today: number) {
  let points = 0;
  let strikes = 0;
  let oldest = 0;
  let terminationReachedOn: number | null = null;
  const dropOlderThan = (day: number) => {
    for (let entry = days[oldest]; entry !== undefined && entry.day + windowDays <= day;) {
      points -= entry.pointsAdded;
      strikes -= entry.strikesAdded;
      oldest += 1;
      entry = days[oldest];
    }
  };
  for (const entry of days) {
    dropOlderThan(entry.day);
    points += entry.pointsAdded;
    strikes += entry.strikesAdded;
    entry.runningTotal = points;
    entry.runningStrikes = strikes;
    entry.pointsExpireOn = entry.day + windowDays;
    entry.strikesExpireOn = entry.pointsExpireOn;
    if (terminationReachedOn === null && reachesTermination(entry, ruleset)) {
      terminationReachedOn = entry.day;
    }
  }
  dropOlderThan(today);
  return { points, strikes, terminationReachedOn };
}

/*
 * Taobao-style ledger: at each year end the total resets to 0 unless it is at or above
 * `keepAtOrAbove`, in which case all of it is kept (and, since nothing is ever subtracted, kept
 * for good). Strikes, where a calendar-year ruleset has them, reset every year.
 */
function applyCalendarExpiry(
  days: DayEntry[],
  ruleset: Ruleset,
  keepAtOrAbove: number | null,
  today: number,
) {
  let carried = 0;
  let yearPoints = 0;
  let strikes = 0;
  let year = Number.NaN;
  let firstOfYear = 0;
  let terminationReachedOn: number | null = null;

  const settleYear = (endIndex: number, isClosed: boolean) => {
    const total = carried + yearPoints;
    const isKept = keepAtOrAbove !== null && total >= keepAtOrAbove;
    const expiresOn = isKept ? null : startOfYear(year + 1);
    for (let index = firstOfYear; index < endIndex; index += 1) {
      const entry = days[index];
      if (entry === undefined) continue;
      entry.closingTotal = total;
      entry.pointsExpireOn = expiresOn;
    }
    if (isClosed) {
      carried = isKept ? total : 0;
      yearPoints = 0;
      strikes = 0;
    }
  };

  days.forEach((entry, index) => {
    const entryYear = yearOfDay(entry.day);
    if (entryYear !== year) {
      if (index > 0) settleYear(index, true);
      year = entryYear;
      firstOfYear = index;
    }
    yearPoints += entry.pointsAdded;
    strikes += entry.strikesAdded;
    entry.runningTotal = carried + yearPoints;
    entry.runningStrikes = strikes;
    entry.strikesExpireOn = startOfYear(entryYear + 1);
    if (terminationReachedOn === null && reachesTermination(entry, ruleset)) {
      terminationReachedOn = entry.day;
    }
  });
  if (days.length > 0) settleYear(days.length, year < yearOfDay(today));
  return { points: carried + yearPoints, strikes, terminationReachedOn };
}

/**
 * Fills in running totals and expiry dates of the established days (in day order) and returns
 * what still counts on `today`.
 */
export function applyExpiry(days: DayEntry[], ruleset: Ruleset, today: number): ValidityResult {
  const { expiry } = ruleset;
  return expiry.kind === 'rolling'
    ? applyRollingExpiry(days, ruleset, expiry.days, today)
    : applyCalendarExpiry(days, ruleset, expiry.keepAtOrAbove, today);
}
