import { describe, expect, it } from 'vitest';

import { addDays } from '../dates';
import { establishedOn, establishedOnDays, noonOf } from './complaint-event.factory';
import { getDefaultRuleset } from './default-rulesets';
import { estimateStanding } from './estimate-standing';
import type { Ruleset } from './ruleset.schema';

const alibaba = getDefaultRuleset('alibaba');

/** Alibaba.com's ladder with 1 point per complaint and no cap, to land on every boundary. */
const onePointEach: Ruleset = {
  ...alibaba,
  id: 'alibaba-one-point@test',
  points: { ...alibaba.points, general: { copyright: 1, trademark: 1, patent: 1 } },
  dailyCap: null,
};

describe('estimateStanding: the ladder', () => {
  it.each([
    [0, null, 'Severe warning'],
    [5, null, 'Severe warning'],
    [6, 'Severe warning', 'Restricted 7 days'],
    [11, 'Severe warning', 'Restricted 7 days'],
    [12, 'Restricted 7 days', 'Restricted 14 days'],
    [23, 'Restricted 7 days', 'Restricted 14 days'],
    [24, 'Restricted 14 days', 'Restricted 21 days'],
    [35, 'Restricted 14 days', 'Restricted 21 days'],
    [36, 'Restricted 21 days', 'Terminated'],
    [47, 'Restricted 21 days', 'Terminated'],
    [48, 'Terminated', null],
    [50, 'Terminated', null],
  ])('at %i points: tier %s, next %s', (points, tier, nextTier) => {
    const events = Array.from({ length: points }, () => establishedOn('2026-03-04'));
    const estimate = estimateStanding(events, onePointEach, noonOf('2026-03-05'));
    expect(estimate.confirmedPoints).toBe(points);
    expect(estimate.tier?.label ?? null).toBe(tier);
    expect(estimate.nextTier?.label ?? null).toBe(nextTier);
    expect(estimate.isTerminated).toBe(points >= 48);
    expect(estimate.remainingPoints).toBe(Math.max(0, 48 - points));
  });

  it('gives the consequence of the tier reached', () => {
    const estimate = estimateStanding(
      establishedOnDays('2026-01-01', 6),
      alibaba,
      noonOf('2026-02-01'),
    );
    expect(estimate.tier).toEqual({
      points: 36,
      label: 'Restricted 21 days',
      consequence: 'The seller account is restricted for 21 days and all its products are removed.',
    });
  });
});

describe('estimateStanding: complaints and days still needed', () => {
  it('needs 8 complaints on 8 distinct days from nothing', () => {
    const estimate = estimateStanding([], alibaba, noonOf('2026-03-04'));
    expect(estimate).toMatchObject({
      confirmedPoints: 0,
      remainingPoints: 48,
      complaintsNeeded: 8,
      distinctDaysNeeded: 8,
      nextChangeAt: null,
    });
  });

  it('needs 2 more after 36 points that do not expire soon', () => {
    const estimate = estimateStanding(
      establishedOnDays('2026-01-01', 6),
      alibaba,
      noonOf('2026-02-01'),
    );
    expect(estimate.complaintsNeeded).toBe(2);
    expect(estimate.distinctDaysNeeded).toBe(2);
  });

  it('needs more when counted points expire before the threshold can be reached', () => {
    const events = establishedOnDays('2025-03-05', 6, 30);
    // 2026-03-04: 36 points; the oldest 6 expire tomorrow, so 2 more days are not enough.
    const estimate = estimateStanding(events, alibaba, noonOf('2026-03-04'));
    expect(estimate.confirmedPoints).toBe(36);
    expect(estimate.pointsStartExpiringOn).toBe('2026-03-05');
    expect(estimate.complaintsNeeded).toBe(3);
    expect(estimate.distinctDaysNeeded).toBe(3);
    expect(estimate.nextChangeAt).toBe('2026-03-05T00:00:00.000Z');
  });

  it('does not count today when its cap is already used up', () => {
    const estimate = estimateStanding([establishedOn('2026-03-04')], alibaba, noonOf('2026-03-04'));
    expect(estimate.remainingPoints).toBe(42);
    expect(estimate.complaintsNeeded).toBe(7);
    expect(estimate.distinctDaysNeeded).toBe(7);
    expect(estimate.nextChangeAt).toBe('2026-03-05T00:00:00.000Z');
  });

  it('needs three complaints a day when each is worth a third of the cap', () => {
    const twoPoints: Ruleset = {
      ...alibaba,
      id: 'two-points@test',
      points: { ...alibaba.points, general: { copyright: 2, trademark: 2, patent: 2 } },
    };
    const estimate = estimateStanding([], twoPoints, noonOf('2026-03-04'));
    expect(estimate.complaintsNeeded).toBe(24);
    expect(estimate.distinctDaysNeeded).toBe(8);
  });

  it('needs a single day without a cap (Taobao), given enough rights holders', () => {
    const estimate = estimateStanding([], getDefaultRuleset('taobao'), noonOf('2026-03-04'));
    expect(estimate.complaintsNeeded).toBe(24);
    expect(estimate.distinctDaysNeeded).toBe(1);
  });

  it('cannot reach termination when the cap and window forbid it', () => {
    const slow: Ruleset = { ...alibaba, id: 'slow@test', expiry: { kind: 'rolling', days: 7 } };
    const estimate = estimateStanding([], slow, noonOf('2026-03-04'));
    expect(estimate.complaintsNeeded).toBeNull();
    expect(estimate.distinctDaysNeeded).toBeNull();
  });

  it('plans across a yearly reset on a capped calendar-year ruleset', () => {
    const capped: Ruleset = {
      ...getDefaultRuleset('taobao'),
      id: 'capped-taobao@test',
      dailyCap: 6,
    };
    // Three complaints a day (2 points each, cap 6) from 2026-12-30: the reset on 2027-01-01
    // wipes the first two days, so eight full days are needed from then on.
    const estimate = estimateStanding([], capped, noonOf('2026-12-30'));
    expect(estimate.distinctDaysNeeded).toBe(10);
    expect(estimate.complaintsNeeded).toBe(30);
    expect(estimate.nextChangeAt).toBe('2026-12-31T00:00:00.000Z');
    const afterReset = estimateStanding([], capped, noonOf(addDays('2026-12-30', 2)));
    expect(afterReset.distinctDaysNeeded).toBe(8);
  });
});
