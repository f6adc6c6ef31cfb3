import type { IsoDate, Visibility } from '../domain';

/**
 * When a seller may appear on the public watchlist, and which facts about it may be shown.
 * Pure: the worker gathers the inputs, this decides; nothing here reads a clock or a database.
 */
export interface PublicationPolicy {
  /** Established complaints (shared beyond their author) a seller needs at least (≥ 1). */
  minEstablishedComplaints: number;
  /** Distinct artists whose shared complaints were established against the seller. */
  minDistinctArtists: number;
  /** Distinct days on which shared complaints were established against the seller. */
  minDistinctDays: number;
  /**
   * How the two corroboration thresholds combine: `either` (the default) lists a seller
   * that meets one of them, `both` only a seller that meets both.
   */
  corroboration: 'either' | 'both';
  /** Removed listings shown on a seller's page (the most recent first); the total is always shown. */
  maxRemovedListingsShown: number;
  /**
   * Visibilities of the complaints whose established facts are published (and counted toward
   * the thresholds). Never `private`. The default is `public` only: artists are told that a
   * `collective` complaint is seen by their collectives, and a removed listing's URL shows
   * the copied design, so publishing it would point at its artist.
   */
  publishedVisibilities: readonly PublishableVisibility[];
}

/** The visibilities a policy may publish: a `private` complaint is the artist's own record. */
export const PUBLISHABLE_VISIBILITIES = ['collective', 'public'] as const;
export type PublishableVisibility = (typeof PUBLISHABLE_VISIBILITIES)[number];

export const DEFAULT_PUBLICATION_POLICY: Readonly<PublicationPolicy> = Object.freeze({
  minEstablishedComplaints: 1,
  minDistinctArtists: 2,
  minDistinctDays: 2,
  corroboration: 'either',
  maxRemovedListingsShown: 200,
  publishedVisibilities: Object.freeze(['public'] as const),
});

/** One listing in one complaint, established ("Listing removed") against the seller. */
export interface EstablishedListingFact {
  complaintId: string;
  artistId: string;
  visibility: Visibility;
  establishedOn: IsoDate;
  listingId: string;
  itemId: string;
  url: string;
}

/** Whether an artist agreed to be named in public facts, and under which name. */
export interface AttributionConsent {
  artistId: string;
  publicAttribution: boolean;
  publicName: string | null;
}

export interface SellerPublicationInput {
  /** A moderator hid the seller from public outputs. */
  isHidden: boolean;
  /** The seller is an authorised reseller on the safelist: it is never listed. */
  isSafelisted: boolean;
  /** The worker has computed the seller's standing estimate (a listed seller shows one). */
  hasStanding: boolean;
  /** Every established listing against the seller, whatever its visibility. */
  established: EstablishedListingFact[];
  /** Consent of the artists named in `established` (others are anonymous). */
  consents: AttributionConsent[];
}

export interface PublishedRemovedListing {
  itemId: string;
  url: string;
  /** First day a complaint about this listing was established. */
  removedOn: IsoDate;
}

export interface PublishedAttribution {
  /** The artist's public name, exactly as they chose it. */
  name: string;
  /** Their public complaints established against the seller. */
  establishedComplaints: number;
}

/** What may be said in public about a listed seller (besides its standing estimate). */
export interface PublishedFacts {
  establishedComplaints: number;
  distinctArtists: number;
  distinctDays: number;
  firstEstablishedOn: IsoDate;
  lastEstablishedOn: IsoDate;
  removedListingsTotal: number;
  /** The most recent first, at most `maxRemovedListingsShown`. */
  removedListings: PublishedRemovedListing[];
  /** Only artists who opted in, only for their `public` complaints; sorted by name. */
  attributions: PublishedAttribution[];
}

export const UNLISTED_REASONS = [
  'hidden',
  'safelisted',
  'no_standing',
  'no_established_complaint',
  'not_corroborated',
] as const;
export type UnlistedReason = (typeof UNLISTED_REASONS)[number];

export type PublicationDecision =
  | { isListed: false; reason: UnlistedReason; facts: PublishedFacts | null }
  | { isListed: true; facts: PublishedFacts };

/** The policy's thresholds, checked; throws on a policy no seller could be safely listed under. */
export function assertValidPolicy(policy: PublicationPolicy): void {
  const problems: string[] = [];
  const positive = (name: keyof PublicationPolicy, value: number) => {
    if (!Number.isInteger(value) || value < 1) problems.push(`${name} must be a whole number ≥ 1`);
  };
  positive('minEstablishedComplaints', policy.minEstablishedComplaints);
  positive('minDistinctArtists', policy.minDistinctArtists);
  positive('minDistinctDays', policy.minDistinctDays);
  positive('maxRemovedListingsShown', policy.maxRemovedListingsShown);
  if (policy.corroboration !== 'either' && policy.corroboration !== 'both') {
    problems.push('corroboration must be "either" or "both"');
  }
  const visibilities = policy.publishedVisibilities as readonly string[];
  if (
    visibilities.length === 0 ||
    visibilities.some(
      (visibility) => !(PUBLISHABLE_VISIBILITIES as readonly string[]).includes(visibility),
    )
  ) {
    problems.push(
      'publishedVisibilities must list "public", "collective" or both (never "private")',
    );
  }
  if (problems.length) throw new Error(`Invalid publication policy: ${problems.join('; ')}`);
}

/**
 * The public facts about a seller: established listings of complaints whose visibility the
 * policy publishes (never `private`), established on or before `today`, counted, dated and
 * attributed where the artist opted in. Null when there are none.
 */
export function publishedFacts(
  input: Pick<SellerPublicationInput, 'established' | 'consents'>,
  policy: PublicationPolicy,
  today: IsoDate,
): PublishedFacts | null {
  // Defence in depth: `private` is dropped even from a policy that slipped past validation.
  const published = new Set<string>(
    (policy.publishedVisibilities as readonly string[]).filter(
      (visibility) => visibility !== 'private',
    ),
  );
  const shared = input.established.filter(
    (fact) => published.has(fact.visibility) && fact.establishedOn <= today,
  );
  if (shared.length === 0) return null;

  const complaints = new Set<string>();
  const artists = new Set<string>();
  const days = new Set<string>();
  const listings = new Map<string, PublishedRemovedListing>();
  const publicComplaintsByArtist = new Map<string, Set<string>>();
  let first = shared[0]!.establishedOn;
  let last = first;
  for (const fact of shared) {
    complaints.add(fact.complaintId);
    artists.add(fact.artistId);
    days.add(fact.establishedOn);
    if (fact.establishedOn < first) first = fact.establishedOn;
    if (fact.establishedOn > last) last = fact.establishedOn;
    const known = listings.get(fact.listingId);
    if (!known || fact.establishedOn < known.removedOn) {
      listings.set(fact.listingId, {
        itemId: fact.itemId,
        url: fact.url,
        removedOn: fact.establishedOn,
      });
    }
    if (fact.visibility === 'public') {
      const own = publicComplaintsByArtist.get(fact.artistId) ?? new Set<string>();
      own.add(fact.complaintId);
      publicComplaintsByArtist.set(fact.artistId, own);
    }
  }

  const attributions: PublishedAttribution[] = [];
  for (const consent of input.consents) {
    const own = publicComplaintsByArtist.get(consent.artistId);
    const name = consent.publicName?.trim();
    if (!own || !consent.publicAttribution || !name) continue;
    attributions.push({ name, establishedComplaints: own.size });
  }
  attributions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const removed = [...listings.values()].sort((a, b) =>
    a.removedOn !== b.removedOn
      ? a.removedOn < b.removedOn
        ? 1
        : -1
      : a.itemId < b.itemId
        ? -1
        : a.itemId > b.itemId
          ? 1
          : 0,
  );
  return {
    establishedComplaints: complaints.size,
    distinctArtists: artists.size,
    distinctDays: days.size,
    firstEstablishedOn: first,
    lastEstablishedOn: last,
    removedListingsTotal: removed.length,
    removedListings: removed.slice(0, policy.maxRemovedListingsShown),
    attributions,
  };
}

/**
 * Whether the seller is listed, and with which facts. A seller is listed when it is neither
 * hidden nor safelisted, its standing has been computed, it has at least
 * `minEstablishedComplaints` shared established complaints, and the complaints are
 * corroborated: from `minDistinctArtists` artists or on `minDistinctDays` days (`either`),
 * or both (`both`).
 */
export function decidePublication(
  input: SellerPublicationInput,
  policy: PublicationPolicy,
  today: IsoDate,
): PublicationDecision {
  const facts = publishedFacts(input, policy, today);
  if (input.isSafelisted) return { isListed: false, reason: 'safelisted', facts };
  if (input.isHidden) return { isListed: false, reason: 'hidden', facts };
  if (!facts || facts.establishedComplaints < policy.minEstablishedComplaints) {
    return { isListed: false, reason: 'no_established_complaint', facts };
  }
  const byArtists = facts.distinctArtists >= policy.minDistinctArtists;
  const byDays = facts.distinctDays >= policy.minDistinctDays;
  const isCorroborated =
    policy.corroboration === 'both' ? byArtists && byDays : byArtists || byDays;
  if (!isCorroborated) return { isListed: false, reason: 'not_corroborated', facts };
  if (!input.hasStanding) return { isListed: false, reason: 'no_standing', facts };
  return { isListed: true, facts };
}
