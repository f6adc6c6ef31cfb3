import {
  assertValidPolicy,
  DEFAULT_PUBLICATION_POLICY,
  type PublicationPolicy,
} from '@counterpoint/core';
import type { WorkerConfig } from '../config';

/** A worker configuration that may carry the publication policy parsed from the environment. */
export type WorkerConfigWithWatchlist = WorkerConfig & { watchlistPolicy?: PublicationPolicy };

/**
 * The publication policy in force: the one the worker's configuration parsed from the
 * `WATCHLIST_*` variables (see `publicationPolicyFromEnvironment`), or the default.
 */
export function watchlistPolicyOf(config: WorkerConfigWithWatchlist): PublicationPolicy {
  const policy = config.watchlistPolicy ?? DEFAULT_PUBLICATION_POLICY;
  assertValidPolicy(policy);
  return policy;
}
