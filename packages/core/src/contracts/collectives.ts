import { z } from 'zod';
import { idSchema, marketplaceSchema } from './common';

/** owner (one per collective, transfers ownership) · admin (manages members and shared data) · member. */
export const collectiveRoleSchema = z.enum(['owner', 'admin', 'member']);
export type CollectiveRole = z.infer<typeof collectiveRoleSchema>;

/** The roles an invitation or a role change can grant; ownership only moves by transfer. */
export const grantableRoleSchema = z.enum(['admin', 'member']);
export type GrantableRole = z.infer<typeof grantableRoleSchema>;

const collectiveNameSchema = z.string().trim().min(1).max(120);
const collectiveDescriptionSchema = z.string().trim().max(2000);

export const collectiveParamsSchema = z.object({ id: idSchema });
export const collectiveMemberParamsSchema = z.object({ id: idSchema, artistId: idSchema });
export const collectiveInvitationParamsSchema = z.object({ id: idSchema, invitationId: idSchema });

export const createCollectiveBodySchema = z.object({
  name: collectiveNameSchema,
  description: collectiveDescriptionSchema.default(''),
});
export type CreateCollectiveBody = z.infer<typeof createCollectiveBodySchema>;

export const updateCollectiveBodySchema = z
  .object({ name: collectiveNameSchema, description: collectiveDescriptionSchema })
  .partial()
  .strict()
  .refine((body) => body.name !== undefined || body.description !== undefined, {
    message: 'give a name or a description to change',
  });
export type UpdateCollectiveBody = z.infer<typeof updateCollectiveBodySchema>;

/** A collective as one of its members sees it; `role` is the caller's own role. */
export const collectiveSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  role: collectiveRoleSchema,
  memberCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CollectiveSummary = z.infer<typeof collectiveSummarySchema>;

export const collectiveListSchema = z.object({ collectives: z.array(collectiveSummarySchema) });

export const collectiveMemberSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  role: collectiveRoleSchema,
  joinedAt: z.iso.datetime(),
  isYou: z.boolean(),
});
export type CollectiveMember = z.infer<typeof collectiveMemberSchema>;

export const collectiveDetailSchema = collectiveSummarySchema.extend({
  /** Owner first, then admins, then members, each by name. */
  members: z.array(collectiveMemberSchema),
});
export type CollectiveDetail = z.infer<typeof collectiveDetailSchema>;

export const updateMemberBodySchema = z.object({ role: grantableRoleSchema }).strict();
export type UpdateMemberBody = z.infer<typeof updateMemberBodySchema>;

export const transferOwnershipBodySchema = z.object({ artistId: idSchema }).strict();
export type TransferOwnershipBody = z.infer<typeof transferOwnershipBodySchema>;

export const createInvitationBodySchema = z.object({
  role: grantableRoleSchema.default('member'),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export type CreateInvitationBody = z.infer<typeof createInvitationBodySchema>;

/** An open invitation as admins see it: never its secret. */
export const invitationSchema = z.object({
  id: idSchema,
  role: grantableRoleSchema,
  createdBy: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type InvitationView = z.infer<typeof invitationSchema>;

export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) });

/**
 * The secret appears in this one response only; the server keeps its hash. The link carries
 * it in the fragment (`/invite#…`) so it never reaches a server log.
 */
export const createdInvitationSchema = z.object({
  id: idSchema,
  role: grantableRoleSchema,
  expiresAt: z.iso.datetime(),
  token: z.string(),
  url: z.string(),
});
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const invitationTokenBodySchema = z.object({ token: z.string().trim().min(1).max(200) });
export type InvitationTokenBody = z.infer<typeof invitationTokenBodySchema>;

/** What the invited artist sees before accepting. */
export const invitationPreviewSchema = z.object({
  collectiveName: z.string(),
  inviterName: z.string().nullable(),
  role: grantableRoleSchema,
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const acceptedInvitationSchema = z.object({
  collectiveId: idSchema,
  collectiveName: z.string(),
  role: collectiveRoleSchema,
  joinedAt: z.iso.datetime(),
});
export type AcceptedInvitation = z.infer<typeof acceptedInvitationSchema>;

/** A member whose designs a seller copies, from sightings shared with the collective. */
export const copiedMemberSchema = z.object({
  artistId: idSchema,
  displayName: z.string(),
  isYou: z.boolean(),
  listingCount: z.number().int(),
  artworkTitles: z.array(z.string()),
});

export const collectiveSellerSchema = z.object({
  id: idSchema,
  marketplace: marketplaceSchema,
  storeId: z.string(),
  name: z.string().nullable(),
  storeUrl: z.string(),
  /** Distinct listings of this seller that members shared. */
  listingCount: z.number().int(),
  /** Estimated standing (null until the worker has computed one). */
  confirmedPoints: z.number().int().nullable(),
  pendingPoints: z.number().int().nullable(),
  tierLabel: z.string().nullable(),
  members: z.array(copiedMemberSchema),
});
export type CollectiveSeller = z.infer<typeof collectiveSellerSchema>;

export const collectiveSellerListSchema = z.object({
  sellers: z.array(collectiveSellerSchema),
  nextCursor: z.string().nullable(),
});
export type CollectiveSellerList = z.infer<typeof collectiveSellerListSchema>;

export const collectiveAuditEntrySchema = z.object({
  id: z.number().int(),
  actor: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.iso.datetime(),
});
export type CollectiveAuditEntry = z.infer<typeof collectiveAuditEntrySchema>;

export const collectiveAuditListSchema = z.object({
  events: z.array(collectiveAuditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type CollectiveAuditList = z.infer<typeof collectiveAuditListSchema>;
