import type { CsvDelimiter } from './csv-text';
import type { DateOrder } from './found-date';
import type { ImportRowErrorCode } from './import-row.validator';

/** Distinct status values kept in a summary; the rest are counted under "(other)". */
export const MAX_STATUS_VALUES = 20;
const OTHER = '(other)';

/** What an import did, beyond its row counts. Kept up to date after every batch. */
export interface ImportSummary {
  delimiter: CsvDelimiter;
  /** How the file's day/month dates were read; null when none needed it or it was unclear. */
  dateOrder: DateOrder | null;
  sellersCreated: number;
  listingsCreated: number;
  /** Listings already known without a seller that the import attached to one. */
  listingsLinkedToSeller: number;
  /** Rows naming another seller than the one a listing is already known under (that one is kept). */
  sellerConflicts: number;
  sightingsCreated: number;
  /** Sightings already recorded that got an earlier date or a note they lacked. */
  sightingsUpdated: number;
  /** Listing rows that added nothing: the sighting was already recorded (earlier in the file or before). */
  rowsAlreadyRecorded: number;
  /** Rows holding a store link: the seller is saved, there is no sighting. */
  storeRows: number;
  /** Rows with a status cell; statuses are never imported (complaints are recorded on their own page). */
  statusesNotImported: number;
  /** The status values met and how many rows had each (lists, not maps: stored as JSON). */
  statusValues: { value: string; rows: number }[];
  errorsByCode: { code: ImportRowErrorCode; rows: number }[];
}

export function createImportSummary(
  delimiter: CsvDelimiter,
  dateOrder: DateOrder | null,
): ImportSummary {
  return {
    delimiter,
    dateOrder,
    sellersCreated: 0,
    listingsCreated: 0,
    listingsLinkedToSeller: 0,
    sellerConflicts: 0,
    sightingsCreated: 0,
    sightingsUpdated: 0,
    rowsAlreadyRecorded: 0,
    storeRows: 0,
    statusesNotImported: 0,
    statusValues: [],
    errorsByCode: [],
  };
}

/** Counts status cells that were read but not imported (`rows` of them with this value). */
export function countStatusValue(summary: ImportSummary, status: string, rows = 1): void {
  summary.statusesNotImported += rows;
  const value = status.slice(0, 60);
  const values = summary.statusValues;
  const seen = values.find((entry) => entry.value === value);
  if (seen) {
    seen.rows += rows;
    return;
  }
  const distinct = values.filter((entry) => entry.value !== OTHER).length;
  const key = distinct < MAX_STATUS_VALUES ? value : OTHER;
  const target = values.find((entry) => entry.value === key);
  if (target) target.rows += rows;
  else values.push({ value: key, rows });
}

export function countRowError(summary: ImportSummary, code: ImportRowErrorCode, rows = 1): void {
  const known = summary.errorsByCode.find((entry) => entry.code === code);
  if (known) known.rows += rows;
  else summary.errorsByCode.push({ code, rows });
}

const COUNTS = [
  'sellersCreated',
  'listingsCreated',
  'listingsLinkedToSeller',
  'sellerConflicts',
  'sightingsCreated',
  'sightingsUpdated',
  'rowsAlreadyRecorded',
  'storeRows',
] as const satisfies readonly (keyof ImportSummary)[];

/** The summary of two parts of an import (the counts so far and one more batch), as a new object. */
export function addImportSummaries(total: ImportSummary, part: ImportSummary): ImportSummary {
  const sum: ImportSummary = {
    ...total,
    statusesNotImported: total.statusesNotImported,
    statusValues: total.statusValues.map((entry) => ({ ...entry })),
    errorsByCode: total.errorsByCode.map((entry) => ({ ...entry })),
  };
  for (const key of COUNTS) sum[key] = total[key] + part[key];
  for (const entry of part.statusValues) countStatusValue(sum, entry.value, entry.rows);
  for (const entry of part.errorsByCode) countRowError(sum, entry.code, entry.rows);
  return sum;
}
