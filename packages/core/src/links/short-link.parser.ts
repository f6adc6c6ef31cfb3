import type { Marketplace } from '../domain';
import { linkError, linkOk } from './link-result';
import type { LinkParts, ParsedLink } from './link.types';
import { pathSegments } from './url-fields';

/** Where a short-link service keeps its code: `/<code>` or `/<prefix>/<code>`. */
export interface ShortLinkRule {
  readonly marketplace: Marketplace;
  readonly prefix: string;
}

function rule(marketplace: Marketplace, prefix: string): ShortLinkRule {
  return { marketplace, prefix };
}

/**
 * Share and short-link hosts, by base domain and then subdomain ('' for the bare domain). Their
 * target is only known after following the redirect, which this pure parser never does (and
 * never guesses). `*.tb.cn` links are counted as Taobao: the same service shortens Tmall links
 * too, and the code alone does not say which. `ali.click` is the share host of aliexpress.ru
 * (ClearURLs/Rules pull request #317 shows `https://ali.click/fk3ej1c` redirecting to
 * `https://aliexpress.ru/item/1005009450643460.html`).
 */
export const SHORT_LINK_HOSTS: ReadonlyMap<string, ReadonlyMap<string, ShortLinkRule>> = new Map([
  [
    'aliexpress.com',
    new Map([
      ['a', rule('aliexpress', '')],
      ['s.click', rule('aliexpress', 'e')],
      ['click', rule('aliexpress', 'e')],
    ]),
  ],
  ['ali.click', new Map([['', rule('aliexpress', '')]])],
  [
    'tb.cn',
    new Map([
      ['m', rule('taobao', '')],
      ['e', rule('taobao', '')],
      ['', rule('taobao', '')],
    ]),
  ],
  ['1688.com', new Map([['qr', rule('1688', 's')]])],
]);

/**
 * Alibaba.com's app shares products as `www.alibaba.com/x/<code>`. That host also serves every
 * other Alibaba.com page, so the Alibaba.com parser applies this rule to the `/x/` path only.
 */
export const ALIBABA_SHARE_RULE: ShortLinkRule = rule('alibaba', 'x');

/** Parses a link on a short-link host with its rule; query and fragment are dropped. */
export function parseShortLink(parts: LinkParts, rule: ShortLinkRule): ParsedLink {
  const segments = pathSegments(parts.pathname);
  const expected = rule.prefix === '' ? 1 : 2;
  const hasPrefix = rule.prefix === '' || segments[0]?.toLowerCase() === rule.prefix;
  const code = segments[expected - 1];
  if (!hasPrefix || segments.length !== expected || code === undefined) {
    return linkError(
      'missing_id',
      `This ${parts.host} short link has no share code after the domain. Copy the whole link again ` +
        'from the share message, or open it and copy the address of the listing page.',
      parts.originalUrl,
    );
  }
  if (!isShortCode(code)) {
    return linkError(
      'invalid_id',
      `"${code.slice(0, 40)}" is not a valid share code for ${parts.host}. Copy the whole link again from the share message.`,
      parts.originalUrl,
    );
  }
  const path = rule.prefix === '' ? code : `${rule.prefix}/${code}`;
  return linkOk(
    rule.marketplace,
    'short',
    code,
    `https://${parts.host}/${path}`,
    parts.originalUrl,
  );
}

/**
 * Share codes are short runs of letters, digits, `_`, `-` and `.` (`_mKabc12`, `h.5ZxYabc`), not
 * ending in `.`: a final dot is sentence punctuation, which input cleaning strips.
 */
function isShortCode(code: string): boolean {
  if (code.length < 2 || code.length > 64 || code.endsWith('.')) return false;
  for (let index = 0; index < code.length; index += 1) {
    const character = code.charCodeAt(index);
    const lower = character | 32;
    const isAlphanumeric = (lower >= 97 && lower <= 122) || (character >= 48 && character <= 57);
    if (!isAlphanumeric && character !== 95 && character !== 45 && character !== 46) return false;
  }
  return true;
}
