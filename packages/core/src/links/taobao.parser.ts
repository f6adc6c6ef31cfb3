import { invalidId, linkOk, missingId, notListingOrStore } from './link-result';
import type { LinkParts, ParsedLink } from './link.types';
import {
  ID_DIGITS,
  isDigitId,
  pathSegments,
  readQueryParam,
  stripPageExtension,
} from './url-fields';

const ITEM_URL_PREFIX = 'https://item.taobao.com/item.htm?id=';

/**
 * Mobile and international item hosts whose detail pages name the item in `?id=`:
 * m.intl.taobao.com/detail/detail.html, h5.m.taobao.com/awp/core/detail.htm,
 * main.m.taobao.com/detail/index.html and market.m.taobao.com/app/…/detail…/index.html.
 * market.m.taobao.com hosts many other apps, so for every one of these hosts the path must
 * mention "detail" before `id` is trusted to be an item id.
 */
const MOBILE_DETAIL_HOSTS = new Set(['m.intl', 'h5.m', 'main.m', 'market.m', 'detail.m', 'm']);

/**
 * Parses a link on taobao.com. Shop vanity names (`<name>.taobao.com`) are not accepted as
 * stores: Taobao's own service hosts share that shape and cannot all be listed, and a vanity
 * page does not show the shop number that `shop<id>.taobao.com` does.
 */
export function parseTaobaoLink(parts: LinkParts): ParsedLink {
  const subdomain = parts.subdomain;
  if (subdomain === 'item') return parseItemQuery(parts, isItemPage(parts.pathname));
  if (MOBILE_DETAIL_HOSTS.has(subdomain)) {
    return parseItemQuery(parts, parts.pathname.toLowerCase().includes('detail'));
  }
  if (subdomain === 'world') return parseWorldItem(parts);
  if (subdomain === 'a.m') return parseOldMobileItem(parts);
  if (subdomain === 'store') return parseMemberShop(parts);
  const shopId = readShopNumber(subdomain);
  if (shopId !== undefined) return shopResult(shopId, parts);
  return notListingOrStore('taobao', describeHost(subdomain), parts.originalUrl);
}

function isItemPage(pathname: string): boolean {
  const lower = pathname.toLowerCase();
  return lower === '/item.htm' || lower === '/item.html';
}

function parseItemQuery(parts: LinkParts, isDetailPage: boolean): ParsedLink {
  if (!isDetailPage)
    return notListingOrStore('taobao', 'a page that is not an item page', parts.originalUrl);
  const id = readQueryParam(parts.url.search, 'id');
  if (id === undefined || id === '') return missingId('taobao', 'id', parts.originalUrl);
  return itemResult(id, parts);
}

/** world.taobao.com/item/<id>.htm */
function parseWorldItem(parts: LinkParts): ParsedLink {
  const segments = pathSegments(parts.pathname);
  if (segments.length !== 2 || segments[0]?.toLowerCase() !== 'item') {
    return notListingOrStore('taobao', "a page of Taobao's international site", parts.originalUrl);
  }
  return itemResult(stripPageExtension(segments[1] ?? ''), parts);
}

/** a.m.taobao.com/i<id>.htm, the old mobile item page. */
function parseOldMobileItem(parts: LinkParts): ParsedLink {
  const segments = pathSegments(parts.pathname);
  const page = segments.length === 1 ? stripPageExtension(segments[0] ?? '') : '';
  if (!page.startsWith('i'))
    return notListingOrStore('taobao', 'a mobile page that is not an item page', parts.originalUrl);
  return itemResult(page.slice(1), parts);
}

/**
 * store.taobao.com/shop/view_shop.htm?user_number_id=<n> names the seller's member number,
 * which is not the shop number of shop<id>.taobao.com. Its store id is therefore kept in its own
 * namespace, `user_number_id:<n>`, so that it can never be merged with an unrelated shop.
 */
function parseMemberShop(parts: LinkParts): ParsedLink {
  const member = readQueryParam(parts.url.search, 'user_number_id');
  if (member === undefined || member === '') {
    const shopId = readQueryParam(parts.url.search, 'shop_id');
    if (shopId !== undefined) return shopResult(shopId, parts);
    return missingId('taobao', 'user_number_id', parts.originalUrl);
  }
  if (!isDigitId(member, ID_DIGITS.member))
    return invalidId('taobao', 'seller number', member, parts.originalUrl);
  const storeId = `user_number_id:${member}`;
  const canonicalUrl = `https://store.taobao.com/shop/view_shop.htm?user_number_id=${member}`;
  return linkOk('taobao', 'store', storeId, canonicalUrl, parts.originalUrl, storeId);
}

/** `shop<digits>`, `shop<digits>.world` or `shop<digits>.m` → the digits. */
function readShopNumber(subdomain: string): string | undefined {
  if (!subdomain.startsWith('shop')) return undefined;
  const dot = subdomain.indexOf('.');
  const label = dot < 0 ? subdomain : subdomain.slice(0, dot);
  const rest = dot < 0 ? '' : subdomain.slice(dot + 1);
  if (rest !== '' && rest !== 'world' && rest !== 'm') return undefined;
  const number = label.slice(4);
  const firstCode = number.charCodeAt(0);
  // "shopping.taobao.com" is not shop "ping": a shop label continues with a digit.
  return firstCode >= 48 && firstCode <= 57 ? number : undefined;
}

function shopResult(shopId: string, parts: LinkParts): ParsedLink {
  if (!isDigitId(shopId, ID_DIGITS.store))
    return invalidId('taobao', 'shop number', shopId, parts.originalUrl);
  return linkOk(
    'taobao',
    'store',
    shopId,
    `https://shop${shopId}.taobao.com`,
    parts.originalUrl,
    shopId,
  );
}

function itemResult(id: string, parts: LinkParts): ParsedLink {
  if (!isDigitId(id, ID_DIGITS.item))
    return invalidId('taobao', 'item number', id, parts.originalUrl);
  return linkOk('taobao', 'listing', id, `${ITEM_URL_PREFIX}${id}`, parts.originalUrl);
}

function describeHost(subdomain: string): string {
  switch (subdomain) {
    case '':
    case 'www':
      return 'the home page';
    case 's':
    case 'list':
    case 'uland':
      return 'a search results page';
    case 'login':
    case 'passport':
      return 'the login page';
    case 'cart':
    case 'buyertrade':
    case 'trade':
    case 'i':
      return 'an account page';
    default:
      return 'a page';
  }
}
