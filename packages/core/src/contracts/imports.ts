import { z } from 'zod';
import { IMPORT_FIELDS } from '../imports/import-fields';
import { IMPORT_ROW_ERROR_CODES } from '../imports/import-row.validator';
import { idSchema, visibilitySchema } from './common';

export const importStatusSchema = z.enum(['queued', 'running', 'completed', 'failed']);
export type ImportStatus = z.infer<typeof importStatusSchema>;

/** The optional form fields sent with the file (multipart/form-data). */
export const createImportFieldsSchema = z.object({
  /** The design of rows whose design cell is empty. */
  artworkId: idSchema.optional(),
  /** Who may see the sightings the import records. */
  visibility: visibilitySchema.default('collective'),
});
export type CreateImportFields = z.infer<typeof createImportFieldsSchema>;

export const importColumnSchema = z.object({
  index: z.number().int(),
  header: z.string(),
  field: z.enum(IMPORT_FIELDS).nullable(),
  match: z.enum(['exact', 'similar']).nullable(),
  ignoredReason: z.enum(['unknown', 'duplicate', 'empty', 'no_header_row']).nullable(),
  explanation: z.string(),
});

/** Which column of the file was read as what, and which were ignored. */
export const importHeaderMappingSchema = z.object({
  hasHeaderRow: z.boolean(),
  columns: z.array(importColumnSchema),
  fields: z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int()),
});

export const importSummarySchema = z.object({
  delimiter: z.string(),
  dateOrder: z.enum(['day_first', 'month_first']).nullable(),
  sellersCreated: z.number().int(),
  listingsCreated: z.number().int(),
  listingsLinkedToSeller: z.number().int(),
  sellerConflicts: z.number().int(),
  sightingsCreated: z.number().int(),
  sightingsUpdated: z.number().int(),
  rowsAlreadyRecorded: z.number().int(),
  storeRows: z.number().int(),
  statusesNotImported: z.number().int(),
  statusValues: z.array(z.object({ value: z.string(), rows: z.number().int() })),
  errorsByCode: z.array(z.object({ code: z.enum(IMPORT_ROW_ERROR_CODES), rows: z.number().int() })),
});

export const importRowErrorSchema = z.object({
  /** The row as a spreadsheet numbers it: the header is row 1, blank rows count. */
  line: z.number().int(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowErrorView = z.infer<typeof importRowErrorSchema>;

export const importSchema = z.object({
  id: idSchema,
  filename: z.string(),
  status: importStatusSchema,
  defaultArtworkId: idSchema.nullable(),
  visibility: visibilitySchema,
  /** Data rows in the file (blank rows and the header not counted); null until it was read. */
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  errorRows: z.number().int(),
  headerMapping: importHeaderMappingSchema.nullable(),
  summary: importSummarySchema.nullable(),
  /** Why the import failed, for the user. */
  failure: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportView = z.infer<typeof importSchema>;

export const importDetailSchema = importSchema.extend({
  /** The first 100 row errors; the rest are at `/imports/{id}/errors`. */
  errors: z.array(importRowErrorSchema),
});
export type ImportDetail = z.infer<typeof importDetailSchema>;

export const importListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const importListSchema = z.object({ imports: z.array(importSchema) });

export const importErrorsQuerySchema = z.object({
  /** `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, { message: 'must be a cursor returned by this endpoint' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const importErrorsPageSchema = z.object({
  errors: z.array(importRowErrorSchema),
  nextCursor: z.string().nullable(),
});

/**
 * Columns of the CSV exports, in order. The sightings export reads back as an import
 * (its `listing_url`, `design`, `found_on`, `note` and `seller_store_url` headers are recognised).
 */
export const LISTINGS_EXPORT_COLUMNS = [
  'marketplace',
  'item_id',
  'listing_url',
  'seller_store_id',
  'seller_name',
  'seller_store_url',
  'title',
  'removed_on',
  'designs',
  'first_found_on',
  'last_found_on',
  'my_sightings',
  'my_complaints',
  'latest_complaint_status',
] as const;

export const SIGHTINGS_EXPORT_COLUMNS = [
  'found_on',
  'design',
  'marketplace',
  'item_id',
  'listing_url',
  'seller_store_id',
  'seller_name',
  'seller_store_url',
  'note',
  'visibility',
  'has_evidence',
  'sighting_id',
  'created_at',
] as const;

export const COMPLAINTS_EXPORT_COLUMNS = [
  'complaint_id',
  'filed_on',
  'ipp_reference',
  'design',
  'marketplace',
  'severity',
  'reason',
  'item_id',
  'listing_url',
  'seller_store_id',
  'seller_name',
  'status',
  'status_on',
  'established_on',
  'counter_notice_on',
  'response_due_on',
  'visibility',
  'created_at',
] as const;
