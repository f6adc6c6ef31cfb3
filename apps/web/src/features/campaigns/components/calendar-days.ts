/*
 * Calendar arithmetic on `YYYY-MM-DD` days (UTC, so no time zone ever shifts a day). Weeks start
 * on Monday, like the campaign's weekly limits.
 */

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function fromUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** `YYYY-MM` of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function addMonths(month: string, months: number): string {
  const [year = 0, monthIndex = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, monthIndex - 1 + months, 1));
  return date.toISOString().slice(0, 7);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(toUtc(day)).getUTCDay() + 6) % 7;
}

/** The weeks (Monday to Sunday) covering a month; days outside it are null. */
export function monthWeeks(month: string): (string | null)[][] {
  const first = `${month}-01`;
  let cursor = addDays(first, -weekdayIndex(first));
  const weeks: (string | null)[][] = [];
  do {
    const week: (string | null)[] = [];
    for (let index = 0; index < 7; index += 1) {
      week.push(monthOf(cursor) === month ? cursor : null);
      cursor = addDays(cursor, 1);
    }
    weeks.push(week);
  } while (monthOf(cursor) === month);
  return weeks;
}

/** Clamps a day into a month (same day number where it exists, else the month's last day). */
export function dayInMonth(month: string, dayNumber: number): string {
  const last = Number(addDays(`${addMonths(month, 1)}-01`, -1).slice(8, 10));
  return `${month}-${String(Math.min(dayNumber, last)).padStart(2, '0')}`;
}

const monthTitle = new Intl.DateTimeFormat(undefined, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "March 2026". */
export function formatMonth(month: string): string {
  return monthTitle.format(new Date(toUtc(`${month}-01`)));
}

/** "Thursday, 12 March 2026" (in the artist's locale). */
export function formatLongDay(day: string): string {
  return longDay.format(new Date(toUtc(day)));
}
