import { invalidId, linkOk, missingId, notListingOrStore } from './link-result';
import type { LinkParts, ParsedLink } from './link.types';
import {
  ID_DIGITS,
  isDigitId,
  isHostLabel,
  pathSegments,
  readQueryParam,
  stripPageExtension,
} from './url-fields';

const ITEM_URL_PREFIX = 'https://detail.tmall.com/item.htm?id=';

/** Hosts of item pages that name the item in `?id=`. */
const ITEM_HOSTS = new Set(['detail', 'detail.m', 'chaoshi.detail', 'mdetail']);

/**
 * Tmall's own hosts, which have the `<name>.tmall.com` shape of a shop but are not one. A shop
 * whose name is on this list cannot be pasted by its domain; its listings still can.
 */
const SERVICE_HOSTS = new Set([
  'www',
  'detail',
  'list',
  'login',
  'pages',
  'm',
  's',
  'cart',
  'buy',
  'vip',
  'brand',
  'err',
  'chaoshi',
  'mdetail',
  'member',
  'service',
  'jump',
  'ju',
  'miao',
  'help',
  'rule',
  'register',
  'passport',
  'shop',
  'world',
  'global',
  'inter',
  'mall',
  'zhaoshang',
  'ald',
  'tmall',
  'fw',
  'fuwu',
  'bbs',
  'wt',
  'sale',
  'maoshi',
  'tmc',
  'price',
  'product',
  'search',
  'api',
  'g',
  'img',
  'static',
  'h5',
  'pre-detail',
]);

/**
 * Parses a link on tmall.com or tmall.hk. Shops are `<name>.tmall.com` (store id `<name>`,
 * also reached as `<name>.m.tmall.com`) and `<name>.tmall.hk` (store id `<name>.tmall.hk`:
 * Tmall Global shops are separate from the tmall.com shop a brand may also run under the same
 * name, so the host is kept in the id to keep them apart).
 */
export function parseTmallLink(parts: LinkParts): ParsedLink {
  const subdomain = parts.subdomain;
  const isHongKong = parts.baseDomain === 'tmall.hk';
  if (ITEM_HOSTS.has(subdomain)) return parseItemQuery(parts, isHongKong);
  if (subdomain === 'world' && !isHongKong) return parseWorldItem(parts);
  const shopName = readShopName(subdomain);
  if (shopName !== undefined) {
    if (isHongKong)
      return linkOk(
        'tmall',
        'store',
        `${shopName}.tmall.hk`,
        `https://${shopName}.tmall.hk`,
        parts.originalUrl,
        `${shopName}.tmall.hk`,
      );
    return linkOk(
      'tmall',
      'store',
      shopName,
      `https://${shopName}.tmall.com`,
      parts.originalUrl,
      shopName,
    );
  }
  return notListingOrStore('tmall', describeHost(subdomain), parts.originalUrl);
}

/** detail.tmall.com/item.htm?id=, detail.m.tmall.com/item.htm?id=, detail.tmall.hk/(hk/)item.htm?id= */
function parseItemQuery(parts: LinkParts, isHongKong: boolean): ParsedLink {
  const path = parts.pathname.toLowerCase();
  const isItemPage =
    path === '/item.htm' || path === '/item.html' || (isHongKong && path === '/hk/item.htm');
  if (!isItemPage)
    return notListingOrStore('tmall', 'a page that is not an item page', parts.originalUrl);
  const id = readQueryParam(parts.url.search, 'id');
  if (id === undefined || id === '') return missingId('tmall', 'id', parts.originalUrl);
  return itemResult(id, parts);
}

/** world.tmall.com/item/<id>.htm */
function parseWorldItem(parts: LinkParts): ParsedLink {
  const segments = pathSegments(parts.pathname);
  if (segments.length !== 2 || segments[0]?.toLowerCase() !== 'item') {
    return notListingOrStore('tmall', "a page of Tmall's international site", parts.originalUrl);
  }
  return itemResult(stripPageExtension(segments[1] ?? ''), parts);
}

function itemResult(id: string, parts: LinkParts): ParsedLink {
  if (!isDigitId(id, ID_DIGITS.item))
    return invalidId('tmall', 'item number', id, parts.originalUrl);
  return linkOk('tmall', 'listing', id, `${ITEM_URL_PREFIX}${id}`, parts.originalUrl);
}

/** `<name>` or `<name>.m` where `<name>` is a host label that is not one of Tmall's own hosts. */
function readShopName(subdomain: string): string | undefined {
  const name = subdomain.endsWith('.m') ? subdomain.slice(0, -2) : subdomain;
  if (!isHostLabel(name) || SERVICE_HOSTS.has(name)) return undefined;
  return name;
}

function describeHost(subdomain: string): string {
  switch (subdomain) {
    case '':
    case 'www':
      return 'the home page';
    case 'list':
    case 's':
    case 'search':
      return 'a search results page';
    case 'login':
    case 'passport':
      return 'the login page';
    case 'cart':
    case 'buy':
    case 'member':
      return 'an account page';
    default:
      return 'a page';
  }
}
