import { z } from 'zod';
import { LINK_ERROR_CODES, LINK_KINDS } from '../links/link.types';
import { marketplaceSchema } from './common';

/** Lines accepted by one parse request; bigger lists go through CSV import. */
export const MAX_PASTE_LINES = 5000;

export const parseLinksBodySchema = z.object({
  text: z.string().max(5_000_000),
});

export const parsedLinkEntrySchema = z.object({
  line: z.number().int(),
  part: z.number().int().optional(),
  input: z.string(),
  ok: z.boolean(),
  marketplace: marketplaceSchema.nullable(),
  kind: z.enum(LINK_KINDS).nullable(),
  id: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  storeId: z.string().nullable(),
  duplicateOf: z.number().int().nullable(),
  error: z.object({ code: z.enum(LINK_ERROR_CODES), message: z.string() }).nullable(),
});
export type ParsedLinkEntry = z.infer<typeof parsedLinkEntrySchema>;

export const parseLinksResponseSchema = z.object({
  entries: z.array(parsedLinkEntrySchema),
  summary: z.object({
    lines: z.number().int(),
    links: z.number().int(),
    accepted: z.number().int(),
    unique: z.number().int(),
    rejected: z.number().int(),
    duplicates: z.number().int(),
    byMarketplace: z.record(z.string(), z.number().int()),
    byKind: z.record(z.string(), z.number().int()),
    byErrorCode: z.record(z.string(), z.number().int()),
  }),
  groups: z.array(
    z.object({
      marketplace: marketplaceSchema,
      sellers: z.array(
        z.object({
          storeId: z.string().nullable(),
          storeUrl: z.string().nullable(),
          storeLine: z.number().int().nullable(),
          listings: z.array(z.object({ line: z.number().int(), id: z.string(), canonicalUrl: z.string() })),
        }),
      ),
      shortLinks: z.array(z.object({ line: z.number().int(), id: z.string(), canonicalUrl: z.string() })),
    }),
  ),
});
export type ParseLinksResponse = z.infer<typeof parseLinksResponseSchema>;
