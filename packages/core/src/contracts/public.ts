import { z } from 'zod';
import { MARKETPLACES } from '../domain';
import { idSchema, marketplaceSchema } from './common';

/*
 * The public watchlist (no sign-in) and its due process (disputes, moderation).
 * Public documents are built by the worker and parsed with these schemas before they are
 * stored, so a field that is not listed here can never reach a public response.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A store id as Counterpoint stores it (digits, a subdomain, `user_number_id:…`, `x.tmall.hk`). */
export const publicStoreIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, {
    message: 'must be a store id (letters, digits, ".", "_", ":", "-")',
  });

export const publicTierSchema = z.object({
  points: z.number().int(),
  label: z.string(),
  consequence: z.string(),
});

/** The seller's standing: an estimate under the named ruleset, from all its complaints. */
export const publicStandingSchema = z.object({
  isEstimate: z.literal(true),
  rulesetId: z.string(),
  asOf: isoDate,
  confirmedPoints: z.number().int(),
  terminationPoints: z.number().int(),
  remainingPoints: z.number().int(),
  isTerminated: z.boolean(),
  tier: publicTierSchema.nullable(),
  nextTier: publicTierSchema.nullable(),
  strikes: z.number().int(),
  strikesToClosure: z.number().int().nullable(),
  pointsStartExpiringOn: isoDate.nullable(),
  complaintsNeeded: z.number().int().nullable(),
  distinctDaysNeeded: z.number().int().nullable(),
});

/** Facts from established complaints that their authors shared (collective or public). */
export const publicFactsSchema = z.object({
  establishedComplaints: z.number().int(),
  distinctArtists: z.number().int(),
  distinctDays: z.number().int(),
  removedListings: z.number().int(),
  firstEstablishedOn: isoDate,
  lastEstablishedOn: isoDate,
});

export const publicDisputeSummarySchema = z.object({
  status: z.enum(['open', 'upheld', 'rejected']),
  submittedOn: isoDate,
  resolvedOn: isoDate.nullable(),
  publicNote: z.string().nullable(),
});

/** One row of the watchlist (and of the JSON export). */
export const publicWatchlistEntrySchema = z.object({
  marketplace: marketplaceSchema,
  storeId: z.string(),
  name: z.string().nullable(),
  storeUrl: z.string(),
  path: z.string(),
  isEstimate: z.literal(true),
  rulesetId: z.string(),
  confirmedPoints: z.number().int(),
  tier: z.object({ points: z.number().int(), label: z.string() }).nullable(),
  isTerminated: z.boolean(),
  establishedComplaints: z.number().int(),
  distinctArtists: z.number().int(),
  distinctDays: z.number().int(),
  removedListings: z.number().int(),
  firstEstablishedOn: isoDate,
  lastEstablishedOn: isoDate,
  listedAt: z.iso.datetime(),
  hasOpenDispute: z.boolean(),
});
export type PublicWatchlistEntry = z.infer<typeof publicWatchlistEntrySchema>;

/** A listed seller's public page. */
export const publicSellerSchema = z.object({
  marketplace: marketplaceSchema,
  storeId: z.string(),
  name: z.string().nullable(),
  storeUrl: z.string(),
  path: z.string(),
  listedAt: z.iso.datetime(),
  standing: publicStandingSchema,
  facts: publicFactsSchema,
  /** The most recent removals first; `facts.removedListings` is the total. */
  removedListings: z.array(z.object({ itemId: z.string(), url: z.string(), removedOn: isoDate })),
  /** Artists who chose to be named, for their public complaints only. */
  attributions: z.array(z.object({ name: z.string(), establishedComplaints: z.number().int() })),
  hasOpenDispute: z.boolean(),
  /** The latest disputes (at most 10), newest first. */
  disputes: z.array(publicDisputeSummarySchema),
});
export type PublicSeller = z.infer<typeof publicSellerSchema>;

export const PUBLIC_WATCHLIST_SORTS = [
  'points',
  'complaints',
  'artists',
  'recent',
  'added',
] as const;
export type PublicWatchlistSort = (typeof PUBLIC_WATCHLIST_SORTS)[number];

/** Query of `GET /public/v1/watchlist`. Unknown parameters are refused (400). */
export const publicWatchlistQuerySchema = z.strictObject({
  marketplace: marketplaceSchema.optional(),
  minPoints: z.coerce.number().int().min(0).max(10_000).optional(),
  /** A ladder step, by its points (`0`: below the first step). */
  tier: z.coerce.number().int().min(0).max(10_000).optional(),
  sort: z.enum(PUBLIC_WATCHLIST_SORTS).default('points'),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type PublicWatchlistQuery = z.infer<typeof publicWatchlistQuerySchema>;

export const publicWatchlistPageSchema = z.object({
  isEstimate: z.literal(true),
  sort: z.enum(PUBLIC_WATCHLIST_SORTS),
  entries: z.array(publicWatchlistEntrySchema),
  nextCursor: z.string().nullable(),
});

export const publicSellerParamsSchema = z.strictObject({
  marketplace: z.enum(MARKETPLACES),
  storeId: publicStoreIdSchema,
});

export const publicPolicySchema = z.object({
  minEstablishedComplaints: z.number().int(),
  minDistinctArtists: z.number().int(),
  minDistinctDays: z.number().int(),
  corroboration: z.enum(['either', 'both']),
  maxRemovedListingsShown: z.number().int(),
  publishedVisibilities: z.array(z.enum(['collective', 'public'])),
});

export const publicWatchlistExportSchema = z.object({
  isEstimate: z.literal(true),
  generatedAt: z.iso.datetime(),
  policy: publicPolicySchema.nullable(),
  sellers: z.array(publicWatchlistEntrySchema),
});

/** Columns of `GET /public/v1/watchlist.csv`, in order. */
export const PUBLIC_WATCHLIST_CSV_COLUMNS = [
  'marketplace',
  'store_id',
  'store_name',
  'store_url',
  'page_url',
  'ruleset_id',
  'confirmed_points_estimate',
  'tier_points',
  'tier_label',
  'is_terminated',
  'established_complaints',
  'distinct_artists',
  'distinct_days',
  'removed_listings',
  'first_established_on',
  'last_established_on',
  'listed_at',
  'has_open_dispute',
] as const;

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Body of `POST /public/v1/sellers/:marketplace/:storeId/disputes`. */
export const publicDisputeRequestSchema = z.strictObject({
  contactEmail: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  statement: z.string().trim().min(20).max(4000),
  evidenceUrl: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .max(2000)
      .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }))
      .optional(),
  ),
});
export type PublicDisputeRequest = z.infer<typeof publicDisputeRequestSchema>;

export const publicDisputeReceiptSchema = z.object({
  id: idSchema,
  status: z.literal('open'),
  submittedAt: z.iso.datetime(),
  message: z.string(),
});

// Signed-in due process: collective admins review disputes, moderators hide and safelist.

export const DISPUTE_STATUSES = ['open', 'upheld', 'rejected'] as const;

export const disputeListQuerySchema = z.strictObject({
  status: z.enum(DISPUTE_STATUSES).default('open'),
  collectiveId: idSchema.optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type DisputeListQuery = z.infer<typeof disputeListQuerySchema>;

export const disputeViewSchema = z.object({
  id: idSchema,
  status: z.enum(DISPUTE_STATUSES),
  seller: z.object({
    id: idSchema,
    marketplace: marketplaceSchema,
    storeId: z.string(),
    name: z.string().nullable(),
  }),
  contactEmail: z.string(),
  statement: z.string(),
  evidenceUrl: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  publicNote: z.string().nullable(),
  /** Your collectives (where you are an owner or admin) whose members complained about the seller. */
  collectives: z.array(z.object({ id: idSchema, name: z.string() })),
});
export type DisputeView = z.infer<typeof disputeViewSchema>;

export const disputeListSchema = z.object({
  disputes: z.array(disputeViewSchema),
  nextCursor: z.string().nullable(),
});

export const disputeResolutionSchema = z.strictObject({
  outcome: z.enum(['upheld', 'rejected']),
  publicNote: z.string().trim().min(1).max(1000),
});
export type DisputeResolution = z.infer<typeof disputeResolutionSchema>;

export const hideSellerRequestSchema = z.strictObject({
  reason: z.string().trim().min(1).max(1000),
});

export const hiddenSellerSchema = z.object({
  sellerId: idSchema,
  marketplace: marketplaceSchema,
  storeId: z.string(),
  name: z.string().nullable(),
  reason: z.string(),
  hiddenAt: z.iso.datetime(),
  hiddenBy: idSchema.nullable(),
});
export const hiddenSellerListSchema = z.object({ hidden: z.array(hiddenSellerSchema) });

export const safelistRequestSchema = z.strictObject({
  marketplace: marketplaceSchema,
  storeId: z.string().trim().pipe(publicStoreIdSchema),
  note: z.string().trim().max(1000).default(''),
});
export type SafelistRequest = z.infer<typeof safelistRequestSchema>;

export const safelistEntrySchema = z.object({
  id: idSchema,
  marketplace: marketplaceSchema,
  storeId: z.string(),
  note: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: idSchema.nullable(),
  /** The Counterpoint seller with this store id, when one exists. */
  sellerId: idSchema.nullable(),
});
export const safelistSchema = z.object({ entries: z.array(safelistEntrySchema) });
