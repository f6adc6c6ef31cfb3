import { addDays, EARLIEST_EVENT_ON } from '../dates';
import type { IsoDate, Marketplace } from '../domain';
import { MARKETPLACE_LABELS } from '../domain';
import { parseMarketplaceUrl } from '../links/marketplace-url.parser';
import { canonicalStoreUrl } from '../links/store-url';
import type { ParsedLink } from '../links/link.types';
import { MAX_IMPORT_NOTE_LENGTH, type ImportColumnIndexes } from './import-fields';
import { parseFoundDate, quoteValue, type DateOrder } from './found-date';

/** Every reason a row can be refused. Closed: callers may switch on it. */
export const IMPORT_ROW_ERROR_CODES = [
  'missing_url',
  'invalid_url',
  'short_link',
  'invalid_store_url',
  'store_mismatch',
  'marketplace_mismatch',
  'missing_design',
  'unknown_design',
  'ambiguous_design',
  'invalid_date',
  'ambiguous_date',
  'future_date',
  'note_too_long',
] as const;
export type ImportRowErrorCode = (typeof IMPORT_ROW_ERROR_CODES)[number];

/** Earliest plausible date a listing was found: Alibaba.com opened in 1999. */
export const EARLIEST_FOUND_ON: IsoDate = EARLIEST_EVENT_ON;

/** The artist's designs, found by title (any case and spacing) or by id. */
export interface ArtworkLookup {
  /** Normalised title → artwork id, or null when two designs share the title. */
  byTitle: ReadonlyMap<string, string | null>;
  ids: ReadonlySet<string>;
  /** Design cells already looked up (a file repeats a few titles thousands of times). */
  byCell: Map<string, string | null | undefined>;
}

/** Most distinct design cells remembered by a lookup. */
const MAX_REMEMBERED_CELLS = 10_000;

/** The design a cell names: its id, null when several designs share the title, undefined when none. */
function findArtwork(lookup: ArtworkLookup, design: string): string | null | undefined {
  if (lookup.byCell.has(design)) return lookup.byCell.get(design);
  const byTitle = lookup.byTitle.get(normalizeTitle(design));
  const id = design.toLowerCase();
  const found = byTitle !== undefined ? byTitle : lookup.ids.has(id) ? id : undefined;
  if (lookup.byCell.size < MAX_REMEMBERED_CELLS) lookup.byCell.set(design, found);
  return found;
}

/** A title as compared: case, Unicode form and runs of spaces do not matter. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function createArtworkLookup(
  artworks: readonly { id: string; title: string }[],
): ArtworkLookup {
  const byTitle = new Map<string, string | null>();
  for (const artwork of artworks) {
    const key = normalizeTitle(artwork.title);
    byTitle.set(key, byTitle.has(key) ? null : artwork.id);
  }
  return {
    byTitle,
    ids: new Set(artworks.map((artwork) => artwork.id.toLowerCase())),
    byCell: new Map(),
  };
}

export interface ImportRowContext {
  fields: ImportColumnIndexes;
  artworks: ArtworkLookup;
  /** The design of rows that name none (chosen at upload), or null. */
  defaultArtworkId: string | null;
  /** The date of rows that give none: the day of the upload. */
  defaultFoundOn: IsoDate;
  /** The file's order of day and month numbers, from `DateOrderTally`. */
  dateOrder: DateOrder | null;
  /**
   * Store links already read, by cell: a file names a few thousand stores on many rows.
   * Optional; give an empty map to use it.
   */
  storeLinks?: Map<string, ParsedLink>;
}

export interface ImportStore {
  storeId: string;
  storeUrl: string;
  name: string | null;
}

/** A row that can be imported. */
export type ValidImportRow =
  | {
      kind: 'listing';
      marketplace: Marketplace;
      itemId: string;
      listingUrl: string;
      /** The seller, when the store column or the link itself names it. */
      store: ImportStore | null;
      artworkId: string;
      foundOn: IsoDate;
      note: string;
      /** The status cell as written, or null; never imported (see the module notes). */
      status: string | null;
    }
  | {
      /** A store link on its own: the seller is saved, there is no listing to see. */
      kind: 'store';
      marketplace: Marketplace;
      store: ImportStore;
      status: string | null;
    };

export type ImportRowResult =
  { ok: true; row: ValidImportRow } | { ok: false; code: ImportRowErrorCode; message: string };

const fail = (code: ImportRowErrorCode, message: string): ImportRowResult => ({
  ok: false,
  code,
  message,
});

const cell = (cells: readonly string[], index: number | undefined): string =>
  index === undefined ? '' : (cells[index] ?? '').trim();

/** Marketplace named in a cell ("AliExpress", "aliexpress.com", "Tmall HK", "淘宝"), or null. */
export function recogniseMarketplace(value: string): Marketplace | null {
  const text = value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (text.includes('aliexpress') || text.includes('速卖通')) return 'aliexpress';
  if (text.includes('tmall') || text.includes('天猫')) return 'tmall';
  if (text.includes('taobao') || text.includes('淘宝')) return 'taobao';
  if (text.includes('1688')) return '1688';
  if (text.includes('alibaba') || text.includes('阿里巴巴')) return 'alibaba';
  return null;
}

let latestFor: { day: IsoDate; latest: IsoDate } | null = null;

/** The last day a listing can have been found: the upload day, plus one for time zones ahead of UTC. */
function latestFoundOn(uploadDay: IsoDate): IsoDate {
  // Asked once per row with the same day: remembered rather than recomputed.
  if (latestFor?.day !== uploadDay) latestFor = { day: uploadDay, latest: addDays(uploadDay, 1) };
  return latestFor.latest;
}

function readStoreLink(value: string, cache: Map<string, ParsedLink> | undefined): ParsedLink {
  const known = cache?.get(value);
  if (known) return known;
  const parsed = parseMarketplaceUrl(value);
  if (cache && cache.size < MAX_REMEMBERED_CELLS) cache.set(value, parsed);
  return parsed;
}

/** A cell that is meant as a link rather than a name: it has a dot or a slash. */
const looksLikeLink = (value: string) => value.includes('.') || value.includes('/');

/**
 * Checks one row of an import and says what it becomes, or why it cannot be imported.
 *
 * - The link (required) must be a listing or a store of a supported marketplace; share links
 *   are refused because their target is only known by opening them.
 * - The store column, when filled with a link, must be a store of the same marketplace and
 *   agree with a store named by the link itself; filled with a plain name, it is the name.
 * - The marketplace column, when it names a marketplace, must be the link's.
 * - The design is matched to the artist's designs by title (any case) or id; an empty cell
 *   takes the import's default design; without either the row is refused.
 * - The date follows `parseFoundDate`; empty means the upload day; it may not be after the
 *   upload day (one day of slack for time zones ahead of UTC) nor before 1999.
 * - The status is passed through untouched: complaint statuses are not imported, because a
 *   complaint needs more than a spreadsheet row says (filing date, IPP reference, the
 *   listings filed together); they are counted and reported instead.
 *
 * Store rows (a store link in the link column) need no design or date.
 */
export function validateImportRow(
  cells: readonly string[],
  context: ImportRowContext,
): ImportRowResult {
  const { fields } = context;
  const url = cell(cells, fields.url);
  if (url === '') return fail('missing_url', 'The link is empty.');
  const parsed = parseMarketplaceUrl(url);
  if (!parsed.ok) return fail('invalid_url', parsed.message);
  if (parsed.kind === 'short') {
    return fail(
      'short_link',
      `${quoteValue(url)} is a share link: which listing it opens is only known by following it. Open it in a browser and put the address of the page it opens in the file.`,
    );
  }
  const { marketplace } = parsed;
  const label = MARKETPLACE_LABELS[marketplace];

  const marketplaceCell = cell(cells, fields.marketplace);
  if (marketplaceCell !== '') {
    const named = recogniseMarketplace(marketplaceCell);
    if (named !== null && named !== marketplace) {
      return fail(
        'marketplace_mismatch',
        `The marketplace column says ${MARKETPLACE_LABELS[named]} but the link is a ${label} link.`,
      );
    }
  }

  let storeName: string | null = cell(cells, fields.storeName).slice(0, 300) || null;
  const ownStoreId = parsed.kind === 'store' ? parsed.id : parsed.storeId;
  let store: ImportStore | null =
    ownStoreId === undefined
      ? null
      : {
          storeId: ownStoreId,
          storeUrl:
            parsed.kind === 'store'
              ? parsed.canonicalUrl
              : canonicalStoreUrl(marketplace, ownStoreId),
          name: null,
        };
  const storeCell = cell(cells, fields.store);
  if (storeCell !== '' && !looksLikeLink(storeCell)) {
    storeName ??= storeCell.slice(0, 300);
  } else if (storeCell !== '') {
    const storeLink = readStoreLink(storeCell, context.storeLinks);
    if (!storeLink.ok) return fail('invalid_store_url', `Store column: ${storeLink.message}`);
    if (storeLink.kind !== 'store') {
      return fail(
        'invalid_store_url',
        `Store column: ${quoteValue(storeCell)} is a ${storeLink.kind === 'short' ? 'share' : 'listing'} link, not the link of a store. Open the seller's store page and copy its address.`,
      );
    }
    if (storeLink.marketplace !== marketplace) {
      return fail(
        'store_mismatch',
        `The store is on ${MARKETPLACE_LABELS[storeLink.marketplace]} but the link is a ${label} link.`,
      );
    }
    if (store !== null && store.storeId !== storeLink.id) {
      return fail(
        'store_mismatch',
        `The link belongs to store ${store.storeId} but the store column names store ${storeLink.id}.`,
      );
    }
    store = { storeId: storeLink.id, storeUrl: storeLink.canonicalUrl, name: null };
  }
  if (store !== null) store.name = storeName;

  const status = cell(cells, fields.status) || null;
  if (parsed.kind === 'store') {
    return { ok: true, row: { kind: 'store', marketplace, store: store as ImportStore, status } };
  }

  const design = cell(cells, fields.design);
  let artworkId: string | null;
  if (design === '') {
    artworkId = context.defaultArtworkId;
    if (artworkId === null) {
      return fail(
        'missing_design',
        'The row names no design and the import has no default design. Fill in the design column, or choose a default design when uploading.',
      );
    }
  } else {
    const found = findArtwork(context.artworks, design);
    if (found === null) {
      return fail(
        'ambiguous_design',
        `Several of your designs are titled ${quoteValue(design)}. Rename one of them.`,
      );
    }
    artworkId = found ?? null;
    if (artworkId === null) {
      return fail(
        'unknown_design',
        `You have no design titled ${quoteValue(design)}. Add it on the Designs page first, or correct the title.`,
      );
    }
  }

  const dateCell = cell(cells, fields.foundOn);
  let foundOn = context.defaultFoundOn;
  if (dateCell !== '') {
    const date = parseFoundDate(dateCell, context.dateOrder);
    if (!date.ok) return fail(date.code, date.message);
    if (date.date > latestFoundOn(context.defaultFoundOn)) {
      return fail(
        'future_date',
        `${quoteValue(dateCell)} is after the day of the upload (${context.defaultFoundOn}).`,
      );
    }
    if (date.date < EARLIEST_FOUND_ON) {
      return fail(
        'invalid_date',
        `${quoteValue(dateCell)} is before 1999, when the first of these marketplaces opened.`,
      );
    }
    foundOn = date.date;
  }

  const note = cell(cells, fields.note);
  if (note.length > MAX_IMPORT_NOTE_LENGTH) {
    return fail(
      'note_too_long',
      `The note has ${note.length} characters; a note keeps up to ${MAX_IMPORT_NOTE_LENGTH}.`,
    );
  }

  return {
    ok: true,
    row: {
      kind: 'listing',
      marketplace,
      itemId: parsed.id,
      listingUrl: parsed.canonicalUrl,
      store,
      artworkId,
      foundOn,
      note,
      status,
    },
  };
}
