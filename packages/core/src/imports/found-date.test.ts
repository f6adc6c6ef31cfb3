import { describe, expect, it } from 'vitest';
import { DateOrderTally, dateOrderEvidence, parseFoundDate } from './found-date';

describe('parseFoundDate', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.03.05', '2026-03-05'],
    ['2026-03-05 14:22', '2026-03-05'],
    ['2026-03-05T14:22:00Z', '2026-03-05'],
    [' 2026-03-05 ', '2026-03-05'],
    ['13/03/2026', '2026-03-13'],
    ['03/13/2026', '2026-03-13'],
    ['05/05/2026', '2026-05-05'],
    ['05.03.2026', '2026-03-05'],
    ['13-03-2026', '2026-03-13'],
    ['5 Mar 2026', '2026-03-05'],
    ['05-Mar-2026', '2026-03-05'],
    ['5th March 2026', '2026-03-05'],
    ['March 5, 2026', '2026-03-05'],
    ['Sept 30 2026', '2026-09-30'],
    ['3/13/2026 2:15 PM', '2026-03-13'],
  ])('reads %j as %s whatever the order', (input, expected) => {
    expect(parseFoundDate(input, null)).toEqual({ ok: true, date: expected });
  });

  it('reads day/month numbers that could be either in the file order, and refuses them without one', () => {
    expect(parseFoundDate('03/04/2026', 'day_first')).toEqual({ ok: true, date: '2026-04-03' });
    expect(parseFoundDate('03/04/2026', 'month_first')).toEqual({ ok: true, date: '2026-03-04' });
    expect(parseFoundDate('03/04/2026', null)).toEqual({
      ok: false,
      code: 'ambiguous_date',
      message:
        '"03/04/2026" could be the 3rd of April or the 4th of March, and the file\'s other dates do not tell which. Write dates as YYYY-MM-DD, e.g. 2026-03-05.',
    });
  });

  it('reads an unambiguous date correctly even when the file order says otherwise', () => {
    expect(parseFoundDate('13/03/2026', 'month_first')).toEqual({ ok: true, date: '2026-03-13' });
  });

  it.each([
    ['yesterday', 'invalid_date'],
    ['2026-02-30', 'invalid_date'],
    ['2026-13-01', 'invalid_date'],
    ['31/31/2026', 'invalid_date'],
    ['05/03/26', 'invalid_date'],
    ['45234', 'invalid_date'],
    ['Foo 5, 2026', 'invalid_date'],
  ])('refuses %j', (input, code) => {
    expect(parseFoundDate(input, 'day_first')).toMatchObject({ ok: false, code });
  });

  it('asks for a four-digit year', () => {
    expect(parseFoundDate('05/03/26', null)).toMatchObject({
      message: expect.stringContaining('two-digit year'),
    });
  });
});

describe('date order of a file', () => {
  it('takes the order its unambiguous dates show', () => {
    expect(dateOrderEvidence('13/03/2026')).toBe('day_first');
    expect(dateOrderEvidence('03/13/2026')).toBe('month_first');
    expect(dateOrderEvidence('03/04/2026')).toBeNull();
    expect(dateOrderEvidence('13.03.2026')).toBeNull();
    expect(dateOrderEvidence('2026-03-13')).toBeNull();
    const tally = new DateOrderTally();
    expect(tally.order).toBeNull();
    tally.observe('03/04/2026');
    tally.observe('25/12/2025');
    expect(tally.order).toBe('day_first');
  });

  it('has no order when its dates disagree', () => {
    const tally = new DateOrderTally();
    tally.observe('25/12/2025');
    tally.observe('12/25/2025');
    expect(tally.order).toBeNull();
  });
});

describe('calendar checks', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-00-10', false],
    ['2026-01-00', false],
  ])('%s exists: %s', (input, exists) => {
    expect(parseFoundDate(input, null).ok).toBe(exists);
  });
});
