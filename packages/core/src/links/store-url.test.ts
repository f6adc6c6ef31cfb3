import { describe, expect, it } from 'vitest';
import { ALIEXPRESS_US_ID_OFFSET, toGlobalItemId } from './aliexpress.parser';
import { ACCEPTED_CASES } from './link-cases.fixture';
import { parseMarketplaceUrl } from './marketplace-url.parser';
import { canonicalStoreUrl } from './store-url';

describe('canonicalStoreUrl', () => {
  it('gives, for every store in the tables, the canonical URL the parser gives', () => {
    const stores = ACCEPTED_CASES.filter(([, expected]) => expected.kind === 'store');
    expect(stores.length).toBeGreaterThan(20);
    for (const [, expected] of stores) {
      expect(canonicalStoreUrl(expected.marketplace, expected.storeId ?? '')).toBe(
        expected.canonicalUrl,
      );
    }
  });

  it('points a listing that names its seller at a store URL that parses back to that seller', () => {
    const listings = ACCEPTED_CASES.filter(
      ([, expected]) => expected.kind === 'listing' && expected.storeId !== undefined,
    );
    expect(listings.length).toBeGreaterThan(3);
    for (const [, expected] of listings) {
      const store = parseMarketplaceUrl(
        canonicalStoreUrl(expected.marketplace, expected.storeId ?? ''),
      );
      expect(store).toMatchObject({
        ok: true,
        kind: 'store',
        marketplace: expected.marketplace,
        id: expected.storeId,
      });
    }
  });
});

describe('toGlobalItemId', () => {
  it('subtracts 2^51 from aliexpress.us ids and leaves global ids alone', () => {
    expect(ALIEXPRESS_US_ID_OFFSET).toBe(2251799813685248n);
    expect(toGlobalItemId('3256809840464144')).toBe('1005010026778896');
    expect(toGlobalItemId('2255800895415537')).toBe('4001081730289');
    expect(toGlobalItemId('1005010026778896')).toBe('1005010026778896');
    expect(toGlobalItemId('2251799813685247')).toBe('2251799813685247');
    expect(toGlobalItemId('2251799813685248')).toBe('0');
  });

  it('stays exact past the largest safe integer', () => {
    expect(toGlobalItemId('9007199254740993')).toBe('6755399441055745');
  });

  it('refuses an aliexpress.us id that maps to no plausible global id', () => {
    expect(
      parseMarketplaceUrl('https://www.aliexpress.us/item/2251799813685253.html'),
    ).toMatchObject({ ok: false, code: 'invalid_id' });
  });
});
