import {
  checkCsvText,
  CsvRowScanner,
  CsvScanError,
  describeMissingUrlColumn,
  matchImportHeaders,
  MAX_IMPORT_FILE_BYTES,
  readCsvHeaderRow,
  type ImportHeaderMapping,
} from '@counterpoint/core';
import { formatBytes } from '../../../lib/format';

/** Bytes read to preview a file: its header and first rows, never the whole file. */
const SAMPLE_BYTES = 64 * 1024;
export const PREVIEW_ROWS = 5;

export type CsvPreview =
  | { ok: false; message: string }
  | {
      ok: true;
      delimiter: string;
      mapping: ImportHeaderMapping;
      /** The first data rows (after the header row when there is one). */
      rows: string[][];
      /** Why the file cannot be imported as it is, when it cannot. */
      problem: string | null;
    };

const DELIMITER_NAMES: Record<string, string> = {
  ',': 'commas',
  ';': 'semicolons',
  '\t': 'tabs',
  '|': 'bars',
};
export const delimiterName = (delimiter: string) => DELIMITER_NAMES[delimiter] ?? delimiter;

/**
 * Reads the start of a chosen file in the browser, with the checks and header matching the
 * import itself uses, so the artist sees which column is read as what before uploading.
 */
export async function previewCsvFile(file: File): Promise<CsvPreview> {
  if (file.size > MAX_IMPORT_FILE_BYTES)
    return {
      ok: false,
      message: `"${file.name}" is ${formatBytes(file.size)}; files can be up to ${formatBytes(MAX_IMPORT_FILE_BYTES)}. Split it into several files.`,
    };
  const isWholeFile = file.size <= SAMPLE_BYTES;
  const bytes = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
  const check = checkCsvText(bytes, isWholeFile);
  if (!check.ok) return { ok: false, message: check.message };
  const text = new TextDecoder('utf-8').decode(bytes);
  const header = readCsvHeaderRow(text, isWholeFile);
  if (!header)
    return { ok: false, message: 'The first row of this file could not be read as CSV.' };
  const mapping = matchImportHeaders(header.cells);
  // The rows as the import will read them: the same reader (`CsvRowScanner`), blank rows skipped.
  const rows: string[][] = [];
  const wanted = PREVIEW_ROWS + (mapping.hasHeaderRow ? 1 : 0);
  const scanner = new CsvRowScanner(header.delimiter, (row) => {
    if (row.isBlank || rows.length >= wanted) return;
    rows.push(Array.from({ length: row.width }, (_, index) => row.cell(index)));
  });
  try {
    scanner.push(text);
    // The sample of a longer file may end inside a row: that row is left out.
    if (isWholeFile) scanner.end();
  } catch (error) {
    if (error instanceof CsvScanError) return { ok: false, message: error.message };
    throw error;
  }
  if (mapping.hasHeaderRow) rows.shift();
  const problem = mapping.fields.url === undefined ? describeMissingUrlColumn(mapping) : null;
  return { ok: true, delimiter: header.delimiter, mapping, rows, problem };
}
