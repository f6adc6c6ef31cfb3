import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../domain';
import { allowedTransitions, applyTransition, checkTransition, defaultComplaintReason, isTerminal, STATUS_LABELS, type ListingState } from './complaint-lifecycle';

const base = { occurredOn: '2026-03-10', previousOn: '2026-03-01', today: '2026-03-20' };
const fresh: ListingState = { status: 'submitted', statusOn: '2026-03-01', establishedOn: null, counterNoticeOn: null, responseDueOn: null };

describe('complaint lifecycle', () => {
  it.each([
    ['draft', 'submitted'],
    ['submitted', 'removed'],
    ['submitted', 'unable_to_process'],
    ['submitted', 'information_requested'],
    ['submitted', 'counter_notice'],
    ['information_requested', 'submitted'],
    ['counter_notice', 'responded'],
    ['counter_notice', 'restored'],
    ['responded', 'removed'],
    ['responded', 'restored'],
    ['removed', 'counter_notice'],
    ['submitted', 'withdrawn'],
  ] as [ComplaintStatus, ComplaintStatus][])('allows %s → %s', (from, to) => {
    expect(checkTransition({ ...base, from, to })).toBeNull();
  });

  it.each([
    ['draft', 'removed'],
    ['submitted', 'draft'],
    ['removed', 'submitted'],
    ['unable_to_process', 'submitted'],
    ['restored', 'removed'],
    ['withdrawn', 'submitted'],
    ['counter_notice', 'removed'],
  ] as [ComplaintStatus, ComplaintStatus][])('refuses %s → %s and names the allowed statuses', (from, to) => {
    const error = checkTransition({ ...base, from, to });
    expect(error?.code).toBe('illegal_transition');
    expect(error && 'allowed' in error ? error.allowed : null).toEqual(allowedTransitions(from));
    expect(error?.message).toContain(`“${STATUS_LABELS[from]}” cannot become “${STATUS_LABELS[to]}”`);
    for (const next of allowedTransitions(from)) expect(error?.message).toContain(`“${STATUS_LABELS[next]}”`);
    if (allowedTransitions(from).length === 0) expect(error?.message).toContain('final');
  });

  it('never allows staying in the same status or going back to draft', () => {
    for (const from of COMPLAINT_STATUSES) {
      expect(allowedTransitions(from)).not.toContain(from);
      expect(allowedTransitions(from)).not.toContain('draft');
    }
  });

  it('knows which statuses are final', () => {
    expect(COMPLAINT_STATUSES.filter(isTerminal)).toEqual(['unable_to_process', 'restored', 'withdrawn']);
  });

  it('refuses dates in the future and dates before the previous change', () => {
    expect(checkTransition({ ...base, from: 'submitted', to: 'removed', occurredOn: '2026-03-21' })?.code).toBe('date_in_future');
    expect(checkTransition({ ...base, from: 'submitted', to: 'removed', occurredOn: '2026-02-28' })?.code).toBe('date_before_previous');
    expect(checkTransition({ ...base, from: 'submitted', to: 'removed', occurredOn: '2026-03-20' })).toBeNull();
  });

  it('establishes a complaint on the removal day', () => {
    expect(applyTransition(fresh, 'removed', '2026-03-05', 3)).toMatchObject({ status: 'removed', establishedOn: '2026-03-05', statusOn: '2026-03-05' });
  });

  it('computes the counter-notice response deadline in business days, skipping weekends', () => {
    // Thursday 2026-03-05 + 3 business days = Tuesday 2026-03-10.
    const countered = applyTransition(fresh, 'counter_notice', '2026-03-05', 3);
    expect(countered).toMatchObject({ counterNoticeOn: '2026-03-05', responseDueOn: '2026-03-10', establishedOn: null });
    expect(applyTransition(fresh, 'counter_notice', '2026-03-05', 5).responseDueOn).toBe('2026-03-12');
  });

  it('un-establishes a listing that is restored, and re-establishes it when removed again', () => {
    const removed = applyTransition(fresh, 'removed', '2026-03-05', 3);
    const countered = applyTransition(removed, 'counter_notice', '2026-03-06', 3);
    expect(countered.establishedOn).toBeNull();
    const responded = applyTransition(countered, 'responded', '2026-03-09', 3);
    expect(responded.responseDueOn).toBeNull();
    expect(applyTransition(responded, 'removed', '2026-03-12', 3).establishedOn).toBe('2026-03-12');
    expect(applyTransition(responded, 'restored', '2026-03-12', 3).establishedOn).toBeNull();
  });
});

describe('defaultComplaintReason', () => {
  it('words the reason after the IPR the design rests on', () => {
    expect(defaultComplaintReason('Luna Moth')).toContain('unauthorised copy of my original artwork "Luna Moth"');
    expect(defaultComplaintReason('Luna Moth', 'copyright')).toBe(defaultComplaintReason('Luna Moth'));
    const trademark = defaultComplaintReason('Bumble Bee', 'trademark');
    expect(trademark).toContain('my registered trademark "Bumble Bee"');
    expect(trademark).not.toMatch(/artwork|I created/);
    expect(defaultComplaintReason('Fold Lamp', 'patent')).toContain('my patented design "Fold Lamp"');
  });
});
