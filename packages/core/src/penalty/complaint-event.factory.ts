import { addDays } from '../dates';
import type { ComplaintStatus, IsoDate } from '../domain';
import type { ComplaintEvent } from './complaint-event';
import type { StandingEstimate } from './standing.types';

/*
 * Test data builders for the penalty tests. Every event gets unique ids (its own complaint and
 * its own rights holder) unless the overrides say otherwise.
 */

let sequence = 0;

/** A complaint listing; by default an established copyright complaint of its own artist. */
export function buildEvent(overrides: Partial<ComplaintEvent> = {}): ComplaintEvent {
  sequence += 1;
  const number = String(sequence).padStart(5, '0');
  return {
    id: `listing-${number}`,
    complaintId: `complaint-${number}`,
    artistId: `artist-${number}`,
    artworkId: `artwork-${number}`,
    iprType: 'copyright',
    severity: 'general',
    status: 'removed',
    filedOn: '2026-01-01',
    establishedOn: '2026-01-05',
    ...overrides,
  };
}

/** A listing removed (complaint established) on `day`, filed four days earlier. */
export function establishedOn(
  day: IsoDate,
  overrides: Partial<ComplaintEvent> = {},
): ComplaintEvent {
  return buildEvent({
    status: 'removed',
    filedOn: addDays(day, -4),
    establishedOn: day,
    ...overrides,
  });
}

/** A complaint still in progress, filed on `day`. */
export function pendingSince(
  day: IsoDate,
  status: ComplaintStatus = 'submitted',
  overrides: Partial<ComplaintEvent> = {},
): ComplaintEvent {
  return buildEvent({ status, filedOn: day, establishedOn: null, ...overrides });
}

/** One established complaint on each of `count` consecutive days from `firstDay`. */
export function establishedOnDays(
  firstDay: IsoDate,
  count: number,
  step = 1,
  overrides: Partial<ComplaintEvent> = {},
): ComplaintEvent[] {
  return Array.from({ length: count }, (_, index) =>
    establishedOn(addDays(firstDay, index * step), overrides),
  );
}

/** Noon UTC of `day`, so that tests never sit on a day boundary by accident. */
export function noonOf(day: IsoDate): Date {
  return new Date(`${day}T12:00:00.000Z`);
}

/** Explanation points summed by outcome. */
export function sumExplainedPoints(
  estimate: StandingEstimate,
  outcome: StandingEstimate['explanation'][number]['outcome'],
): number {
  return estimate.explanation
    .filter((entry) => entry.outcome === outcome)
    .reduce((sum, entry) => sum + entry.points, 0);
}

/** The explanation entry of one event (fails loudly when missing). */
export function explanationOf(estimate: StandingEstimate, event: ComplaintEvent) {
  const entry = estimate.explanation.find((candidate) => candidate.eventId === event.id);
  if (!entry) throw new Error(`No explanation for ${event.id}`);
  return entry;
}
