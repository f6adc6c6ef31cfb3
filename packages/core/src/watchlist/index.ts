/**
 * The public watchlist's publication policy: which sellers are listed and which facts about
 * them may be shown. Pure code: no I/O, no clock.
 */
export * from './publication-policy';
export * from './publication-policy.environment';
