/** A file that cannot be read as CSV: where, and what to do about it. */
export class CsvScanError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
    this.name = 'CsvScanError';
  }
}

/**
 * What the scanner shows of each row: its number, whether it is blank, and its cells on demand.
 * Valid during the visit only: the scanner shows every row through the same object.
 */
export interface ScannedRow {
  /** 1-based, as a spreadsheet numbers rows (blank rows count). */
  row: number;
  isBlank: boolean;
  /** Cell `index` (0-based) as text, '' past the end of the row; built only when asked for. */
  cell(index: number): string;
  /** How many cells the row has. */
  width: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** Longest row accepted (characters), as for the parser that reads the data. */
const MAX_ROW_LENGTH = 1_000_000;

/**
 * Walks a CSV text row by row, building cells only when asked: the reader of both passes of an
 * import (the first counts rows, reads one column and finds an unclosed quote before anything
 * is written; the second reads every cell). Reads as csv-parse does with `relax_quotes`:
 * - a quote opens a quoted cell only as the cell's first character; `""` inside is a quote;
 *   a closing quote followed by something other than a delimiter or a line break makes the
 *   whole cell plain text;
 * - rows end at the first line break kind met outside quotes (`\r\n`, `\n` or `\r`); the other
 *   kinds are then text;
 * - a leading byte-order mark is skipped.
 * Pure: text in, callbacks out. Feed it with `push` (any chunking) and finish with `end`.
 */
export class CsvRowScanner {
  private text = '';
  private row = 0;
  private recordDelimiter: '\n' | '\r\n' | '\r' | null = null;
  private isFirstChunk = true;
  private readonly delimiter: number;
  // Cell bounds of the current row, reused from row to row.
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly quoted: boolean[] = [];
  private readonly view = new RowView(this.starts, this.ends, this.quoted);
  // Where the next delimiter, \n and \r are in `text` (Infinity: none), each found once for
  // many cells: plain cells are then found with `indexOf`, and the search stays linear.
  private nextDelimiter = -1;
  private nextLineFeed = -1;
  private nextReturn = -1;
  private readonly delimiterText: string;

  constructor(
    delimiter: string,
    private readonly visit: (row: ScannedRow) => void,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter.charAt(0);
  }

  push(chunk: string): void {
    if (this.isFirstChunk && chunk.length > 0) {
      this.isFirstChunk = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.text = this.text.length === 0 ? chunk : this.text + chunk;
    this.scan(false);
  }

  /** Reads what is left; throws `CsvScanError` when the text ends inside a quoted cell. */
  end(): void {
    this.scan(true);
  }

  private scan(isFinal: boolean): void {
    const text = this.text;
    let position = 0;
    this.nextDelimiter = -1;
    this.nextLineFeed = -1;
    this.nextReturn = -1;
    while (position < text.length) {
      const next = this.scanRow(text, position, isFinal);
      if (next === -1) break;
      position = next;
    }
    this.text = position === 0 ? text : text.slice(position);
    if (!isFinal && this.text.length > MAX_ROW_LENGTH) {
      throw new CsvScanError(
        `Row ${this.row + 1} is longer than ${MAX_ROW_LENGTH.toLocaleString('en')} characters; a quote is probably not closed.`,
        this.row + 1,
      );
    }
  }

  /** Scans the row starting at `start`; returns where the next one starts, or -1 if it is not all there yet. */
  private scanRow(text: string, start: number, isFinal: boolean): number {
    const { delimiter, starts, ends, quoted } = this;
    let width = 0;
    let isBlank = true;
    let position = start;
    for (;;) {
      const cellBegin = position;
      let cellStart = position;
      let cellEnd: number;
      let isQuoted = false;
      if (text.charCodeAt(position) === QUOTE) {
        let scan = position + 1;
        for (;;) {
          const quote = text.indexOf('"', scan);
          if (quote === -1) {
            if (!isFinal) return -1;
            throw new CsvScanError(
              `The file ends inside a quoted value that starts in row ${this.row + 1}: a closing quote (") is missing.`,
              this.row + 1,
            );
          }
          // What follows the quote decides what it is: wait until it is there.
          if (quote + 1 >= text.length && !isFinal) return -1;
          const after = text.charCodeAt(quote + 1);
          if (after === QUOTE) {
            scan = quote + 2;
            continue;
          }
          if (quote + 1 >= text.length || after === delimiter || this.isBreakAt(text, quote + 1)) {
            isQuoted = true;
            cellStart = cellBegin + 1;
            cellEnd = quote;
            position = quote + 1;
          } else {
            // Text after the closing quote: the whole cell is plain text, quotes included.
            position = this.plainCellEnd(text, quote + 1);
            cellEnd = position;
          }
          break;
        }
      } else {
        position = this.plainCellEnd(text, position);
        cellEnd = position;
      }
      if (isBlank && !isWhitespace(text, cellStart, cellEnd)) isBlank = false;
      starts[width] = cellStart;
      ends[width] = cellEnd;
      quoted[width] = isQuoted;
      width += 1;

      if (position >= text.length) {
        if (!isFinal) return -1;
        this.emit(text, width, isBlank);
        return text.length;
      }
      if (text.charCodeAt(position) === delimiter) {
        position += 1;
        continue;
      }
      // Cells end only at a delimiter or at one of the file's line breaks.
      const breakLength = this.breakLength(text, position, isFinal);
      if (breakLength === -1) return -1;
      this.emit(text, width, isBlank);
      return position + breakLength;
    }
  }

  /** Where a plain cell starting at `from` ends: at the next delimiter or line break. */
  private plainCellEnd(text: string, from: number): number {
    if (this.nextDelimiter < from)
      this.nextDelimiter = indexOrInfinity(text, this.delimiterText, from);
    const end = Math.min(this.nextDelimiter, this.nextBreak(text, from));
    return end === Infinity ? text.length : end;
  }

  /** Where the next line break of the file's kind (of any kind until it is known) starts. */
  private nextBreak(text: string, from: number): number {
    const { recordDelimiter } = this;
    if (recordDelimiter !== '\r' && this.nextLineFeed < from)
      this.nextLineFeed = indexOrInfinity(text, '\n', from);
    if (recordDelimiter === '\n') return this.nextLineFeed;
    for (let start = from; ; start = this.nextReturn + 1) {
      if (this.nextReturn < start) this.nextReturn = indexOrInfinity(text, '\r', start);
      if (recordDelimiter === '\r') return this.nextReturn;
      if (recordDelimiter === null) return Math.min(this.nextLineFeed, this.nextReturn);
      // \r\n: a \r not followed by \n (or the text's last, until more comes) is text.
      if (this.nextReturn === Infinity || text.charCodeAt(this.nextReturn + 1) === LF)
        return this.nextReturn;
    }
  }

  /** Whether a row ends at `position`: any line break until the file's kind is known. */
  private isBreakAt(text: string, position: number): boolean {
    const code = text.charCodeAt(position);
    switch (this.recordDelimiter) {
      case null:
        return code === LF || code === CR;
      case '\n':
        return code === LF;
      case '\r':
        return code === CR;
      case '\r\n':
        return code === CR && text.charCodeAt(position + 1) === LF;
    }
  }

  /**
   * The length of the line break at `position`, learning the file's kind from the first one;
   * -1 when a `\r` ends the text so far and the next chunk may hold its `\n`.
   */
  private breakLength(text: string, position: number, isFinal: boolean): number {
    if (this.recordDelimiter === null) {
      if (text.charCodeAt(position) === LF) this.recordDelimiter = '\n';
      else if (position + 1 >= text.length && !isFinal) return -1;
      else this.recordDelimiter = text.charCodeAt(position + 1) === LF ? '\r\n' : '\r';
    }
    return this.recordDelimiter.length;
  }

  private emit(text: string, width: number, isBlank: boolean): void {
    this.row += 1;
    const view = this.view;
    view.text = text;
    view.row = this.row;
    view.isBlank = isBlank;
    view.width = width;
    this.visit(view);
  }
}

/** The row being visited: one object for all rows, read during the visit only. */
class RowView implements ScannedRow {
  text = '';
  row = 0;
  isBlank = true;
  width = 0;

  constructor(
    private readonly starts: number[],
    private readonly ends: number[],
    private readonly quoted: boolean[],
  ) {}

  cell(index: number): string {
    if (index >= this.width) return '';
    const value = this.text.slice(this.starts[index], this.ends[index]);
    return this.quoted[index] ? value.replaceAll('""', '"') : value;
  }
}

function indexOrInfinity(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index === -1 ? Infinity : index;
}

function isWhitespace(text: string, from: number, to: number): boolean {
  for (let position = from; position < to; position += 1) {
    const code = text.charCodeAt(position);
    if (code !== SPACE && code !== TAB) return false;
  }
  return true;
}
