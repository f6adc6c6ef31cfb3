import { z } from 'zod';
import { eventDateSchema, idSchema, marketplaceSchema, visibilitySchema } from './common';

/** How another artist appears: by name inside a shared collective, anonymous in public facts unless they opted in. */
export const artistRefSchema = z.object({
  id: idSchema.nullable(),
  name: z.string(),
  isYou: z.boolean(),
});
export type ArtistRef = z.infer<typeof artistRefSchema>;

export const sellerSummarySchema = z.object({
  id: idSchema,
  marketplace: marketplaceSchema,
  storeId: z.string(),
  name: z.string().nullable(),
  storeUrl: z.string(),
  listingCount: z.number().int(),
  confirmedPoints: z.number().int().nullable(),
  pendingPoints: z.number().int().nullable(),
  tierLabel: z.string().nullable(),
});
export type SellerSummary = z.infer<typeof sellerSummarySchema>;

/** The answer to adding a seller: it may already have been known. */
export const createdSellerSchema = sellerSummarySchema.extend({ isNew: z.boolean() });

export const sellerListQuerySchema = z.object({
  marketplace: marketplaceSchema.optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const sellerListSchema = z.object({ sellers: z.array(sellerSummarySchema), nextCursor: z.string().nullable() });

export const createSellerBodySchema = z.object({
  /** A store URL of any supported form. */
  url: z.string().trim().min(1).max(2048),
  name: z.string().trim().min(1).max(300).optional(),
});

export const updateSellerBodySchema = z.object({ name: z.string().trim().min(1).max(300).nullable() }).strict();

export const listingSchema = z.object({
  id: idSchema,
  marketplace: marketplaceSchema,
  itemId: z.string(),
  canonicalUrl: z.string(),
  sellerId: idSchema.nullable(),
  title: z.string().nullable(),
  removedOn: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ListingView = z.infer<typeof listingSchema>;

export const updateListingBodySchema = z
  .object({
    sellerId: idSchema.nullable(),
    title: z.string().trim().min(1).max(500).nullable(),
  })
  .partial()
  .strict();

export const sightingSchema = z.object({
  id: idSchema,
  listingId: idSchema,
  artworkId: idSchema.nullable(),
  artworkTitle: z.string().nullable(),
  artist: artistRefSchema,
  foundOn: z.string(),
  note: z.string().nullable(),
  hasEvidence: z.boolean(),
  visibility: visibilitySchema,
  createdAt: z.iso.datetime(),
});
export type SightingView = z.infer<typeof sightingSchema>;

export const sellerNoteSchema = z.object({
  id: idSchema,
  artist: artistRefSchema,
  body: z.string(),
  visibility: visibilitySchema,
  createdAt: z.iso.datetime(),
});

export const createSellerNoteBodySchema = z.object({
  body: z.string().trim().min(1).max(4000),
  visibility: visibilitySchema.default('private'),
});

export const sellerComplaintSchema = z.object({
  complaintId: idSchema,
  complaintListingId: idSchema,
  listingId: idSchema,
  artist: artistRefSchema,
  artworkTitle: z.string().nullable(),
  status: z.string(),
  filedOn: z.string().nullable(),
  statusOn: z.string().nullable(),
  establishedOn: z.string().nullable(),
});

export const sellerProfileSchema = z.object({
  seller: sellerSummarySchema.extend({ createdAt: z.iso.datetime() }),
  listings: z.array(listingSchema),
  sightings: z.array(sightingSchema),
  complaints: z.array(sellerComplaintSchema),
  notes: z.array(sellerNoteSchema),
  /** Which artists (visible to you) this seller copies, with how many listings. */
  copiedArtists: z.array(artistRefSchema.extend({ listingCount: z.number().int() })),
  /** Whether you may name this seller: you recorded it, or see a sighting or complaint about it. */
  canRename: z.boolean(),
});
export type SellerProfile = z.infer<typeof sellerProfileSchema>;

export const findingsBodySchema = z.object({
  /** Pasted listing and store URLs, one a line. */
  text: z.string().min(1).max(5_000_000),
  /** The design the listings copy; without it, listings and sellers are saved but no sightings. */
  artworkId: idSchema.optional(),
  /** Seller of listings whose URL does not name their store. */
  sellerId: idSchema.optional(),
  foundOn: eventDateSchema.optional(),
  note: z.string().trim().max(2000).default(''),
  visibility: visibilitySchema.default('collective'),
});
export type FindingsBody = z.infer<typeof findingsBodySchema>;

export const findingResultSchema = z.object({
  line: z.number().int(),
  input: z.string(),
  outcome: z.enum(['saved', 'duplicate', 'short_link', 'rejected', 'store_saved']),
  message: z.string().nullable(),
  marketplace: marketplaceSchema.nullable(),
  listingId: idSchema.nullable(),
  sellerId: idSchema.nullable(),
  sightingId: idSchema.nullable(),
});

export const findingsResponseSchema = z.object({
  results: z.array(findingResultSchema),
  summary: z.object({
    listings: z.number().int(),
    newListings: z.number().int(),
    sellers: z.number().int(),
    newSellers: z.number().int(),
    sightings: z.number().int(),
    rejected: z.number().int(),
    shortLinks: z.number().int(),
    duplicates: z.number().int(),
  }),
});
export type FindingsResponse = z.infer<typeof findingsResponseSchema>;

export const createSightingBodySchema = z.object({
  listingId: idSchema,
  artworkId: idSchema,
  foundOn: eventDateSchema,
  note: z.string().trim().max(2000).default(''),
  visibility: visibilitySchema.default('collective'),
});

export const updateSightingBodySchema = z
  .object({
    foundOn: eventDateSchema,
    note: z.string().trim().max(2000),
    visibility: visibilitySchema,
  })
  .partial()
  .strict();

export const sightingListQuerySchema = z.object({
  artworkId: idSchema.optional(),
  sellerId: idSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const mySightingSchema = sightingSchema.extend({
  listing: listingSchema,
  seller: z.object({ id: idSchema, marketplace: marketplaceSchema, storeId: z.string(), name: z.string().nullable() }).nullable(),
});
export const sightingListSchema = z.object({ sightings: z.array(mySightingSchema), nextCursor: z.string().nullable() });
