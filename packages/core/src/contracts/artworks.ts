import { z } from 'zod';
import { IPR_STATUSES, IPR_TYPES } from '../domain';
import { eventDateSchema, idSchema } from './common';

export const iprTypeSchema = z.enum(IPR_TYPES);
export const iprStatusSchema = z.enum(IPR_STATUSES);

export const createArtworkBodySchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  iprType: iprTypeSchema.default('copyright'),
  /** IPP's registration number; null with isRegistrationRequired false means "N/A". */
  registrationNumber: z.string().trim().min(1).max(100).nullable().default(null),
  isRegistrationRequired: z.boolean().default(false),
  ippIprReference: z.string().trim().min(1).max(100).nullable().default(null),
});
export type CreateArtworkBody = z.infer<typeof createArtworkBodySchema>;

export const updateArtworkBodySchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000),
    iprType: iprTypeSchema,
    registrationNumber: z.string().trim().min(1).max(100).nullable(),
    isRegistrationRequired: z.boolean(),
    ippIprReference: z.string().trim().min(1).max(100).nullable(),
  })
  .partial()
  .strict();
export type UpdateArtworkBody = z.infer<typeof updateArtworkBodySchema>;

export const iprStatusChangeBodySchema = z.object({
  status: iprStatusSchema,
  occurredOn: eventDateSchema,
  note: z.string().trim().max(2000).default(''),
  ippIprReference: z.string().trim().min(1).max(100).optional(),
});
export type IprStatusChangeBody = z.infer<typeof iprStatusChangeBodySchema>;

export const iprEventSchema = z.object({
  fromStatus: iprStatusSchema.nullable(),
  toStatus: iprStatusSchema,
  occurredOn: z.string(),
  note: z.string(),
  recordedAt: z.iso.datetime(),
});

export const artworkSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string(),
  iprType: iprTypeSchema,
  registrationNumber: z.string().nullable(),
  isRegistrationRequired: z.boolean(),
  iprStatus: iprStatusSchema,
  ippIprReference: z.string().nullable(),
  imageUrl: z.string().nullable(),
  /** Whether a complaint can be filed for it now (its IPR is approved on IPP). */
  canFileComplaints: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ArtworkView = z.infer<typeof artworkSchema>;

export const artworkDetailSchema = artworkSchema.extend({
  iprHistory: z.array(iprEventSchema),
  counts: z.object({ sightings: z.number().int(), complaints: z.number().int() }),
});
export type ArtworkDetail = z.infer<typeof artworkDetailSchema>;

export const artworkListSchema = z.object({ artworks: z.array(artworkSchema) });
