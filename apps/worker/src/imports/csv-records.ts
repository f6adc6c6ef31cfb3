import type { Readable } from 'node:stream';
import type { CsvDelimiter } from '@counterpoint/core';
import { CsvError, parse } from 'csv-parse';

/** One row of the file, numbered as a spreadsheet numbers it (the first row is 1). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** Longest row accepted, in characters: far above any real row, low enough to bound memory. */
const MAX_RECORD_CHARACTERS = 1_000_000;

/** A file that cannot be read as CSV, with a sentence for the user. */
export class CsvReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvReadError';
  }
}

function describeCsvError(error: CsvError & { lines?: number }): string {
  const where = error.lines === undefined ? '' : ` (line ${error.lines})`;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `The file ends inside a quoted value${where}: a closing quote (") is missing.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `A quoted value is followed by other text${where}. Put the whole cell in quotes and double any quote inside it ("").`;
    case 'CSV_MAX_RECORD_SIZE':
      return `A row is longer than ${MAX_RECORD_CHARACTERS.toLocaleString('en')} characters${where}; a quote is probably not closed.`;
    default:
      return `The file is not valid CSV${where}: ${error.message}`;
  }
}

/**
 * Streams the rows of a CSV file, never holding more than one chunk and one row: blank rows
 * (every cell empty or spaces) are skipped but keep their number, so errors point at the row
 * the artist sees in their spreadsheet. Syntax errors become `CsvReadError`.
 */
export async function* readCsvRecords(
  source: Readable,
  delimiter: CsvDelimiter,
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    // Hand-made files write `5" mug` without quoting the cell; read the quote as text.
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      if (isBlank(cells)) continue;
      yield { row, cells };
    }
  } catch (error) {
    if (error instanceof CsvError) throw new CsvReadError(describeCsvError(error));
    throw error;
  } finally {
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) {
    if (cell.trim() !== '') return false;
  }
  return true;
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
