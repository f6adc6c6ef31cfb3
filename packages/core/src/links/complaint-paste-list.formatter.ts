import { MARKETPLACE_LABELS, type Marketplace } from '../domain';
import type { ParsedLink } from './link.types';
import { linkIdentityKey } from './link-list.parser';
import { parseMarketplaceUrl } from './marketplace-url.parser';

/** IPP's "Option 2" field takes at most this many listing URLs per complaint. */
export const IPP_MAX_URLS_PER_COMPLAINT = 300;

/** Options of {@link formatComplaintPasteList}. */
export interface ComplaintPasteListOptions {
  /** URLs per chunk, 1–300; default 300. */
  chunkSize?: number;
  /** The marketplace the complaint is for; when set, listings of any other marketplace are an error. */
  marketplace?: Marketplace;
}

/** One complaint's worth of URLs, and the same as text ready to paste (one URL a line). */
export interface ComplaintPasteChunk {
  urls: string[];
  text: string;
}

/** Why an input was left out of the paste list. */
export type SkipReason = 'rejected' | 'not_a_listing' | 'short_link';

export interface SkippedLink {
  /** Position of the input in the array given, 0-based. */
  index: number;
  /** The input as given (for a parsed link, its `originalUrl`). */
  input: string;
  reason: SkipReason;
  message: string;
}

export type ComplaintPasteListErrorCode =
  'mixed_marketplaces' | 'no_listings' | 'invalid_chunk_size';

export type ComplaintPasteListResult =
  | {
      ok: true;
      marketplace: Marketplace;
      /** Canonical listing URLs, first occurrence order, each once. */
      urls: string[];
      chunks: ComplaintPasteChunk[];
      /** How many inputs repeated a listing already in `urls`. */
      duplicatesRemoved: number;
      skipped: SkippedLink[];
    }
  | {
      ok: false;
      code: ComplaintPasteListErrorCode;
      message: string;
      /** Marketplaces the listings came from (more than one for `mixed_marketplaces`). */
      marketplaces: Marketplace[];
      skipped: SkippedLink[];
    };

/**
 * Builds the text to paste into IPP's "Option 2" field: the canonical URLs of the listings of
 * one design on one marketplace, one per line, each once, cut into chunks of at most
 * `chunkSize` (300, IPP's limit per complaint).
 *
 * Stores, short links and unreadable links are left out and listed in `skipped`, since a
 * complaint names listings. Listings from more than one marketplace are an error result, not
 * an exception: one complaint is filed on one marketplace, and the caller decides how to split.
 * Whether the listings copy one design is the caller's to ensure; links cannot tell.
 *
 * @param links - URLs as pasted, or results of `parseMarketplaceUrl`.
 * @param options - See {@link ComplaintPasteListOptions}.
 */
export function formatComplaintPasteList(
  links: ReadonlyArray<string | ParsedLink>,
  options: ComplaintPasteListOptions = {},
): ComplaintPasteListResult {
  const chunkSize = options.chunkSize ?? IPP_MAX_URLS_PER_COMPLAINT;
  const skipped: SkippedLink[] = [];
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > IPP_MAX_URLS_PER_COMPLAINT) {
    return failure(
      'invalid_chunk_size',
      `The chunk size must be a whole number from 1 to ${IPP_MAX_URLS_PER_COMPLAINT}, IPP's limit per complaint.`,
      [],
      skipped,
    );
  }
  const urls: string[] = [];
  const seen = new Set<string>();
  const marketplaces = new Set<Marketplace>(
    options.marketplace === undefined ? [] : [options.marketplace],
  );
  let duplicatesRemoved = 0;
  links.forEach((link, index) => {
    const parsed = typeof link === 'string' ? parseMarketplaceUrl(link) : link;
    if (!parsed.ok) {
      skipped.push({
        index,
        input: parsed.originalUrl,
        reason: 'rejected',
        message: parsed.message,
      });
      return;
    }
    if (parsed.kind !== 'listing') {
      const reason: SkipReason = parsed.kind === 'short' ? 'short_link' : 'not_a_listing';
      skipped.push({ index, input: parsed.originalUrl, reason, message: skipMessage(reason) });
      return;
    }
    marketplaces.add(parsed.marketplace);
    const key = linkIdentityKey(parsed);
    if (seen.has(key)) {
      duplicatesRemoved += 1;
      return;
    }
    seen.add(key);
    urls.push(parsed.canonicalUrl);
  });
  const found = [...marketplaces];
  if (found.length > 1) {
    const names = found.map((marketplace) => MARKETPLACE_LABELS[marketplace]).join(', ');
    const expected =
      options.marketplace === undefined
        ? ''
        : ` This complaint is for ${MARKETPLACE_LABELS[options.marketplace]}.`;
    return failure(
      'mixed_marketplaces',
      `These listings are on several marketplaces (${names}); a complaint covers one marketplace.${expected} ` +
        'Make one list per marketplace.',
      found,
      skipped,
    );
  }
  const [marketplace] = found;
  if (marketplace === undefined || urls.length === 0) {
    return failure(
      'no_listings',
      'There is no listing link to put in the complaint.',
      found,
      skipped,
    );
  }
  const chunks: ComplaintPasteChunk[] = [];
  for (let start = 0; start < urls.length; start += chunkSize) {
    const chunk = urls.slice(start, start + chunkSize);
    chunks.push({ urls: chunk, text: chunk.join('\n') });
  }
  return { ok: true, marketplace, urls, chunks, duplicatesRemoved, skipped };
}

function skipMessage(reason: SkipReason): string {
  switch (reason) {
    case 'short_link':
      return 'Short links must be opened first: paste the address of the listing page they lead to.';
    case 'not_a_listing':
      return 'A store is not a listing: a complaint names the listings that copy the design.';
    case 'rejected':
      return 'This link could not be read.';
  }
}

function failure(
  code: ComplaintPasteListErrorCode,
  message: string,
  marketplaces: Marketplace[],
  skipped: SkippedLink[],
): ComplaintPasteListResult {
  return { ok: false, code, message, marketplaces, skipped };
}
