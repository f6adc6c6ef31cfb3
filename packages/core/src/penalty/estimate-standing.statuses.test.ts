import { describe, expect, it } from 'vitest';

import type { ComplaintStatus } from '../domain';
import {
  buildEvent,
  establishedOn,
  explanationOf,
  noonOf,
  pendingSince,
  sumExplainedPoints,
} from './complaint-event.factory';
import { getDefaultRuleset } from './default-rulesets';
import { estimateStanding } from './estimate-standing';

const alibaba = getDefaultRuleset('alibaba');

describe('estimateStanding: statuses that give nothing', () => {
  it.each<[ComplaintStatus, string]>([
    ['draft', 'Draft: not filed on IPP, so it has no effect.'],
    [
      'unable_to_process',
      'Unable to process: IPP took no action on this listing (often because the seller removed it first), so it adds no points.',
    ],
    [
      'restored',
      'Restored: the listing was put back after a counter-notice, so the complaint was not established and adds no points.',
    ],
    ['withdrawn', 'Withdrawn: the complaint was withdrawn, so it adds no points.'],
  ])('%s gives nothing and says why', (status, reason) => {
    const event = buildEvent({
      status,
      filedOn: status === 'draft' ? null : '2026-03-01',
      // A restored listing was removed once; the date must not make it count.
      establishedOn: status === 'restored' ? '2026-03-03' : null,
    });
    const estimate = estimateStanding([event], alibaba, noonOf('2026-03-10'));
    expect(estimate.confirmedPoints).toBe(0);
    expect(estimate.pendingPoints).toBe(0);
    expect(estimate.counts.establishedComplaints).toBe(0);
    expect(explanationOf(estimate, event)).toEqual({
      eventId: event.id,
      complaintId: event.complaintId,
      status,
      date: status === 'draft' ? null : '2026-03-01',
      points: 0,
      outcome: 'no_effect',
      reason,
    });
  });

  it('cannot count a removal without a date', () => {
    const event = buildEvent({ status: 'removed', establishedOn: null });
    const estimate = estimateStanding([event], alibaba, noonOf('2026-03-10'));
    expect(estimate.confirmedPoints).toBe(0);
    expect(explanationOf(estimate, event).outcome).toBe('no_effect');
    expect(explanationOf(estimate, event).reason).toMatch(/no valid removal date/);
  });
});

describe('estimateStanding: pending complaints', () => {
  it('shows pending points apart from confirmed ones, after the same cap', () => {
    const events = [
      establishedOn('2026-03-01'),
      pendingSince('2026-03-02', 'submitted'),
      pendingSince('2026-03-03', 'information_requested'),
      pendingSince('2026-03-03', 'responded'),
    ];
    const estimate = estimateStanding(events, alibaba, noonOf('2026-03-05'));
    expect(estimate.confirmedPoints).toBe(6);
    expect(estimate.pendingPoints).toBe(6);
    expect(sumExplainedPoints(estimate, 'counted')).toBe(6);
    expect(sumExplainedPoints(estimate, 'pending')).toBe(6);
    expect(estimate.explanation[1]?.reason).toBe(
      'Pending (submitted): would add 6 points if established today (2026-03-05).',
    );
    expect(estimate.remainingPoints).toBe(42);
    expect(estimate.counts.establishedComplaints).toBe(1);
  });

  it('adds nothing pending on a day whose cap confirmed complaints already used', () => {
    const events = [establishedOn('2026-03-05'), pendingSince('2026-03-01', 'counter_notice')];
    const estimate = estimateStanding(events, alibaba, noonOf('2026-03-05'));
    expect(estimate.pendingPoints).toBe(0);
    expect(estimate.explanation[0]?.reason).toBe(
      'Pending (counter notice): would add nothing if established today (2026-03-05): the daily limit of 6 points would already be reached that day.',
    );
    expect(estimate.nextChangeAt).toBe('2026-03-06T00:00:00.000Z');
  });

  it('treats a removal dated after asOf as pending until that day', () => {
    const early = establishedOn('2026-03-06');
    const estimate = estimateStanding([early], alibaba, noonOf('2026-03-05'));
    expect(estimate.confirmedPoints).toBe(0);
    expect(estimate.pendingPoints).toBe(6);
    expect(explanationOf(estimate, early).reason).toBe(
      'Pending (removed): would add 6 points once its removal on 2026-03-06 counts.',
    );
    expect(estimate.nextChangeAt).toBe('2026-03-06T00:00:00.000Z');
  });
});

describe('estimateStanding: output', () => {
  it('is plain JSON, marked as an estimate with its ruleset and day', () => {
    const events = [
      establishedOn('2026-03-01'),
      pendingSince('2026-03-02'),
      buildEvent({ status: 'draft' }),
    ];
    const estimate = estimateStanding(events, alibaba, new Date('2026-03-05T23:59:59.999Z'));
    expect(JSON.parse(JSON.stringify(estimate))).toEqual(estimate);
    expect(estimate.isEstimate).toBe(true);
    expect(estimate.rulesetId).toBe('alibaba-2022-02-24@1');
    expect(estimate.asOf).toBe('2026-03-05');
  });

  it('lists the explanation by date, then id, with undated events last', () => {
    const events = [
      buildEvent({ id: 'b', status: 'draft', filedOn: null, establishedOn: null }),
      establishedOn('2026-03-02', { id: 'z' }),
      establishedOn('2026-03-02', { id: 'a' }),
      pendingSince('2026-03-01', 'submitted', { id: 'y' }),
    ];
    const estimate = estimateStanding(events, alibaba, noonOf('2026-03-05'));
    expect(estimate.explanation.map((entry) => entry.eventId)).toEqual(['y', 'a', 'z', 'b']);
  });

  it('counts distinct rights holders among established complaints', () => {
    const events = [
      establishedOn('2026-03-01', { artistId: 'artist-1' }),
      establishedOn('2026-03-02', { artistId: 'artist-1' }),
      establishedOn('2026-03-03', { artistId: 'artist-2' }),
      pendingSince('2026-03-03', 'submitted', { artistId: 'artist-3' }),
    ];
    const { counts } = estimateStanding(events, alibaba, noonOf('2026-03-05'));
    expect(counts).toMatchObject({
      establishedComplaints: 3,
      distinctArtists: 2,
      firstEstablishedOn: '2026-03-01',
      lastEstablishedOn: '2026-03-03',
    });
  });
});
