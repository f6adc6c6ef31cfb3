import { ConfigurationError, resolveRulesets, type Marketplace, type Ruleset } from '@counterpoint/core';

export type RulesetMap = ReadonlyMap<Marketplace, Ruleset>;

/**
 * The penalty rulesets in force: the built-in ones, with a deployment's overrides
 * (PENALTY_RULESET_OVERRIDES, JSON) applied. Bad overrides stop start-up with every problem.
 */
export function loadRulesets(overrides: string | null): RulesetMap {
  const resolved = resolveRulesets(overrides ?? undefined);
  if (!resolved.ok) throw new ConfigurationError(resolved.issues.map((issue) => `PENALTY_RULESET_OVERRIDES: ${issue}`));
  const map = new Map<Marketplace, Ruleset>();
  for (const ruleset of Object.values<Ruleset>(resolved.rulesets)) map.set(ruleset.marketplace, ruleset);
  return map;
}
