import type { Readable } from 'node:stream';
import {
  CsvScanError,
  readCsvRecordBatches,
  type CsvDelimiter,
  type CsvRecord,
} from '@counterpoint/core';

export type { CsvRecord };

/** A file that cannot be read as CSV, with a sentence for the user. */
export class CsvReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvReadError';
  }
}

/**
 * Streams the rows of a stored CSV file, a chunk's rows at a time (`readCsvRecordBatches`, the
 * reader of the import's first pass too, so both passes see the same rows). Syntax errors
 * become `CsvReadError`; the stream is closed however the reading ends.
 */
export async function* readCsvRecords(
  source: Readable,
  delimiter: CsvDelimiter,
): AsyncGenerator<CsvRecord[]> {
  try {
    yield* readCsvRecordBatches(source.setEncoding('utf8') as AsyncIterable<string>, delimiter);
  } catch (error) {
    if (error instanceof CsvScanError) throw new CsvReadError(error.message);
    throw error;
  } finally {
    source.destroy();
  }
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
