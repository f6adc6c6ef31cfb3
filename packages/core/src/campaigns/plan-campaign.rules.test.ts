import { describe, expect, it } from 'vitest';

import { addBusinessDays, weekday } from '../dates';
import { estimateStanding } from '../penalty/estimate-standing';
import { getDefaultRuleset } from '../penalty/default-rulesets';
import { planCampaign } from './plan-campaign';
import {
  TODAY,
  acceptanceScenario,
  buildComplaint,
  buildListing,
  buildMember,
  buildPlanInput,
  listingsCopying,
  plannedEventsOf,
  startOf,
} from './plan-input.factory';
import { planInputSchema } from './plan-input.schema';

describe('planCampaign on Taobao: same-holder merge window', () => {
  const ruleset = getDefaultRuleset('taobao');
  const groups = ['ana', 'ben', 'cleo', 'dev'].map((artist) =>
    listingsCopying(`${artist}-art`, 10, artist, `${artist}-art`),
  );
  const input = buildPlanInput({
    ruleset,
    members: ['ana', 'ben', 'cleo', 'dev'].map((artist) => buildMember(artist)),
    listings: groups.flatMap((group) =>
      group.listings.map((listing) => ({ ...listing, marketplace: 'taobao' as const })),
    ),
    copies: groups.flatMap((group) => group.copies),
  });
  const plan = planCampaign(input);

  it("spaces each holder's establishments at least 3 days apart", () => {
    for (const artist of ['ana', 'ben', 'cleo', 'dev']) {
      const days = plan.tasks
        .filter((task) => task.artistId === artist)
        .map((task) => Date.parse(task.expectedEstablishedOn) / 86_400_000)
        .sort((left, right) => left - right);
      for (let index = 1; index < days.length; index += 1) {
        expect(days[index]! - days[index - 1]!).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('reaches 48 points (24 complaints of 2 points) with no planned complaint merged', () => {
    expect(plan.goal.isReachable).toBe(true);
    const reachedOn = plan.goal.reachedOn!;
    const estimate = estimateStanding(plannedEventsOf(plan), ruleset, startOf(reachedOn));
    expect(estimate.confirmedPoints).toBeGreaterThanOrEqual(48);
    expect(
      estimate.explanation.every(
        (entry) => entry.outcome !== 'merged' || entry.reason.includes('same complaint'),
      ),
    ).toBe(true);
    // Four holders on shared days (no cap): 24 complaints need six rounds three days apart.
    expect(plan.tasks).toHaveLength(24);
    expect(plan.goal.plannedDaysToGoal).toBe(6);
  });

  it('explains the merge window in the task sentence', () => {
    expect(plan.tasks[0]!.explanation).toContain('at least 3 days from');
    expect(plan.tasks[0]!.explanation).not.toContain('daily cap');
  });
});

describe('planCampaign: shortfall', () => {
  it('says what is missing and which pending IPRs would close the gap', () => {
    const ana = listingsCopying('ana-koi', 3, 'ana', 'koi');
    const ben = listingsCopying('ben-fox', 2, 'ben', 'fox');
    const cleo = listingsCopying('cleo-moth', 6, 'cleo', 'moth', {
      iprStatus: 'pending',
      iprReference: null,
    });
    const dev = listingsCopying('dev-owl', 4, 'dev', 'owl', {
      iprStatus: 'not_submitted',
      iprReference: null,
    });
    const groups = [ana, ben, cleo, dev];
    const plan = planCampaign(
      buildPlanInput({
        members: ['ana', 'ben', 'cleo', 'dev'].map((id) =>
          buildMember(id, { name: id.toUpperCase() }),
        ),
        listings: groups.flatMap((group) => group.listings),
        copies: groups.flatMap((group) => group.copies),
      }),
    );
    // Five eligible listings, each its own complaint on its own day: 30 of 48 points.
    expect(plan.tasks).toHaveLength(5);
    expect(plan.tasks.every((task) => task.listingIds.length === 1)).toBe(true);
    expect(plan.goal.isReachable).toBe(false);
    expect(plan.goal.reachedOn).toBeNull();
    expect(plan.shortfall).toMatchObject({
      missingPoints: 18,
      missingComplaints: 3,
      missingDistinctDays: 3,
      pendingIprs: [
        {
          artistId: 'cleo',
          artworkId: 'moth',
          artworkTitle: 'Artwork moth',
          iprStatus: 'pending',
          listingCount: 6,
        },
        {
          artistId: 'dev',
          artworkId: 'owl',
          artworkTitle: 'Artwork owl',
          iprStatus: 'not_submitted',
          listingCount: 4,
        },
      ],
    });
    expect(plan.shortfall!.message).toContain('30 points (estimate), 18 short');
    expect(plan.shortfall!.message).toContain(
      '3 more established complaints on 3 more distinct days',
    );
    expect(plan.shortfall!.message).toContain('already planned as a complaint of its own');
    expect(plan.shortfall!.message).toContain('could close the gap once approved');
  });

  it('blames the end date when days, not listings, run out', () => {
    const plan = planCampaign(acceptanceScenario({ endsOn: '2026-03-10' }));
    expect(plan.goal.isReachable).toBe(false);
    expect(plan.shortfall!.message).toContain('before the campaign ends on 2026-03-10');
    // 5, 6, 9 and 10 March: four own days, and the rest of the listings still filed.
    const ownDays = plan.tasks
      .filter((task) => task.isOnOwnDay)
      .map((task) => task.expectedEstablishedOn);
    expect(ownDays.sort()).toEqual(['2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10']);
    expect(plan.tasks.every((task) => task.expectedEstablishedOn <= '2026-03-10')).toBe(true);
    expect(plan.coverage.plannedListings).toBe(22);
    expect(plan.shortfall!.missingPoints).toBe(24);
  });

  it('says so when nobody eligible can report anything', () => {
    const plan = planCampaign(
      acceptanceScenario({ members: [buildMember('cleo'), buildMember('dev')] }),
    );
    expect(plan.tasks).toEqual([]);
    expect(plan.shortfall!.message).toContain('No opted-in member with an approved IPR');
    expect(plan.coverage.unclaimed).toBe(40);
    expect(plan.warnings.join(' ')).toContain(
      '22 copy only artworks of artists not in this campaign',
    );
  });
});

describe('planCampaign: listings and complaint history', () => {
  it('leaves removed and out-of-scope listings out, with a note', () => {
    const base = acceptanceScenario();
    const listings = base.listings.map((listing) =>
      listing.listingId === 'ana-koi-01' || listing.listingId === 'ben-fox-02'
        ? { ...listing, isRemoved: true }
        : listing,
    );
    listings.push(buildListing('other-seller', { sellerId: 'seller-2' }));
    const plan = planCampaign({
      ...base,
      listings,
      copies: [...base.copies, { ...base.copies[0]!, listingId: 'other-seller' }],
    });
    const planned = plan.tasks.flatMap((task) => task.listingIds);
    expect(planned).not.toContain('ana-koi-01');
    expect(planned).not.toContain('ben-fox-02');
    expect(planned).not.toContain('other-seller');
    expect(plan.coverage).toMatchObject({
      listingsTotal: 41,
      removed: 2,
      outOfScope: 1,
      plannable: 20,
    });
    expect(plan.warnings).toContain(
      '2 listings are already gone from the marketplace and left out of the plan.',
    );
    expect(plan.warnings.join(' ')).toContain('1 listing belongs to another seller or marketplace');
  });

  it('re-plans listings left unable to process, but not restored or withdrawn ones by the same member', () => {
    const history = [
      buildComplaint('c-1', 'ana-koi-01', 'ana', 'koi', {
        status: 'unable_to_process',
        establishedOn: null,
      }),
      buildComplaint('c-2', 'ana-koi-02', 'ana', 'koi', {
        status: 'restored',
        establishedOn: null,
      }),
      buildComplaint('c-3', 'ana-koi-03', 'ana', 'koi', {
        status: 'withdrawn',
        establishedOn: null,
      }),
    ];
    const plan = planCampaign(acceptanceScenario({ complaints: history }));
    const planned = plan.tasks.flatMap((task) => task.listingIds);
    expect(planned).toContain('ana-koi-01');
    expect(planned).not.toContain('ana-koi-02');
    expect(planned).not.toContain('ana-koi-03');
    const retry = plan.tasks.find((task) => task.listingIds.includes('ana-koi-01'))!;
    expect(retry.explanation).toContain('unable to process');
  });

  it('splits more than 300 listings into complaints IPP accepts', () => {
    const many = listingsCopying('ana-koi', 450, 'ana', 'koi');
    const plan = planCampaign(
      buildPlanInput({ goalPoints: 6, members: [buildMember('ana')], ...many }),
    );
    expect(plan.tasks.map((task) => task.listingIds.length)).toEqual([225, 225]);
    expect(plan.tasks[0]!.explanation).toContain('at most 300 listings');
    expect(plan.warnings.join(' ')).toContain('not a step of the');
  });
});

describe("planCampaign: members' calendars", () => {
  it('files only on days the member is available, within the weekly limit', () => {
    const input = acceptanceScenario({
      members: [
        buildMember('ana', { name: 'Ana', unavailableWeekdays: [1, 2], maxPerWeek: 2 }),
        buildMember('ben', {
          name: 'Ben',
          unavailableDates: ['2026-03-03', '2026-03-04'],
          maxPerWeek: 1,
        }),
      ],
    });
    const plan = planCampaign(input);
    for (const task of plan.tasks) {
      expect(task.expectedEstablishedOn).toBe(addBusinessDays(task.fileOn, 3));
      if (task.artistId === 'ana') expect([1, 2]).not.toContain(weekday(task.fileOn));
      else expect(['2026-03-03', '2026-03-04']).not.toContain(task.fileOn);
    }
    const perWeek = new Map<string, number>();
    for (const task of plan.tasks) {
      const monday = Date.parse(task.fileOn) / 86_400_000 - ((weekday(task.fileOn) + 6) % 7);
      const key = `${task.artistId}@${monday}`;
      perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
    }
    for (const [key, count] of perWeek)
      expect(count, key).toBeLessThanOrEqual(key.startsWith('ana') ? 2 : 1);
    expect(plan.goal.isReachable).toBe(true);
    expect(plan.goal.plannedDaysToGoal).toBe(8);
  });

  it('warns about a member who can never file and plans nothing for them', () => {
    const plan = planCampaign(
      acceptanceScenario({
        members: [
          buildMember('ana', { name: 'Ana', maxPerWeek: 0 }),
          buildMember('ben', { name: 'Ben' }),
        ],
      }),
    );
    expect(plan.tasks.every((task) => task.artistId === 'ben')).toBe(true);
    expect(plan.warnings.join(' ')).toContain('Ana has no day to file on');
  });
});

describe('planInputSchema', () => {
  it('accepts a planner input and rejects repeated listing ids', () => {
    const input = acceptanceScenario();
    expect(planInputSchema.safeParse(input).success).toBe(true);
    const repeated = { ...input, listings: [...input.listings, input.listings[0]!] };
    const result = planInputSchema.safeParse(repeated);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('Repeated id');
  });

  it('is what planCampaign checks too: a bad date is a clear error', () => {
    expect(() => planCampaign(acceptanceScenario({ today: '2026-02-30' }))).toThrow(
      /today must be a calendar date/,
    );
    expect(TODAY).toBe('2026-03-02');
  });
});
