import { assertValidPolicy, type PublicationPolicy } from '@counterpoint/core';
import type { WorkerConfig } from '../config';

/**
 * The publication policy in force: the one the worker's configuration parsed from the
 * `WATCHLIST_*` variables (defaults when unset), checked once more before it is applied.
 */
export function watchlistPolicyOf(config: Pick<WorkerConfig, 'watchlistPolicy'>): PublicationPolicy {
  assertValidPolicy(config.watchlistPolicy);
  return config.watchlistPolicy;
}
