import { DEFAULT_RULESETS, MARKETPLACES, type Marketplace } from '@counterpoint/core';
import { PUBLIC_WATCHLIST_SORTS, type PublicWatchlistSort } from '@counterpoint/core/contracts';
import type { WatchlistFilters } from '../api/watchlist-keys';

export const SORT_LABELS: Record<PublicWatchlistSort, string> = {
  points: 'Estimated points',
  complaints: 'Established complaints',
  artists: 'Distinct artists',
  recent: 'Latest removal',
  added: 'Newest on the list',
};

/** The largest figure the API accepts for `minPoints` and `tier`. */
const MAX_POINTS = 10_000;

function oneOf<Value extends string>(
  values: readonly Value[],
  value: string | null,
): value is Value {
  return value !== null && (values as readonly string[]).includes(value);
}

/** A whole number of points from the query string, or undefined when absent or not one. */
function pointsFrom(value: string | null): number | undefined {
  if (value === null || !/^\d{1,5}$/.test(value)) return undefined;
  const points = Number(value);
  return points <= MAX_POINTS ? points : undefined;
}

/** The filters in the page's query string; anything unknown or malformed falls back to the default. */
export function filtersFromSearch(search: URLSearchParams): WatchlistFilters {
  const marketplace = search.get('marketplace');
  const sort = search.get('sort');
  const minPoints = pointsFrom(search.get('minPoints'));
  return {
    marketplace: oneOf<Marketplace>(MARKETPLACES, marketplace) ? marketplace : undefined,
    minPoints: minPoints === 0 ? undefined : minPoints,
    tier: pointsFrom(search.get('tier')),
    sort: oneOf(PUBLIC_WATCHLIST_SORTS, sort) ? sort : 'points',
  };
}

/** Writes filters back to a query string, leaving defaults out to keep shared links short. */
export function searchFromFilters(filters: WatchlistFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.marketplace) search.set('marketplace', filters.marketplace);
  if (filters.minPoints !== undefined && filters.minPoints > 0)
    search.set('minPoints', String(filters.minPoints));
  if (filters.tier !== undefined) search.set('tier', String(filters.tier));
  if (filters.sort !== 'points') search.set('sort', filters.sort);
  return search;
}

export interface TierOption {
  points: number;
  label: string;
}

/**
 * The ladder steps a visitor can filter by: the marketplace's own ladder, or every step of
 * every marketplace (labels joined where they differ) when no marketplace is chosen.
 */
export function tierOptions(marketplace: Marketplace | undefined): TierOption[] {
  const rulesets = marketplace
    ? [DEFAULT_RULESETS[marketplace]]
    : MARKETPLACES.map((each) => DEFAULT_RULESETS[each]);
  const labels = new Map<number, Set<string>>();
  for (const ruleset of rulesets) {
    for (const step of ruleset.ladder) {
      const known = labels.get(step.points) ?? new Set<string>();
      known.add(step.label);
      labels.set(step.points, known);
    }
  }
  return [...labels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([points, names]) => ({ points, label: `${points} points · ${[...names].join(' / ')}` }));
}
