import { describe, expect, it } from 'vitest';

import { addDays } from '../dates';
import { getDefaultRuleset } from '../penalty/default-rulesets';
import { estimateStanding } from '../penalty/estimate-standing';
import { planCampaign } from './plan-campaign';
import {
  TODAY,
  acceptanceScenario,
  buildComplaint,
  buildMember,
  buildPlanInput,
  existingEventsOf,
  listingsCopying,
  plannedEventsOf,
  startOf,
} from './plan-input.factory';
import type { PlanInput } from './plan.types';

function twoArtistCampaign(marketplace: 'alibaba' | 'taobao', overrides: Partial<PlanInput> = {}) {
  const groups = ['ana', 'ben'].map((artist) =>
    listingsCopying(`${artist}-art`, 20, artist, `${artist}-art`),
  );
  return buildPlanInput({
    ruleset: getDefaultRuleset(marketplace),
    members: [buildMember('ana'), buildMember('ben')],
    listings: groups.flatMap((group) =>
      group.listings.map((listing) => ({ ...listing, marketplace })),
    ),
    copies: groups.flatMap((group) => group.copies),
    ...overrides,
  });
}

describe('planCampaign: ladder projection', () => {
  it('dates every Alibaba.com step on the establishment day the estimator reaches it', () => {
    const input = twoArtistCampaign('alibaba');
    const plan = planCampaign(input);
    expect(plan.projection.map((tier) => [tier.tierPoints, tier.date])).toEqual([
      [6, '2026-03-05'],
      [12, '2026-03-06'],
      [24, '2026-03-10'],
      [36, '2026-03-12'],
      [48, '2026-03-16'],
    ]);
    const events = plannedEventsOf(plan);
    for (const tier of plan.projection) {
      const estimate = estimateStanding(events, input.ruleset, startOf(tier.date!));
      expect(estimate.confirmedPoints).toBeGreaterThanOrEqual(tier.tierPoints);
      const before = estimateStanding(events, input.ruleset, startOf(addDays(tier.date!, -1)));
      expect(before.confirmedPoints).toBeLessThan(tier.tierPoints);
    }
  });

  it('says when the goal is already reached, and still plans the remaining listings', () => {
    // Eight removals on eight days of the last year: 48 points today.
    const complaints = Array.from({ length: 8 }, (_, index) =>
      buildComplaint(
        `old-${index}`,
        `ana-art-${String(index + 1).padStart(2, '0')}`,
        'ana',
        'ana-art',
        {
          filedOn: addDays(TODAY, -40 - index * 7),
          establishedOn: addDays(TODAY, -37 - index * 7),
        },
      ),
    );
    const plan = planCampaign(twoArtistCampaign('alibaba', { complaints }));
    expect(plan.currentStanding).toMatchObject({ confirmedPoints: 48, isTerminated: true });
    expect(plan.goal).toEqual({
      points: 48,
      reachedOn: TODAY,
      isReachable: true,
      plannedDaysToGoal: 0,
    });
    expect(plan.projection.every((tier) => tier.isAlreadyReached && tier.date === TODAY)).toBe(
      true,
    );
    expect(plan.tasks.map((task) => task.artistId).sort()).toEqual(['ana', 'ben']);
    expect(plan.warnings.join(' ')).toContain('already reaches the goal of 48 points');
  });

  it('plans across a Taobao year-end reset and says which complaints it clears', () => {
    const input = twoArtistCampaign('taobao', { today: '2026-12-14' });
    const plan = planCampaign(input);
    expect(plan.goal.isReachable).toBe(true);
    expect(plan.goal.reachedOn! >= '2027-01-01').toBe(true);
    const events = [...existingEventsOf(input), ...plannedEventsOf(plan)];
    const estimate = estimateStanding(events, input.ruleset, startOf(plan.goal.reachedOn!));
    expect(estimate.confirmedPoints).toBeGreaterThanOrEqual(48);
    // 24 complaints of 2 points count in the new year; December's were reset.
    const counting = new Set(
      estimate.explanation
        .filter((entry) => entry.outcome === 'counted')
        .map((entry) => entry.date),
    );
    expect(plan.goal.plannedDaysToGoal).toBe(counting.size);
    expect(plan.warnings.join(' ')).toContain('yearly reset on 1 January clears their points');
  });
});

describe('planCampaign: re-planning', () => {
  it('fingerprints the normalised input: defaults spelled out change nothing, a change does', () => {
    const input = acceptanceScenario();
    const explicit = { ...input, goalPoints: 48, establishmentLagBusinessDays: 3 };
    expect(planCampaign(explicit)).toEqual(planCampaign(input));
    const fewer = {
      ...input,
      members: input.members.filter((member) => member.artistId !== 'ben'),
    };
    expect(planCampaign(fewer).inputFingerprint).not.toBe(planCampaign(input).inputFingerprint);
  });

  it('follows members leaving and pending IPRs being approved', () => {
    const input = acceptanceScenario();
    const withoutBen = planCampaign({
      ...input,
      members: input.members.filter((member) => member.artistId !== 'ben'),
    });
    expect(withoutBen.tasks.every((task) => task.artistId === 'ana')).toBe(true);
    // Ana alone has 12 listings: 8 complaints on 8 days still reach 48.
    expect(withoutBen.goal.reachedOn).toBe(planCampaign(input).goal.reachedOn);
    expect(withoutBen.tasks).toHaveLength(8);

    const approved = planCampaign({
      ...input,
      copies: input.copies.map((copy) =>
        copy.artistId === 'cleo'
          ? { ...copy, iprStatus: 'approved' as const, iprReference: 'IPR-moth' }
          : copy,
      ),
    });
    expect(approved.tasks.some((task) => task.artistId === 'cleo')).toBe(true);
    expect(approved.coverage.plannable).toBe(32);
  });
});
