import { describe, expect, it } from 'vitest';

import type { ComplaintEvent } from './complaint-event';
import { establishedOn, explanationOf, noonOf, pendingSince } from './complaint-event.factory';
import { getDefaultRuleset } from './default-rulesets';
import { estimateStanding } from './estimate-standing';

const alibaba = getDefaultRuleset('alibaba');

function seriousOn(day: string, overrides: Partial<ComplaintEvent> = {}): ComplaintEvent {
  return establishedOn(day, { severity: 'serious', ...overrides });
}

describe('estimateStanding: serious infringement as strikes', () => {
  it('turns serious complaints into strikes, not points', () => {
    const event = seriousOn('2026-03-04');
    const estimate = estimateStanding([event], alibaba, noonOf('2026-03-10'));
    expect(estimate.strikes).toBe(1);
    expect(estimate.confirmedPoints).toBe(0);
    expect(explanationOf(estimate, event)).toMatchObject({
      outcome: 'strike',
      points: 0,
      reason:
        'Strike: serious infringement established on 2026-03-04; 3 strikes close the account.',
    });
  });

  it('merges serious complaints within 3 days into one strike', () => {
    const first = seriousOn('2026-03-04');
    const sameDay = seriousOn('2026-03-04');
    const twoDaysLater = seriousOn('2026-03-06');
    const threeDaysLater = seriousOn('2026-03-07');
    const estimate = estimateStanding(
      [first, sameDay, twoDaysLater, threeDaysLater],
      alibaba,
      noonOf('2026-03-10'),
    );
    expect(estimate.strikes).toBe(2);
    expect(explanationOf(estimate, twoDaysLater)).toMatchObject({
      outcome: 'strike_merged',
      reason: `Merged into the strike of 2026-03-04 (complaint ${first.complaintId}): serious complaints within 3 days are one strike.`,
    });
    expect(explanationOf(estimate, threeDaysLater).outcome).toBe('strike');
    expect(estimate.timeline.map((day) => day.strikesAdded)).toEqual([1, 0, 1]);
  });

  it('closes the account at 3 strikes, whatever the points', () => {
    const events = [seriousOn('2026-01-01'), seriousOn('2026-02-01'), seriousOn('2026-03-01')];
    const estimate = estimateStanding(events, alibaba, noonOf('2026-03-02'));
    expect(estimate.strikes).toBe(3);
    expect(estimate.isTerminated).toBe(true);
    expect(estimate.terminationReachedOn).toBe('2026-03-01');
    expect(estimate.remainingPoints).toBe(0);
    expect(estimate.complaintsNeeded).toBe(0);
    expect(estimate.tier).toBeNull();
  });

  it('lets strikes expire after 365 days, like points', () => {
    const old = seriousOn('2025-01-01');
    const estimate = estimateStanding(
      [old, seriousOn('2025-06-01'), seriousOn('2025-09-01')],
      alibaba,
      noonOf('2026-01-01'),
    );
    expect(estimate.strikes).toBe(2);
    expect(estimate.isTerminated).toBe(false);
    expect(estimate.terminationReachedOn).toBe('2025-09-01');
    expect(estimate.nextChangeAt).toBe('2026-06-01T00:00:00.000Z');
    expect(explanationOf(estimate, old)).toMatchObject({
      outcome: 'expired',
      reason:
        'Expired on 2026-01-01: penalties count for 365 days and the strike dated from 2025-01-01.',
    });
  });

  it('shows pending serious complaints as pending strikes', () => {
    const counted = seriousOn('2026-03-04');
    const nearby = pendingSince('2026-03-03', 'counter_notice', { severity: 'serious' });
    const estimate = estimateStanding([counted, nearby], alibaba, noonOf('2026-03-05'));
    expect(estimate.strikes).toBe(1);
    expect(estimate.pendingStrikes).toBe(0);
    expect(explanationOf(estimate, nearby).reason).toBe(
      'Pending (counter notice): would add no strike if established today (2026-03-05): it would merge into the strike of 2026-03-04.',
    );
    expect(estimate.nextChangeAt).toBe('2026-03-07T00:00:00.000Z');

    const later = estimateStanding([counted, nearby], alibaba, noonOf('2026-03-07'));
    expect(later.pendingStrikes).toBe(1);
    expect(explanationOf(later, nearby).reason).toBe(
      'Pending (counter notice): would add a strike if established today (2026-03-07).',
    );
  });
});
