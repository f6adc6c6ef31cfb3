import { MARKETPLACES, type Marketplace } from '../domain';
import { containsSpace, findLinkCandidates, isCleanHttpUrl, trimLinkText } from './link-input';
import {
  LINK_ERROR_CODES,
  LINK_KINDS,
  type LinkErrorCode,
  type LinkKind,
  type ParsedLink,
  type ParsedLinkOk,
} from './link.types';
import { parseMarketplaceUrl, parsePreparedLink } from './marketplace-url.parser';
import { canonicalStoreUrl } from './store-url';

/** Options of {@link parseLinkList}. */
export interface LinkListOptions {
  /**
   * What to do with a line that holds several links separated by whitespace (a row copied from
   * a spreadsheet, a chat message): `'split'` (default) reads each link, all under that line's
   * number with `part` 1, 2, …; `'reject'` refuses the line with code `several_urls`.
   */
  severalPerLine?: 'split' | 'reject';
}

/** One link read from the pasted text. */
export interface LinkListEntry {
  /** 1-based line number in the pasted text; blank lines are skipped but still counted. */
  line: number;
  /** 1-based position of the link on its line, present only when the line held several. */
  part?: number;
  /** The line (or, when a line held several links, this link's piece of it). */
  input: string;
  result: ParsedLink;
  /** Line of the first entry naming the same link, when this one repeats it. */
  duplicateOf?: number;
}

/** Counts over a pasted list. Marketplace and kind counts are of distinct links (duplicates excluded). */
export interface LinkListSummary {
  /** Non-blank lines read. */
  lines: number;
  /** Links read: one per line, more when lines held several. */
  links: number;
  /** Links understood, duplicates included. */
  accepted: number;
  /** Links understood, each counted once. */
  unique: number;
  rejected: number;
  duplicates: number;
  byMarketplace: Record<Marketplace, number>;
  byKind: Record<LinkKind, number>;
  byErrorCode: Record<LinkErrorCode, number>;
}

/** A link inside a group: where it came from and what it is. */
export interface GroupedLink {
  line: number;
  id: string;
  canonicalUrl: string;
}

/** The listings of one seller, or of sellers not known from their links (`storeId: null`). */
export interface SellerGroup {
  storeId: string | null;
  /** The store's canonical URL, when the seller is known. */
  storeUrl: string | null;
  /** Line of the store link itself, when one was pasted. */
  storeLine: number | null;
  listings: GroupedLink[];
}

/** Everything understood on one marketplace. */
export interface MarketplaceGroup {
  marketplace: Marketplace;
  /** Known sellers in order of first appearance, then the unknown-seller group if it has listings. */
  sellers: SellerGroup[];
  /** Short links: their seller and even their kind are known only after following them. */
  shortLinks: GroupedLink[];
}

/** Result of {@link parseLinkList}; plain data, safe to send as JSON. */
export interface LinkListResult {
  entries: LinkListEntry[];
  summary: LinkListSummary;
  /** Distinct links by marketplace (in `MARKETPLACES` order) → seller → listings. */
  groups: MarketplaceGroup[];
}

/**
 * The key under which two parsed links are the same link: marketplace, kind and id. Short links
 * use their canonical URL instead, because two share services may hand out the same code for
 * different targets.
 */
export function linkIdentityKey(link: ParsedLinkOk): string {
  return `${link.marketplace}|${link.kind}|${link.kind === 'short' ? link.canonicalUrl : link.id}`;
}

/**
 * Reads a pasted list of links (or a CSV column): one link per line, `\n` or `\r\n`, blank
 * lines skipped with their numbers kept. Repeated links are kept as entries with `duplicateOf`
 * pointing at the first line, and counted once in the summary and the groups.
 *
 * @param text - The pasted text.
 * @param options - See {@link LinkListOptions}.
 * @returns Every entry with its line number, a summary, and the distinct links grouped by
 *   marketplace → seller → listings.
 */
export function parseLinkList(text: string, options: LinkListOptions = {}): LinkListResult {
  const isSplitAllowed = options.severalPerLine !== 'reject';
  const entries: LinkListEntry[] = [];
  const seen = new FirstSeen();
  const summary = emptySummary();
  const grouping = new GroupBuilder();
  let lineNumber = 0;
  let start = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNumber += 1;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = text.slice(start, lineEnd);
    if (isCleanHttpUrl(line)) {
      // The common case: one clean address, already known to need no preparing.
      summary.lines += 1;
      const entry: LinkListEntry = {
        line: lineNumber,
        input: line,
        result: parsePreparedLink(line, line),
      };
      record(entry, seen, summary, grouping);
      entries.push(entry);
    } else {
      const pieces = splitLine(line, isSplitAllowed);
      if (pieces !== null) {
        summary.lines += 1;
        const inputs = pieces ?? [line];
        for (let index = 0; index < inputs.length; index += 1) {
          const input = inputs[index] ?? '';
          const result = parseMarketplaceUrl(input);
          const entry: LinkListEntry =
            inputs.length > 1
              ? { line: lineNumber, part: index + 1, input, result }
              : { line: lineNumber, input, result };
          record(entry, seen, summary, grouping);
          entries.push(entry);
        }
      }
    }
    if (end >= text.length) break;
    start = end + 1;
  }
  return { entries, summary, groups: grouping.build() };
}

/**
 * `null` for a blank line, the links of a line that holds several, `undefined` for an
 * ordinary line (parsed as it is).
 */
function splitLine(line: string, isSplitAllowed: boolean): string[] | null | undefined {
  const trimmed = trimLinkText(line);
  if (trimmed.length === 0) return null;
  if (!isSplitAllowed || !containsSpace(trimmed)) return undefined;
  const candidates = findLinkCandidates(trimmed);
  return candidates.length > 1 ? candidates : undefined;
}

/**
 * First line of each distinct link, keyed like {@link linkIdentityKey} but through one map per
 * marketplace and kind, so that no key string is built per line: on a million-line paste those
 * strings were most of the garbage the bulk parser made.
 */
class FirstSeen {
  private readonly maps = new Map<string, Map<string, number>>();

  /** The line that first named `link`, or undefined after recording `line` as that line. */
  claim(link: ParsedLinkOk, line: number): number | undefined {
    const bucketKey =
      link.kind === 'listing' ? link.marketplace : `${link.marketplace}|${link.kind}`;
    let bucket = this.maps.get(bucketKey);
    if (bucket === undefined) {
      bucket = new Map();
      this.maps.set(bucketKey, bucket);
    }
    const key = link.kind === 'short' ? link.canonicalUrl : link.id;
    const first = bucket.get(key);
    if (first === undefined) bucket.set(key, line);
    return first;
  }
}

function record(
  entry: LinkListEntry,
  seen: FirstSeen,
  summary: LinkListSummary,
  grouping: GroupBuilder,
): void {
  summary.links += 1;
  const result = entry.result;
  if (!result.ok) {
    summary.rejected += 1;
    summary.byErrorCode[result.code] += 1;
    return;
  }
  summary.accepted += 1;
  const firstLine = seen.claim(result, entry.line);
  if (firstLine !== undefined) {
    entry.duplicateOf = firstLine;
    summary.duplicates += 1;
    return;
  }
  summary.unique += 1;
  summary.byMarketplace[result.marketplace] += 1;
  summary.byKind[result.kind] += 1;
  grouping.add(entry.line, result);
}

function emptySummary(): LinkListSummary {
  return {
    lines: 0,
    links: 0,
    accepted: 0,
    unique: 0,
    rejected: 0,
    duplicates: 0,
    byMarketplace: countsOf(MARKETPLACES),
    byKind: countsOf(LINK_KINDS),
    byErrorCode: countsOf(LINK_ERROR_CODES),
  };
}

function countsOf<Key extends string>(keys: readonly Key[]): Record<Key, number> {
  const counts = {} as Record<Key, number>;
  for (const key of keys) counts[key] = 0;
  return counts;
}

/** Collects distinct links into marketplace → seller → listings, in order of appearance. */
class GroupBuilder {
  private readonly sellers = new Map<Marketplace, Map<string, SellerGroup>>();
  private readonly unknownSellers = new Map<Marketplace, SellerGroup>();
  private readonly shortLinks = new Map<Marketplace, GroupedLink[]>();

  add(line: number, link: ParsedLinkOk): void {
    const grouped: GroupedLink = { line, id: link.id, canonicalUrl: link.canonicalUrl };
    if (link.kind === 'short') {
      this.listFor(this.shortLinks, link.marketplace).push(grouped);
      return;
    }
    const seller =
      link.storeId === undefined
        ? this.unknownSeller(link.marketplace)
        : this.knownSeller(link.marketplace, link.storeId);
    if (link.kind === 'store') {
      seller.storeLine = line;
      seller.storeUrl = link.canonicalUrl;
    } else {
      seller.listings.push(grouped);
    }
  }

  build(): MarketplaceGroup[] {
    const groups: MarketplaceGroup[] = [];
    for (const marketplace of MARKETPLACES) {
      const sellers = [...(this.sellers.get(marketplace)?.values() ?? [])];
      const unknown = this.unknownSellers.get(marketplace);
      if (unknown !== undefined) sellers.push(unknown);
      const shortLinks = this.shortLinks.get(marketplace) ?? [];
      if (sellers.length > 0 || shortLinks.length > 0)
        groups.push({ marketplace, sellers, shortLinks });
    }
    return groups;
  }

  private knownSeller(marketplace: Marketplace, storeId: string): SellerGroup {
    let byStore = this.sellers.get(marketplace);
    if (byStore === undefined) {
      byStore = new Map();
      this.sellers.set(marketplace, byStore);
    }
    let seller = byStore.get(storeId);
    if (seller === undefined) {
      seller = {
        storeId,
        storeUrl: canonicalStoreUrl(marketplace, storeId),
        storeLine: null,
        listings: [],
      };
      byStore.set(storeId, seller);
    }
    return seller;
  }

  private unknownSeller(marketplace: Marketplace): SellerGroup {
    let seller = this.unknownSellers.get(marketplace);
    if (seller === undefined) {
      seller = { storeId: null, storeUrl: null, storeLine: null, listings: [] };
      this.unknownSellers.set(marketplace, seller);
    }
    return seller;
  }

  private listFor(map: Map<Marketplace, GroupedLink[]>, marketplace: Marketplace): GroupedLink[] {
    let list = map.get(marketplace);
    if (list === undefined) {
      list = [];
      map.set(marketplace, list);
    }
    return list;
  }
}
