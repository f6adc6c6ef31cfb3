import { describe, expect, it } from 'vitest';
import { checkCsvText, readCsvHeaderRow } from './csv-text';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('checkCsvText', () => {
  it('accepts UTF-8 text with or without a byte-order mark', () => {
    expect(checkCsvText(bytes('url,design\nhttps://x,Cat\n'), true)).toEqual({ ok: true });
    expect(checkCsvText(bytes('\ufeffurl;note\r\nhttps://x;Café 猫\r\n'), true)).toEqual({
      ok: true,
    });
  });

  it('accepts a sample that ends inside a multi-byte character unless it is the whole file', () => {
    const sample = bytes('url,note\nx,猫').slice(0, -1);
    expect(checkCsvText(sample, false)).toEqual({ ok: true });
    expect(checkCsvText(sample, true)).toMatchObject({ ok: false, problem: 'not_utf8' });
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    ['a blank file', bytes(' \r\n\n'), 'empty'],
    ['an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'spreadsheet'],
    ['an old Excel workbook', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'spreadsheet'],
    ['UTF-16 text', new Uint8Array([0xff, 0xfe, 0x75, 0x00]), 'utf16'],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'binary'],
    ['text with a NUL byte', bytes('url\u0000,x'), 'binary'],
    [
      'Latin-1 text',
      new Uint8Array([0x75, 0x72, 0x6c, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'not_utf8',
    ],
  ])('refuses %s', (_label, sample, problem) => {
    const result = checkCsvText(sample, true);
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });
});

describe('readCsvHeaderRow', () => {
  it('reads the first row and its delimiter', () => {
    expect(readCsvHeaderRow('URL,Design,Date found\nx,y,z\n', false)).toEqual({
      delimiter: ',',
      cells: ['URL', 'Design', 'Date found'],
    });
    expect(readCsvHeaderRow('\ufeffURL;Design;Note\r\nx;y;z', false)).toEqual({
      delimiter: ';',
      cells: ['URL', 'Design', 'Note'],
    });
    // Blank lines before it are skipped, as the import skips blank rows.
    expect(readCsvHeaderRow('\ufeff\r\n  \r\nURL;Design\r\nx;y', false)).toEqual({
      delimiter: ';',
      cells: ['URL', 'Design'],
    });
    expect(readCsvHeaderRow('URL\tDesign\n', false)).toEqual({
      delimiter: '\t',
      cells: ['URL', 'Design'],
    });
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted headers', () => {
    expect(readCsvHeaderRow('"Date; found",URL,"Say ""hi""\nthere"\nx', false)).toEqual({
      delimiter: ',',
      cells: ['Date; found', 'URL', 'Say "hi"\nthere'],
    });
  });

  it('gives null when the first row does not end inside a partial sample', () => {
    expect(readCsvHeaderRow('URL,Design', false)).toBeNull();
    expect(readCsvHeaderRow('URL,Design', true)).toEqual({
      delimiter: ',',
      cells: ['URL', 'Design'],
    });
    expect(readCsvHeaderRow('"URL,Design', true)).toBeNull();
  });
});
