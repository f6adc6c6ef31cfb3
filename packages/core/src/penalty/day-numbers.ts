import type { IsoDate } from '../domain';

/*
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC), the same numbering as
 * `dayNumber` in ../dates. The estimator parses every event date on every recomputation, and
 * going through `Date` costs far more than the rest of the estimate, so this file converts
 * with Howard Hinnant's civil-calendar algorithms instead. The results are checked against
 * ../dates in day-numbers.test.ts.
 */

const DIGIT_ZERO = 48;

function digitAt(value: string, index: number): number {
  const digit = value.charCodeAt(index) - DIGIT_ZERO;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a proleptic Gregorian date (month 1–12). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Day number of a `YYYY-MM-DD` string, or NaN when it is not a real calendar date.
 */
export function parseDay(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    return Number.NaN;
  }
  const year =
    digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
  const month = digitAt(value, 5) * 10 + digitAt(value, 6);
  const day = digitAt(value, 8) * 10 + digitAt(value, 9);
  // NaN fails every comparison below, so a stray non-digit is rejected here too.
  if (!(month >= 1 && month <= 12 && day >= 1 && year >= 0)) return Number.NaN;
  if (day > daysInMonth(year, month)) return Number.NaN;
  return dayFromCivil(year, month, day);
}

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

/*
 * Estimates format the same few hundred days (expiry dates, today) over and over, so formatted
 * days are memoised. The cache is bounded so that a long-running worker cannot grow it forever.
 */
const FORMAT_CACHE_LIMIT = 20_000;
const formatCache = new Map<number, IsoDate>();

/** `YYYY-MM-DD` of a day number (years 0000–9999). */
export function formatDay(dayNumber: number): IsoDate {
  const cached = formatCache.get(dayNumber);
  if (cached !== undefined) return cached;
  const { year, month, day } = civilFromDay(dayNumber);
  const formatted = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  if (formatCache.size >= FORMAT_CACHE_LIMIT) formatCache.clear();
  formatCache.set(dayNumber, formatted);
  return formatted;
}

const DAY_MS = 86_400_000;

/** Day number of the UTC calendar day an instant falls in. */
export function dayOfInstant(instant: Date): number {
  return Math.floor(instant.getTime() / DAY_MS);
}

/** Calendar year a day number falls in. */
export function yearOfDay(dayNumber: number): number {
  return civilFromDay(dayNumber).year;
}

/** Day number of 1 January of `year`. */
export function startOfYear(year: number): number {
  return dayFromCivil(year, 1, 1);
}

/** ISO 8601 instant of midnight UTC at the start of a day. */
export function formatDayStart(dayNumber: number): string {
  return `${formatDay(dayNumber)}T00:00:00.000Z`;
}
