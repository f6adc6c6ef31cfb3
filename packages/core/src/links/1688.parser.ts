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

const OFFER_URL_PREFIX = 'https://detail.1688.com/offer/';

/**
 * 1688's own hosts, which have the `<name>.1688.com` shape of a shop but are not one.
 */
const SERVICE_HOSTS = new Set([
  'www',
  'detail',
  'm',
  's',
  'login',
  'work',
  'trade',
  'cart',
  'page',
  'air',
  'sale',
  'show',
  'dj',
  'p4p',
  'widget',
  'go',
  'search',
  'offer',
  'member',
  'me',
  'my',
  'rz',
  'view',
  'cbu',
  'exodus',
  'home',
  'help',
  'news',
  'club',
  'info',
  'ad',
  'b2b',
  'qr',
  'winport',
  'sycm',
  'paimai',
  'tao',
  'fuwu',
  'shop',
  'passport',
  'buyer',
  'seller',
  'job',
  'pages',
  'h5',
  'img',
  'static',
  'api',
  'open',
  'tuan',
  'fx',
  'daxue',
  'cxt',
]);

/**
 * Parses a link on 1688.com. Shops are `shop<token>.1688.com` (the token mixes letters and
 * digits, e.g. `shop1434987632147`, `shopn4r8x6c30p8t4`) and `<name>.1688.com`. Both kinds are
 * identified by the whole first label, `shop<token>` or `<name>`, lower-cased: they are one
 * namespace on 1688's side (each label is one shop), the label is what the address bar shows,
 * and keeping `shop` in the id means a shop named `shopfoo` and a token `foo` cannot collide.
 */
export function parse1688Link(parts: LinkParts): ParsedLink {
  const subdomain = parts.subdomain;
  if (subdomain === 'detail' || subdomain === 'm') return parseOfferPath(parts);
  if (subdomain === 'detail.m') return parseMobileDetail(parts);
  if (isHostLabel(subdomain) && !SERVICE_HOSTS.has(subdomain)) {
    return linkOk(
      '1688',
      'store',
      subdomain,
      `https://${subdomain}.1688.com`,
      parts.originalUrl,
      subdomain,
    );
  }
  return notListingOrStore('1688', describeHost(subdomain), parts.originalUrl);
}

/** detail.1688.com/offer/<id>.html and m.1688.com/offer/<id>.html */
function parseOfferPath(parts: LinkParts): ParsedLink {
  const segments = pathSegments(parts.pathname);
  if (segments.length !== 2 || segments[0]?.toLowerCase() !== 'offer') {
    return notListingOrStore(
      '1688',
      parts.subdomain === 'm'
        ? 'the mobile home page or another page'
        : 'a page that is not an offer page',
      parts.originalUrl,
    );
  }
  return offerResult(stripPageExtension(segments[1] ?? ''), parts);
}

/** detail.m.1688.com/page/index.html?offerId=<id> (and /offer/<id>.html on the same host). */
function parseMobileDetail(parts: LinkParts): ParsedLink {
  const segments = pathSegments(parts.pathname);
  if (segments[0]?.toLowerCase() === 'offer') return parseOfferPath(parts);
  const offerId = readQueryParam(parts.url.search, 'offerId');
  if (offerId === undefined || offerId === '')
    return missingId('1688', 'offerId', parts.originalUrl);
  return offerResult(offerId, parts);
}

function offerResult(offerId: string, parts: LinkParts): ParsedLink {
  if (!isDigitId(offerId, ID_DIGITS.item))
    return invalidId('1688', 'offer number', offerId, parts.originalUrl);
  return linkOk(
    '1688',
    'listing',
    offerId,
    `${OFFER_URL_PREFIX}${offerId}.html`,
    parts.originalUrl,
  );
}

function describeHost(subdomain: string): string {
  switch (subdomain) {
    case '':
    case 'www':
      return 'the home page';
    case 's':
    case 'search':
      return 'a search results page';
    case 'login':
    case 'passport':
      return 'the login page';
    case 'work':
    case 'trade':
    case 'cart':
    case 'my':
      return 'an account page';
    default:
      return 'a page';
  }
}
