import { invalidId, linkError, linkOk, notListingOrStore } from './link-result';
import type { LinkParts, ParsedLink } from './link.types';
import {
  ID_DIGITS,
  isAllDigits,
  isDigitId,
  pathSegments,
  readQueryParam,
  stripPageExtension,
} from './url-fields';

/**
 * aliexpress.us shows a product under a different number from the rest of AliExpress: the
 * global id plus 2^51 (2251799813685248). Evidence, found with the code search:
 * - a README that links one part twice, as www.aliexpress.com/item/4001081730289.html and as
 *   www.aliexpress.us/item/2255800895415537.html: 2255800895415537 − 4001081730289 = 2^51;
 * - a browser extension's checkout module ("DropshipHub", extension/checkout-core.js, page facts
 *   measured on a real account in September 2026) that converts with `REGIONAL_OFFSET = 2n ** 51n`
 *   and tests 1005010026778896 (.com) against 3256809840464144 (.us).
 * aliexpress.us ids in the wild fit: 3256… and 2251832…/2255800… are 1005…, 32…/33… and 4000…
 * ids plus 2^51. So a .us item id of 2^51 or more is turned back into the global id, which is the
 * one www.aliexpress.com and the IPP complaint form use; a smaller one is already global (the
 * .us host also accepts global ids and redirects). Store ids are not offset (.us store pages
 * carry ordinary 10-digit store ids), so they are kept as they are.
 * aliexpress.ru uses the global ids unchanged: its item URLs carry 1005…/32… ids, a userscript's
 * fixtures read productId 1005008195850531 from aliexpress.ru/item/1005008195850531.html, and
 * ClearURLs/Rules pull request #317 shows an ali.click share link landing on
 * aliexpress.ru/item/1005009450643460.html.
 */
export const ALIEXPRESS_US_ID_OFFSET = 2n ** 51n;
const US_OFFSET_TEXT = ALIEXPRESS_US_ID_OFFSET.toString();

const ITEM_URL_PREFIX = 'https://www.aliexpress.com/item/';
const STORE_URL_PREFIX = 'https://www.aliexpress.com/store/';

/** Parses a link on aliexpress.com, aliexpress.us or aliexpress.ru (any subdomain). */
export function parseAliExpressLink(parts: LinkParts): ParsedLink {
  const segments = pathSegments(parts.pathname);
  const first = segments[0]?.toLowerCase();
  if (first === 'item' || first === 'i') return parseItemPath(segments.slice(1), parts);
  if (first === 's' && segments[1]?.toLowerCase() === 'item')
    return parseItemPath(segments.slice(2), parts);
  if (first === 'store') return parseStorePath(segments.slice(1), parts);
  if (first === undefined && isVanityStoreSubdomain(parts.subdomain)) {
    // <name>.aliexpress.com on its own was a store's vanity address; it does not carry the number.
    return missingStoreNumber(parts);
  }
  return notListingOrStore('aliexpress', describePage(first), parts.originalUrl);
}

/** `/item/<id>.html`, `/item/<slug>/<id>.html`, `/i/<id>.html`, with or without the extension. */
function parseItemPath(rest: string[], parts: LinkParts): ParsedLink {
  const last = rest.length === 1 || rest.length === 2 ? rest[rest.length - 1] : undefined;
  if (last === undefined)
    return notListingOrStore(
      'aliexpress',
      'an item page without an item number',
      parts.originalUrl,
    );
  const raw = stripPageExtension(last);
  if (!isDigitId(raw, ID_DIGITS.item))
    return invalidId('aliexpress', 'item number', raw, parts.originalUrl);
  const id = parts.baseDomain === 'aliexpress.us' ? toGlobalItemId(raw) : raw;
  // 2^51 + 5 is a well-formed number but stands for global id 5, which no listing has.
  if (id !== raw && !isDigitId(id, ID_DIGITS.item))
    return invalidId('aliexpress', 'item number', raw, parts.originalUrl);
  return linkOk('aliexpress', 'listing', id, `${ITEM_URL_PREFIX}${id}.html`, parts.originalUrl);
}

/** The global id of an id read on aliexpress.us (see {@link ALIEXPRESS_US_ID_OFFSET}). */
export function toGlobalItemId(id: string): string {
  const isRegional =
    id.length > US_OFFSET_TEXT.length ||
    (id.length === US_OFFSET_TEXT.length && id >= US_OFFSET_TEXT);
  return isRegional ? (BigInt(id) - ALIEXPRESS_US_ID_OFFSET).toString() : id;
}

/**
 * The `/store/…` family: `/store/<id>`, `/store/<id>/pages/all-items.html`, `/store/<id>/search`,
 * `/store/<page>/<id>.html` (all-wholesale-products, top-rated-products, sale-items,
 * feedback-score, contactinfo, …), `/store/group/<slug>/<storeId>_<groupId>.html`, and the legacy
 * listing form `/store/product/<slug>/<storeId>_<itemId>.html`.
 */
function parseStorePath(rest: string[], parts: LinkParts): ParsedLink {
  const first = rest[0];
  if (first === undefined)
    return notListingOrStore('aliexpress', 'the stores directory', parts.originalUrl);
  const page = first.toLowerCase();
  if (page === 'product') return parseLegacyStoreProduct(rest, parts);
  if (page === 'group') return parseStoreGroup(rest, parts);
  const head = stripPageExtension(first);
  if (isAllDigits(head)) return storeResult(head, parts);
  const second = rest[1];
  if (second !== undefined) {
    const candidate = stripPageExtension(second);
    if (isAllDigits(candidate)) return storeResult(candidate, parts);
  }
  // Mobile store pages (m.aliexpress.com/store/storeHome.htm, /store/v3/home.html) name the store
  // in the query string, when they name it at all.
  const search = parts.url.search;
  const fromQuery = readQueryParam(search, 'storeId') ?? readQueryParam(search, 'shopId');
  if (fromQuery !== undefined) return storeResult(fromQuery, parts);
  if (rest.length === 1) return invalidId('aliexpress', 'store number', head, parts.originalUrl);
  return missingStoreNumber(parts);
}

function parseLegacyStoreProduct(rest: string[], parts: LinkParts): ParsedLink {
  const last = rest.length === 2 || rest.length === 3 ? rest[rest.length - 1] : undefined;
  const pair = last === undefined ? undefined : splitPair(stripPageExtension(last));
  if (pair === undefined) {
    return invalidId('aliexpress', 'store and item number pair', last ?? '', parts.originalUrl);
  }
  const [storeId, itemId] = pair;
  if (!isDigitId(storeId, ID_DIGITS.store))
    return invalidId('aliexpress', 'store number', storeId, parts.originalUrl);
  if (!isDigitId(itemId, ID_DIGITS.item))
    return invalidId('aliexpress', 'item number', itemId, parts.originalUrl);
  return linkOk(
    'aliexpress',
    'listing',
    itemId,
    `${ITEM_URL_PREFIX}${itemId}.html`,
    parts.originalUrl,
    storeId,
  );
}

function parseStoreGroup(rest: string[], parts: LinkParts): ParsedLink {
  const last = rest.length >= 2 ? rest[rest.length - 1] : undefined;
  const pair = last === undefined ? undefined : splitPair(stripPageExtension(last));
  if (pair === undefined) return missingStoreNumber(parts);
  return storeResult(pair[0], parts);
}

function storeResult(storeId: string, parts: LinkParts): ParsedLink {
  if (!isDigitId(storeId, ID_DIGITS.store))
    return invalidId('aliexpress', 'store number', storeId, parts.originalUrl);
  return linkOk(
    'aliexpress',
    'store',
    storeId,
    `${STORE_URL_PREFIX}${storeId}`,
    parts.originalUrl,
    storeId,
  );
}

/** `"123_456"` → `['123', '456']`; anything else → undefined. */
function splitPair(value: string): [string, string] | undefined {
  const underscore = value.indexOf('_');
  if (underscore <= 0 || underscore !== value.lastIndexOf('_')) return undefined;
  return [value.slice(0, underscore), value.slice(underscore + 1)];
}

function missingStoreNumber(parts: LinkParts): ParsedLink {
  return linkError(
    'missing_id',
    'This AliExpress store link does not carry the store number. Open the store, click its name, and ' +
      'copy the address of its home page, which looks like https://www.aliexpress.com/store/1101234567.',
    parts.originalUrl,
  );
}

/** AliExpress's own service hosts, which are never a store's vanity name. */
const SERVICE_SUBDOMAINS = new Set([
  'www',
  'm',
  'login',
  'sale',
  'campaign',
  'shoppingcart',
  'feedback',
  'best',
  'star',
  'home',
  'trade',
  'message',
  'msg',
  'gsp',
  'helppage',
  'service',
  'sellercenter',
  'portals',
  'report',
  'ipp',
  'buyer',
  'accounts',
  'my',
  'order',
  'pay',
  'track',
  'global',
  'us',
  'ru',
]);

/** A single label that is not www/m, a two-letter regional site (es., fr., ja., …) or a service host. */
function isVanityStoreSubdomain(subdomain: string): boolean {
  if (subdomain.length <= 2 || subdomain.indexOf('.') >= 0) return false;
  return !SERVICE_SUBDOMAINS.has(subdomain);
}

function describePage(first: string | undefined): string {
  switch (first) {
    case undefined:
      return 'the home page';
    case 'w':
    case 'af':
    case 'wholesale':
    case 'premium':
    case 'popular':
      return 'a search results page';
    case 'category':
    case 'c':
      return 'a category page';
    case 'p':
    case 'ssr':
    case 'gcp':
      return 'a promotion or account page';
    default:
      return first.startsWith('wholesale') ? 'a search results page' : 'a page';
  }
}
