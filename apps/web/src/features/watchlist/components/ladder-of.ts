import { DEFAULT_RULESETS, MARKETPLACES } from '@counterpoint/core';
import type { PublicSeller } from '@counterpoint/core/contracts';
import type { LadderStep } from '../../../components/charts/ladder';

/**
 * The ladder of the ruleset the estimate was made under; when the server runs a ruleset this
 * build does not know, the steps the estimate names (tier and next tier) stand in for it.
 */
export function ladderOf(standing: PublicSeller['standing']): LadderStep[] {
  const known = MARKETPLACES.map((marketplace) => DEFAULT_RULESETS[marketplace]).find(
    (ruleset) => ruleset.id === standing.rulesetId,
  );
  if (known) return known.ladder.map((step) => ({ ...step }));
  return [standing.tier, standing.nextTier].filter((step): step is LadderStep => step !== null);
}
