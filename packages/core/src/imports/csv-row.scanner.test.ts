import { describe, expect, it } from 'vitest';
import { CsvRowScanner, CsvScanError } from './csv-row.scanner';

/** Every row as its cells, fed in chunks of `size` characters. */
function scan(
  text: string,
  size = text.length || 1,
  delimiter = ',',
): { row: number; isBlank: boolean; cells: string[] }[] {
  const rows: { row: number; isBlank: boolean; cells: string[] }[] = [];
  const scanner = new CsvRowScanner(delimiter, (row) => {
    rows.push({
      row: row.row,
      isBlank: row.isBlank,
      cells: Array.from({ length: row.width }, (_, index) => row.cell(index)),
    });
  });
  for (let start = 0; start < text.length; start += size)
    scanner.push(text.slice(start, start + size));
  scanner.end();
  return rows;
}

const cellsOf = (text: string, size?: number) => scan(text, size).map((row) => row.cells);

describe('CsvRowScanner', () => {
  it('reads rows and cells, with quotes, doubled quotes and line breaks inside quotes', () => {
    const text = '\ufeffurl,note\nhttps://x,"a, ""b""\nc"\n"",plain\n';
    const expected = [
      ['url', 'note'],
      ['https://x', 'a, "b"\nc'],
      ['', 'plain'],
    ];
    for (const size of [1, 2, 3, 7, 1000]) expect(cellsOf(text, size)).toEqual(expected);
  });

  it('numbers rows as a spreadsheet does, marking blank ones', () => {
    expect(scan('h\n1\n\n , \n""\n2').map((row) => [row.row, row.isBlank])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, true],
      [5, true],
      [6, false],
    ]);
  });

  it('learns the line break from the first row, even when it is split across chunks', () => {
    for (const size of [1, 2, 5, 100]) {
      expect(cellsOf('a,b\r\n1,2\n3,4\r\n', size)).toEqual([
        ['a', 'b'],
        ['1', '2\n3', '4'],
      ]);
      expect(cellsOf('a,b\r1,2\r3,4', size)).toEqual([
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ]);
    }
  });

  it('reads quotes the way csv-parse does with relax_quotes', () => {
    expect(cellsOf('h\n"abc"def,x\n x"y,z\n "q",z\n"a,b"c,d\n"x"\r\ny\n')).toEqual([
      ['h'],
      ['"abc"def', 'x'],
      [' x"y', 'z'],
      [' "q"', 'z'],
      ['"a,b"c', 'd'],
      ['"x"\r'],
      ['y'],
    ]);
  });

  it('uses the delimiter it is given', () => {
    expect(scan('a;b\n"1;2";3\n', 3, ';').map((row) => row.cells)).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
  });

  it('reports a quote that is never closed, with the row it opens in', () => {
    expect(() => scan('h\n1\n"open\n2\n3\n', 4)).toThrow(CsvScanError);
    expect(() => scan('h\n1\n"open\n2\n3\n')).toThrow('starts in row 3');
  });

  it('gives empty text past the end of a short row', () => {
    const cells: string[] = [];
    const scanner = new CsvRowScanner(',', (row) => cells.push(row.cell(5)));
    scanner.push('a,b\n');
    scanner.end();
    expect(cells).toEqual(['']);
  });
});
