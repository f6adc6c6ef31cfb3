import { describe, expect, it } from 'vitest';
import {
  createArtworkLookup,
  recogniseMarketplace,
  validateImportRow,
  type ImportRowContext,
} from './import-row.validator';
import {
  addImportSummaries,
  countRowError,
  countStatusValue,
  createImportSummary,
  MAX_STATUS_VALUES,
} from './import-summary';

const CAT = '0b9c6d53-5a43-4a8e-9f0e-6a1f1f5a0001';
const DOG = '0b9c6d53-5a43-4a8e-9f0e-6a1f1f5a0002';
const TWIN_A = '0b9c6d53-5a43-4a8e-9f0e-6a1f1f5a0003';
const TWIN_B = '0b9c6d53-5a43-4a8e-9f0e-6a1f1f5a0004';
const ITEM = 'https://www.aliexpress.com/item/1005006123456789.html?spm=x';

const context = (overrides: Partial<ImportRowContext> = {}): ImportRowContext => ({
  fields: {
    url: 0,
    design: 1,
    foundOn: 2,
    note: 3,
    status: 4,
    store: 5,
    storeName: 6,
    marketplace: 7,
  },
  artworks: createArtworkLookup([
    { id: CAT, title: 'Cat  Mug' },
    { id: DOG, title: 'Dog' },
    { id: TWIN_A, title: 'Twin' },
    { id: TWIN_B, title: 'twin' },
  ]),
  defaultArtworkId: null,
  defaultFoundOn: '2026-06-15',
  dateOrder: null,
  ...overrides,
});

const row = (
  values: Partial<
    Record<
      'url' | 'design' | 'date' | 'note' | 'status' | 'store' | 'storeName' | 'marketplace',
      string
    >
  >,
) => [
  values.url ?? ITEM,
  values.design ?? 'cat mug',
  values.date ?? '2026-06-01',
  values.note ?? '',
  values.status ?? '',
  values.store ?? '',
  values.storeName ?? '',
  values.marketplace ?? '',
];

describe('validateImportRow', () => {
  it('turns a good row into a canonical listing with its design, date and note', () => {
    expect(validateImportRow(row({ design: ' CAT mug ', note: ' on sale ' }), context())).toEqual({
      ok: true,
      row: {
        kind: 'listing',
        marketplace: 'aliexpress',
        itemId: '1005006123456789',
        listingUrl: 'https://www.aliexpress.com/item/1005006123456789.html',
        store: null,
        artworkId: CAT,
        foundOn: '2026-06-01',
        note: 'on sale',
        status: null,
      },
    });
  });

  it('takes the seller from a legacy store-product link, and its name from the store name column', () => {
    const result = validateImportRow(
      row({
        url: 'https://www.aliexpress.com/store/product/Cat/912345_32812345678.html',
        storeName: 'Cat Shop',
      }),
      context(),
    );
    expect(result).toMatchObject({
      ok: true,
      row: {
        itemId: '32812345678',
        store: {
          storeId: '912345',
          storeUrl: 'https://www.aliexpress.com/store/912345',
          name: 'Cat Shop',
        },
      },
    });
  });

  it('takes the seller from the store column, or its name when the cell is not a link', () => {
    expect(
      validateImportRow(
        row({ store: 'https://www.aliexpress.com/store/1101234567/pages/all-items.html' }),
        context(),
      ),
    ).toMatchObject({
      ok: true,
      row: {
        store: {
          storeId: '1101234567',
          storeUrl: 'https://www.aliexpress.com/store/1101234567',
          name: null,
        },
      },
    });
    expect(validateImportRow(row({ store: 'Cute Cat Store' }), context())).toMatchObject({
      ok: true,
      row: { store: null },
    });
    expect(
      validateImportRow(
        row({
          url: 'https://www.aliexpress.com/store/product/x/912345_32812345678.html',
          store: 'Cute Cat Store',
        }),
        context(),
      ),
    ).toMatchObject({ ok: true, row: { store: { storeId: '912345', name: 'Cute Cat Store' } } });
  });

  it('imports a store link on its own as a seller, without design or date', () => {
    expect(
      validateImportRow(
        row({ url: 'https://shenzhenxyz.en.alibaba.com', design: 'unknown', date: 'never' }),
        context(),
      ),
    ).toEqual({
      ok: true,
      row: {
        kind: 'store',
        marketplace: 'alibaba',
        store: {
          storeId: 'shenzhenxyz',
          storeUrl: 'https://shenzhenxyz.en.alibaba.com',
          name: null,
        },
        status: null,
      },
    });
  });

  it('uses the default design and the upload day for empty cells', () => {
    expect(
      validateImportRow(row({ design: '', date: '' }), context({ defaultArtworkId: DOG })),
    ).toMatchObject({
      ok: true,
      row: { artworkId: DOG, foundOn: '2026-06-15' },
    });
  });

  it('matches a design by id as well as by title', () => {
    expect(validateImportRow(row({ design: DOG.toUpperCase() }), context())).toMatchObject({
      ok: true,
      row: { artworkId: DOG },
    });
  });

  it('passes the status through for the summary', () => {
    expect(validateImportRow(row({ status: 'Listing removed' }), context())).toMatchObject({
      ok: true,
      row: { status: 'Listing removed' },
    });
  });

  it('reads ambiguous dates in the file order', () => {
    expect(
      validateImportRow(row({ date: '03/04/2026' }), context({ dateOrder: 'day_first' })),
    ).toMatchObject({ ok: true, row: { foundOn: '2026-04-03' } });
  });

  it.each([
    ['an empty link', { url: ' ' }, 'missing_url'],
    ['a link that is not a marketplace', { url: 'https://example.com/item/1.html' }, 'invalid_url'],
    ['a share link', { url: 'https://a.aliexpress.com/_mKabcd' }, 'short_link'],
    [
      'a store column holding a listing link',
      { store: 'https://www.aliexpress.com/item/1005006000000001.html' },
      'invalid_store_url',
    ],
    [
      'a store column that is not a marketplace link',
      { store: 'https://example.com/shop' },
      'invalid_store_url',
    ],
    [
      'a store on another marketplace',
      { store: 'https://shop123456789.taobao.com' },
      'store_mismatch',
    ],
    [
      'a store that contradicts the link',
      {
        url: 'https://www.aliexpress.com/store/product/x/912345_32812345678.html',
        store: 'https://www.aliexpress.com/store/777',
      },
      'store_mismatch',
    ],
    [
      'a marketplace column naming another marketplace',
      { marketplace: 'Taobao' },
      'marketplace_mismatch',
    ],
    ['no design and no default', { design: '' }, 'missing_design'],
    ['a design the artist does not have', { design: 'Fox' }, 'unknown_design'],
    ['a title two designs share', { design: 'TWIN' }, 'ambiguous_design'],
    ['a date that is not one', { date: 'last week' }, 'invalid_date'],
    ['an ambiguous date in a file without order', { date: '03/04/2026' }, 'ambiguous_date'],
    ['a date after the upload day', { date: '2026-06-17' }, 'future_date'],
    ['a date before 1999', { date: '1998-12-31' }, 'invalid_date'],
    ['a note over 2,000 characters', { note: 'x'.repeat(2001) }, 'note_too_long'],
  ])('refuses %s', (_label, values, code) => {
    const result = validateImportRow(row(values), context());
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toMatch(/\.$/);
  });

  it('allows the day after the upload day (time zones ahead of UTC)', () => {
    expect(validateImportRow(row({ date: '2026-06-16' }), context())).toMatchObject({ ok: true });
  });

  it('ignores a marketplace cell it does not recognise', () => {
    expect(validateImportRow(row({ marketplace: 'web' }), context())).toMatchObject({ ok: true });
    expect(validateImportRow(row({ marketplace: 'AliExpress.com' }), context())).toMatchObject({
      ok: true,
    });
  });

  it('reads only the columns the mapping names', () => {
    expect(
      validateImportRow([ITEM], context({ fields: { url: 0 }, defaultArtworkId: CAT })),
    ).toMatchObject({
      ok: true,
      row: { artworkId: CAT, foundOn: '2026-06-15', note: '', status: null },
    });
  });
});

describe('recogniseMarketplace', () => {
  it.each([
    ['AliExpress', 'aliexpress'],
    ['aliexpress.us', 'aliexpress'],
    ['Alibaba.com', 'alibaba'],
    ['TAOBAO', 'taobao'],
    ['淘宝', 'taobao'],
    ['Tmall HK', 'tmall'],
    ['1688.com', '1688'],
    ['Amazon', null],
  ])('%s → %s', (value, expected) => {
    expect(recogniseMarketplace(value)).toBe(expected);
  });
});

describe('import summary', () => {
  it('counts status values, keeping a bounded number of distinct ones', () => {
    const summary = createImportSummary(',', null);
    countStatusValue(summary, 'Listing removed');
    countStatusValue(summary, 'Listing removed');
    for (let index = 0; index < MAX_STATUS_VALUES + 5; index += 1)
      countStatusValue(summary, `s${index}`);
    countStatusValue(summary, 's0');
    expect(summary.statusesNotImported).toBe(MAX_STATUS_VALUES + 8);
    expect(summary.statusValues[0]).toEqual({ value: 'Listing removed', rows: 2 });
    expect(summary.statusValues[1]).toEqual({ value: 's0', rows: 2 });
    expect(summary.statusValues).toHaveLength(MAX_STATUS_VALUES + 1);
    expect(summary.statusValues.at(-1)).toEqual({ value: '(other)', rows: 6 });
  });

  it('counts errors by code', () => {
    const summary = createImportSummary(',', null);
    countRowError(summary, 'invalid_url');
    countRowError(summary, 'future_date');
    countRowError(summary, 'invalid_url');
    expect(summary.errorsByCode).toEqual([
      { code: 'invalid_url', rows: 2 },
      { code: 'future_date', rows: 1 },
    ]);
  });
});

describe('addImportSummaries', () => {
  it('adds counts, status values and errors, leaving both parts untouched', () => {
    const total = createImportSummary(';', 'day_first');
    total.listingsCreated = 3;
    countStatusValue(total, 'Listing removed');
    countRowError(total, 'invalid_url');
    const part = createImportSummary(';', 'day_first');
    part.listingsCreated = 2;
    part.sightingsCreated = 5;
    countStatusValue(part, 'Listing removed', 2);
    countStatusValue(part, 'In progress');
    countRowError(part, 'future_date');
    countRowError(part, 'invalid_url');
    const sum = addImportSummaries(total, part);
    expect(sum).toMatchObject({
      delimiter: ';',
      dateOrder: 'day_first',
      listingsCreated: 5,
      sightingsCreated: 5,
      statusesNotImported: 4,
      statusValues: [
        { value: 'Listing removed', rows: 3 },
        { value: 'In progress', rows: 1 },
      ],
      errorsByCode: [
        { code: 'invalid_url', rows: 2 },
        { code: 'future_date', rows: 1 },
      ],
    });
    expect(total.listingsCreated).toBe(3);
    expect(total.statusValues).toEqual([{ value: 'Listing removed', rows: 1 }]);
  });
});

describe('store links remembered by the context', () => {
  it('reads each store cell once and gives the same answer from memory', () => {
    const storeLinks = new Map();
    const values = { store: 'https://www.aliexpress.com/store/1101234567' };
    const first = validateImportRow(row(values), context({ storeLinks }));
    const second = validateImportRow(row(values), context({ storeLinks }));
    expect(storeLinks.size).toBe(1);
    expect(second).toEqual(first);
    expect(
      validateImportRow(
        row({ store: 'https://shop123456789.taobao.com' }),
        context({ storeLinks }),
      ),
    ).toMatchObject({ ok: false, code: 'store_mismatch' });
  });
});
