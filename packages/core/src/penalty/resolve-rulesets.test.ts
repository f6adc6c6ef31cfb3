import { describe, expect, it } from 'vitest';

import { establishedOn, noonOf } from './complaint-event.factory';
import { DEFAULT_RULESETS } from './default-rulesets';
import { estimateStanding } from './estimate-standing';
import { applyRulesetPatch, resolveRulesets } from './resolve-rulesets';
import type { ResolveRulesetsResult } from './resolve-rulesets';
import type { Ruleset } from './ruleset.schema';

function rulesetsOf(result: ResolveRulesetsResult): Record<string, Ruleset> {
  if (!result.ok) throw new Error(`Expected overrides to resolve: ${result.issues.join('; ')}`);
  return result.rulesets;
}

function issuesOf(result: ResolveRulesetsResult): string[] {
  if (result.ok) throw new Error('Expected overrides to be rejected');
  return result.issues;
}

describe('resolveRulesets', () => {
  it.each([undefined, null, '', '   '])('gives the defaults for %j', (input) => {
    expect(rulesetsOf(resolveRulesets(input))).toEqual(DEFAULT_RULESETS);
  });

  it('merges a partial override and marks the id as overridden', () => {
    const rulesets = rulesetsOf(
      resolveRulesets({ alibaba: { points: { general: { copyright: 3 } }, dailyCap: 12 } }),
    );
    const alibaba = rulesets.alibaba;
    expect(alibaba?.id).toBe('alibaba-2022-02-24@1+override');
    expect(alibaba?.points.general).toEqual({ copyright: 3, trademark: 6, patent: 6 });
    expect(alibaba?.dailyCap).toBe(12);
    expect(alibaba?.ladder).toEqual(DEFAULT_RULESETS.alibaba.ladder);
    expect(alibaba?.sourceNotes.at(-1)).toBe(
      'Overridden by deployment configuration (base alibaba-2022-02-24@1): dailyCap, points.general.copyright.',
    );
    expect(rulesets.taobao).toBe(DEFAULT_RULESETS.taobao);
  });

  it('puts a new version into the generated id', () => {
    const rulesets = rulesetsOf(
      resolveRulesets({ taobao: { version: 2, sameHolderMergeDays: 7 } }),
    );
    expect(rulesets.taobao?.id).toBe('taobao-2022-01-01@2+override');
    expect(rulesets.taobao?.version).toBe(2);
  });

  it('keeps an id the override gives', () => {
    const rulesets = rulesetsOf(
      resolveRulesets({ '1688': { id: '1688-local@7', confidence: 'medium' } }),
    );
    expect(rulesets['1688']?.id).toBe('1688-local@7');
  });

  it('refuses an override that reuses a default id', () => {
    expect(
      issuesOf(resolveRulesets({ alibaba: { id: 'alibaba-2022-02-24@1', dailyCap: 3 } })),
    ).toEqual([
      'alibaba.id: "alibaba-2022-02-24@1" is a default ruleset id; an override needs its own id so that standings computed with it can be told apart',
    ]);
  });

  it('refuses two rulesets with the same id', () => {
    const issues = issuesOf(
      resolveRulesets({ taobao: { id: 'shared@1' }, tmall: { id: 'shared@1' } }),
    );
    expect(issues).toEqual(['tmall.id: "shared@1" is already the id of the taobao ruleset']);
  });

  it('accepts the JSON text of an environment variable', () => {
    const rulesets = rulesetsOf(
      resolveRulesets(
        '{"aliexpress":{"terminationPoints":36,"ladder":[{"points":36,"label":"Terminated","consequence":"Closed."}]}}',
      ),
    );
    expect(rulesets.aliexpress?.terminationPoints).toBe(36);
  });

  it('reports JSON that does not parse', () => {
    const issues = issuesOf(resolveRulesets('{"alibaba": {'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^\(root\): Overrides are not valid JSON/);
  });

  it('lists every bad field with its path', () => {
    const issues = issuesOf(
      resolveRulesets({
        alibaba: { dailyCapp: 3, points: { general: { copyright: 'six' } } },
        taobao: { expiry: { kind: 'monthly' } },
        ebay: {},
      }),
    );
    expect(issues).toEqual([
      'alibaba.points.general.copyright: Invalid input: expected number, received string',
      'alibaba: Unrecognized key: "dailyCapp"',
      "taobao.expiry.kind: Invalid discriminator value. Expected 'rolling' | 'calendar_year'",
      'ebay: not a marketplace (expected aliexpress, alibaba, taobao, tmall, 1688)',
    ]);
  });

  it('does not let an override move a ruleset to another marketplace', () => {
    expect(issuesOf(resolveRulesets({ alibaba: { marketplace: 'taobao' } }))).toEqual([
      'alibaba: Unrecognized key: "marketplace"',
    ]);
  });

  it('rejects values out of range and a non-object', () => {
    expect(issuesOf(resolveRulesets({ alibaba: { dailyCap: 0 } }))[0]).toMatch(
      /^alibaba\.dailyCap: Too small/,
    );
    expect(issuesOf(resolveRulesets([1, 2]))[0]).toMatch(/^\(root\): Invalid input/);
  });

  it('validates the merged ruleset as a whole', () => {
    expect(issuesOf(resolveRulesets({ taobao: { terminationPoints: 60 } }))).toEqual([
      'taobao.ladder: The last ladder step must be at terminationPoints (60), not 48',
    ]);
  });

  it('replaces expiry as a whole', () => {
    const rulesets = rulesetsOf(
      resolveRulesets({ alibaba: { expiry: { kind: 'calendar_year', keepAtOrAbove: null } } }),
    );
    expect(rulesets.alibaba?.expiry).toEqual({ kind: 'calendar_year', keepAtOrAbove: null });
  });

  it('leaves a ruleset alone when its patch is empty', () => {
    expect(applyRulesetPatch(DEFAULT_RULESETS.alibaba, {})).toBe(DEFAULT_RULESETS.alibaba);
  });

  it('changes the estimate and the ruleset id it carries', () => {
    const events = Array.from({ length: 10 }, () => establishedOn('2026-03-04'));
    const now = noonOf('2026-03-05');
    const rulesets = rulesetsOf(resolveRulesets({ alibaba: { dailyCap: 12 } }));
    const overridden = estimateStanding(events, rulesets.alibaba!, now);
    const standard = estimateStanding(events, DEFAULT_RULESETS.alibaba, now);
    expect(standard.confirmedPoints).toBe(6);
    expect(overridden.confirmedPoints).toBe(12);
    expect(overridden.rulesetId).toBe('alibaba-2022-02-24@1+override');
  });
});
