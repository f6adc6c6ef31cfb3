import { describe, expect, it } from 'vitest';

import { addBusinessDays, addDays } from '../dates';
import { estimateStanding } from '../penalty/estimate-standing';
import { planCampaign } from './plan-campaign';
import {
  TODAY,
  acceptanceScenario,
  buildComplaint,
  buildCopy,
  existingEventsOf,
  plannedEventsOf,
  startOf,
} from './plan-input.factory';
import type { CampaignPlan, PlanInput } from './plan.types';

/** Confirmed points the estimator reports on `day` for the existing and planned complaints. */
function pointsOn(input: PlanInput, plan: CampaignPlan, day: string): number {
  const events = [...existingEventsOf(input), ...plannedEventsOf(plan)];
  return estimateStanding(events, input.ruleset, startOf(day)).confirmedPoints;
}

function distinctEstablishmentDays(plan: CampaignPlan, until: string): number {
  return new Set(plan.tasks.map((task) => task.expectedEstablishedOn).filter((day) => day <= until))
    .size;
}

/** The first establishment days reachable by filing from TODAY with a 3-business-day lag. */
const FIRST_ESTABLISHMENT_DAYS = [
  '2026-03-05', // filed Monday 2 March
  '2026-03-06',
  '2026-03-09',
  '2026-03-10',
  '2026-03-11',
  '2026-03-12',
  '2026-03-13',
  '2026-03-16',
  '2026-03-17',
];

describe('planCampaign: the acceptance scenario (6 artists, 4 copied, 2 IPRs pending)', () => {
  const input = acceptanceScenario();
  const plan = planCampaign(input);

  it('reaches termination in the fewest distinct days: ceil(48 / 6) = 8', () => {
    expect(plan.goal).toEqual({
      points: 48,
      reachedOn: FIRST_ESTABLISHMENT_DAYS[7],
      isReachable: true,
      plannedDaysToGoal: 8,
    });
    expect(distinctEstablishmentDays(plan, plan.goal.reachedOn!)).toBe(8);
    expect(plan.tasks.map((task) => task.expectedEstablishedOn).sort()).toEqual(
      FIRST_ESTABLISHMENT_DAYS.slice(0, 8),
    );
    expect(plan.shortfall).toBeNull();
  });

  it('projects the goal date the estimator reports for existing + planned complaints', () => {
    const reachedOn = plan.goal.reachedOn!;
    expect(pointsOn(input, plan, reachedOn)).toBeGreaterThanOrEqual(48);
    expect(pointsOn(input, plan, addDays(reachedOn, -1))).toBeLessThan(48);
    const estimate = estimateStanding(
      [...existingEventsOf(input), ...plannedEventsOf(plan)],
      input.ruleset,
      startOf(reachedOn),
    );
    expect(estimate.isTerminated).toBe(true);
    expect(estimate.terminationReachedOn).toBe(reachedOn);
    expect(plan.projection).toEqual([
      { tierPoints: 48, label: 'Terminated', date: reachedOn, isAlreadyReached: false },
    ]);
  });

  it('uses only the two members with approved IPRs, sharing the extra complaints between them', () => {
    const byMember = new Map<string, number>();
    for (const task of plan.tasks)
      byMember.set(task.artistId, (byMember.get(task.artistId) ?? 0) + 1);
    expect(Object.fromEntries(byMember)).toEqual({ ana: 4, ben: 4 });
    const planned = plan.tasks.flatMap((task) => task.listingIds).sort();
    const eligible = input.copies
      .filter((copy) => copy.iprStatus === 'approved')
      .map((copy) => copy.listingId)
      .sort();
    expect(planned).toEqual(eligible);
    expect(plan.coverage).toEqual({
      listingsTotal: 40,
      outOfScope: 0,
      removed: 0,
      alreadyComplained: 0,
      plannable: 22,
      unclaimed: 18,
      contested: 0,
      plannedListings: 22,
    });
  });

  it('explains each task with the member, the listings, the split and the day', () => {
    const first = plan.tasks[0]!;
    expect(first.explanation).toContain(
      `${first.memberName} reports ${first.listingIds.length} listings`,
    );
    expect(first.explanation).toContain('own sightings');
    expect(first.explanation).toContain(
      'reaching 48 points takes establishments on 8 more distinct days',
    );
    expect(first.explanation).toContain(`filing on ${first.fileOn}`);
    expect(first.explanation).toContain('6-point daily cap');
    expect(first.explanation.endsWith('.')).toBe(true);
  });
});

describe('planCampaign: existing complaints move the plan', () => {
  // Two complaints established in the last year already count 12 points.
  const established = [
    buildComplaint('old-1', 'ana-koi-01', 'ana', 'koi', {
      filedOn: '2026-01-05',
      establishedOn: '2026-01-08',
    }),
    buildComplaint('old-2', 'ben-fox-01', 'ben', 'fox', {
      filedOn: '2026-02-02',
      establishedOn: '2026-02-05',
    }),
  ];

  it('needs fewer days when points already count, and leaves their listings alone', () => {
    const input = acceptanceScenario({ complaints: established });
    const plan = planCampaign(input);
    expect(plan.currentStanding.confirmedPoints).toBe(12);
    expect(plan.goal.plannedDaysToGoal).toBe(6);
    expect(plan.goal.reachedOn).toBe(FIRST_ESTABLISHMENT_DAYS[5]);
    const planned = plan.tasks.flatMap((task) => task.listingIds);
    expect(planned).not.toContain('ana-koi-01');
    expect(planned).not.toContain('ben-fox-01');
    expect(plan.coverage.alreadyComplained).toBe(2);
  });

  it('adds a day when a complaint is counter-noticed, and lets another copied member report it', () => {
    const before = planCampaign(acceptanceScenario({ complaints: established }));
    const countered = established.map((complaint) =>
      complaint.complaintId === 'old-1'
        ? { ...complaint, status: 'counter_notice' as const, establishedOn: null }
        : complaint,
    );
    // The countered listing also copies Ben's fox, from Ben's own sighting.
    const base = acceptanceScenario({ complaints: countered });
    const input = { ...base, copies: [...base.copies, buildCopy('ana-koi-01', 'ben', 'fox')] };
    const after = planCampaign(input);

    expect(after.currentStanding.confirmedPoints).toBe(6);
    expect(after.currentStanding.uncertainComplaints).toBe(1);
    expect(after.goal.plannedDaysToGoal).toBe(7);
    expect(after.goal.reachedOn).toBe(FIRST_ESTABLISHMENT_DAYS[6]);
    expect(after.goal.reachedOn! > before.goal.reachedOn!).toBe(true);
    expect(after.inputFingerprint).not.toBe(before.inputFingerprint);
    const compensating = after.tasks.find((task) => task.listingIds.includes('ana-koi-01'))!;
    expect(compensating.artistId).toBe('ben');
    expect(compensating.explanation).toContain('counter-noticed');
    expect(after.warnings.join(' ')).toContain('counter-noticed or awaiting information');
    expect(pointsOn(input, after, after.goal.reachedOn!)).toBeGreaterThanOrEqual(48);
  });

  it('expects a submitted complaint on its filing day + 3 business days and keeps that day free', () => {
    const submitted = buildComplaint('open-1', 'ana-koi-01', 'ana', 'koi', {
      status: 'submitted',
      filedOn: TODAY,
      establishedOn: null,
    });
    const plan = planCampaign(acceptanceScenario({ complaints: [submitted] }));
    const expected = addBusinessDays(TODAY, 3);
    expect(plan.tasks.map((task) => task.expectedEstablishedOn)).not.toContain(expected);
    // Its 6 expected points leave 7 planned days, around the day it takes.
    expect(plan.goal.plannedDaysToGoal).toBe(7);
    expect(plan.goal.reachedOn).toBe(FIRST_ESTABLISHMENT_DAYS[7]);
  });

  it('keeps the day of an existing removal out of the plan', () => {
    const removedToday = buildComplaint('old-1', 'ana-koi-01', 'ana', 'koi', {
      filedOn: addDays(TODAY, -5),
      establishedOn: TODAY,
    });
    const plan = planCampaign(
      acceptanceScenario({ complaints: [removedToday], establishmentLagBusinessDays: 0 }),
    );
    expect(plan.tasks.length).toBeGreaterThan(0);
    expect(plan.tasks.every((task) => task.expectedEstablishedOn !== TODAY)).toBe(true);
    expect(plan.tasks.every((task) => task.fileOn === task.expectedEstablishedOn)).toBe(true);
  });
});
