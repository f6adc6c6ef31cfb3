import { describe, expect, it } from 'vitest';

import { addDays } from '../dates';
import {
  establishedOn,
  establishedOnDays,
  explanationOf,
  noonOf,
  sumExplainedPoints,
} from './complaint-event.factory';
import { getDefaultRuleset } from './default-rulesets';
import { estimateStanding } from './estimate-standing';

const alibaba = getDefaultRuleset('alibaba');

describe('estimateStanding on Alibaba.com: the daily cap', () => {
  it('gives 6 points, not 60, for 10 complaints established the same day', () => {
    const events = Array.from({ length: 10 }, () => establishedOn('2026-03-04'));
    const estimate = estimateStanding(events, alibaba, noonOf('2026-03-10'));

    expect(estimate.confirmedPoints).toBe(6);
    expect(estimate.explanation.map((entry) => entry.outcome)).toEqual([
      'counted',
      ...Array<string>(9).fill('capped'),
    ]);
    expect(estimate.explanation[1]?.reason).toBe(
      'Capped: 6 points already counted for this seller on 2026-03-04 (daily limit 6).',
    );
    expect(estimate.counts).toEqual({
      establishedComplaints: 10,
      establishedListings: 10,
      distinctArtists: 10,
      firstEstablishedOn: '2026-03-04',
      lastEstablishedOn: '2026-03-04',
    });
  });

  it('counts one complaint with 20 listings removed the same day once', () => {
    const events = Array.from({ length: 20 }, () =>
      establishedOn('2026-03-04', { complaintId: 'complaint-big', artistId: 'artist-1' }),
    );
    const estimate = estimateStanding(events, alibaba, noonOf('2026-03-04'));

    expect(estimate.confirmedPoints).toBe(6);
    const [first, second] = estimate.explanation;
    expect(first?.outcome).toBe('counted');
    expect(second?.outcome).toBe('merged');
    expect(second?.reason).toBe(
      `Merged with listing ${first?.eventId} of the same complaint, established the same day: a complaint counts once a day.`,
    );
    expect(estimate.counts.establishedComplaints).toBe(1);
    expect(estimate.counts.establishedListings).toBe(20);
  });

  it('counts listings of one complaint removed on different days on each day', () => {
    const events = [
      establishedOn('2026-03-04', { complaintId: 'complaint-big' }),
      establishedOn('2026-03-06', { complaintId: 'complaint-big' }),
    ];
    expect(estimateStanding(events, alibaba, noonOf('2026-03-06')).confirmedPoints).toBe(12);
  });

  it('reaches 48 points and termination with complaints on 8 distinct days within a year', () => {
    const events = establishedOnDays('2026-01-10', 8, 40);
    const estimate = estimateStanding(events, alibaba, noonOf('2026-12-31'));

    expect(estimate.confirmedPoints).toBe(48);
    expect(estimate.isTerminated).toBe(true);
    expect(estimate.terminationReachedOn).toBe(addDays('2026-01-10', 7 * 40));
    expect(estimate.tier?.label).toBe('Terminated');
    expect(estimate.nextTier).toBeNull();
    expect(estimate.remainingPoints).toBe(0);
    expect(estimate.complaintsNeeded).toBe(0);
    expect(estimate.distinctDaysNeeded).toBe(0);
    expect(estimate.timeline.map((day) => day.runningTotal)).toEqual([
      6, 12, 18, 24, 30, 36, 42, 48,
    ]);
  });

  it('does not terminate when the 8 days spread over more than a year', () => {
    const events = establishedOnDays('2025-01-10', 8, 60);
    const estimate = estimateStanding(events, alibaba, noonOf(addDays('2025-01-10', 7 * 60)));
    // The first day has dropped out by the eighth: 7 days of 6 points still count.
    expect(estimate.confirmedPoints).toBe(42);
    expect(estimate.isTerminated).toBe(false);
    expect(estimate.terminationReachedOn).toBeNull();
  });

  it('dates points from establishment, not from filing', () => {
    const event = establishedOn('2025-06-01', { filedOn: '2024-12-01' });
    const estimate = estimateStanding([event], alibaba, noonOf('2026-01-15'));
    expect(estimate.confirmedPoints).toBe(6);
    expect(explanationOf(estimate, event).date).toBe('2025-06-01');
  });
});

describe('estimateStanding on Alibaba.com: expiry after 365 days', () => {
  const old = establishedOn('2025-03-01');
  const recent = establishedOn('2025-09-01');

  it('counts points up to the day before their 365th anniversary', () => {
    const estimate = estimateStanding([old, recent], alibaba, noonOf('2026-02-28'));
    expect(estimate.confirmedPoints).toBe(12);
    expect(estimate.pointsStartExpiringOn).toBe('2026-03-01');
    expect(estimate.nextChangeAt).toBe('2026-03-01T00:00:00.000Z');
    expect(estimate.timeline.map((day) => day.expiresOn)).toEqual(['2026-03-01', '2026-09-01']);
  });

  it('drops points on their 365th anniversary and explains it', () => {
    const estimate = estimateStanding([old, recent], alibaba, noonOf('2026-03-01'));
    expect(estimate.confirmedPoints).toBe(6);
    expect(estimate.pointsStartExpiringOn).toBe('2026-09-01');
    // 42 points to go take 7 days; from 2026-08-26 that plan runs into the expiry on 09-01.
    expect(estimate.distinctDaysNeeded).toBe(7);
    expect(estimate.nextChangeAt).toBe('2026-08-26T00:00:00.000Z');
    expect(estimateStanding([old, recent], alibaba, noonOf('2026-08-26')).distinctDaysNeeded).toBe(
      8,
    );
    expect(explanationOf(estimate, old)).toMatchObject({
      outcome: 'expired',
      points: 0,
      reason:
        'Expired on 2026-03-01: penalties count for 365 days and the 6 points dated from 2025-03-01.',
    });
    expect(sumExplainedPoints(estimate, 'counted')).toBe(6);
  });

  it('has nothing left to expire once every point has expired', () => {
    const estimate = estimateStanding([old, recent], alibaba, noonOf('2027-01-01'));
    expect(estimate.confirmedPoints).toBe(0);
    expect(estimate.pointsStartExpiringOn).toBeNull();
    expect(estimate.nextChangeAt).toBeNull();
    expect(estimate.counts.establishedComplaints).toBe(2);
  });

  it('keeps the running total of the timeline within the window', () => {
    const events = [
      establishedOn('2025-01-01'),
      establishedOn('2025-06-01'),
      establishedOn('2026-01-01'),
    ];
    const estimate = estimateStanding(events, alibaba, noonOf('2026-01-02'));
    expect(estimate.timeline.map((day) => day.runningTotal)).toEqual([6, 12, 12]);
  });
});
