import { describe, expect, it } from 'vitest';

import { MARKETPLACES } from '../domain';
import { DEFAULT_RULESETS, getDefaultRuleset } from './default-rulesets';
import { rulesetSchema } from './ruleset.schema';
import type { Ruleset } from './ruleset.schema';

function withChanges(base: Ruleset, changes: Partial<Ruleset>): unknown {
  return { ...structuredClone(base), ...changes };
}

describe('default rulesets', () => {
  it.each(MARKETPLACES)('%s is valid, sourced and keyed by its own marketplace', (marketplace) => {
    const ruleset = getDefaultRuleset(marketplace);
    expect(rulesetSchema.safeParse(ruleset).success).toBe(true);
    expect(ruleset.marketplace).toBe(marketplace);
    expect(ruleset.id).toMatch(
      new RegExp(`^${marketplace}-\\d{4}-\\d{2}-\\d{2}@${ruleset.version}$`),
    );
    expect(ruleset.sourceNotes.length).toBeGreaterThan(0);
    expect(ruleset.terminationPoints).toBe(48);
  });

  it('have distinct ids', () => {
    const ids = MARKETPLACES.map((marketplace) => DEFAULT_RULESETS[marketplace].id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are frozen, so no caller can change the defaults for everyone', () => {
    const alibaba = getDefaultRuleset('alibaba');
    expect(Object.isFrozen(alibaba)).toBe(true);
    expect(Object.isFrozen(alibaba.points.general)).toBe(true);
    expect(Object.isFrozen(alibaba.ladder[0])).toBe(true);
  });

  it('model Alibaba.com as the rule of 2022-02-24 with the artists-reported 6 points', () => {
    const alibaba = getDefaultRuleset('alibaba');
    expect(alibaba).toMatchObject({
      id: 'alibaba-2022-02-24@1',
      effectiveFrom: '2022-02-24',
      points: { general: { copyright: 6, trademark: 6, patent: 6 } },
      seriousPenalty: 'strikes',
      dailyCap: 6,
      sameHolderMergeDays: null,
      strikeMergeDays: 3,
      strikesToClosure: 3,
      expiry: { kind: 'rolling', days: 365 },
    });
    expect(alibaba.ladder.map((step) => [step.points, step.label])).toEqual([
      [6, 'Severe warning'],
      [12, 'Restricted 7 days'],
      [24, 'Restricted 14 days'],
      [36, 'Restricted 21 days'],
      [48, 'Terminated'],
    ]);
    expect(alibaba.ladder[3]?.consequence).toMatch(/all its products are removed/);
    expect(alibaba.sourceNotes.join(' ')).toMatch(/artists report/);
  });

  it('assume Alibaba.com values for AliExpress with low confidence', () => {
    const aliexpress = getDefaultRuleset('aliexpress');
    expect(aliexpress).toMatchObject({
      confidence: 'low',
      points: { general: { copyright: 6 } },
      dailyCap: 6,
      expiry: { kind: 'rolling', days: 365 },
      strikesToClosure: 3,
    });
    expect(aliexpress.ladder).toEqual([expect.objectContaining({ points: 48 })]);
    expect(aliexpress.sourceNotes.join(' ')).toMatch(/Assumed/);
  });

  it.each(['taobao', 'tmall'] as const)(
    'model %s with a yearly reset and a holder merge',
    (name) => {
      const ruleset = getDefaultRuleset(name);
      expect(ruleset).toMatchObject({
        points: { general: { copyright: 2 }, serious: { copyright: 2 } },
        seriousPenalty: 'points',
        dailyCap: null,
        sameHolderMergeDays: 3,
        strikesToClosure: null,
        expiry: { kind: 'calendar_year', keepAtOrAbove: 48 },
      });
      expect(ruleset.sourceNotes.join(' ')).toMatch(/48, 24 or 2 points/);
    },
  );

  it('use Alibaba.com values for 1688 with low confidence and 3 strikes', () => {
    const ruleset = getDefaultRuleset('1688');
    expect(ruleset).toMatchObject({
      confidence: 'low',
      points: { general: { copyright: 6 } },
      dailyCap: 6,
      strikesToClosure: 3,
      expiry: { kind: 'rolling', days: 365 },
    });
    expect(ruleset.sourceNotes[0]).toMatch(/^Unknown/);
  });
});

describe('rulesetSchema', () => {
  const alibaba = getDefaultRuleset('alibaba');

  it('rejects a ladder that does not ascend', () => {
    const ladder = [...alibaba.ladder].reverse();
    const result = rulesetSchema.safeParse(withChanges(alibaba, { ladder }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/must ascend/);
  });

  it('rejects a ladder that does not end at the termination threshold', () => {
    const result = rulesetSchema.safeParse(withChanges(alibaba, { terminationPoints: 60 }));
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'The last ladder step must be at terminationPoints (60), not 48',
    ]);
  });

  it('rejects unknown fields, bad dates, negative points and a zero cap', () => {
    expect(rulesetSchema.safeParse({ ...alibaba, surprise: true }).success).toBe(false);
    expect(
      rulesetSchema.safeParse(withChanges(alibaba, { effectiveFrom: '2022-02-30' })).success,
    ).toBe(false);
    const negative = withChanges(alibaba, {
      points: {
        general: { copyright: -1, trademark: 6, patent: 6 },
        serious: alibaba.points.serious,
      },
    });
    expect(rulesetSchema.safeParse(negative).success).toBe(false);
    expect(rulesetSchema.safeParse(withChanges(alibaba, { dailyCap: 0 })).success).toBe(false);
  });
});
