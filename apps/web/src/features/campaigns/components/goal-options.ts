import { DEFAULT_RULESETS, type Marketplace } from '@counterpoint/core';

export interface GoalOption {
  points: number;
  label: string;
}

/**
 * The goals a campaign can have: the ladder steps every target's marketplace shares (the API
 * checks them against the rulesets it is configured with, and says which it accepts if these
 * differ). Termination, the default, comes last.
 */
export function goalOptions(marketplaces: readonly Marketplace[]): GoalOption[] {
  const used = [...new Set(marketplaces)];
  if (used.length === 0) return [];
  const [first, ...rest] = used.map((marketplace) => DEFAULT_RULESETS[marketplace].ladder);
  return (first ?? [])
    .filter((step) => rest.every((ladder) => ladder.some((other) => other.points === step.points)))
    .map((step) => ({ points: step.points, label: step.label }))
    .sort((a, b) => a.points - b.points);
}

/** "48 points · Terminated", or the bare points when the step is unknown. */
export function goalLabel(points: number, marketplaces: readonly Marketplace[]): string {
  const step = goalOptions(marketplaces).find((option) => option.points === points);
  return step ? `${points} points · ${step.label}` : `${points} points`;
}
