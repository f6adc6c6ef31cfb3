import { z } from 'zod';
import { COMPLAINT_STATUSES, SEVERITIES } from '../domain';
import { artistRefSchema, listingSchema } from './sellers';
import { eventDateSchema, idSchema, marketplaceSchema, visibilitySchema } from './common';

export const complaintStatusSchema = z.enum(COMPLAINT_STATUSES);

export const createComplaintBodySchema = z
  .object({
    artworkId: idSchema,
    /** 1–300 listings, as ids or as URLs (each must already be known or parse to a listing). */
    listingIds: z.array(idSchema).max(300).default([]),
    listingUrls: z.array(z.string().min(1).max(2048)).max(300).default([]),
    /** Filed on IPP already (`submitted`, with `filedOn`) or not yet (`draft`). */
    status: z.enum(['draft', 'submitted']).default('submitted'),
    filedOn: eventDateSchema.optional(),
    ippReference: z.string().trim().min(1).max(100).optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
    severity: z.enum(SEVERITIES).default('general'),
    visibility: visibilitySchema.default('collective'),
  })
  .refine((body) => body.listingIds.length + body.listingUrls.length >= 1, {
    message: 'name at least one listing (listingIds or listingUrls)',
    path: ['listingIds'],
  })
  .refine((body) => body.listingIds.length + body.listingUrls.length <= 300, {
    message: 'IPP takes at most 300 listings per complaint',
    path: ['listingIds'],
  });
export type CreateComplaintBody = z.infer<typeof createComplaintBodySchema>;

export const updateComplaintBodySchema = z
  .object({
    ippReference: z.string().trim().min(1).max(100).nullable(),
    reason: z.string().trim().min(1).max(2000),
    visibility: visibilitySchema,
  })
  .partial()
  .strict();

export const statusChangeBodySchema = z.object({
  status: complaintStatusSchema,
  occurredOn: eventDateSchema,
  note: z.string().trim().max(2000).default(''),
  /** Only these listings of the complaint; all of them when omitted. */
  listingIds: z.array(idSchema).min(1).max(300).optional(),
  /** Setting the IPP reference when recording the filing. */
  ippReference: z.string().trim().min(1).max(100).optional(),
});
export type StatusChangeBody = z.infer<typeof statusChangeBodySchema>;

export const bulkStatusBodySchema = z.object({
  updates: z
    .array(
      z.object({
        complaintId: idSchema,
        listingIds: z.array(idSchema).min(1).max(300).optional(),
        status: complaintStatusSchema,
        occurredOn: eventDateSchema,
        note: z.string().trim().max(2000).default(''),
      }),
    )
    .min(1)
    .max(500),
});
export type BulkStatusBody = z.infer<typeof bulkStatusBodySchema>;

export const statusEventSchema = z.object({
  fromStatus: complaintStatusSchema.nullable(),
  toStatus: complaintStatusSchema,
  occurredOn: z.string(),
  note: z.string(),
  recordedAt: z.iso.datetime(),
});

export const complaintListingSchema = z.object({
  id: idSchema,
  listing: listingSchema,
  seller: z.object({ id: idSchema, marketplace: marketplaceSchema, storeId: z.string(), name: z.string().nullable() }).nullable(),
  status: complaintStatusSchema,
  statusOn: z.string().nullable(),
  establishedOn: z.string().nullable(),
  counterNoticeOn: z.string().nullable(),
  responseDueOn: z.string().nullable(),
  allowedNext: z.array(complaintStatusSchema),
  history: z.array(statusEventSchema),
});

export const complaintSummarySchema = z.object({
  id: idSchema,
  artist: artistRefSchema,
  artwork: z.object({ id: idSchema, title: z.string() }).nullable(),
  marketplace: marketplaceSchema,
  severity: z.enum(SEVERITIES),
  filedOn: z.string().nullable(),
  ippReference: z.string().nullable(),
  visibility: visibilitySchema,
  /** The furthest-behind status among its listings, and the count per status. */
  status: complaintStatusSchema,
  statusCounts: z.record(z.string(), z.number().int()),
  listingCount: z.number().int(),
  sellerNames: z.array(z.string()),
  nextDeadline: z.string().nullable(),
  /** The latest day one of its listings was removed (listings still removed), or null. */
  lastRemovedOn: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ComplaintSummary = z.infer<typeof complaintSummarySchema>;

export const complaintDetailSchema = complaintSummarySchema.extend({
  reason: z.string().nullable(),
  listings: z.array(complaintListingSchema),
  isOwner: z.boolean(),
});
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;

export const complaintListQuerySchema = z.object({
  scope: z.enum(['mine', 'shared']).default('mine'),
  status: complaintStatusSchema.optional(),
  marketplace: marketplaceSchema.optional(),
  artworkId: idSchema.optional(),
  sellerId: idSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const complaintListSchema = z.object({ complaints: z.array(complaintSummarySchema), nextCursor: z.string().nullable() });

export const pasteListResponseSchema = z.object({
  marketplace: marketplaceSchema,
  chunks: z.array(z.object({ urls: z.array(z.string()), text: z.string() })),
  urlCount: z.number().int(),
});

export const reminderSchema = z.object({
  id: idSchema,
  kind: z.enum(['check_back', 'counter_notice_deadline', 'campaign_task']),
  dueOn: z.string(),
  isOverdue: z.boolean(),
  daysLeft: z.number().int(),
  complaintId: idSchema.nullable(),
  campaignTaskId: idSchema.nullable(),
  title: z.string(),
  detail: z.string(),
});
export type ReminderView = z.infer<typeof reminderSchema>;

export const reminderListQuerySchema = z.object({
  due: z.enum(['today', 'week', 'all']).default('all'),
});
export const reminderListSchema = z.object({ reminders: z.array(reminderSchema) });
