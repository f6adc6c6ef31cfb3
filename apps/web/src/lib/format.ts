/**
 * Formatting shared by every page: calendar days, instants, countdowns and numbers.
 * Real-world events (filing, removal, deadlines) are calendar days `YYYY-MM-DD`; they are
 * shown as written in the artist's locale, never shifted by a time zone.
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const instantFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const numberFormat = new Intl.NumberFormat();

/** Today in the artist's own calendar, as `YYYY-MM-DD` (what date inputs default to). */
export function todayIso(now: Date = new Date()): string {
  const year = now.getFullYear();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

function dayToUtc(day: string): number | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** Whole days from today (the artist's calendar) to `day`; negative when `day` is past. */
export function daysFromToday(day: string, now: Date = new Date()): number {
  const target = dayToUtc(day);
  const today = dayToUtc(todayIso(now));
  if (target === null || today === null) return 0;
  return Math.round((target - today) / DAY_MS);
}

/** "12 Mar 2025" for a calendar day, or for an ISO instant in local time with `withTime`. */
export function formatDate(
  value: string | null | undefined,
  options?: { short?: boolean },
): string {
  if (!value) return '—';
  const utc = dayToUtc(value.slice(0, 10));
  if (value.length === 10 && utc !== null) {
    return (options?.short ? shortDayFormat : dayFormat).format(new Date(utc));
  }
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : dayFormat.format(instant);
}

/** "12 Mar 2025, 14:05" for an ISO instant, in the artist's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : instantFormat.format(instant);
}

/**
 * A countdown for a deadline `days` away: "today", "tomorrow", "in 2 days",
 * "yesterday" / "3 days overdue" (for deadlines) or "3 days ago" (for past events).
 */
export function formatCountdown(days: number, kind: 'deadline' | 'event' = 'deadline'): string {
  if (days === 0) return kind === 'deadline' ? 'due today' : 'today';
  if (days === 1) return kind === 'deadline' ? 'due tomorrow' : 'tomorrow';
  if (days > 1) return `in ${formatNumber(days)} days`;
  const past = -days;
  if (kind === 'deadline')
    return past === 1 ? '1 day overdue' : `${formatNumber(past)} days overdue`;
  return past === 1 ? 'yesterday' : `${formatNumber(past)} days ago`;
}

/** How urgent a deadline is, for colouring its countdown. */
export function deadlineTone(days: number): 'overdue' | 'soon' | 'later' {
  if (days < 0) return 'overdue';
  // Counter-notice answers are due within about 3 business days: that is already soon.
  if (days <= 3) return 'soon';
  return 'later';
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "1 listing" / "3 listings". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/** "4.2 MB" for a byte count. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
