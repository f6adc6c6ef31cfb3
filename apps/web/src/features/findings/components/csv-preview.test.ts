import { describe, expect, it } from 'vitest';
import { previewCsvFile, PREVIEW_ROWS } from './csv-preview';

const fileOf = (text: string, name = 'findings.csv') =>
  new File([text], name, { type: 'text/csv' });

describe('previewCsvFile', () => {
  it('shows the first rows as the import reads them: relaxed quotes, quoted line breaks, blank rows skipped', async () => {
    const text = [
      '\ufeffListing URL;Design;Notes',
      'https://www.aliexpress.com/item/1005006123456789.html;Cat Mug;a 5" mug',
      '',
      ' ; ',
      'https://item.taobao.com/item.htm?id=712345678901;Dog;"two; lines\nof ""notes"""',
      'https://detail.1688.com/offer/745000123456.html;"Cat" Mug;',
    ].join('\r\n');
    const preview = await previewCsvFile(fileOf(text));
    expect(preview).toMatchObject({ ok: true, delimiter: ';', problem: null });
    if (!preview.ok) throw new Error('expected a preview');
    expect(preview.mapping).toMatchObject({ hasHeaderRow: true, fields: { url: 0, design: 1 } });
    expect(preview.rows).toEqual([
      ['https://www.aliexpress.com/item/1005006123456789.html', 'Cat Mug', 'a 5" mug'],
      ['https://item.taobao.com/item.htm?id=712345678901', 'Dog', 'two; lines\nof "notes"'],
      ['https://detail.1688.com/offer/745000123456.html', '"Cat" Mug', ''],
    ]);
  });

  it('finds the header row and its separator after blank lines, as the import does', async () => {
    const preview = await previewCsvFile(
      fileOf('\n \nurl;note\nhttps://detail.1688.com/offer/745000123456.html;x\n'),
    );
    expect(preview).toMatchObject({ ok: true, delimiter: ';', problem: null });
    if (!preview.ok) throw new Error('expected a preview');
    expect(preview.rows).toEqual([['https://detail.1688.com/offer/745000123456.html', 'x']]);
  });

  it(`shows at most ${PREVIEW_ROWS} rows, and leaves out a row the sample cuts`, async () => {
    const rows = Array.from(
      { length: 5_000 },
      (_, index) => `https://detail.1688.com/offer/${745_000_000_000 + index}.html,note ${index}`,
    );
    const preview = await previewCsvFile(fileOf(`url,note\n${rows.join('\n')}\n`));
    if (!preview.ok) throw new Error('expected a preview');
    expect(preview.rows).toEqual(rows.slice(0, PREVIEW_ROWS).map((row) => row.split(',')));
  });

  it('says what is wrong with a file the import would refuse', async () => {
    const unclosed = await previewCsvFile(fileOf('url,note\nhttps://x.example/1,"never closed\n'));
    expect(unclosed).toEqual({
      ok: false,
      message: expect.stringContaining('a closing quote (") is missing'),
    });
    const noLinks = await previewCsvFile(fileOf('design,date\nCat Mug,2026-05-01\n'));
    expect(noLinks).toMatchObject({ ok: true, problem: expect.any(String) });
  });
});
