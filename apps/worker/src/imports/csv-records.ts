import type { Readable } from 'node:stream';
import { CsvRowScanner, CsvScanError, type CsvDelimiter } from '@counterpoint/core';

/** One row of the file, numbered as a spreadsheet numbers it (the first row is 1). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** A file that cannot be read as CSV, with a sentence for the user. */
export class CsvReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvReadError';
  }
}

/**
 * Streams the rows of a CSV file, a chunk of the file's rows at a time, never holding more
 * than one chunk: blank rows (every cell empty or spaces) are skipped but keep their number, so
 * errors point at the row the artist sees in their spreadsheet. Read by `CsvRowScanner`, the
 * reader of the import's first pass, so both passes see the same rows (it reads quotes as
 * csv-parse does with `relax_quotes`: a hand-made `5" mug` is text). Syntax errors become
 * `CsvReadError`.
 */
export async function* readCsvRecords(
  source: Readable,
  delimiter: CsvDelimiter,
): AsyncGenerator<CsvRecord[]> {
  let records: CsvRecord[] = [];
  const scanner = new CsvRowScanner(delimiter, (row) => {
    const cells = new Array<string>(row.width);
    let isBlank = true;
    for (let index = 0; index < row.width; index += 1) {
      const cell = detach(row.cell(index));
      cells[index] = cell;
      if (isBlank && cell.trim() !== '') isBlank = false;
    }
    if (!isBlank) records.push({ row: row.row, cells });
  });
  try {
    for await (const chunk of source.setEncoding('utf8') as AsyncIterable<string>) {
      scanner.push(chunk);
      if (records.length > 0) {
        yield records;
        records = [];
      }
    }
    scanner.end();
    if (records.length > 0) yield records;
  } catch (error) {
    if (error instanceof CsvScanError) throw new CsvReadError(error.message);
    throw error;
  } finally {
    source.destroy();
  }
}

/**
 * A copy of a cell that does not hold on to the chunk it was cut from. V8 makes a longer slice
 * of a string a view of it, and anything kept from the cell (a seller's id in the import's
 * memory of sellers, a cached store link) would keep the whole chunk alive: memory would grow
 * with the file. Slicing a short concatenation makes V8 copy the cell once into a string of its
 * own; V8 copies slices shorter than 13 characters anyway.
 */
function detach(cell: string): string {
  return cell.length < 13 ? cell : ` ${cell}`.slice(1);
}

/** The first `bytes` bytes of a stream (fewer when it is shorter), and whether that is all of it. */
export async function readHead(
  source: Readable,
  bytes: number,
): Promise<{ head: Buffer; isWholeFile: boolean }> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= bytes) {
        return { head: Buffer.concat(chunks).subarray(0, bytes), isWholeFile: false };
      }
    }
    return { head: Buffer.concat(chunks), isWholeFile: true };
  } finally {
    source.destroy();
  }
}
