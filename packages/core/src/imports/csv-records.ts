import { CsvRowScanner } from './csv-row.scanner';

/** One row of a CSV file, numbered as a spreadsheet numbers it (the first row is 1). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/**
 * The rows of a CSV text that arrives in pieces (any chunking), a piece's rows at a time, never
 * holding more than one piece: blank rows (every cell empty or spaces) are skipped but keep
 * their number, so that what is said about a row points at the row the artist sees in their
 * spreadsheet. Read by `CsvRowScanner` (quotes as csv-parse reads them with `relax_quotes`: a
 * hand-made `5" mug` is text). A file that cannot be read throws `CsvScanError`.
 */
export async function* readCsvRecordBatches(
  chunks: AsyncIterable<string>,
  delimiter: string,
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
  for await (const chunk of chunks) {
    scanner.push(chunk);
    if (records.length > 0) {
      yield records;
      records = [];
    }
  }
  scanner.end();
  if (records.length > 0) yield records;
}

/**
 * A copy of a cell that does not hold on to the piece of text it was cut from. V8 makes a
 * longer slice of a string a view of it, and anything kept from the cell (a seller's id in an
 * import's memory of sellers, a cached store link) would keep the whole piece alive: memory
 * would grow with the file. Slicing a short concatenation makes V8 copy the cell once into a
 * string of its own; V8 copies slices shorter than 13 characters anyway.
 */
function detach(cell: string): string {
  return cell.length < 13 ? cell : ` ${cell}`.slice(1);
}
