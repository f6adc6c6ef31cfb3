import { z } from 'zod';
import { COMPLAINT_STATUSES, IPR_STATUSES } from '../domain';
import { collectiveRoleSchema } from './collectives';
import { eventDateSchema, idSchema, isoDateSchema, marketplaceSchema } from './common';

/*
 * Joint reporting campaigns: a collective's coordinated complaints against one seller (or
 * several stores believed to be one operator, each planned on its own). The plan itself is
 * made by the worker with `planCampaign`; these are the shapes the API takes and returns.
 */

/** open (members are asked to file) · paused (plan kept, nobody asked) · closed (final). */
export const campaignStatusSchema = z.enum(['open', 'paused', 'closed']);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** planned (to file) · filed (a complaint records it) · skipped (by its member) · cancelled (no longer in the plan). */
export const campaignTaskStatusSchema = z.enum(['planned', 'filed', 'skipped', 'cancelled']);
export type CampaignTaskStatus = z.infer<typeof campaignTaskStatusSchema>;

export const campaignParamsSchema = z.object({ id: idSchema, campaignId: idSchema });
export const campaignTaskParamsSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  taskId: idSchema,
});

const campaignNameSchema = z.string().trim().min(1).max(200);
const goalPointsSchema = z.number().int().min(1).max(1000);
const sellerIdsSchema = z
  .array(idSchema)
  .min(1)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'name each seller once' });

export const createCampaignBodySchema = z
  .object({
    name: campaignNameSchema,
    /** The target store, or several stores believed to be one operator (each planned on its own). */
    sellerIds: sellerIdsSchema,
    /** A step of the target's penalty ladder; the termination threshold when omitted. */
    goalPoints: goalPointsSchema.optional(),
    /** Last day an establishment counts for the goal; no end when omitted. */
    endsOn: isoDateSchema.nullable().optional(),
  })
  .strict();
export type CreateCampaignBody = z.infer<typeof createCampaignBodySchema>;

export const updateCampaignBodySchema = z
  .object({
    name: campaignNameSchema,
    sellerIds: sellerIdsSchema,
    goalPoints: goalPointsSchema,
    endsOn: isoDateSchema.nullable(),
    status: campaignStatusSchema,
  })
  .partial()
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'give at least one field to change',
  });
export type UpdateCampaignBody = z.infer<typeof updateCampaignBodySchema>;

/** A member's constraints when opting in: when they cannot file, and how often they will. */
export const participationBodySchema = z
  .object({
    /** Weekdays the member cannot file on (0 = Sunday … 6 = Saturday). */
    unavailableWeekdays: z
      .array(z.number().int().min(0).max(6))
      .max(7)
      .refine((days) => new Set(days).size === days.length, { message: 'name each weekday once' })
      .default([]),
    /** Specific days the member cannot file on. */
    unavailableDates: z.array(isoDateSchema).max(366).default([]),
    /** Most complaints a Monday–Sunday week; no limit when null. */
    maxPerWeek: z.number().int().min(1).max(50).nullable().default(null),
  })
  .strict();
export type ParticipationBody = z.infer<typeof participationBodySchema>;

export const campaignSellerSchema = z.object({
  id: idSchema,
  marketplace: marketplaceSchema,
  storeId: z.string(),
  name: z.string().nullable(),
  storeUrl: z.string(),
  /** Estimated standing (null until the worker has computed one). */
  confirmedPoints: z.number().int().nullable(),
  tierLabel: z.string().nullable(),
});

export const campaignParticipantSchema = z.object({
  artistId: idSchema,
  displayName: z.string(),
  isYou: z.boolean(),
  unavailableWeekdays: z.array(z.number().int()),
  unavailableDates: z.array(z.string()),
  maxPerWeek: z.number().int().nullable(),
  joinedAt: z.iso.datetime(),
});
export type CampaignParticipant = z.infer<typeof campaignParticipantSchema>;

const tierProjectionSchema = z.object({
  tierPoints: z.number().int(),
  label: z.string(),
  date: z.string().nullable(),
  isAlreadyReached: z.boolean(),
});

/** One store's plan as the members see it (its tasks are listed by the tasks route). */
export const sellerPlanSchema = z.object({
  sellerId: idSchema,
  rulesetId: z.string(),
  isEstimate: z.literal(true),
  asOf: z.string(),
  goal: z.object({
    points: z.number().int(),
    reachedOn: z.string().nullable(),
    isReachable: z.boolean(),
    plannedDaysToGoal: z.number().int(),
  }),
  currentStanding: z.object({
    confirmedPoints: z.number().int(),
    pendingPoints: z.number().int(),
    tierLabel: z.string().nullable(),
    remainingPoints: z.number().int(),
    isTerminated: z.boolean(),
    uncertainComplaints: z.number().int(),
  }),
  projection: z.array(tierProjectionSchema),
  coverage: z.object({
    listingsTotal: z.number().int(),
    outOfScope: z.number().int(),
    removed: z.number().int(),
    alreadyComplained: z.number().int(),
    plannable: z.number().int(),
    unclaimed: z.number().int(),
    contested: z.number().int(),
    plannedListings: z.number().int(),
  }),
  shortfall: z
    .object({
      missingPoints: z.number().int(),
      missingComplaints: z.number().int(),
      missingDistinctDays: z.number().int(),
      message: z.string(),
    })
    .nullable(),
  warnings: z.array(z.string()),
  plannedTasks: z.number().int(),
});
export type SellerPlanView = z.infer<typeof sellerPlanSchema>;

export const campaignPlanSchema = z.object({
  asOf: z.string(),
  computedAt: z.iso.datetime(),
  /** False while a change (settings, participation) waits for the worker to re-plan. */
  isCurrent: z.boolean(),
  warnings: z.array(z.string()),
  sellers: z.array(sellerPlanSchema),
});

export const campaignTaskCountsSchema = z.object({
  planned: z.number().int(),
  filed: z.number().int(),
  skipped: z.number().int(),
  cancelled: z.number().int(),
  /** Planned tasks whose day has passed; the next re-plan moves them forward. */
  overdue: z.number().int(),
});

export const campaignSummarySchema = z.object({
  id: idSchema,
  collectiveId: idSchema,
  name: z.string(),
  status: campaignStatusSchema,
  goalPoints: z.number().int(),
  endsOn: z.string().nullable(),
  sellers: z.array(campaignSellerSchema),
  participantCount: z.number().int(),
  isParticipant: z.boolean(),
  /** Latest projected goal day over the target stores; null when none is reachable or no plan yet. */
  goalReachedOn: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignListSchema = z.object({ campaigns: z.array(campaignSummarySchema) });

export const campaignDetailSchema = campaignSummarySchema.extend({
  /** The caller's role in the collective. */
  role: collectiveRoleSchema,
  createdBy: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  participants: z.array(campaignParticipantSchema),
  /** Null until the worker has made the first plan (usually within seconds). */
  plan: campaignPlanSchema.nullable(),
  taskCounts: campaignTaskCountsSchema,
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

export const campaignTaskQuerySchema = z.object({
  /** Your own tasks (default) or every member's. */
  scope: z.enum(['mine', 'all']).default('mine'),
  status: campaignTaskStatusSchema.optional(),
});

/** One complaint a member is asked to file on IPP, with everything needed to file it. */
export const campaignTaskSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  status: campaignTaskStatusSchema,
  artist: z.object({ id: idSchema, displayName: z.string(), isYou: z.boolean() }),
  seller: z.object({
    id: idSchema,
    marketplace: marketplaceSchema,
    storeId: z.string(),
    name: z.string().nullable(),
  }),
  marketplace: marketplaceSchema,
  fileOn: z.string(),
  expectedEstablishedOn: z.string().nullable(),
  isOverdue: z.boolean(),
  part: z.number().int(),
  partCount: z.number().int(),
  isOnOwnDay: z.boolean(),
  /** On IPP, choose this IPR: the artwork and its IPR reference. */
  ipr: z.object({
    artworkId: idSchema,
    artworkTitle: z.string(),
    iprReference: z.string().nullable(),
    iprStatus: z.enum(IPR_STATUSES),
  }),
  listings: z.array(z.object({ id: idSchema, canonicalUrl: z.string() })),
  /** Canonical URLs one a line, for IPP's "Option 2" field (one chunk: at most 300). */
  pasteList: z.string(),
  /** Suggested explanation for the complaint form (reason "Pirated copy"). */
  reasonText: z.string(),
  explanation: z.string(),
  complaintId: idSchema.nullable(),
  filedOn: z.string().nullable(),
  skipReason: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type CampaignTaskView = z.infer<typeof campaignTaskSchema>;

export const campaignTaskListSchema = z.object({ tasks: z.array(campaignTaskSchema) });

export const fileCampaignTaskBodySchema = z
  .object({
    /** The day you filed it on IPP; today when omitted. */
    filedOn: eventDateSchema.optional(),
    ippReference: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type FileCampaignTaskBody = z.infer<typeof fileCampaignTaskBodySchema>;

export const skipCampaignTaskBodySchema = z
  .object({ reason: z.string().trim().min(1).max(1000) })
  .strict();
export type SkipCampaignTaskBody = z.infer<typeof skipCampaignTaskBodySchema>;

/** One step of setting up IPP before a member can file for an artwork. */
export const ippSetupStepSchema = z.object({
  key: z.enum(['register', 'submit_ipr', 'ipr_review', 'unique_registration']),
  title: z.string(),
  detail: z.string(),
  state: z.enum(['done', 'to_do', 'waiting', 'failed', 'note']),
});
export type IppSetupStep = z.infer<typeof ippSetupStepSchema>;

const coverageCopySchema = z.object({
  artistId: idSchema,
  displayName: z.string(),
  isYou: z.boolean(),
  isParticipant: z.boolean(),
  artworkId: idSchema,
  artworkTitle: z.string(),
  iprStatus: z.enum(IPR_STATUSES),
  iprReference: z.string().nullable(),
});

/**
 * What can happen to one listing now: `removed` (gone), `complained` (established or still in
 * progress), `can_file` (an opted-in member with an approved IPR copies it), `needs_ipp_setup`
 * (members copy it but none has an approved IPR yet), `not_opted_in` (only members outside the
 * campaign can report it), `unclaimed` (no member has recorded it as a copy).
 */
export const coverageStateSchema = z.enum([
  'removed',
  'complained',
  'can_file',
  'needs_ipp_setup',
  'not_opted_in',
  'unclaimed',
]);

export const coverageListingSchema = z.object({
  listingId: idSchema,
  canonicalUrl: z.string(),
  state: coverageStateSchema,
  copies: z.array(coverageCopySchema),
  /** Complaints about the listing that you may see. */
  complaints: z.array(
    z.object({
      complaintId: idSchema,
      artist: z.object({ id: idSchema, displayName: z.string(), isYou: z.boolean() }),
      status: z.enum(COMPLAINT_STATUSES),
      filedOn: z.string().nullable(),
    }),
  ),
  /** Further complaints about it by artists whose complaints you may not see. */
  otherComplaints: z.number().int(),
});

export const coverageMemberSchema = z.object({
  artistId: idSchema,
  displayName: z.string(),
  isYou: z.boolean(),
  isParticipant: z.boolean(),
  /** Listings the member could report now (approved IPR, opted in). */
  canFileNow: z.number().int(),
  /** Listings waiting for this member's IPP set-up (IPR not approved yet). */
  awaitingSetup: z.number().int(),
  artworks: z.array(
    z.object({
      artworkId: idSchema,
      artworkTitle: z.string(),
      iprStatus: z.enum(IPR_STATUSES),
      iprReference: z.string().nullable(),
      listingCount: z.number().int(),
      setupSteps: z.array(ippSetupStepSchema),
    }),
  ),
});

export const coverageSellerSchema = z.object({
  seller: z.object({
    id: idSchema,
    marketplace: marketplaceSchema,
    storeId: z.string(),
    name: z.string().nullable(),
  }),
  counts: z.record(coverageStateSchema, z.number().int()),
  listings: z.array(coverageListingSchema),
});

export const campaignCoverageSchema = z.object({
  campaignId: idSchema,
  /** Only sightings shared with the collective count; private sightings stay private. */
  sellers: z.array(coverageSellerSchema),
  members: z.array(coverageMemberSchema),
  /** The one-time IPP set-up every member goes through before filing. */
  ippSetup: z.array(ippSetupStepSchema.omit({ state: true })),
});
export type CampaignCoverage = z.infer<typeof campaignCoverageSchema>;

const pointsPointSchema = z.object({ date: z.string(), points: z.number().int() });

export const campaignProgressSchema = z.object({
  campaignId: idSchema,
  goalPoints: z.number().int(),
  isEstimate: z.literal(true),
  sellers: z.array(
    z.object({
      sellerId: idSchema,
      storeId: z.string(),
      name: z.string().nullable(),
      marketplace: marketplaceSchema,
      rulesetId: z.string().nullable(),
      confirmedPoints: z.number().int().nullable(),
      pendingPoints: z.number().int().nullable(),
      isTerminated: z.boolean(),
      /** Points counting at the end of each day with establishments (the standing's timeline). */
      actual: z.array(pointsPointSchema),
      /** The plan's projection: points on each day from the plan's day on. */
      projected: z.array(pointsPointSchema),
      goalReachedOn: z.string().nullable(),
      tierEvents: z.array(
        z.object({
          fromPoints: z.number().int().nullable(),
          toPoints: z.number().int(),
          label: z.string(),
          occurredAt: z.iso.datetime(),
        }),
      ),
    }),
  ),
  tasks: campaignTaskCountsSchema,
});
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;

/**
 * The plan document the worker stores on the campaign: one `planCampaign` result per target
 * store, with the projected points series for the progress chart. Read with this schema, which
 * keeps only what the API shows.
 */
export const storedCampaignPlanSchema = z.object({
  format: z.literal(1),
  asOf: z.string(),
  warnings: z.array(z.string()),
  sellers: z.array(
    z.object({
      sellerId: z.string(),
      plan: z.object({
        rulesetId: z.string(),
        asOf: z.string(),
        goal: sellerPlanSchema.shape.goal,
        currentStanding: sellerPlanSchema.shape.currentStanding,
        projection: z.array(tierProjectionSchema),
        coverage: sellerPlanSchema.shape.coverage,
        shortfall: sellerPlanSchema.shape.shortfall,
        warnings: z.array(z.string()),
        tasks: z.array(z.object({ taskKey: z.string() })),
      }),
      projectedPoints: z.array(pointsPointSchema),
    }),
  ),
});
export type StoredCampaignPlan = z.infer<typeof storedCampaignPlanSchema>;
