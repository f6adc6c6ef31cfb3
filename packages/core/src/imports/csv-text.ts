/** Why an uploaded file is not a CSV text file. */
export type CsvTextProblem = 'empty' | 'spreadsheet' | 'utf16' | 'binary' | 'not_utf8';

export type CsvTextCheck = { ok: true } | { ok: false; problem: CsvTextProblem; message: string };

/** Delimiters recognised in a header row: comma, semicolon (European spreadsheets), tab, bar. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const SAVE_AS_CSV = 'Save it as "CSV UTF-8 (comma delimited)" and upload that file.';

const startsWith = (bytes: Uint8Array, ...signature: number[]) =>
  signature.every((value, index) => bytes[index] === value);

/**
 * Whether the first bytes of an upload are CSV text, read from the content (the file name and
 * declared type are whatever the browser says). Refuses Excel and OpenDocument workbooks,
 * UTF-16 text, anything with control bytes (binary files) and text that is not UTF-8.
 *
 * @param sample - The file's first bytes (a few kilobytes are enough).
 * @param isWholeFile - True when `sample` is the whole file: a multi-byte character cut at the
 *   end of a partial sample is then not an error.
 */
export function checkCsvText(sample: Uint8Array, isWholeFile: boolean): CsvTextCheck {
  if (sample.length === 0 || (isWholeFile && isBlank(sample))) {
    return { ok: false, problem: 'empty', message: 'The file is empty.' };
  }
  if (startsWith(sample, 0x50, 0x4b, 0x03, 0x04) || startsWith(sample, 0xd0, 0xcf, 0x11, 0xe0)) {
    return {
      ok: false,
      problem: 'spreadsheet',
      message: `This is a spreadsheet workbook (Excel or OpenDocument), not a CSV file. ${SAVE_AS_CSV}`,
    };
  }
  if (startsWith(sample, 0xff, 0xfe) || startsWith(sample, 0xfe, 0xff)) {
    return { ok: false, problem: 'utf16', message: `This text file is in UTF-16. ${SAVE_AS_CSV}` };
  }
  for (const byte of sample) {
    // Tab, line feed, form feed and carriage return are text; other control bytes are not.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) {
      return { ok: false, problem: 'binary', message: `This is not a text file. ${SAVE_AS_CSV}` };
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !isWholeFile });
  } catch {
    return {
      ok: false,
      problem: 'not_utf8',
      message: `This file is not UTF-8 text. ${SAVE_AS_CSV}`,
    };
  }
  return { ok: true };
}

function isBlank(sample: Uint8Array): boolean {
  return sample.every(
    (byte) =>
      byte === 0x20 ||
      byte === 0x09 ||
      byte === 0x0a ||
      byte === 0x0d ||
      byte === 0xef ||
      byte === 0xbb ||
      byte === 0xbf,
  );
}

export interface CsvHeaderRow {
  delimiter: CsvDelimiter;
  cells: string[];
}

/**
 * The first row of a CSV text and its delimiter: the one of `, ; tab |` that occurs most
 * often outside quotes in that row (comma on a tie or when there is none). Quoted cells may
 * hold delimiters, doubled quotes and line breaks. A leading byte-order mark is skipped, and so
 * are blank lines before the first row (spaces and tabs only), as the import skips blank rows.
 *
 * @param text - The start of the file.
 * @param isWholeFile - False when `text` is only the start: a first row that does not end
 *   inside it gives null rather than a truncated row.
 */
export function readCsvHeaderRow(text: string, isWholeFile: boolean): CsvHeaderRow | null {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n' || char === '\r') start = index + 1;
    else if (char !== ' ' && char !== '\t') break;
  }
  let end = -1;
  let isQuoted = false;
  const counts = new Map<string, number>();
  for (let index = start; index < text.length; index += 1) {
    const char = text[index] as string;
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === '\n' || char === '\r')) {
      end = index;
      break;
    } else if (!isQuoted && (CSV_DELIMITERS as readonly string[]).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  if (end === -1) {
    if (!isWholeFile || isQuoted) return null;
    end = text.length;
  }
  let delimiter: CsvDelimiter = ',';
  for (const candidate of CSV_DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(delimiter) ?? 0)) delimiter = candidate;
  }
  return { delimiter, cells: splitRecord(text.slice(start, end), delimiter) };
}

/** Splits one CSV record (no line break outside quotes) into its cells. */
function splitRecord(record: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let index = 0; index < record.length; index += 1) {
    const char = record[index] as string;
    if (isQuoted) {
      if (char !== '"') cell += char;
      else if (record[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else isQuoted = false;
    } else if (char === '"') isQuoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
