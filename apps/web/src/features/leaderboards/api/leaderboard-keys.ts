import type { LeaderboardQuery } from '@counterpoint/core/contracts';

export type LeaderboardFilters = Omit<LeaderboardQuery, 'cursor' | 'limit'>;

/** Query keys of the leaderboards feature. */
export const leaderboardKeys = {
  all: ['leaderboards'] as const,
  sellers: (filters: LeaderboardFilters) => [...leaderboardKeys.all, 'sellers', filters] as const,
  collectives: () => [...leaderboardKeys.all, 'collectives'] as const,
};
