import type { IsoDate } from '../domain';
import { startOfYear, yearOfDay } from './day-numbers';
import type { Ruleset } from './ruleset.schema';

/** What was established on one day, and how long it counts. Internal to the penalty module. */
export interface DayEntry {
  day: number;
  /** `day` as written in the events, so the timeline need not format it again. */
  date: IsoDate;
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
export function createDayEntry(day: number, date: IsoDate): DayEntry {
  return {
    day,
    date,
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

/*
 * The two functions below avoid inner closures on purpose: they run once per estimate, and
 * allocating closures there showed up in the benchmark.
 */
function applyRollingExpiry(
  days: DayEntry[],
  ruleset: Ruleset,
  windowDays: number,
  today: number,
): ValidityResult {
  let points = 0;
  let strikes = 0;
  let oldest = 0;
  let terminationReachedOn: number | null = null;
  for (let index = 0; index < days.length; index += 1) {
    const entry = days[index]!;
    while (oldest < index && days[oldest]!.day + windowDays <= entry.day) {
      points -= days[oldest]!.pointsAdded;
      strikes -= days[oldest]!.strikesAdded;
      oldest += 1;
    }
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
  while (oldest < days.length && days[oldest]!.day + windowDays <= today) {
    points -= days[oldest]!.pointsAdded;
    strikes -= days[oldest]!.strikesAdded;
    oldest += 1;
  }
  return { points, strikes, terminationReachedOn };
}

/** Marks the points of days[from, to) as kept or expiring on the next 1 January. */
function settleYear(
  days: DayEntry[],
  from: number,
  to: number,
  year: number,
  total: number,
  isKept: boolean,
): void {
  const expiresOn = isKept ? null : startOfYear(year + 1);
  for (let index = from; index < to; index += 1) {
    const entry = days[index]!;
    entry.closingTotal = total;
    entry.pointsExpireOn = expiresOn;
  }
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
): ValidityResult {
  let carried = 0;
  let yearPoints = 0;
  let strikes = 0;
  let year = Number.NaN;
  let firstOfYear = 0;
  let terminationReachedOn: number | null = null;

  for (let index = 0; index < days.length; index += 1) {
    const entry = days[index]!;
    const entryYear = yearOfDay(entry.day);
    if (entryYear !== year) {
      if (index > 0) {
        const total = carried + yearPoints;
        const isKept = keepAtOrAbove !== null && total >= keepAtOrAbove;
        settleYear(days, firstOfYear, index, year, total, isKept);
        carried = isKept ? total : 0;
        yearPoints = 0;
        strikes = 0;
      }
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
  }
  if (days.length === 0) return { points: 0, strikes: 0, terminationReachedOn };

  const total = carried + yearPoints;
  const isKept = keepAtOrAbove !== null && total >= keepAtOrAbove;
  settleYear(days, firstOfYear, days.length, year, total, isKept);
  // A year that has ended resets, unless kept; the current year still counts in full.
  if (year < yearOfDay(today)) {
    return { points: isKept ? total : 0, strikes: 0, terminationReachedOn };
  }
  return { points: total, strikes, terminationReachedOn };
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
