import { linkError } from './link-result';
import type { ParsedLinkError } from './link.types';

/** Longest URL accepted, the limit most browsers and servers agree on. */
export const MAX_URL_LENGTH = 2048;

/**
 * Longest input looked at. Share text around a link ("【淘宝】https://m.tb.cn/… 「title」") makes
 * an input longer than its URL, but nothing legitimate comes near this; refusing early keeps a
 * pasted megabyte from being scanned character by character.
 */
export const MAX_INPUT_LENGTH = 16_384;

/** A string ready for `new URL()`, or the reason there is none. */
export type PreparedLinkText = string | ParsedLinkError;

/**
 * Turns what a person pasted into a string `new URL()` can take: surrounding punctuation and
 * whitespace removed, the one link pulled out of share text, `https://` added when the scheme
 * is missing. Refuses empty input, several links, over-long input and non-web schemes. The
 * string it returns always starts with an `http:` or `https:` scheme.
 */
export function prepareLinkText(input: string): PreparedLinkText {
  if (typeof input !== 'string') {
    return linkError(
      'not_a_url',
      'This is not a link: paste a web address that starts with https://.',
      String(input),
    );
  }
  // Most lines of a paste are already clean web addresses; they skip all the cleaning below.
  if (isCleanHttpUrl(input)) return input;
  if (input.length > MAX_INPUT_LENGTH) return tooLong(input);
  let text = trimLinkText(input);
  if (text.length === 0) {
    return linkError(
      'empty_input',
      'Nothing was pasted: paste the address of a listing or a store.',
      input,
    );
  }
  if (needsExtraction(text)) {
    const candidates = findLinkCandidates(text);
    if (candidates.length > 1) {
      return linkError(
        'several_urls',
        `This text holds ${candidates.length} links; paste one link at a time (or one per line).`,
        input,
      );
    }
    const [only] = candidates;
    if (only !== undefined) text = only;
    else if (containsSpace(text)) return notAUrl(input);
  }
  if (text.length > MAX_URL_LENGTH) return tooLong(input);
  return addScheme(text, input);
}

/**
 * `http://…` or `https://…` within the length limit, with nothing to trim at its end and no
 * whitespace inside: inputs that the full cleaning would hand to `new URL()` exactly as they are.
 */
export function isCleanHttpUrl(text: string): boolean {
  const length = text.length;
  if (length < 10 || length > MAX_URL_LENGTH) return false;
  // Upper-case schemes are rare enough to take the slow path, which accepts them too.
  if (!text.startsWith('https://') && !text.startsWith('http://')) return false;
  const last = text.charCodeAt(length - 1);
  if (last > 127 || ASCII_TRAILING_JUNK[last] === 1) return false;
  return !SPACE_PATTERN.test(text);
}

/**
 * The link-looking pieces of a line: each whitespace-separated token that contains
 * `http://`/`https://` (cut at the first character that cannot end a pasted link) or, failing
 * that, names one of the marketplaces' domains. At most one candidate comes from a token, so a
 * URL that carries another URL in its query string still counts once.
 */
export function findLinkCandidates(text: string): string[] {
  const candidates: string[] = [];
  for (const token of splitOnSpace(text)) {
    const lower = token.toLowerCase();
    const found = findHttpStart(lower);
    // "blob:https://…" or "javascript:…//https://…" wrap a web address in another scheme: the
    // token is kept whole so that the scheme check refuses it instead of the wrapper vanishing.
    const start = found > 0 && lower.lastIndexOf(':', found - 1) >= 0 ? 0 : found;
    if (start >= 0) {
      const candidate = trimLinkText(cutAtStopCharacter(token, start));
      if (candidate.length > 0) candidates.push(candidate);
    } else if (mentionsMarketplaceDomain(lower)) {
      const candidate = trimLinkText(token);
      if (candidate.length > 0) candidates.push(candidate);
    }
  }
  return candidates;
}

/** Removes wrapping characters (quotes, brackets, bullets, invisible spaces) and trailing punctuation. */
export function trimLinkText(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isLeadingJunk(text.charCodeAt(start))) start += 1;
  while (end > start && isTrailingJunk(text.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function addScheme(text: string, input: string): PreparedLinkText {
  if (text.startsWith('//')) return `https:${text}`;
  const authorityEnd = authorityEndOf(text);
  const colon = text.indexOf(':');
  if (colon >= 0 && colon < authorityEnd) {
    const prefix = text.slice(0, colon);
    if (isSchemeName(prefix)) {
      const scheme = prefix.toLowerCase();
      if (scheme === 'http' || scheme === 'https') return text;
      return linkError(
        'unsupported_scheme',
        `Links starting with "${scheme.slice(0, 20)}:" are not web pages. Paste the listing's https:// address.`,
        input,
      );
    }
    // "www.aliexpress.com:8080/…" or "user@host:…": a host without a scheme; the checks after
    // parsing refuse the port or the credentials with their own message.
    return `https://${text}`;
  }
  const host = text.slice(0, authorityEnd);
  if (host.indexOf('.') <= 0) return notAUrl(input);
  return `https://${text}`;
}

/** A scheme name as RFC 3986 spells it, without dots (a dot means it is a host before a port). */
function isSchemeName(prefix: string): boolean {
  if (prefix.length === 0 || prefix.length > 32) return false;
  const first = prefix.charCodeAt(0) | 32;
  if (first < 97 || first > 122) return false;
  for (let index = 1; index < prefix.length; index += 1) {
    const code = prefix.charCodeAt(index);
    const lower = code | 32;
    const isAlphanumeric = (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57);
    if (!isAlphanumeric && code !== 43 && code !== 45) return false;
  }
  return true;
}

function needsExtraction(text: string): boolean {
  if (text.charCodeAt(0) > 127) return true;
  const scheme = text.indexOf('://');
  if (scheme > 5) return true;
  return containsSpace(text);
}

function findHttpStart(lower: string): number {
  let from = 0;
  for (;;) {
    const index = lower.indexOf('http', from);
    if (index < 0) return -1;
    if (lower.startsWith('://', index + 4) || lower.startsWith('s://', index + 4)) return index;
    from = index + 4;
  }
}

const MARKETPLACE_DOMAIN_HINTS = [
  'aliexpress.',
  'alibaba.',
  'taobao.',
  'tmall.',
  '1688.',
  'tb.cn',
  'ali.click',
];

function mentionsMarketplaceDomain(lower: string): boolean {
  for (const hint of MARKETPLACE_DOMAIN_HINTS) if (lower.includes(hint)) return true;
  return false;
}

function cutAtStopCharacter(token: string, start: number): string {
  for (let index = start; index < token.length; index += 1) {
    if (isStopCharacter(token.charCodeAt(index))) return token.slice(start, index);
  }
  return start === 0 ? token : token.slice(start);
}

function splitOnSpace(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let index = 0; index <= text.length; index += 1) {
    const isBreak = index === text.length || isSpace(text.charCodeAt(index));
    if (isBreak) {
      if (start >= 0) tokens.push(text.slice(start, index));
      start = -1;
    } else if (start < 0) {
      start = index;
    }
  }
  return tokens;
}

/**
 * Whitespace, including the C0 controls, no-break, ideographic and zero-width spaces that
 * copy-paste brings along. One character class: linear, and native speed on long inputs.
 */
const SPACE_PATTERN =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be found
  /[\u0000-\u0020\u0085\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;

/** Whether `text` holds any whitespace, invisible spaces included. */
export function containsSpace(text: string): boolean {
  return SPACE_PATTERN.test(text);
}

/** Index of the first `/`, `?` or `#`: where the authority of a scheme-less address ends. */
function authorityEndOf(text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 47 || code === 63 || code === 35) return index;
  }
  return text.length;
}

/** Whitespace, including the no-break, ideographic and zero-width spaces that copy-paste brings along. */
function isSpace(code: number): boolean {
  if (code <= 32) return true;
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// Quotes and brackets, ASCII and CJK, that wrap a link in chat messages, spreadsheets and share text.
const OPENERS = new Set(
  [...'"\'`<([{*•·>【「『《〈（“‘«'].map((character) => character.charCodeAt(0)),
);
const CLOSERS = new Set(
  [...'"\'`>)]}*】」』》〉）”’».,;:!?。，、；：！？'].map((character) => character.charCodeAt(0)),
);
/** 1 for the ASCII codes `isTrailingJunk` accepts, for the clean-URL check to read without a Set. */
const ASCII_TRAILING_JUNK = new Uint8Array(128).map((_, code) =>
  isSpace(code) || CLOSERS.has(code) ? 1 : 0,
);
const STOPPERS = new Set(
  [...'"\'`<>【】「」『』《》〈〉（）“”‘’«»，。、；！？'].map((character) =>
    character.charCodeAt(0),
  ),
);

function isLeadingJunk(code: number): boolean {
  return isSpace(code) || OPENERS.has(code);
}

function isTrailingJunk(code: number): boolean {
  return isSpace(code) || CLOSERS.has(code);
}

function isStopCharacter(code: number): boolean {
  return isSpace(code) || STOPPERS.has(code);
}

function tooLong(input: string): ParsedLinkError {
  return linkError(
    'too_long',
    `This link is longer than ${MAX_URL_LENGTH} characters, which no listing address needs. ` +
      'Copy the address again from the page, or remove the tracking part after "?".',
    input,
  );
}

function notAUrl(input: string): ParsedLinkError {
  return linkError(
    'not_a_url',
    'This is not a link. Paste the full address of the listing or store, starting with https://.',
    input,
  );
}
