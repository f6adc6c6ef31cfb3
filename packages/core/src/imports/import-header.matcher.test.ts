import { describe, expect, it } from 'vitest';
import {
  describeMissingUrlColumn,
  matchImportHeaders,
  normalizeHeader,
} from './import-header.matcher';

describe('normalizeHeader', () => {
  it('ignores case, punctuation, underscores and extra spaces', () => {
    expect(normalizeHeader('  Date (Found) ')).toBe('date found');
    expect(normalizeHeader('Listing_URL')).toBe('listing url');
    expect(normalizeHeader('STORE / SELLER url')).toBe('store seller url');
    expect(normalizeHeader('Ｕｒｌ')).toBe('url');
  });
});

describe('matchImportHeaders', () => {
  it('reads the usual spreadsheet headers and reports what each column is used for', () => {
    const mapping = matchImportHeaders(['URL', 'Design', 'Date found', 'Note', 'Status']);
    expect(mapping.hasHeaderRow).toBe(true);
    expect(mapping.fields).toEqual({ url: 0, design: 1, foundOn: 2, note: 3, status: 4 });
    expect(mapping.columns.every((column) => column.match === 'exact')).toBe(true);
    expect(mapping.columns[2]).toMatchObject({
      header: 'Date found',
      field: 'foundOn',
      explanation: 'Read as the date found.',
    });
  });

  it.each([
    ['link', 'url'],
    ['Listing', 'url'],
    ['Product URL', 'url'],
    ['item', 'url'],
    ['Infringing product URL', 'url'],
    ['AliExpress link', 'url'],
    ['artwork', 'design'],
    ['Artwork title', 'design'],
    ['design name', 'design'],
    ['Which design?', 'design'],
    ['date', 'foundOn'],
    ['Found on', 'foundOn'],
    ['found', 'foundOn'],
    ['seen', 'foundOn'],
    ['Date first seen', 'foundOn'],
    ['notes', 'note'],
    ['Comment', 'note'],
    ['complaint status', 'status'],
    ['IPP Status', 'status'],
    ['Store', 'store'],
    ['seller', 'store'],
    ['Shop URL', 'store'],
    ['Store/Seller URL', 'store'],
    ['Seller name', 'storeName'],
    ['marketplace', 'marketplace'],
    ['Platform', 'marketplace'],
  ])('reads %j as %s', (header, field) => {
    const mapping = matchImportHeaders(['x', header]);
    expect(mapping.columns[1]?.field).toBe(field);
  });

  it.each([
    'Listing title',
    'Item ID',
    'Store ID',
    'Price',
    'Screenshot link',
    'Product type',
    'Complaint date',
    'Status date',
  ])('does not mistake %j for a column it imports as the link or the store', (header) => {
    const mapping = matchImportHeaders(['URL', header]);
    expect(['url', 'store', 'foundOn', 'status']).not.toContain(mapping.columns[1]?.field);
  });

  it('prefers a known name to a guessed one, then the leftmost column, and reports the other as ignored', () => {
    const mapping = matchImportHeaders(['Infringing product URL', 'Link', 'URL', 'Colour']);
    expect(mapping.fields.url).toBe(1);
    expect(mapping.columns[0]).toMatchObject({
      field: null,
      ignoredReason: 'duplicate',
      explanation: 'Not read: column "Link" is already read as the listing URL.',
    });
    expect(mapping.columns[2]).toMatchObject({ field: null, ignoredReason: 'duplicate' });
    expect(mapping.columns[3]).toMatchObject({
      field: null,
      ignoredReason: 'unknown',
      explanation: 'Not read: "Colour" is not a column Counterpoint imports.',
    });
  });

  it('marks empty headers', () => {
    const mapping = matchImportHeaders(['url', '', ' ']);
    expect(mapping.columns.slice(1).map((column) => column.ignoredReason)).toEqual([
      'empty',
      'empty',
    ]);
  });

  it('recognises a file without a header row from a link in its first row', () => {
    const mapping = matchImportHeaders([
      'Cat mug',
      'https://www.aliexpress.com/item/1005006123456789.html',
      '2026-01-02',
    ]);
    expect(mapping.hasHeaderRow).toBe(false);
    expect(mapping.fields).toEqual({ url: 1 });
    expect(mapping.columns.map((column) => column.ignoredReason)).toEqual([
      'no_header_row',
      null,
      'no_header_row',
    ]);
  });

  it('leaves the link column absent when there is none, and says what to do', () => {
    const mapping = matchImportHeaders(['Design', 'When', 'Price']);
    expect(mapping.fields.url).toBeUndefined();
    expect(describeMissingUrlColumn(mapping)).toBe(
      'No column holds the listing links. Name that column "URL" (or "Link", "Listing URL", "Product URL"). The file\'s columns are: "Design", "When", "Price".',
    );
  });
});
