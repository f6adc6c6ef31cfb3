import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_CASES } from './link-cases.fixture';
import { LINK_ERROR_CODES, LINK_KINDS, type ParsedLink, type ParsedLinkOk } from './link.types';
import { parseMarketplaceUrl } from './marketplace-url.parser';

const REAL_URLS = ACCEPTED_CASES.map(([input]) => input);

/** Checks the invariants every result must keep, whatever the input. */
function expectWellFormed(result: ParsedLink, input: string): void {
  expect(result.originalUrl).toBe(input);
  if (result.ok) {
    expect(LINK_KINDS).toContain(result.kind);
    expect(result.id.length).toBeGreaterThan(0);
    expect(result.canonicalUrl.startsWith('https://')).toBe(true);
    expect(() => new URL(result.canonicalUrl)).not.toThrow();
  } else {
    expect(LINK_ERROR_CODES).toContain(result.code);
    expect(result.message.length).toBeGreaterThan(20);
  }
}

/** Parsing a canonical URL again gives the same link, and the same canonical URL. */
function expectIdempotent(first: ParsedLinkOk): void {
  const again = parseMarketplaceUrl(first.canonicalUrl);
  expect(again).toMatchObject({
    ok: true,
    marketplace: first.marketplace,
    kind: first.kind,
    id: first.id,
  });
  if (!again.ok) return;
  expect(again.canonicalUrl).toBe(first.canonicalUrl);
  // A listing's canonical URL is the marketplace's item URL, which does not name the seller, so
  // a seller read from a store-product URL cannot survive it; a store's canonical URL always does.
  expect(again.storeId).toBe(first.kind === 'listing' ? undefined : first.storeId);
}

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('insertBinary' as const),
    at: fc.nat(),
    text: fc.string({ unit: 'binary', maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '/',
      '.',
      '_',
      '?',
      '#',
      '@',
      ':',
      '%',
      ' ',
      '-',
      '0',
      'x',
      '\u3000',
      '【',
    ),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 20 }),
    times: fc.integer({ min: 2, max: 50 }),
  }),
  fc.record({ kind: fc.constant('case' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer Value> ? Value : never;

function mutate(url: string, change: Mutation): string {
  const at = url.length === 0 ? 0 : change.at % (url.length + 1);
  switch (change.kind) {
    case 'insert':
    case 'insertBinary':
      return url.slice(0, at) + change.text + url.slice(at);
    case 'delete':
      return url.slice(0, at) + url.slice(at + change.length);
    case 'replace':
      return url.slice(0, at) + change.text + url.slice(at + 1);
    case 'repeat':
      return (
        url.slice(0, at) +
        url.slice(at, at + change.length).repeat(change.times) +
        url.slice(at + change.length)
      );
    case 'case':
      return url.slice(0, at) + url.slice(at).toUpperCase();
  }
}

const mutatedRealUrl = fc
  .tuple(fc.constantFrom(...REAL_URLS), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([url, changes]) => changes.reduce(mutate, url));

/** Strings built from the pieces that stress a URL parser: separators, schemes, hosts, escapes. */
const urlishNoise = fc
  .array(
    fc.constantFrom(
      'http',
      'https',
      '://',
      '//',
      '/',
      '.',
      '_',
      '-',
      '?',
      '&',
      '=',
      '#',
      '@',
      ':',
      '%',
      '%2',
      ' ',
      '\t',
      '\n',
      '【',
      '」',
      '"',
      '<',
      '>',
      '(',
      ')',
      'www.',
      'aliexpress.com',
      'aliexpress.us',
      'taobao.com',
      'tmall.hk',
      'tb.cn',
      '1688.com',
      '.en.alibaba.com',
      'item',
      'store',
      'product',
      'offer',
      'id=',
      'shop',
      '1005',
      '0',
      '9',
    ),
    { maxLength: 300 },
  )
  .map((pieces) => pieces.join(''));

describe('parseMarketplaceUrl: properties', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc.string({ unit: 'grapheme', maxLength: 100 }),
        ),
        (input) => {
          expectWellFormed(parseMarketplaceUrl(input), input);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on generated web URLs', () => {
    fc.assert(
      fc.property(
        fc.webUrl({
          withQueryParameters: true,
          withFragments: true,
          validSchemes: ['http', 'https', 'ftp'],
        }),
        (input) => {
          expectWellFormed(parseMarketplaceUrl(input), input);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated real links, and what it accepts is idempotent', () => {
    fc.assert(
      fc.property(mutatedRealUrl, (input) => {
        const result = parseMarketplaceUrl(input);
        expectWellFormed(result, input);
        if (result.ok) expectIdempotent(result);
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws on URL-shaped noise', () => {
    fc.assert(
      fc.property(urlishNoise, (input) => {
        const result = parseMarketplaceUrl(input);
        expectWellFormed(result, input);
        if (result.ok) expectIdempotent(result);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same answer through the clean-URL shortcut and the full cleaning', () => {
    // A leading space sends any input down the full cleaning path, which strips it again.
    const withoutOrigin = ({ originalUrl: _origin, ...rest }: ParsedLink) => rest;
    fc.assert(
      fc.property(
        fc.oneof(mutatedRealUrl, fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (input) => {
          expect(withoutOrigin(parseMarketplaceUrl(` ${input}`))).toEqual(
            withoutOrigin(parseMarketplaceUrl(input)),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is idempotent on every accepted table case', () => {
    for (const [input] of ACCEPTED_CASES) {
      const result = parseMarketplaceUrl(input);
      expect(result.ok).toBe(true);
      if (result.ok) expectIdempotent(result);
    }
  });

  it('handles pathological inputs without slowing down', () => {
    const inputs = [
      `https://www.aliexpress.com/${'item/'.repeat(400)}1.html`,
      `https://www.aliexpress.com/item/${'1'.repeat(2000)}.html`,
      `https://item.taobao.com/item.htm?${'a=1&'.repeat(500)}id=712345678901`,
      `${' '.repeat(16_000)}x`,
      'https://'.repeat(2000),
      `${'【'.repeat(8000)}https://m.tb.cn/h.abc`,
      `https://${'a.'.repeat(120)}aliexpress.com/item/1005006123456789.html`,
      `http${'s://http'.repeat(1500)}`,
    ];
    for (const input of inputs) expectWellFormed(parseMarketplaceUrl(input), input);
  });
});
