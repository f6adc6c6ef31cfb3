import type { IsoDate } from '../domain';

/**
 * Which number comes first in a date like 03/04/2026: the day (most of the world) or the
 * month (the United States). Decided per file, from its unambiguous dates.
 */
export type DateOrder = 'day_first' | 'month_first';

export type FoundDateResult =
  | { ok: true; date: IsoDate }
  | { ok: false; code: 'invalid_date' | 'ambiguous_date'; message: string };

const MONTHS = new Map<string, number>(
  [
    ['jan', 'january'],
    ['feb', 'february'],
    ['mar', 'march'],
    ['apr', 'april'],
    ['may', 'may'],
    ['jun', 'june'],
    ['jul', 'july'],
    ['aug', 'august'],
    ['sep', 'september'],
    ['oct', 'october'],
    ['nov', 'november'],
    ['dec', 'december'],
  ].flatMap(([short, long], index) => [
    [short as string, index + 1],
    [long as string, index + 1],
    ...(short === 'sep' ? [['sept', index + 1] as [string, number]] : []),
  ]),
);

// A time of day after the date is allowed and ignored ("2026-03-05 14:22", "2026-03-05T14:22Z").
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const NUMBERS_FIRST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})${TIME}$`);
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[- ]([A-Za-z]{3,9})\.?,?[- ](\d{2}|\d{4})${TIME}$`,
);
const MONTH_NAME_DAY = new RegExp(
  String.raw`^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{2}|\d{4})${TIME}$`,
);

const WRITE_ISO = 'Write dates as YYYY-MM-DD, e.g. 2026-03-05.';

/** The value as quoted in a message: cut, so that a pasted paragraph does not fill the report. */
export function quoteValue(value: string): string {
  return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
}

function invalid(raw: string, why = ''): FoundDateResult {
  return {
    ok: false,
    code: 'invalid_date',
    message: `${quoteValue(raw)} is not a date${why}. ${WRITE_ISO}`,
  };
}

function build(raw: string, year: string, month: number, day: number): FoundDateResult {
  if (year.length === 2) {
    return {
      ok: false,
      code: 'invalid_date',
      message: `${quoteValue(raw)} has a two-digit year. ${WRITE_ISO}`,
    };
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(year), month)) {
    return invalid(raw, ' that exists in the calendar');
  }
  return {
    ok: true,
    date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}

// Checked with arithmetic rather than a Date: this runs for every row of an import.
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * What an unambiguous day-and-month-number date says about the file's order: `13/04/2026`
 * is day first, `04/13/2026` month first; `03/04/2026` and dotted dates (always day first)
 * say nothing.
 */
export function dateOrderEvidence(raw: string): DateOrder | null {
  const match = NUMBERS_FIRST.exec(raw.trim());
  if (!match || match[2] === '.') return null;
  const first = Number(match[1]);
  const second = Number(match[3]);
  if (first > 12 && second <= 12) return 'day_first';
  if (second > 12 && first <= 12) return 'month_first';
  return null;
}

/**
 * Collects the evidence of a file's dates. A file whose dates disagree (some certainly day
 * first, others certainly month first) has no order: its ambiguous dates are refused.
 */
export class DateOrderTally {
  private dayFirst = 0;
  private monthFirst = 0;

  observe(raw: string): void {
    const evidence = dateOrderEvidence(raw);
    if (evidence === 'day_first') this.dayFirst += 1;
    else if (evidence === 'month_first') this.monthFirst += 1;
  }

  get order(): DateOrder | null {
    if (this.dayFirst > 0 && this.monthFirst === 0) return 'day_first';
    if (this.monthFirst > 0 && this.dayFirst === 0) return 'month_first';
    return null;
  }
}

/**
 * Reads the date a listing was found, as spreadsheets write it:
 * - `2026-03-05`, `2026/03/05`, `2026.03.05` (year first: never ambiguous);
 * - `5 Mar 2026`, `05-Mar-2026`, `March 5, 2026` (month by its English name);
 * - `13/03/2026` or `03/13/2026`: day and month numbers, read in the order that is the only
 *   possible one; when both are 12 or less (`03/04/2026`) in the file's `order`, and refused
 *   as ambiguous when the file has none; dotted dates (`05.03.2026`) are day first;
 * - a time after the date is ignored. Two-digit years are refused.
 *
 * Does not check the range (future dates): the caller knows today.
 */
export function parseFoundDate(input: string, order: DateOrder | null): FoundDateResult {
  const raw = input.trim();
  let match = YEAR_FIRST.exec(raw);
  if (match) return build(raw, match[1] as string, Number(match[3]), Number(match[4]));

  match = NUMBERS_FIRST.exec(raw);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const year = match[4] as string;
    if (year.length === 2) return build(raw, year, 1, 1);
    if (match[2] === '.' || first > 12 || first === second) return build(raw, year, second, first);
    if (second > 12) return build(raw, year, first, second);
    if (order === 'day_first') return build(raw, year, second, first);
    if (order === 'month_first') return build(raw, year, first, second);
    return {
      ok: false,
      code: 'ambiguous_date',
      message: `${quoteValue(raw)} could be the ${ordinal(first)} of ${monthName(second)} or the ${ordinal(second)} of ${monthName(first)}, and the file's other dates do not tell which. ${WRITE_ISO}`,
    };
  }

  match = DAY_MONTH_NAME.exec(raw);
  if (match) {
    const month = MONTHS.get((match[2] as string).toLowerCase());
    if (month) return build(raw, match[3] as string, month, Number(match[1]));
  }
  match = MONTH_NAME_DAY.exec(raw);
  if (match) {
    const month = MONTHS.get((match[1] as string).toLowerCase());
    if (month) return build(raw, match[3] as string, month, Number(match[2]));
  }
  return invalid(raw);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthName = (month: number) => MONTH_NAMES[month - 1] ?? String(month);
function ordinal(day: number): string {
  const suffix =
    day % 10 === 1 && day !== 11
      ? 'st'
      : day % 10 === 2 && day !== 12
        ? 'nd'
        : day % 10 === 3 && day !== 13
          ? 'rd'
          : 'th';
  return `${day}${suffix}`;
}
