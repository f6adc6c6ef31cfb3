import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { dayNumber, fromDayNumber } from '../dates';
import {
  dayFromCivil,
  formatDay,
  formatDayStart,
  parseDay,
  startOfYear,
  yearOfDay,
} from './day-numbers';

describe('day numbers', () => {
  it('agree with the shared date helpers in both directions', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (day) => {
        const iso = fromDayNumber(day);
        expect(formatDay(day)).toBe(iso);
        expect(parseDay(iso)).toBe(dayNumber(iso));
      }),
      { numRuns: 2000 },
    );
  });

  it('handle leap days, month ends and the epoch', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('2024-02-29')).toBe(dayNumber('2024-02-29'));
    expect(parseDay('2000-02-29')).toBe(dayNumber('2000-02-29'));
    expect(formatDay(parseDay('2026-12-31') + 1)).toBe('2027-01-01');
  });

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-01',
    '2026/01/01',
    'abcd-ef-gh',
    '2026-01-0x',
    '',
    '2026-01-01T00:00:00Z',
  ])('reject %j', (value) => {
    expect(parseDay(value)).toBeNaN();
  });

  it('find the year of a day and the start of a year', () => {
    expect(yearOfDay(parseDay('2025-12-31'))).toBe(2025);
    expect(yearOfDay(parseDay('2026-01-01'))).toBe(2026);
    expect(startOfYear(2026)).toBe(parseDay('2026-01-01'));
    expect(dayFromCivil(2026, 3, 4)).toBe(parseDay('2026-03-04'));
  });

  it('write the start of a day as a UTC instant', () => {
    expect(formatDayStart(parseDay('2026-03-04'))).toBe('2026-03-04T00:00:00.000Z');
  });
});
