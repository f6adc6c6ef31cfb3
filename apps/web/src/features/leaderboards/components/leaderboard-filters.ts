import { MARKETPLACES, type Marketplace } from '@counterpoint/core';
import { LEADERBOARD_SORTS, LEADERBOARD_WINDOWS } from '@counterpoint/core/contracts';
import type { LeaderboardFilters } from '../api/leaderboard-keys';

export type LeaderboardWindow = (typeof LEADERBOARD_WINDOWS)[number];
export type LeaderboardSort = (typeof LEADERBOARD_SORTS)[number];

export const WINDOW_LABELS: Record<LeaderboardWindow, string> = {
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '365d': 'Last 365 days',
  all: 'All time',
};

export const SORT_LABELS: Record<LeaderboardSort, string> = {
  points: 'Points',
  artists: 'Distinct artists',
  complaints: 'Established complaints',
  listings: 'Active listings',
};

function oneOf<Value extends string>(
  values: readonly Value[],
  value: string | null,
): value is Value {
  return value !== null && (values as readonly string[]).includes(value);
}

/** The filters kept in the page's query string; anything unknown falls back to the default. */
export function filtersFromSearch(search: URLSearchParams): LeaderboardFilters {
  const scope = search.get('scope');
  const collectiveId = search.get('collective');
  const marketplace = search.get('marketplace');
  const window = search.get('window');
  const sort = search.get('sort');
  return {
    scope:
      scope === 'mine' ? 'mine' : scope === 'collective' && collectiveId ? 'collective' : 'global',
    collectiveId: scope === 'collective' && collectiveId ? collectiveId : undefined,
    marketplace: oneOf<Marketplace>(MARKETPLACES, marketplace) ? marketplace : undefined,
    window: oneOf(LEADERBOARD_WINDOWS, window) ? window : '365d',
    sort: oneOf(LEADERBOARD_SORTS, sort) ? sort : 'points',
  };
}

/** Writes filters back to a query string, leaving defaults out to keep links short. */
export function searchFromFilters(filters: LeaderboardFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.scope !== 'global') search.set('scope', filters.scope);
  if (filters.scope === 'collective' && filters.collectiveId)
    search.set('collective', filters.collectiveId);
  if (filters.marketplace) search.set('marketplace', filters.marketplace);
  if (filters.window !== '365d') search.set('window', filters.window);
  if (filters.sort !== 'points') search.set('sort', filters.sort);
  return search;
}
