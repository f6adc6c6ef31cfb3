import { z } from 'zod';
import { idSchema, marketplaceSchema } from './common';

const ladderStepSchema = z.object({ points: z.number().int(), label: z.string(), consequence: z.string() });

/** A seller's standing: always an estimate, always with the ruleset it was computed under. */
export const standingSchema = z.object({
  sellerId: idSchema,
  isEstimate: z.literal(true),
  rulesetId: z.string(),
  ruleset: z.object({
    id: z.string(),
    marketplace: marketplaceSchema,
    version: z.string(),
    effectiveFrom: z.string(),
    confidence: z.enum(['high', 'medium', 'low']),
    sourceNotes: z.array(z.string()),
    ladder: z.array(ladderStepSchema),
    terminationPoints: z.number().int(),
  }).nullable(),
  asOf: z.string(),
  computedAt: z.iso.datetime(),
  isStale: z.boolean(),
  confirmedPoints: z.number().int(),
  pendingPoints: z.number().int(),
  strikes: z.number().int(),
  strikesToClosure: z.number().int().nullable(),
  terminationPoints: z.number().int(),
  tier: ladderStepSchema.nullable(),
  nextTier: ladderStepSchema.nullable(),
  remainingPoints: z.number().int(),
  isTerminated: z.boolean(),
  complaintsNeeded: z.number().int().nullable(),
  distinctDaysNeeded: z.number().int().nullable(),
  pointsStartExpiringOn: z.string().nullable(),
  counts: z.object({
    establishedComplaints: z.number().int(),
    establishedListings: z.number().int(),
    distinctArtists: z.number().int(),
    firstEstablishedOn: z.string().nullable(),
    lastEstablishedOn: z.string().nullable(),
  }),
  timeline: z.array(
    z.object({
      date: z.string(),
      pointsAdded: z.number().int(),
      runningTotal: z.number().int(),
      expiresOn: z.string().nullable(),
    }),
  ),
  /** One entry per listing in a complaint that you may see; others are counted but not shown. */
  explanation: z.array(
    z.object({
      complaintId: idSchema.nullable(),
      status: z.string(),
      date: z.string().nullable(),
      points: z.number().int(),
      outcome: z.string(),
      reason: z.string(),
    }),
  ),
  hiddenExplanationEntries: z.number().int(),
  /** Complaints (not listings) you cannot see that also count. */
  hiddenComplaints: z.number().int(),
});
export type StandingView = z.infer<typeof standingSchema>;

export const LEADERBOARD_WINDOWS = ['30d', '90d', '365d', 'all'] as const;
export const LEADERBOARD_SORTS = ['points', 'artists', 'complaints', 'listings'] as const;

export const leaderboardQuerySchema = z.object({
  scope: z.enum(['global', 'collective', 'mine']).default('global'),
  collectiveId: idSchema.optional(),
  marketplace: marketplaceSchema.optional(),
  window: z.enum(LEADERBOARD_WINDOWS).default('365d'),
  sort: z.enum(LEADERBOARD_SORTS).default('points'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

export const leaderboardEntrySchema = z.object({
  rank: z.number().int(),
  sellerId: idSchema,
  marketplace: marketplaceSchema,
  storeId: z.string(),
  name: z.string().nullable(),
  storeUrl: z.string(),
  points: z.number().int(),
  distinctArtists: z.number().int(),
  establishedComplaints: z.number().int(),
  activeListings: z.number().int(),
  lastEstablishedOn: z.string().nullable(),
  confirmedPoints: z.number().int().nullable(),
  tierLabel: z.string().nullable(),
});
export const leaderboardSchema = z.object({
  window: z.enum(LEADERBOARD_WINDOWS),
  sort: z.enum(LEADERBOARD_SORTS),
  isEstimate: z.literal(true),
  entries: z.array(leaderboardEntrySchema),
  nextCursor: z.string().nullable(),
});
export type Leaderboard = z.infer<typeof leaderboardSchema>;

export const notificationSchema = z.object({
  id: idSchema,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export const notificationListSchema = z.object({ notifications: z.array(notificationSchema), unread: z.number().int() });
