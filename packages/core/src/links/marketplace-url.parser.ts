import { parse1688Link } from './1688.parser';
import { parseAlibabaLink } from './alibaba.parser';
import { parseAliExpressLink } from './aliexpress.parser';
import { prepareLinkText } from './link-input';
import { linkError } from './link-result';
import type { LinkParts, ParsedLink, ParsedLinkError } from './link.types';
import { SHORT_LINK_HOSTS, parseShortLink, type ShortLinkRule } from './short-link.parser';
import { parseTaobaoLink } from './taobao.parser';
import { parseTmallLink } from './tmall.parser';

type MarketplaceParser = (parts: LinkParts) => ParsedLink;

interface BaseDomain {
  domain: string;
  /** `.` + domain, precomputed because every link is tested against it. */
  dotted: string;
  parse: MarketplaceParser;
  /** Short-link hosts under this domain, by subdomain. */
  shortHosts: ReadonlyMap<string, ShortLinkRule> | undefined;
}

function baseDomain(domain: string, parse: MarketplaceParser): BaseDomain {
  return { domain, dotted: `.${domain}`, parse, shortHosts: SHORT_LINK_HOSTS.get(domain) };
}

/**
 * The registrable domains of the marketplaces and the parser that reads their paths, most
 * pasted first. Matched with `endsWith`, which neither allocates nor hashes.
 */
const BASE_DOMAINS: readonly BaseDomain[] = [
  baseDomain('aliexpress.com', parseAliExpressLink),
  baseDomain('taobao.com', parseTaobaoLink),
  baseDomain('tmall.com', parseTmallLink),
  baseDomain('1688.com', parse1688Link),
  baseDomain('alibaba.com', parseAlibabaLink),
  baseDomain('aliexpress.us', parseAliExpressLink),
  baseDomain('aliexpress.ru', parseAliExpressLink),
  baseDomain('tmall.hk', parseTmallLink),
  // Other hosts of the share-link domains are refused: only the known short hosts are links.
  baseDomain('tb.cn', notAShortLink),
  baseDomain('ali.click', notAShortLink),
];

/**
 * Alibaba Group domains that serve images, payments or cloud services, never marketplace pages.
 * They get their own message instead of the look-alike warning, which would be wrong for them.
 */
const GROUP_SERVICE_DOMAINS = [
  'alicdn.com',
  'aliexpress-media.com',
  'taobaocdn.com',
  'tbcdn.cn',
  'alibabausercontent.com',
  'alipay.com',
  'alibabacloud.com',
  'aliyun.com',
  'alibaba-inc.com',
  'alibabagroup.com',
];

/** Names whose presence in an unknown host suggests imitation of a marketplace. */
const BRAND_NAMES = ['aliexpress', 'alibaba', 'taobao', 'tmall', '1688'];

/**
 * Reads a link to an AliExpress, Alibaba.com, Taobao, Tmall or 1688 listing, store or share link.
 *
 * Accepts what people paste: surrounding whitespace, quotes, brackets and trailing punctuation,
 * share text around one link, a missing `https://`, upper-case hosts, fragments and any
 * tracking parameters. Refuses everything else with a `LinkErrorCode` and a sentence that
 * says what is wrong. Pure: no I/O, and short links are never followed.
 *
 * Never throws and runs in time linear in the input (no backtracking regular expressions).
 *
 * @param input - One link as typed or pasted.
 * @returns `{ ok: true, marketplace, kind, id, canonicalUrl, storeId?, originalUrl }` or
 *   `{ ok: false, code, message, originalUrl }`.
 */
export function parseMarketplaceUrl(input: string): ParsedLink {
  try {
    return parseLink(input);
  } catch {
    // Every path above is written not to throw; this is the guarantee for the one we missed.
    return linkError(
      'not_a_url',
      'This link could not be read. Paste the address of the listing page.',
      String(input),
    );
  }
}

function parseLink(input: string): ParsedLink {
  const prepared = prepareLinkText(input);
  if (typeof prepared !== 'string') return prepared;
  return parsePreparedLink(prepared, input);
}

/**
 * Parses a string `prepareLinkText` returned (or one it would return unchanged). Lets the bulk
 * parser, which already looked at each line, skip preparing it twice.
 */
export function parsePreparedLink(prepared: string, input: string): ParsedLink {
  let url: URL;
  try {
    url = new URL(prepared);
  } catch {
    return linkError(
      'not_a_url',
      'This is not a valid web address. Paste the full address of the listing page.',
      input,
    );
  }
  // Prepared text is always an http: or https: address, so the scheme needs no check here.
  let host = url.hostname;
  const rejection = checkUrlSafety(url, host, prepared, input);
  if (rejection !== undefined) return rejection;
  if (host.endsWith('.')) host = host.slice(0, -1);
  for (const base of BASE_DOMAINS) {
    const isSubdomain = host.endsWith(base.dotted);
    if (!isSubdomain && host !== base.domain) continue;
    const subdomain = isSubdomain ? host.slice(0, host.length - base.dotted.length) : '';
    const parts: LinkParts = {
      host,
      subdomain,
      baseDomain: base.domain,
      pathname: url.pathname,
      url,
      originalUrl: input,
    };
    const shortRule = base.shortHosts?.get(subdomain);
    return shortRule === undefined ? base.parse(parts) : parseShortLink(parts, shortRule);
  }
  return unknownHost(host, input);
}

/** Refusals that hold whatever the host: credentials, IP hosts, ports. */
function checkUrlSafety(
  url: URL,
  host: string,
  prepared: string,
  input: string,
): ParsedLinkError | undefined {
  // Credentials need a literal "@"; most links have none, and then the two getters are skipped.
  if (prepared.indexOf('@') >= 0 && (url.username !== '' || url.password !== '')) {
    return linkError(
      'credentials_in_url',
      `This link has a user name or password before "@", a trick used to disguise where a link ` +
        `leads (this one goes to ${host}). Copy the address from the marketplace page itself.`,
      input,
    );
  }
  if (host.charCodeAt(0) === 91 || isIpv4(host)) {
    return linkError(
      'ip_address_host',
      'This link points to a numeric IP address, not to a marketplace. Copy the address from the marketplace page.',
      input,
    );
  }
  // A port needs a ":" after the scheme's; skip the getter when the text has none.
  if (prepared.indexOf(':', 6) >= 0 && url.port !== '') {
    return linkError(
      'non_standard_port',
      `This link uses port ${url.port}, which marketplace pages never do. Copy the address again from the page.`,
      input,
    );
  }
  return undefined;
}

/** WHATWG URL parsing has already normalised every IPv4 spelling (hex, octal, short) to a.b.c.d. */
function isIpv4(host: string): boolean {
  const last = host.charCodeAt(host.length - 1);
  if (last < 48 || last > 57) return false;
  for (let index = 0; index < host.length; index += 1) {
    const code = host.charCodeAt(index);
    if ((code < 48 || code > 57) && code !== 46) return false;
  }
  return true;
}

function unknownHost(host: string, input: string): ParsedLinkError {
  for (const domain of GROUP_SERVICE_DOMAINS) {
    if (host === domain || host.endsWith(`.${domain}`)) {
      return linkError(
        'unsupported_site',
        `${host} serves images or services for Alibaba Group, not listing pages. ` +
          'Open the listing itself and copy the address from the address bar.',
        input,
      );
    }
  }
  for (const brand of BRAND_NAMES) {
    if (host.includes(brand)) {
      return linkError(
        'lookalike_host',
        `${host} looks like a marketplace address but is not one. Sites that imitate a marketplace's ` +
          'name are a common phishing trick; copy the link from the marketplace page itself.',
        input,
      );
    }
  }
  return linkError(
    'unsupported_site',
    `${host} is not a marketplace Counterpoint tracks. Paste a link to AliExpress, Alibaba.com, Taobao, Tmall or 1688.`,
    input,
  );
}

function notAShortLink(parts: LinkParts): ParsedLinkError {
  return linkError(
    'not_a_listing_or_store',
    `${parts.host} is not a share-link address Counterpoint knows. Open the link and copy the address of the listing page.`,
    parts.originalUrl,
  );
}
