import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { checkCsvText, readCsvHeaderRow, type CsvHeaderRow } from '@counterpoint/core';
import { AppError } from '../../errors';

/** Bytes looked at to decide that an upload is CSV text. */
const SAMPLE_BYTES = 16 * 1024;

/**
 * Passes an upload through unchanged while checking, from its first bytes, that it is CSV
 * text (415 otherwise, 400 when empty); remembers the header row when it is in the sample.
 */
export class CsvSniffer extends Transform {
  headerRow: CsvHeaderRow | null = null;
  private sample: Buffer[] = [];
  private sampleLength = 0;
  private isChecked = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.isChecked) {
      callback(null, chunk);
      return;
    }
    this.sample.push(chunk);
    this.sampleLength += chunk.length;
    if (this.sampleLength < SAMPLE_BYTES) {
      callback();
      return;
    }
    this.release(false, callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.isChecked) callback();
    else this.release(true, callback);
  }

  /** Checks the sample, then lets it through (or fails the stream). */
  private release(isWholeFile: boolean, callback: TransformCallback): void {
    this.isChecked = true;
    const sample = Buffer.concat(this.sample);
    this.sample = [];
    const head = sample.subarray(0, SAMPLE_BYTES);
    const check = checkCsvText(head, isWholeFile && head.length === sample.length);
    if (!check.ok) {
      callback(
        new AppError(
          check.problem === 'empty' ? 'bad_request' : 'unsupported_media_type',
          check.message,
        ),
      );
      return;
    }
    this.headerRow = readCsvHeaderRow(
      head.toString('utf8'),
      isWholeFile && head.length === sample.length,
    );
    callback(null, sample);
  }
}

/** The file name to show: no directories, no control characters, at most 200 characters. */
export function cleanFilename(filename: string | undefined): string {
  const base = (filename ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((character) => character >= ' ' && character !== '\u007f')
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'import.csv';
}

/** Consumes an unwanted part so that the multipart parser can go on. */
export async function discard(stream: Readable): Promise<void> {
  for await (const _chunk of stream) {
    // drain
  }
}
