import { describe, expect, it } from 'vitest';
import {
  formatComplaintPasteList,
  IPP_MAX_URLS_PER_COMPLAINT,
} from './complaint-paste-list.formatter';
import { parseMarketplaceUrl } from './marketplace-url.parser';

function aliExpressItems(count: number, firstId = 1005006000000000): string[] {
  return Array.from(
    { length: count },
    (_, index) => `https://www.aliexpress.com/item/${firstId + index}.html`,
  );
}

describe('formatComplaintPasteList', () => {
  it('writes canonical listing URLs, one per line', () => {
    const result = formatComplaintPasteList([
      'https://es.aliexpress.com/item/1005006123456789.html?spm=a2g0o&algo_pvid=x',
      ' www.aliexpress.com/item/1005006123456780.html ',
    ]);
    expect(result).toMatchObject({
      ok: true,
      marketplace: 'aliexpress',
      urls: [
        'https://www.aliexpress.com/item/1005006123456789.html',
        'https://www.aliexpress.com/item/1005006123456780.html',
      ],
    });
    if (!result.ok) return;
    expect(result.chunks).toEqual([
      {
        urls: result.urls,
        text: 'https://www.aliexpress.com/item/1005006123456789.html\nhttps://www.aliexpress.com/item/1005006123456780.html',
      },
    ]);
  });

  it('keeps each listing once, whatever form it was pasted in, in first-seen order', () => {
    const result = formatComplaintPasteList([
      'https://www.aliexpress.com/item/1005010026778896.html',
      'https://www.aliexpress.com/item/1005006123456789.html',
      'https://www.aliexpress.us/item/3256809840464144.html',
      'https://m.aliexpress.com/i/1005006123456789.html',
    ]);
    expect(result).toMatchObject({
      ok: true,
      urls: [
        'https://www.aliexpress.com/item/1005010026778896.html',
        'https://www.aliexpress.com/item/1005006123456789.html',
      ],
      duplicatesRemoved: 2,
    });
  });

  it('cuts at 300 URLs per chunk by default', () => {
    const result = formatComplaintPasteList(aliExpressItems(301));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.chunks.map((chunk) => chunk.urls.length)).toEqual([300, 1]);
    expect(result.chunks[0]?.text.split('\n')).toHaveLength(300);
    expect(result.chunks.flatMap((chunk) => chunk.urls)).toEqual(result.urls);
  });

  it('makes exactly one chunk for exactly 300 URLs, and three for 900', () => {
    const three = formatComplaintPasteList(aliExpressItems(300));
    const nine = formatComplaintPasteList(aliExpressItems(900));
    expect(three.ok && three.chunks.length).toBe(1);
    expect(nine.ok && nine.chunks.map((chunk) => chunk.urls.length)).toEqual([300, 300, 300]);
  });

  it('counts duplicates before chunking, so a chunk never holds a repeat', () => {
    const urls = aliExpressItems(250);
    const result = formatComplaintPasteList([
      ...urls,
      ...urls,
      ...aliExpressItems(100, 1005007000000000),
    ]);
    expect(result.ok && result.chunks.map((chunk) => chunk.urls.length)).toEqual([300, 50]);
    expect(result.ok && result.duplicatesRemoved).toBe(250);
  });

  it('takes a smaller chunk size', () => {
    const result = formatComplaintPasteList(aliExpressItems(10), { chunkSize: 4 });
    expect(result.ok && result.chunks.map((chunk) => chunk.urls.length)).toEqual([4, 4, 2]);
  });

  it.each([0, -1, 301, 2.5, Number.NaN])('refuses chunk size %s', (chunkSize) => {
    expect(formatComplaintPasteList(aliExpressItems(2), { chunkSize })).toMatchObject({
      ok: false,
      code: 'invalid_chunk_size',
    });
  });

  it('accepts parsed links as well as strings', () => {
    const parsed = parseMarketplaceUrl('https://detail.1688.com/offer/712345678901.html?spm=x');
    const result = formatComplaintPasteList([parsed, 'https://m.1688.com/offer/712345678902.html']);
    expect(result).toMatchObject({
      ok: true,
      marketplace: '1688',
      urls: [
        'https://detail.1688.com/offer/712345678901.html',
        'https://detail.1688.com/offer/712345678902.html',
      ],
    });
  });

  it('refuses listings from several marketplaces, naming them', () => {
    const result = formatComplaintPasteList([
      'https://www.aliexpress.com/item/1005006123456789.html',
      'https://item.taobao.com/item.htm?id=712345678901',
    ]);
    expect(result).toMatchObject({
      ok: false,
      code: 'mixed_marketplaces',
      marketplaces: ['aliexpress', 'taobao'],
    });
    expect(result.ok ? '' : result.message).toContain('AliExpress, Taobao');
  });

  it('refuses listings of another marketplace than the one asked for', () => {
    const result = formatComplaintPasteList(['https://item.taobao.com/item.htm?id=712345678901'], {
      marketplace: 'tmall',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'mixed_marketplaces',
      marketplaces: ['tmall', 'taobao'],
    });
  });

  it('leaves out stores, short links and unreadable links, and says why', () => {
    const result = formatComplaintPasteList([
      'https://www.aliexpress.com/store/1101234567',
      'https://a.aliexpress.com/_mKabc12',
      'not a link',
      'https://www.aliexpress.com/item/1005006123456789.html',
    ]);
    expect(result).toMatchObject({
      ok: true,
      urls: ['https://www.aliexpress.com/item/1005006123456789.html'],
    });
    expect(result.skipped.map((skip) => [skip.index, skip.reason])).toEqual([
      [0, 'not_a_listing'],
      [1, 'short_link'],
      [2, 'rejected'],
    ]);
    expect(result.skipped.every((skip) => skip.message.length > 10)).toBe(true);
  });

  it('refuses a list with no listing at all', () => {
    expect(formatComplaintPasteList([])).toMatchObject({
      ok: false,
      code: 'no_listings',
      marketplaces: [],
    });
    expect(formatComplaintPasteList(['https://www.aliexpress.com/store/1101234567'])).toMatchObject(
      {
        ok: false,
        code: 'no_listings',
      },
    );
  });

  it('uses IPP limit of 300', () => {
    expect(IPP_MAX_URLS_PER_COMPLAINT).toBe(300);
  });
});
