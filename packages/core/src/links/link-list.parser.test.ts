import { describe, expect, it } from 'vitest';
import { parseLinkList } from './link-list.parser';

const ITEM_A = 'https://www.aliexpress.com/item/1005006123456789.html';
const ITEM_B = 'https://www.aliexpress.com/item/1005006123456780.html';

function lines(...rows: string[]): string {
  return rows.join('\n');
}

describe('parseLinkList: lines', () => {
  it('numbers lines from 1 and keeps the numbers of skipped blank lines', () => {
    const result = parseLinkList(lines(ITEM_A, '', '   ', ITEM_B, '\t'));
    expect(result.entries.map((entry) => [entry.line, entry.input])).toEqual([
      [1, ITEM_A],
      [4, ITEM_B],
    ]);
    expect(result.summary.lines).toBe(2);
  });

  it('splits \\r\\n and \\n alike and drops the \\r', () => {
    const result = parseLinkList(`${ITEM_A}\r\n\r\n${ITEM_B}\r\n`);
    expect(result.entries.map((entry) => [entry.line, entry.input])).toEqual([
      [1, ITEM_A],
      [3, ITEM_B],
    ]);
  });

  it('returns no entries for empty or blank text', () => {
    for (const text of ['', '\n', '\r\n\r\n', '  \n\t\n']) {
      const result = parseLinkList(text);
      expect(result.entries).toEqual([]);
      expect(result.summary.lines).toBe(0);
      expect(result.groups).toEqual([]);
    }
  });

  it('reads a CSV column: quoted cells, trailing commas, a header line', () => {
    const result = parseLinkList(lines('url', `"${ITEM_A}"`, `${ITEM_B},`, '""'));
    expect(result.entries.map((entry) => [entry.line, entry.result.ok])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
    expect(result.entries[0]?.result).toMatchObject({ ok: false, code: 'not_a_url' });
  });

  it('keeps the input of each line as typed', () => {
    const typed = `  "${ITEM_A}" `;
    const [entry] = parseLinkList(typed).entries;
    expect(entry?.input).toBe(typed);
    expect(entry?.result.originalUrl).toBe(typed);
  });

  it('splits a line holding several links into parts under the same line number', () => {
    const result = parseLinkList(lines('header', `${ITEM_A}\t${ITEM_B}  https://m.tb.cn/h.abc12`));
    expect(result.entries.slice(1).map((entry) => [entry.line, entry.part, entry.input])).toEqual([
      [2, 1, ITEM_A],
      [2, 2, ITEM_B],
      [2, 3, 'https://m.tb.cn/h.abc12'],
    ]);
    expect(result.summary).toMatchObject({ lines: 2, links: 4, accepted: 3 });
  });

  it('refuses a line holding several links when asked to', () => {
    const result = parseLinkList(lines('', `${ITEM_A} ${ITEM_B}`, '  '), {
      severalPerLine: 'reject',
    });
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]).toMatchObject({
      line: 2,
      result: { ok: false, code: 'several_urls' },
    });
    expect(result.entries[0]?.part).toBeUndefined();
  });

  it('reads one link out of share text without splitting it', () => {
    const result = parseLinkList('【淘宝】https://m.tb.cn/h.5ZxYabc?tk=abc CZ0001 「猫咪T恤」');
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]?.result).toMatchObject({ ok: true, kind: 'short', id: 'h.5ZxYabc' });
  });
});

describe('parseLinkList: duplicates', () => {
  it('marks repeats of the same listing in any URL form as duplicates of the first line', () => {
    const result = parseLinkList(
      lines(
        ITEM_A,
        'https://es.aliexpress.com/item/1005006123456789.html?spm=a2g0o.detail',
        `${ITEM_B}`,
        'aliexpress.com/item/1005006123456789.html#reviews',
        'https://m.aliexpress.com/i/1005006123456789.html',
      ),
    );
    expect(result.entries.map((entry) => entry.duplicateOf)).toEqual([
      undefined,
      1,
      undefined,
      1,
      1,
    ]);
    expect(result.summary).toMatchObject({ accepted: 5, unique: 2, duplicates: 3 });
    expect(result.summary.byMarketplace.aliexpress).toBe(2);
  });

  it('recognises an aliexpress.us link as the same listing as its .com twin', () => {
    const result = parseLinkList(
      lines(
        'https://www.aliexpress.com/item/1005010026778896.html',
        'https://www.aliexpress.us/item/3256809840464144.html',
      ),
    );
    expect(result.entries[1]?.duplicateOf).toBe(1);
  });

  it('does not merge equal ids on different marketplaces or of different kinds', () => {
    const result = parseLinkList(
      lines(
        'https://item.taobao.com/item.htm?id=712345678901',
        'https://detail.tmall.com/item.htm?id=712345678901',
        'https://www.aliexpress.com/store/1101234567',
        'https://www.aliexpress.com/item/1101234567.html',
      ),
    );
    expect(result.entries.map((entry) => entry.duplicateOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(result.summary.duplicates).toBe(0);
  });

  it('merges short links only when their canonical URLs match', () => {
    const result = parseLinkList(
      lines(
        'https://m.tb.cn/h.abc12?tk=1',
        'https://m.tb.cn/h.abc12?tk=2',
        'https://e.tb.cn/h.abc12',
      ),
    );
    expect(result.entries.map((entry) => entry.duplicateOf)).toEqual([undefined, 1, undefined]);
  });

  it('counts rejected lines, never as duplicates', () => {
    const result = parseLinkList(lines('nope', 'nope', 'https://www.amazon.com/dp/B07H3SRSDG'));
    expect(result.summary).toMatchObject({ rejected: 3, duplicates: 0, accepted: 0 });
    expect(result.summary.byErrorCode).toMatchObject({
      not_a_url: 2,
      unsupported_site: 1,
      invalid_id: 0,
    });
    expect(result.entries.every((entry) => entry.duplicateOf === undefined)).toBe(true);
  });
});

describe('parseLinkList: summary and groups', () => {
  const text = lines(
    'https://www.aliexpress.com/store/product/Cat-Tee/1234567_32812345678.html', // 1: listing of store 1234567
    ITEM_A, // 2: listing, seller unknown
    'https://www.aliexpress.com/store/1234567', // 3: the store itself
    'https://www.aliexpress.com/store/7654321/pages/all-items.html', // 4: another store
    'https://shenzhenxyz.en.alibaba.com/product/1600123456789-812345678/Cat_Mug.html', // 5: Alibaba listing of shenzhenxyz
    'https://detail.1688.com/offer/712345678901.html', // 6
    'https://a.aliexpress.com/_mKabc12', // 7: short
    'https://www.aliexpress.com/w/wholesale-cat.html', // 8: rejected
    'https://es.aliexpress.com/item/32812345678.html', // 9: duplicate of line 1
  );
  const result = parseLinkList(text);

  it('counts distinct links per marketplace and kind, and rejections per code', () => {
    expect(result.summary).toEqual({
      lines: 9,
      links: 9,
      accepted: 8,
      unique: 7,
      rejected: 1,
      duplicates: 1,
      byMarketplace: { aliexpress: 5, alibaba: 1, taobao: 0, tmall: 0, '1688': 1 },
      byKind: { listing: 4, store: 2, short: 1 },
      byErrorCode: {
        empty_input: 0,
        not_a_url: 0,
        several_urls: 0,
        too_long: 0,
        unsupported_scheme: 0,
        credentials_in_url: 0,
        ip_address_host: 0,
        non_standard_port: 0,
        lookalike_host: 0,
        unsupported_site: 0,
        not_a_listing_or_store: 1,
        missing_id: 0,
        invalid_id: 0,
      },
    });
  });

  it('groups by marketplace, then seller (known sellers first, unknown last), then listings', () => {
    expect(result.groups).toEqual([
      {
        marketplace: 'aliexpress',
        sellers: [
          {
            storeId: '1234567',
            storeUrl: 'https://www.aliexpress.com/store/1234567',
            storeLine: 3,
            listings: [
              {
                line: 1,
                id: '32812345678',
                canonicalUrl: 'https://www.aliexpress.com/item/32812345678.html',
              },
            ],
          },
          {
            storeId: '7654321',
            storeUrl: 'https://www.aliexpress.com/store/7654321',
            storeLine: 4,
            listings: [],
          },
          {
            storeId: null,
            storeUrl: null,
            storeLine: null,
            listings: [{ line: 2, id: '1005006123456789', canonicalUrl: ITEM_A }],
          },
        ],
        shortLinks: [
          { line: 7, id: '_mKabc12', canonicalUrl: 'https://a.aliexpress.com/_mKabc12' },
        ],
      },
      {
        marketplace: 'alibaba',
        sellers: [
          {
            storeId: 'shenzhenxyz',
            storeUrl: 'https://shenzhenxyz.en.alibaba.com',
            storeLine: null,
            listings: [
              {
                line: 5,
                id: '1600123456789',
                canonicalUrl: 'https://www.alibaba.com/product-detail/_1600123456789.html',
              },
            ],
          },
        ],
        shortLinks: [],
      },
      {
        marketplace: '1688',
        sellers: [
          {
            storeId: null,
            storeUrl: null,
            storeLine: null,
            listings: [
              {
                line: 6,
                id: '712345678901',
                canonicalUrl: 'https://detail.1688.com/offer/712345678901.html',
              },
            ],
          },
        ],
        shortLinks: [],
      },
    ]);
  });

  it('lists every line once in entries, duplicates included', () => {
    expect(result.entries.map((entry) => entry.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.entries[8]?.duplicateOf).toBe(1);
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
