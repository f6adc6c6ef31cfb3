import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { addDays, toIsoDate } from '../dates';
import { COMPLAINT_STATUSES, IPR_TYPES, MARKETPLACES } from '../domain';
import type { ComplaintEvent } from './complaint-event';
import { DEFAULT_RULESETS } from './default-rulesets';
import { estimateStanding } from './estimate-standing';
import type { Ruleset } from './ruleset.schema';
import type { StandingEstimate } from './standing.types';

const EPOCH = '2024-06-01';
const RUNS = 300;

/** Complaint-level facts shared by its listings: holder, artwork, type and severity. */
const complaintArbitrary = fc.record({
  artist: fc.integer({ min: 0, max: 5 }),
  iprType: fc.constantFrom(...IPR_TYPES),
  // One complaint in four is serious.
  isSerious: fc.integer({ min: 0, max: 3 }).map((draw) => draw === 0),
  filedOffset: fc.integer({ min: 0, max: 800 }),
});

const listingArbitrary = fc.record({
  complaint: fc.integer({ min: 0, max: 11 }),
  status: fc.oneof(
    { weight: 5, arbitrary: fc.constant('removed' as const) },
    { weight: 3, arbitrary: fc.constantFrom(...COMPLAINT_STATUSES) },
  ),
  establishedDelay: fc.option(fc.integer({ min: 0, max: 12 }), { freq: 8 }),
});

/** A seller's events: up to 12 complaints with several listings each, over about two years. */
const eventsArbitrary = fc
  .tuple(
    fc.array(complaintArbitrary, { minLength: 12, maxLength: 12 }),
    fc.array(listingArbitrary, { maxLength: 40 }),
  )
  .map(([complaints, listings]) =>
    listings.map((listing, index): ComplaintEvent => {
      const complaint = complaints[listing.complaint] ?? complaints[0]!;
      const filedOn = addDays(EPOCH, complaint.filedOffset);
      const isRemoved = listing.status === 'removed' || listing.status === 'restored';
      return {
        id: `listing-${String(index).padStart(3, '0')}`,
        complaintId: `complaint-${listing.complaint}`,
        artistId: `artist-${complaint.artist}`,
        artworkId: `artwork-${listing.complaint}`,
        iprType: complaint.iprType,
        severity: complaint.isSerious ? 'serious' : 'general',
        status: listing.status,
        filedOn: listing.status === 'draft' ? null : filedOn,
        establishedOn:
          isRemoved && listing.establishedDelay !== null
            ? addDays(filedOn, listing.establishedDelay)
            : null,
      };
    }),
  );

const nowArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 86_399_999 }))
  .map(
    ([offset, milliseconds]) =>
      new Date(Date.parse(`${addDays(EPOCH, offset)}T00:00:00.000Z`) + milliseconds),
  );

const rulesetArbitrary = fc.constantFrom(
  ...MARKETPLACES.map((marketplace) => DEFAULT_RULESETS[marketplace]),
);

function total(estimate: StandingEstimate, outcome: string): number {
  return estimate.explanation
    .filter((entry) => entry.outcome === outcome)
    .reduce((sum, entry) => sum + entry.points, 0);
}

/** Everything that must not move without new facts (the day itself aside). */
function substance(estimate: StandingEstimate) {
  const { asOf: _asOf, nextChangeAt: _next, explanation, ...figures } = estimate;
  return {
    ...figures,
    explanation: explanation.map(({ reason: _reason, ...entry }) => entry),
  };
}

describe('estimateStanding properties, for every default ruleset', () => {
  it('explains every event once, and the explanation adds up to the totals', () => {
    fc.assert(
      fc.property(eventsArbitrary, rulesetArbitrary, nowArbitrary, (events, ruleset, now) => {
        const estimate = estimateStanding(events, ruleset, now);
        expect(estimate.explanation.map((entry) => entry.eventId).sort()).toEqual(
          events.map((event) => event.id).sort(),
        );
        expect(total(estimate, 'counted')).toBe(estimate.confirmedPoints);
        expect(total(estimate, 'pending')).toBe(estimate.pendingPoints);
        const others = estimate.explanation.filter(
          (entry) => entry.outcome !== 'counted' && entry.outcome !== 'pending',
        );
        expect(others.every((entry) => entry.points === 0)).toBe(true);
        const strikes = estimate.explanation.filter((entry) => entry.outcome === 'strike');
        expect(strikes).toHaveLength(estimate.strikes);
        expect(estimate.explanation.every((entry) => entry.reason.length > 10)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps its figures consistent with each other', () => {
    fc.assert(
      fc.property(eventsArbitrary, rulesetArbitrary, nowArbitrary, (events, ruleset, now) => {
        const estimate = estimateStanding(events, ruleset, now);
        const threshold = ruleset.terminationPoints;
        expect(estimate.remainingPoints).toBeGreaterThanOrEqual(0);
        expect(estimate.isTerminated).toBe(
          estimate.confirmedPoints >= threshold ||
            (ruleset.strikesToClosure !== null && estimate.strikes >= ruleset.strikesToClosure),
        );
        if (estimate.isTerminated) expect(estimate.terminationReachedOn).not.toBeNull();
        if (!estimate.isTerminated) {
          expect(estimate.remainingPoints).toBe(threshold - estimate.confirmedPoints);
          expect(estimate.complaintsNeeded).toBeGreaterThanOrEqual(1);
          expect(estimate.distinctDaysNeeded).toBeGreaterThanOrEqual(1);
        }
        const counting = estimate.timeline.filter(
          (day) => day.expiresOn === null || day.expiresOn > estimate.asOf,
        );
        expect(counting.reduce((sum, day) => sum + day.pointsAdded, 0)).toBe(
          estimate.confirmedPoints,
        );
        if (estimate.nextChangeAt !== null)
          expect(estimate.nextChangeAt > estimate.asOf).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same result whatever the order of the events', () => {
    fc.assert(
      fc.property(
        eventsArbitrary.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        rulesetArbitrary,
        nowArbitrary,
        ([events, shuffled], ruleset, now) => {
          expect(estimateStanding(shuffled, ruleset, now)).toEqual(
            estimateStanding(events, ruleset, now),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never lets pending complaints change the confirmed figures', () => {
    fc.assert(
      fc.property(eventsArbitrary, rulesetArbitrary, nowArbitrary, (events, ruleset, now) => {
        const withPending = estimateStanding(events, ruleset, now);
        const asOf = toIsoDate(now);
        const confirmedOnly = events.filter(
          (event) =>
            event.status === 'removed' &&
            event.establishedOn !== null &&
            event.establishedOn <= asOf,
        );
        const without = estimateStanding(confirmedOnly, ruleset, now);
        expect(withPending.confirmedPoints).toBe(without.confirmedPoints);
        expect(withPending.strikes).toBe(without.strikes);
        expect(withPending.timeline).toEqual(without.timeline);
        expect(withPending.complaintsNeeded).toBe(without.complaintsNeeded);
      }),
      { numRuns: RUNS },
    );
  });

  it('never loses confirmed points when one more complaint is established', () => {
    fc.assert(
      fc.property(
        eventsArbitrary,
        rulesetArbitrary,
        nowArbitrary,
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 5 }),
        (events, ruleset, now, offset, artist) => {
          const extra: ComplaintEvent = {
            id: 'listing-extra',
            complaintId: 'complaint-extra',
            artistId: `artist-${artist}`,
            artworkId: 'artwork-extra',
            iprType: 'copyright',
            severity: 'general',
            status: 'removed',
            filedOn: EPOCH,
            establishedOn: addDays(EPOCH, offset),
          };
          const before = estimateStanding(events, ruleset, now);
          const after = estimateStanding([...events, extra], ruleset, now);
          expect(after.confirmedPoints).toBeGreaterThanOrEqual(before.confirmedPoints);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('does not change before nextChangeAt without new facts', () => {
    fc.assert(
      fc.property(eventsArbitrary, rulesetArbitrary, nowArbitrary, (events, ruleset, now) => {
        const estimate = estimateStanding(events, ruleset, now);
        const next = estimate.nextChangeAt === null ? null : new Date(estimate.nextChangeAt);
        const lastQuietDay =
          next === null ? addDays(estimate.asOf, 400) : addDays(toIsoDate(next), -1);
        const quiet = estimateStanding(events, ruleset, new Date(`${lastQuietDay}T23:59:59.999Z`));
        expect(substance(quiet)).toEqual(substance(estimate));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('estimateStanding properties, for rulesets varied around the defaults', () => {
  const variedRuleset: fc.Arbitrary<Ruleset> = fc
    .record({
      base: rulesetArbitrary,
      dailyCap: fc.option(fc.integer({ min: 1, max: 12 })),
      sameHolderMergeDays: fc.option(fc.integer({ min: 1, max: 5 })),
      points: fc.integer({ min: 0, max: 7 }),
    })
    .map(({ base, dailyCap, sameHolderMergeDays, points }) => ({
      ...base,
      id: `${base.id}+varied`,
      dailyCap,
      sameHolderMergeDays,
      points: { ...base.points, general: { copyright: points, trademark: 1, patent: 3 } },
    }));

  it('still adds up and does not change before nextChangeAt', () => {
    fc.assert(
      fc.property(eventsArbitrary, variedRuleset, nowArbitrary, (events, ruleset, now) => {
        const estimate = estimateStanding(events, ruleset, now);
        expect(total(estimate, 'counted')).toBe(estimate.confirmedPoints);
        expect(total(estimate, 'pending')).toBe(estimate.pendingPoints);
        if (estimate.nextChangeAt !== null) {
          const lastQuietDay = addDays(estimate.nextChangeAt.slice(0, 10), -1);
          const quiet = estimateStanding(
            events,
            ruleset,
            new Date(`${lastQuietDay}T12:00:00.000Z`),
          );
          expect(substance(quiet)).toEqual(substance(estimate));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
