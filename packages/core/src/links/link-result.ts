import { MARKETPLACE_LABELS, type Marketplace } from '../domain';
import type { LinkErrorCode, LinkKind, ParsedLinkError, ParsedLinkOk } from './link.types';

/**
 * What a good link looks like on each marketplace, quoted in error messages so that the
 * person pasting knows what to look for on the page.
 */
export const EXAMPLE_LISTING_URLS: Record<Marketplace, string> = {
  aliexpress: 'https://www.aliexpress.com/item/1005006123456789.html',
  alibaba: 'https://www.alibaba.com/product-detail/_1600123456789.html',
  taobao: 'https://item.taobao.com/item.htm?id=712345678901',
  tmall: 'https://detail.tmall.com/item.htm?id=712345678901',
  '1688': 'https://detail.1688.com/offer/712345678901.html',
};

export function linkError(
  code: LinkErrorCode,
  message: string,
  originalUrl: string,
): ParsedLinkError {
  return { ok: false, code, message, originalUrl };
}

export function linkOk(
  marketplace: Marketplace,
  kind: LinkKind,
  id: string,
  canonicalUrl: string,
  originalUrl: string,
  storeId?: string,
): ParsedLinkOk {
  // storeId is left out rather than set to undefined, so that results survive a JSON round trip
  // unchanged and compare equal with toEqual/deepStrictEqual.
  if (storeId === undefined) return { ok: true, marketplace, kind, id, canonicalUrl, originalUrl };
  return { ok: true, marketplace, kind, id, canonicalUrl, storeId, originalUrl };
}

/** The refusal for a page of a marketplace that is neither a listing nor a store. */
export function notListingOrStore(
  marketplace: Marketplace,
  what: string,
  originalUrl: string,
): ParsedLinkError {
  const label = MARKETPLACE_LABELS[marketplace];
  return linkError(
    'not_a_listing_or_store',
    `This ${label} link opens ${what}, not a listing or a store. Open the listing itself and copy ` +
      `its address, which looks like ${EXAMPLE_LISTING_URLS[marketplace]}.`,
    originalUrl,
  );
}

/** The refusal for an id that is there but is not a plausible id. */
export function invalidId(
  marketplace: Marketplace,
  what: string,
  value: string,
  originalUrl: string,
): ParsedLinkError {
  const label = MARKETPLACE_LABELS[marketplace];
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return linkError(
    'invalid_id',
    `The ${what} in this ${label} link ("${shown}") is not a valid ${what}. Copy the address again ` +
      `from the page; a listing address looks like ${EXAMPLE_LISTING_URLS[marketplace]}.`,
    originalUrl,
  );
}

/** The refusal for an item page whose id parameter is missing. */
export function missingId(
  marketplace: Marketplace,
  parameter: string,
  originalUrl: string,
): ParsedLinkError {
  const label = MARKETPLACE_LABELS[marketplace];
  return linkError(
    'missing_id',
    `This ${label} item link has no "${parameter}=" number, so it does not say which listing it is. ` +
      `Copy the full address from the listing page, e.g. ${EXAMPLE_LISTING_URLS[marketplace]}.`,
    originalUrl,
  );
}
