import { describe, expect, it } from 'vitest';

import { addDays } from '../dates';
import { establishedOn, explanationOf, noonOf, pendingSince } from './complaint-event.factory';
import { getDefaultRuleset } from './default-rulesets';
import { estimateStanding } from './estimate-standing';

const taobao = getDefaultRuleset('taobao');

describe('estimateStanding on Taobao: 2 points per improper use, same-holder merge', () => {
  it('adds 2 points per complaint with no daily cap', () => {
    const events = Array.from({ length: 10 }, () => establishedOn('2026-03-04'));
    expect(estimateStanding(events, taobao, noonOf('2026-03-05')).confirmedPoints).toBe(20);
  });

  it('counts one rights holder once within 3 days, then again from the 4th day', () => {
    const holder = { artistId: 'artist-holder' };
    const first = establishedOn('2026-03-04', holder);
    const secondDay = establishedOn('2026-03-05', holder);
    const thirdDay = establishedOn('2026-03-06', holder);
    const fourthDay = establishedOn('2026-03-07', holder);
    const estimate = estimateStanding(
      [first, secondDay, thirdDay, fourthDay],
      taobao,
      noonOf('2026-03-10'),
    );

    expect(estimate.confirmedPoints).toBe(4);
    expect(explanationOf(estimate, first).outcome).toBe('counted');
    expect(explanationOf(estimate, thirdDay)).toMatchObject({
      outcome: 'merged',
      points: 0,
      reason: `Merged into complaint ${first.complaintId}: same rights holder against this seller within 3 days (counted from 2026-03-04).`,
    });
    expect(explanationOf(estimate, fourthDay).outcome).toBe('counted');
  });

  it('does not merge complaints of different rights holders', () => {
    const events = [
      establishedOn('2026-03-04', { artistId: 'artist-a' }),
      establishedOn('2026-03-05', { artistId: 'artist-b' }),
      establishedOn('2026-03-05', { artistId: 'artist-c' }),
    ];
    expect(estimateStanding(events, taobao, noonOf('2026-03-06')).confirmedPoints).toBe(6);
  });

  it('counts serious complaints per listing, without merging them', () => {
    const holder = { artistId: 'artist-holder', severity: 'serious' as const };
    const events = [establishedOn('2026-03-04', holder), establishedOn('2026-03-04', holder)];
    const estimate = estimateStanding(events, taobao, noonOf('2026-03-05'));
    expect(estimate.confirmedPoints).toBe(4);
    expect(estimate.strikes).toBe(0);
    expect(estimate.explanation[0]?.reason).toBe(
      'Counted: 2 points for a serious copyright complaint established on 2026-03-04.',
    );
  });

  it('shows a pending complaint of a recently counted holder as adding nothing', () => {
    const counted = establishedOn('2026-03-04', { artistId: 'artist-holder' });
    const waiting = pendingSince('2026-03-04', 'submitted', { artistId: 'artist-holder' });
    const estimate = estimateStanding([counted, waiting], taobao, noonOf('2026-03-05'));
    expect(estimate.pendingPoints).toBe(0);
    expect(explanationOf(estimate, waiting).reason).toBe(
      `Pending (submitted): would add nothing if established today (2026-03-05): same rights holder as complaint ${counted.complaintId} within 3 days.`,
    );
    // The merge window of the counted complaint closes at the start of 2026-03-07.
    expect(estimate.nextChangeAt).toBe('2026-03-07T00:00:00.000Z');
    expect(estimateStanding([counted, waiting], taobao, noonOf('2026-03-07')).pendingPoints).toBe(
      2,
    );
  });
});

describe('estimateStanding on Taobao: the calendar-year reset', () => {
  const tenIn2025 = Array.from({ length: 10 }, (_, index) =>
    establishedOn(addDays('2025-06-01', index)),
  );

  it('counts this year’s points until 31 December', () => {
    const estimate = estimateStanding(tenIn2025, taobao, noonOf('2025-12-31'));
    expect(estimate.confirmedPoints).toBe(20);
    expect(estimate.pointsStartExpiringOn).toBe('2026-01-01');
    expect(estimate.nextChangeAt).toBe('2026-01-01T00:00:00.000Z');
    expect(estimate.timeline.every((day) => day.expiresOn === '2026-01-01')).toBe(true);
  });

  it('resets totals below 48 on 1 January', () => {
    const estimate = estimateStanding(tenIn2025, taobao, noonOf('2026-01-01'));
    expect(estimate.confirmedPoints).toBe(0);
    expect(estimate.pointsStartExpiringOn).toBeNull();
    expect(estimate.explanation[0]).toMatchObject({
      outcome: 'expired',
      reason:
        "Expired on 2026-01-01: the yearly reset cleared the 2 points from 2025-06-01, as the year's total of 20 was below 48.",
    });
  });

  it('keeps totals of 48 or more across the reset', () => {
    const twentyFourIn2025 = Array.from({ length: 24 }, () => establishedOn('2025-11-20'));
    const estimate = estimateStanding(
      [...twentyFourIn2025, establishedOn('2026-02-01')],
      taobao,
      noonOf('2026-03-01'),
    );
    expect(estimate.confirmedPoints).toBe(50);
    expect(estimate.isTerminated).toBe(true);
    expect(estimate.terminationReachedOn).toBe('2025-11-20');
    expect(estimate.pointsStartExpiringOn).toBeNull();
    expect(estimate.timeline).toEqual([
      {
        date: '2025-11-20',
        pointsAdded: 48,
        strikesAdded: 0,
        runningTotal: 48,
        runningStrikes: 0,
        expiresOn: null,
      },
      {
        date: '2026-02-01',
        pointsAdded: 2,
        strikesAdded: 0,
        runningTotal: 50,
        runningStrikes: 0,
        expiresOn: null,
      },
    ]);
  });

  it('starts a fresh year after a reset', () => {
    const estimate = estimateStanding(
      [...tenIn2025, establishedOn('2026-02-01'), establishedOn('2027-01-05')],
      taobao,
      noonOf('2026-06-01'),
    );
    expect(estimate.confirmedPoints).toBe(2);
    expect(estimate.timeline.map((day) => day.runningTotal).slice(-2)).toEqual([20, 2]);
    expect(estimate.pointsStartExpiringOn).toBe('2027-01-01');
    // The removal recorded for 2027 is after asOf: pending, and a change on its date.
    expect(estimate.pendingPoints).toBe(2);
  });
});
