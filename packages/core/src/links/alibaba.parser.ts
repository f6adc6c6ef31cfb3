import { invalidId, linkOk, notListingOrStore } from './link-result';
import type { LinkParts, ParsedLink } from './link.types';
import { ALIBABA_SHARE_RULE, parseShortLink } from './short-link.parser';
import { ID_DIGITS, isDigitId, isHostLabel, pathSegments, stripPageExtension } from './url-fields';

/**
 * Product pages are canonicalised to `https://www.alibaba.com/product-detail/_<id>.html`:
 * Alibaba.com resolves product-detail pages by the number after the last underscore and ignores
 * the slug, so the empty slug names the product without a title that may change.
 */
const PRODUCT_URL_PREFIX = 'https://www.alibaba.com/product-detail/_';

/**
 * Second labels that mark a supplier minisite, `<company>.en.alibaba.com` (and the older
 * `<company>.trustpass.alibaba.com`).
 */
const MINISITE_MARKERS = new Set(['en', 'trustpass']);
const NOT_A_COMPANY = new Set(['www', 'm']);

/** Parses a link on alibaba.com: product pages, supplier minisites and their product pages, share links. */
export function parseAlibabaLink(parts: LinkParts): ParsedLink {
  const subdomain = parts.subdomain;
  const dot = subdomain.indexOf('.');
  if (dot >= 0) {
    const company = subdomain.slice(0, dot);
    const marker = subdomain.slice(dot + 1);
    if (MINISITE_MARKERS.has(marker) && isHostLabel(company) && !NOT_A_COMPANY.has(company)) {
      return parseMinisite(company, parts);
    }
    return notListingOrStore('alibaba', 'a page of an Alibaba.com service', parts.originalUrl);
  }
  const segments = pathSegments(parts.pathname);
  const first = segments[0]?.toLowerCase();
  switch (first) {
    case 'product-detail':
    case 'p-detail':
      return parseProductDetail(segments, parts);
    case 'product':
    case 'product-gs':
      // m.alibaba.com/product/<id>/<slug>.html and the older www.alibaba.com/product-gs/<id>/<slug>.html.
      return productResult(stripPageExtension(segments[1] ?? ''), parts);
    case 'x':
      return parseShortLink(parts, ALIBABA_SHARE_RULE);
    default:
      return notListingOrStore('alibaba', describePage(first), parts.originalUrl);
  }
}

/** `/product-detail/<slug>_<id>.html`, `/product-detail/_<id>.html`, `/product-detail/<id>.html`. */
function parseProductDetail(segments: string[], parts: LinkParts): ParsedLink {
  const page = segments.length === 2 ? segments[1] : undefined;
  if (page === undefined)
    return notListingOrStore(
      'alibaba',
      'a product page without a product number',
      parts.originalUrl,
    );
  const name = stripPageExtension(page);
  return productResult(name.slice(name.lastIndexOf('_') + 1), parts);
}

/**
 * A supplier minisite: every page of `<company>.en.alibaba.com` is the store, except
 * `/product/<productId>-<groupId>/<slug>.html`, which is one of its listings. The minisite's
 * product id is the same number as on www.alibaba.com/product-detail, so the listing gets the
 * product-detail canonical URL and keeps the company as its store.
 */
function parseMinisite(company: string, parts: LinkParts): ParsedLink {
  const segments = pathSegments(parts.pathname);
  if (segments[0]?.toLowerCase() === 'product' && segments.length >= 2) {
    const ids = stripPageExtension(segments[1] ?? '');
    const dash = ids.indexOf('-');
    const productId = dash >= 0 ? ids.slice(0, dash) : ids;
    return productResult(productId, parts, company);
  }
  return linkOk(
    'alibaba',
    'store',
    company,
    `https://${company}.en.alibaba.com`,
    parts.originalUrl,
    company,
  );
}

function productResult(productId: string, parts: LinkParts, storeId?: string): ParsedLink {
  if (!isDigitId(productId, ID_DIGITS.item))
    return invalidId('alibaba', 'product number', productId, parts.originalUrl);
  return linkOk(
    'alibaba',
    'listing',
    productId,
    `${PRODUCT_URL_PREFIX}${productId}.html`,
    parts.originalUrl,
    storeId,
  );
}

function describePage(first: string | undefined): string {
  switch (first) {
    case undefined:
      return 'the home page';
    case 'trade':
    case 'search':
    case 'showroom':
    case 'products':
    case 'wholesale':
    case 'countrysearch':
      return 'a search results page';
    case 'catalog':
    case 'category':
    case 'categories':
      return 'a category page';
    default:
      return 'a page';
  }
}
