import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

let context: TestContext;
let artist: TestArtist;

beforeAll(async () => {
  context = await createTestContext();
  artist = await registerArtist(context.app);
});
afterAll(() => context.close());

const parse = (text: string, headers: Record<string, string> = artist.headers) =>
  context.app.inject({ method: 'POST', url: '/api/v1/links/parse', headers, payload: { text } });

describe('POST /api/v1/links/parse', () => {
  it('parses each line, marks duplicates and rejections, and groups by seller', async () => {
    const text = [
      'https://www.aliexpress.com/item/1005006123456789.html?spm=a2g0o.detail.1&algo_pvid=x',
      '',
      'https://fr.aliexpress.com/item/1005006123456789.html',
      'https://www.aliexpress.com/store/product/cute-pin/912345_1005001111111111.html',
      'https://detail.1688.com/offer/745000123456.html',
      'https://a.aliexpress.com/_mKabcd',
      'https://www.aliexpress.com.evil.example/item/1.html',
      'not a url',
    ].join('\n');
    const response = await parse(text);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.entries).toHaveLength(7);
    expect(body.entries[0]).toMatchObject({
      line: 1,
      ok: true,
      marketplace: 'aliexpress',
      kind: 'listing',
      id: '1005006123456789',
      canonicalUrl: 'https://www.aliexpress.com/item/1005006123456789.html',
      duplicateOf: null,
      error: null,
    });
    expect(body.entries[1]).toMatchObject({ line: 3, ok: true, duplicateOf: 1 });
    expect(body.entries[2]).toMatchObject({ line: 4, kind: 'listing', id: '1005001111111111', storeId: '912345' });
    expect(body.entries[3]).toMatchObject({ line: 5, marketplace: '1688', kind: 'listing' });
    expect(body.entries[4]).toMatchObject({ line: 6, kind: 'short' });
    expect(body.entries[5]).toMatchObject({ line: 7, ok: false, error: { code: 'lookalike_host' } });
    expect(body.entries[6].ok).toBe(false);
    expect(body.summary).toMatchObject({ lines: 7, duplicates: 1, rejected: 2 });
    const aliexpress = body.groups.find((group: { marketplace: string }) => group.marketplace === 'aliexpress');
    expect(aliexpress.sellers.map((seller: { storeId: string | null }) => seller.storeId)).toEqual(['912345', null]);
  });

  it('refuses more than 5,000 lines with 413 and points to CSV import', async () => {
    const text = Array.from({ length: 5001 }, (_, index) => `https://www.aliexpress.com/item/${1005006000000000 + index}.html`).join('\n');
    const response = await parse(text);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'payload_too_large' });
    expect(response.json().error.message).toContain('CSV import');
  });

  it('accepts exactly 5,000 lines', async () => {
    const text = Array.from({ length: 5000 }, (_, index) => `https://www.aliexpress.com/item/${1005006000000000 + index}.html`).join('\n');
    const response = await parse(text);
    expect(response.statusCode).toBe(200);
    expect(response.json().summary.unique).toBe(5000);
  });

  it('needs a signed-in caller and a text field', async () => {
    expect((await parse('x', {})).statusCode).toBe(401);
    const missing = await context.app.inject({ method: 'POST', url: '/api/v1/links/parse', headers: artist.headers, payload: { urls: [] } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('validation_failed');
  });
});
