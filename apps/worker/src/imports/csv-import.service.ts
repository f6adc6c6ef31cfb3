import {
  checkCsvText,
  createArtworkLookup,
  CsvRowScanner,
  CsvScanError,
  createImportSummary,
  DateOrderTally,
  describeMissingUrlColumn,
  matchImportHeaders,
  readCsvHeaderRow,
  toIsoDate,
  type CsvDelimiter,
  type ImportHeaderMapping,
  type ImportRowContext,
  type ImportSummary,
} from '@counterpoint/core';
import type { BlobStore, Db } from '@counterpoint/db';
import type { Readable } from 'node:stream';
import { CsvReadError, readCsvRecords, readHead } from './csv-records';
import { BatchCheck, ImportBatchWriter, ImportSuperseded } from './import-batch.writer';
import { ImportRepository, type ImportProgress } from './import.repository';

/**
 * Rows per transaction. Each batch marks every seller it touched as changed (a few thousand in
 * a large file), so fewer, larger batches save most of that work; 10,000 rows keep a batch's
 * transaction under a second and its memory to a few megabytes.
 */
export const DEFAULT_BATCH_SIZE = 10_000;
/**
 * The first batch is smaller (then each one twice the last, up to the batch size): the
 * database starts writing after a few hundred milliseconds of checks instead of a full batch.
 */
const FIRST_BATCH_SIZE = 2_000;
const HEAD_BYTES = 64 * 1024;
/**
 * Rows checked between two turns of the event loop. The reader hands over a chunk's rows in one
 * go, and checking them all (a few milliseconds) would hold back each reply of the database to
 * the batch being written; yielding this often keeps its round trips short.
 */
const ROWS_PER_TURN = 32;

/** Why an import cannot go on, written for the artist; retrying would not help. */
export class ImportFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFailure';
  }
}

export interface CsvImportOptions {
  db: Db;
  blobs: BlobStore;
  importId: string;
  now: () => Date;
  batchSize?: number;
  /** Called after each committed batch. Throwing stops the import; a later run resumes. */
  onBatchCommitted?: (progress: { processedRows: number; totalRows: number }) => Promise<void>;
}

export type CsvImportOutcome =
  | {
      status: 'completed' | 'failed';
      processedRows: number;
      importedRows: number;
      errorRows: number;
    }
  | { status: 'missing' | 'already_finished' | 'superseded' };

interface ScannedFile {
  delimiter: CsvDelimiter;
  mapping: ImportHeaderMapping;
  totalRows: number;
  tally: DateOrderTally;
}

/**
 * Imports an uploaded CSV file of findings, as a resumable, idempotent job.
 *
 * 1. A first pass streams the file once to check it (CSV syntax, a column of links), count its
 *    rows (for progress) and learn its date order, before anything is written: a file that
 *    cannot be read fails without a partial import.
 * 2. A second pass streams it again, in batches: each batch is validated (pure, in core),
 *    then written in ONE transaction with the row errors, the sellers to recompute, and the
 *    import's counts. A run after a crash skips the rows already counted and goes on from
 *    the next batch; every write is an upsert, so even a batch written twice adds nothing.
 *
 * Memory stays flat: one chunk of the file, one batch of rows and its maps.
 */
export async function runCsvImport(options: CsvImportOptions): Promise<CsvImportOutcome> {
  const { db, blobs, importId, now } = options;
  const repository = new ImportRepository(db);
  const record = await repository.findImport(importId);
  if (!record) return { status: 'missing' };
  if (record.status === 'completed' || record.status === 'failed')
    return { status: 'already_finished' };

  const open = async (): Promise<Readable> => {
    const stream = await blobs.get(record.blobKey);
    if (!stream) throw new ImportFailure('The uploaded file is no longer stored. Upload it again.');
    return stream;
  };
  const fail = async (message: string): Promise<CsvImportOutcome> => {
    await repository.markFinished(importId, {
      status: 'failed',
      failure: message,
      finishedAt: now(),
    });
    return {
      status: 'failed',
      processedRows: record.processedRows,
      importedRows: record.importedRows,
      errorRows: record.errorRows,
    };
  };

  let scanned: ScannedFile;
  try {
    scanned = await scanFile(await open(), await open());
  } catch (error) {
    if (error instanceof ImportFailure || error instanceof CsvReadError) return fail(error.message);
    throw error;
  }
  await repository.markRunning(importId, {
    totalRows: scanned.totalRows,
    headerMapping: scanned.mapping,
    startedAt: now(),
  });

  const uploadDay = toIsoDate(record.createdAt);
  const context: ImportRowContext = {
    fields: scanned.mapping.fields,
    artworks: createArtworkLookup(await repository.listArtworks(record.artistId)),
    defaultArtworkId: record.defaultArtworkId,
    defaultFoundOn: uploadDay,
    dateOrder: scanned.tally.order,
    storeLinks: new Map(),
  };
  let progress: ImportProgress = {
    processedRows: record.processedRows,
    importedRows: record.importedRows,
    errorRows: record.errorRows,
    summary:
      record.processedRows > 0 && record.summary
        ? (record.summary as ImportSummary)
        : createImportSummary(scanned.delimiter, scanned.tally.order),
  };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const writer = new ImportBatchWriter(
    db,
    repository,
    { importId, artistId: record.artistId, visibility: record.visibility },
    now,
  );

  // One batch is written while the next is read and checked: the CPU work of parsing and
  // checking overlaps the database's. Writes stay in file order, one at a time.
  let writing: Promise<void> = Promise.resolve();
  const flush = async (batch: BatchCheck) => {
    const checked = batch.finish();
    await writing;
    writing = writer.write(checked, progress).then(async (after) => {
      progress = after;
      await options.onBatchCommitted?.({
        processedRows: after.processedRows,
        totalRows: scanned.totalRows,
      });
    });
    // Seen by the next `await writing`; this keeps it from being reported as unhandled meanwhile.
    writing.catch(() => undefined);
  };
  let toSkip = progress.processedRows;
  let nextBatchSize = Math.min(batchSize, FIRST_BATCH_SIZE);
  try {
    let batch = new BatchCheck(context, progress.summary);
    let isHeader = scanned.mapping.hasHeaderRow;
    for await (const rows of readCsvRecords(await open(), scanned.delimiter)) {
      for (const row of rows) {
        if (isHeader) {
          isHeader = false;
          continue;
        }
        if (toSkip > 0) {
          toSkip -= 1;
          continue;
        }
        batch.add(row);
        if (batch.rowCount % ROWS_PER_TURN === 0) await new Promise(setImmediate);
        if (batch.rowCount >= nextBatchSize) {
          nextBatchSize = Math.min(batchSize, nextBatchSize * 2);
          await flush(batch);
          batch = new BatchCheck(context, progress.summary);
        }
      }
    }
    if (batch.rowCount > 0) await flush(batch);
    await writing;
  } catch (error) {
    await writing.catch(() => undefined);
    if (error instanceof ImportSuperseded) return { status: 'superseded' };
    // The file changed under us, or a syntax error the first pass did not meet: say so.
    if (error instanceof ImportFailure || error instanceof CsvReadError) return fail(error.message);
    throw error;
  }
  await repository.markFinished(importId, {
    status: 'completed',
    failure: null,
    finishedAt: now(),
  });
  return {
    status: 'completed',
    processedRows: progress.processedRows,
    importedRows: progress.importedRows,
    errorRows: progress.errorRows,
  };
}

/**
 * The first pass: format checks, header mapping, row count and date order. It only walks the
 * rows (`CsvRowScanner`) and reads the date column; the second pass builds every cell.
 */
async function scanFile(headStream: Readable, bodyStream: Readable): Promise<ScannedFile> {
  const { head, isWholeFile } = await readHead(headStream, HEAD_BYTES);
  const check = checkCsvText(head, isWholeFile);
  if (!check.ok) {
    bodyStream.destroy();
    throw new ImportFailure(check.message);
  }
  const delimiter = readCsvHeaderRow(head.toString('utf8'), isWholeFile)?.delimiter ?? ',';
  let mapping: ImportHeaderMapping | null = null;
  let totalRows = 0;
  const tally = new DateOrderTally();
  const scanner = new CsvRowScanner(delimiter, (row) => {
    if (row.isBlank) return;
    if (mapping === null) {
      mapping = matchImportHeaders(
        Array.from({ length: row.width }, (_, index) => row.cell(index)),
      );
      if (mapping.fields.url === undefined)
        throw new ImportFailure(describeMissingUrlColumn(mapping));
      if (mapping.hasHeaderRow) return;
    }
    totalRows += 1;
    const dateColumn = mapping.fields.foundOn;
    if (dateColumn !== undefined) tally.observe(row.cell(dateColumn));
  });
  try {
    for await (const chunk of bodyStream.setEncoding('utf8') as AsyncIterable<string>)
      scanner.push(chunk);
    scanner.end();
  } catch (error) {
    if (error instanceof CsvScanError) throw new ImportFailure(error.message);
    throw error;
  } finally {
    bodyStream.destroy();
  }
  if (mapping === null) throw new ImportFailure('The file is empty.');
  if (totalRows === 0) throw new ImportFailure('The file has a header row but no rows of data.');
  return { delimiter, mapping, totalRows, tally };
}
