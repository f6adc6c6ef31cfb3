import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALIEXPRESS_US_ID_OFFSET } from './aliexpress.parser';
import { parseMarketplaceUrl } from './marketplace-url.parser';

describe('parseMarketplaceUrl: generated valid links', () => {
  const digits = (min: number, max: number) =>
    fc
      .tuple(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min - 1, maxLength: max - 1 }),
      )
      .map(([head, tail]) => `${head}${tail.join('')}`);
  const trackingQuery = fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'spm',
          'algo_pvid',
          'aff_fcid',
          'aff_trace_key',
          'scm',
          'utparam',
          'ns',
          'abbucket',
          'ali_refid',
          'srcSns',
          'gatewayAdapt',
        ),
        fc.stringMatching(/^[A-Za-z0-9._%-]{0,12}$/),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&'));
  const host = fc.constantFrom(
    'www',
    'm',
    'es',
    'fr',
    'de',
    'ru',
    'ja',
    'ko',
    'pt',
    'it',
    'nl',
    'ar',
    'th',
    'vi',
    'he',
    'pl',
    'tr',
  );

  it('reads the item id of any AliExpress item URL on any regional host', () => {
    fc.assert(
      fc.property(host, digits(6, 16), trackingQuery, (subdomain, id, query) => {
        const url = `https://${subdomain}.aliexpress.com/item/${id}.html${query === '' ? '' : `?${query}`}`;
        expect(parseMarketplaceUrl(url)).toMatchObject({
          ok: true,
          marketplace: 'aliexpress',
          kind: 'listing',
          id,
        });
      }),
    );
  });

  it('maps every aliexpress.us item id back to the global id', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1_000_000n, max: 1_999_999_999_999_999n }), (global) => {
        const usId = (global + ALIEXPRESS_US_ID_OFFSET).toString();
        expect(parseMarketplaceUrl(`https://www.aliexpress.us/item/${usId}.html`)).toMatchObject({
          ok: true,
          id: global.toString(),
        });
      }),
    );
  });

  it('finds the Taobao and Tmall id wherever it sits in the query', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('item.taobao.com', 'detail.tmall.com'),
        digits(9, 13),
        trackingQuery,
        trackingQuery,
        (site, id, before, after) => {
          const query = [before, `id=${id}`, after].filter((part) => part !== '').join('&');
          const result = parseMarketplaceUrl(`https://${site}/item.htm?${query}`);
          expect(result).toMatchObject({
            ok: true,
            kind: 'listing',
            id,
            marketplace: site.includes('tmall') ? 'tmall' : 'taobao',
          });
        },
      ),
    );
  });
});
