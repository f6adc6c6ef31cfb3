import type { Marketplace } from '../domain';

/**
 * What a marketplace link points at.
 * - `listing`: one product page (AliExpress item, Alibaba.com product, Taobao/Tmall item, 1688 offer).
 * - `store`: a seller's shop or supplier minisite.
 * - `short`: a share/short link whose target is only known after following its redirect.
 */
export const LINK_KINDS = ['listing', 'store', 'short'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Every reason a link can be refused. The list is closed: callers may switch on it exhaustively. */
export const LINK_ERROR_CODES = [
  'empty_input',
  'not_a_url',
  'several_urls',
  'too_long',
  'unsupported_scheme',
  'credentials_in_url',
  'ip_address_host',
  'non_standard_port',
  'lookalike_host',
  'unsupported_site',
  'not_a_listing_or_store',
  'missing_id',
  'invalid_id',
] as const;
export type LinkErrorCode = (typeof LINK_ERROR_CODES)[number];

/** A link that was understood. Plain data: safe to send as JSON as it is. */
export interface ParsedLinkOk {
  ok: true;
  marketplace: Marketplace;
  kind: LinkKind;
  /**
   * The marketplace's own identifier: item/product/offer id for a listing, store id for a
   * store, the short code for a short link.
   */
  id: string;
  /** The one URL this link is known by: same listing or store, same URL. */
  canonicalUrl: string;
  /**
   * The seller, when the link names it: for a store it equals `id`; for a listing it is set
   * only when the URL itself carries the store (AliExpress legacy store-product URLs,
   * Alibaba.com supplier minisite products). Absent otherwise (never `undefined` in JSON).
   */
  storeId?: string;
  /** The input exactly as it was given. */
  originalUrl: string;
}

/** A link that was refused, with a machine-readable code and a sentence for a person. */
export interface ParsedLinkError {
  ok: false;
  code: LinkErrorCode;
  /** What is wrong and, where it helps, what to paste instead. */
  message: string;
  /** The input exactly as it was given. */
  originalUrl: string;
}

export type ParsedLink = ParsedLinkOk | ParsedLinkError;

/**
 * The URL pieces a marketplace parser needs, read once from `new URL()` so that no parser
 * builds a URL object again.
 */
export interface LinkParts {
  /** Lower-case host without a trailing dot. */
  host: string;
  /** The part of the host before the marketplace's base domain, '' when there is none. */
  subdomain: string;
  /** The base domain that matched, e.g. `aliexpress.us`. */
  baseDomain: string;
  /** `URL.pathname`: percent-encoding kept, case kept. */
  pathname: string;
  /**
   * The parsed URL, for the parsers that need its query string: reading `url.search` copies it,
   * so it is read only by the parsers that use it.
   */
  url: URL;
  originalUrl: string;
}
