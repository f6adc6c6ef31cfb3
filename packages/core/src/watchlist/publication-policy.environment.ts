import { z } from 'zod';
import { parseEnvironment } from '../config/parse-environment';
import {
  DEFAULT_PUBLICATION_POLICY,
  PUBLISHABLE_VISIBILITIES,
  type PublicationPolicy,
  type PublishableVisibility,
} from './publication-policy';

const threshold = (fallback: number) => z.coerce.number().int().min(1).max(1000).default(fallback);

/**
 * The environment variables that tune the publication policy. Spread into a process's
 * environment schema, or parsed alone with `publicationPolicyFromEnvironment`.
 */
export const publicationPolicyEnvironmentSchema = z.object({
  WATCHLIST_MIN_ESTABLISHED_COMPLAINTS: threshold(
    DEFAULT_PUBLICATION_POLICY.minEstablishedComplaints,
  ),
  WATCHLIST_MIN_DISTINCT_ARTISTS: threshold(DEFAULT_PUBLICATION_POLICY.minDistinctArtists),
  WATCHLIST_MIN_DISTINCT_DAYS: threshold(DEFAULT_PUBLICATION_POLICY.minDistinctDays),
  WATCHLIST_CORROBORATION: z
    .enum(['either', 'both'])
    .default(DEFAULT_PUBLICATION_POLICY.corroboration),
  WATCHLIST_MAX_REMOVED_LISTINGS_SHOWN: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(DEFAULT_PUBLICATION_POLICY.maxRemovedListingsShown),
  /** Comma-separated: `public` (the default) or `collective,public`. */
  WATCHLIST_PUBLISHED_VISIBILITIES: z
    .string()
    .default(DEFAULT_PUBLICATION_POLICY.publishedVisibilities.join(','))
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((item) => item.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .refine(
      (list) =>
        list.length > 0 &&
        list.every((item) => (PUBLISHABLE_VISIBILITIES as readonly string[]).includes(item)),
      { message: 'must list "public" and/or "collective", comma-separated (never "private")' },
    ),
});
export type PublicationPolicyEnvironment = z.output<typeof publicationPolicyEnvironmentSchema>;

/** The policy from already-parsed variables (for a config that spreads the schema). */
export function toPublicationPolicy(env: PublicationPolicyEnvironment): PublicationPolicy {
  return {
    minEstablishedComplaints: env.WATCHLIST_MIN_ESTABLISHED_COMPLAINTS,
    minDistinctArtists: env.WATCHLIST_MIN_DISTINCT_ARTISTS,
    minDistinctDays: env.WATCHLIST_MIN_DISTINCT_DAYS,
    corroboration: env.WATCHLIST_CORROBORATION,
    maxRemovedListingsShown: env.WATCHLIST_MAX_REMOVED_LISTINGS_SHOWN,
    publishedVisibilities: env.WATCHLIST_PUBLISHED_VISIBILITIES as PublishableVisibility[],
  };
}

/**
 * Reads the policy from an environment object (pure: pass it in). Unset variables take the
 * defaults; bad ones throw `ConfigurationError` listing every problem.
 */
export function publicationPolicyFromEnvironment(
  environment: Record<string, string | undefined>,
): PublicationPolicy {
  const relevant = Object.fromEntries(
    Object.entries(environment).filter(([name]) => name.startsWith('WATCHLIST_')),
  );
  return toPublicationPolicy(parseEnvironment(publicationPolicyEnvironmentSchema, relevant));
}
