/**
 * What a column of an imported spreadsheet can hold. `url` is the only one a file must have.
 * - `url`: the listing (or store) link;
 * - `design`: the artwork the listing copies, by title;
 * - `foundOn`: the day the listing was found;
 * - `note`: free text kept on the sighting;
 * - `status`: a complaint status; read and counted, never imported (see `validateImportRow`);
 * - `store`: the seller's store link;
 * - `storeName`: the seller's name;
 * - `marketplace`: checked against the marketplace of the link.
 */
export const IMPORT_FIELDS = [
  'url',
  'design',
  'foundOn',
  'note',
  'status',
  'store',
  'storeName',
  'marketplace',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which column (0-based) holds each field; a field that no column holds is absent. */
export type ImportColumnIndexes = Partial<Record<ImportField, number>>;

/** Longest note a sighting keeps (the database's limit). */
export const MAX_IMPORT_NOTE_LENGTH = 2000;

/** Largest CSV file accepted for import. */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

/** Most columns read from a file; wider files are refused as not being a findings list. */
export const MAX_IMPORT_COLUMNS = 200;
