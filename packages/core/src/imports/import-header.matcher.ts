import { parseMarketplaceUrl } from '../links/marketplace-url.parser';
import type { ImportColumnIndexes, ImportField } from './import-fields';

/** How a column was recognised: by a known name, or by a word in its name. */
export type HeaderMatch = 'exact' | 'similar';

/** Why a column is not read. */
export type IgnoredReason = 'unknown' | 'duplicate' | 'empty' | 'no_header_row';

export interface ImportColumn {
  /** 0-based position in the file. */
  index: number;
  /** The header as written (cut to 200 characters), '' for a file without a header row. */
  header: string;
  field: ImportField | null;
  match: HeaderMatch | null;
  ignoredReason: IgnoredReason | null;
  /** A sentence for the user: what the column is used for, or why it is not read. */
  explanation: string;
}

/** Which column holds what, reported back to the user with the import. */
export interface ImportHeaderMapping {
  /** False when the first row already holds data (a plain list of links). */
  hasHeaderRow: boolean;
  columns: ImportColumn[];
  fields: ImportColumnIndexes;
}

/** Field names as a person reads them, for messages. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  url: 'listing URL',
  design: 'design',
  foundOn: 'date found',
  note: 'note',
  status: 'status',
  store: 'store URL',
  storeName: 'store name',
  marketplace: 'marketplace',
};

/** Header names recognised as they are (after normalisation: lower case, words split on punctuation). */
const EXACT_NAMES: Record<ImportField, readonly string[]> = {
  url: [
    'url',
    'urls',
    'link',
    'links',
    'listing',
    'listings',
    'listing url',
    'listing link',
    'listing address',
    'product',
    'product url',
    'product link',
    'product page',
    'item',
    'item url',
    'item link',
    'item page',
    'page',
    'page url',
    'web address',
    'address',
    'href',
    'copy url',
    'copy link',
    'infringing url',
    'infringing link',
    'infringing listing',
    'counterfeit url',
    'counterfeit link',
    '链接',
    '网址',
    '商品链接',
  ],
  design: [
    'design',
    'designs',
    'artwork',
    'artworks',
    'art',
    'artwork title',
    'artwork name',
    'design name',
    'design title',
    'original',
    'original design',
    'original artwork',
    'work',
    'my design',
    'my artwork',
    '作品',
    '设计',
  ],
  foundOn: [
    'date',
    'date found',
    'found',
    'found on',
    'found date',
    'seen',
    'seen on',
    'date seen',
    'first seen',
    'date spotted',
    'spotted',
    'spotted on',
    'discovered',
    'date discovered',
    'discovered on',
    'sighted',
    'sighted on',
    'date added',
    'added',
    'added on',
    'when',
    'day',
    '日期',
    '发现日期',
  ],
  note: ['note', 'notes', 'comment', 'comments', 'remark', 'remarks', 'memo', '备注'],
  status: [
    'status',
    'complaint status',
    'ipp status',
    'report status',
    'state',
    'complaint state',
    'takedown status',
    '状态',
  ],
  store: [
    'store',
    'seller',
    'shop',
    'supplier',
    'vendor',
    'store url',
    'seller url',
    'shop url',
    'store link',
    'seller link',
    'shop link',
    'supplier url',
    'supplier link',
    'store page',
    'seller page',
    'shop page',
    'store address',
    'seller store',
    '店铺',
    '店铺链接',
  ],
  storeName: ['store name', 'seller name', 'shop name', 'supplier name', 'vendor name', '店铺名称'],
  marketplace: ['marketplace', 'platform', 'market', '平台'],
};

const EXACT = new Map<string, ImportField>();
for (const [field, names] of Object.entries(EXACT_NAMES) as [ImportField, readonly string[]][]) {
  for (const name of names) EXACT.set(name, field);
}

/**
 * Words that recognise a column when its whole name is not known ("Date first seen",
 * "Infringing product URL"), tried in this order so that "Store URL" is a store and "Seller
 * name" a name. A column whose name has one of `unless` is left alone: "Listing title" is not
 * the link, "Store ID" is not the store link.
 */
const WORD_RULES: readonly {
  field: ImportField;
  all: readonly (readonly string[])[];
  unless: readonly string[];
}[] = [
  {
    field: 'storeName',
    all: [['store', 'seller', 'shop', 'supplier', 'vendor'], ['name']],
    unless: ['id'],
  },
  {
    field: 'store',
    all: [['store', 'seller', 'shop', 'supplier', 'vendor']],
    unless: ['id', 'number', 'rating', 'country', 'location'],
  },
  { field: 'status', all: [['status', 'state', 'outcome']], unless: ['date', 'day', 'on'] },
  {
    field: 'foundOn',
    all: [['date', 'found', 'seen', 'spotted', 'discovered', 'sighted']],
    unless: ['complaint', 'filed', 'removed', 'reported', 'status', 'deadline', 'due'],
  },
  {
    field: 'design',
    all: [['design', 'designs', 'artwork', 'artworks', 'art', 'illustration', 'original']],
    unless: ['id', 'url', 'link', 'image', 'photo', 'picture'],
  },
  {
    field: 'note',
    all: [['note', 'notes', 'comment', 'comments', 'remark', 'remarks', 'memo']],
    unless: [],
  },
  {
    field: 'url',
    all: [['url', 'urls', 'link', 'links', 'listing', 'listings', 'product', 'item', 'href']],
    unless: [
      'id',
      'title',
      'name',
      'price',
      'number',
      'count',
      'image',
      'photo',
      'picture',
      'screenshot',
      'evidence',
      'proof',
      'quantity',
      'sold',
      'reviews',
      'type',
      'category',
      'description',
      'size',
      'color',
      'colour',
      'material',
      'code',
      'sku',
      'status',
      'date',
    ],
  },
  { field: 'marketplace', all: [['marketplace', 'platform']], unless: [] },
];

/**
 * A header as compared: Unicode-normalised, lower case, every run of punctuation and
 * spaces made one space ("Date (found)" → "date found", "Listing_URL" → "listing url").
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function recognise(header: string): { field: ImportField; match: HeaderMatch } | null {
  const normalized = normalizeHeader(header);
  if (normalized === '') return null;
  const exact = EXACT.get(normalized);
  if (exact) return { field: exact, match: 'exact' };
  const words = new Set(normalized.split(' '));
  for (const rule of WORD_RULES) {
    if (rule.unless.some((word) => words.has(word))) continue;
    if (rule.all.every((alternatives) => alternatives.some((word) => words.has(word)))) {
      return { field: rule.field, match: 'similar' };
    }
  }
  return null;
}

const shown = (header: string) => `"${header}"`;

/**
 * Reads a file's first row as headers, loosely: case, spaces, punctuation and common synonyms
 * do not matter ("Product URL", "link", "Date found", "Found on", "Artwork title", "Notes",
 * "Complaint status", "Shop URL"…). When two columns could hold the same thing, a known name
 * beats a guessed one and then the leftmost wins; the other is reported as ignored.
 *
 * When a cell of the first row is a marketplace link, the file has no header row: that column
 * is read as the links, and nothing else.
 *
 * @param firstRow - The cells of the file's first row.
 * @returns Every column with the field it is read as (or why it is ignored), and the index
 *   of each field found. `fields.url` is absent when the file has no column of links.
 */
export function matchImportHeaders(firstRow: readonly string[]): ImportHeaderMapping {
  // A header is never a link: a first row holding one is data.
  const linkColumn = firstRow.findIndex(
    (cell) => cell.trim() !== '' && parseMarketplaceUrl(cell).ok,
  );
  if (linkColumn !== -1) return headerlessMapping(firstRow.length, linkColumn);
  const recognised = firstRow.map((cell) => recognise(cell));
  const fields: ImportColumnIndexes = {};
  recognised.forEach((candidate, index) => {
    if (!candidate) return;
    const current = fields[candidate.field];
    const currentMatch = current === undefined ? null : recognised[current]?.match;
    if (current === undefined || (currentMatch === 'similar' && candidate.match === 'exact')) {
      fields[candidate.field] = index;
    }
  });

  const columns = firstRow.map((cell, index): ImportColumn => {
    const header = cell.trim().slice(0, 200);
    const candidate = recognised[index];
    if (!candidate) {
      return header === ''
        ? {
            index,
            header,
            field: null,
            match: null,
            ignoredReason: 'empty',
            explanation: 'Not read: the column has no header.',
          }
        : {
            index,
            header,
            field: null,
            match: null,
            ignoredReason: 'unknown',
            explanation: `Not read: ${shown(header)} is not a column Counterpoint imports.`,
          };
    }
    const label = IMPORT_FIELD_LABELS[candidate.field];
    const winner = fields[candidate.field];
    if (winner !== index) {
      const winnerHeader = firstRow[winner ?? 0]?.trim() ?? '';
      return {
        index,
        header,
        field: null,
        match: null,
        ignoredReason: 'duplicate',
        explanation: `Not read: column ${shown(winnerHeader)} is already read as the ${label}.`,
      };
    }
    return {
      index,
      header,
      field: candidate.field,
      match: candidate.match,
      ignoredReason: null,
      explanation: `Read as the ${label}.`,
    };
  });
  return { hasHeaderRow: true, columns, fields };
}

function headerlessMapping(width: number, linkColumn: number): ImportHeaderMapping {
  return {
    hasHeaderRow: false,
    fields: { url: linkColumn },
    columns: Array.from({ length: width }, (_cell, index): ImportColumn =>
      index === linkColumn
        ? {
            index,
            header: '',
            field: 'url',
            match: null,
            ignoredReason: null,
            explanation: 'Read as the listing URL (the file has no header row).',
          }
        : {
            index,
            header: '',
            field: null,
            match: null,
            ignoredReason: 'no_header_row',
            explanation: 'Not read: without a header row only the column of links is imported.',
          },
    ),
  };
}

/** The sentence shown when a file has no column of links. */
export function describeMissingUrlColumn(mapping: ImportHeaderMapping): string {
  const headers = mapping.columns.map((column) => column.header).filter((header) => header !== '');
  const found = headers.length
    ? ` The file's columns are: ${headers.slice(0, 20).map(shown).join(', ')}.`
    : '';
  return `No column holds the listing links. Name that column "URL" (or "Link", "Listing URL", "Product URL").${found}`;
}
