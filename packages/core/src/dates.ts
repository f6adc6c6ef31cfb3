import type { IsoDate } from './domain';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The earliest day anything recorded here can have happened (a listing found, a complaint
 * filed, an IPP decision): Alibaba.com, the oldest of these marketplaces, opened in 1999.
 */
export const EARLIEST_EVENT_ON: IsoDate = '1999-01-01';

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return toIsoDate(date) === value;
}

/** The UTC calendar day of an instant. */
export function toIsoDate(instant: Date): IsoDate {
  return instant.toISOString().slice(0, 10);
}

/** Midnight UTC at the start of a calendar day. */
export function fromIsoDate(day: IsoDate): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Day number since 1970-01-01 (UTC); handy for arithmetic and comparisons. */
export function dayNumber(day: IsoDate): number {
  return Math.round(fromIsoDate(day).getTime() / DAY_MS);
}

export function fromDayNumber(day: number): IsoDate {
  return toIsoDate(new Date(day * DAY_MS));
}

export function addDays(day: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: IsoDate): number {
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

export function isWeekend(day: IsoDate): boolean {
  const d = weekday(day);
  return d === 0 || d === 6;
}

/**
 * The day `count` business days after `day` (weekends skipped; holidays are not
 * modelled because IPP does not publish its calendar).
 */
export function addBusinessDays(day: IsoDate, count: number): IsoDate {
  let current = dayNumber(day);
  let remaining = count;
  while (remaining > 0) {
    current += 1;
    if (!isWeekend(fromDayNumber(current))) remaining -= 1;
  }
  return fromDayNumber(current);
}

/**
 * The latest calendar day anywhere on Earth at `now` (UTC+14). Artists record what happened
 * "today" in their own time zone; a date is in the future only if it is after this day.
 */
export function latestToday(now: Date): IsoDate {
  return toIsoDate(new Date(now.getTime() + 14 * 3_600_000));
}

const DAY_FOR_PEOPLE = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A day as messages to people write it: "Thu, Dec 3, 2026" (the web app's style, with the weekday). */
export function formatDayForPeople(day: IsoDate): string {
  return DAY_FOR_PEOPLE.format(fromIsoDate(day));
}
