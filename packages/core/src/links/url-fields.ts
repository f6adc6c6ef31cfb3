/**
 * Small, allocation-light readers for URL pieces. They use plain loops and string methods
 * instead of regular expressions and `URLSearchParams`, because the bulk parser runs them on
 * up to millions of lines and must stay close to the cost of `new URL()` alone.
 */

/** Inclusive bounds on the number of digits of a numeric id. */
export interface DigitBounds {
  min: number;
  max: number;
}

/**
 * Digit bounds per kind of id. Real ids today: AliExpress items 11–16 digits (old ones 9–11,
 * `1005…` ones 16), AliExpress stores 6–10, Alibaba.com products 10–13, Taobao/Tmall items
 * 11–12, Taobao shops 8–9, 1688 offers 11–12. The bounds are wider than that on purpose, so that
 * an old or future id is still accepted, but narrow enough to refuse a pasted phone number
 * fragment or an overflowed number.
 */
export const ID_DIGITS = {
  item: { min: 6, max: 20 },
  store: { min: 3, max: 15 },
  /** Taobao `user_number_id`: a member id, longer than a shop id. */
  member: { min: 4, max: 20 },
} as const satisfies Record<string, DigitBounds>;

/** Whether `value` is ASCII digits only, without a leading zero, within `bounds`. */
export function isDigitId(value: string, bounds: DigitBounds): boolean {
  const length = value.length;
  if (length < bounds.min || length > bounds.max) return false;
  if (value.charCodeAt(0) === 48) return false;
  for (let index = 0; index < length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Whether every character of `value` is an ASCII digit (and there is at least one). */
export function isAllDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Removes a trailing `.html` or `.htm`, whatever its case. */
export function stripPageExtension(segment: string): string {
  if (endsWithLowerCase(segment, '.html')) return segment.slice(0, segment.length - 5);
  if (endsWithLowerCase(segment, '.htm')) return segment.slice(0, segment.length - 4);
  return segment;
}

/** `endsWith` ignoring ASCII case, for a lower-case `suffix` of letters and dots; allocates nothing. */
function endsWithLowerCase(value: string, suffix: string): boolean {
  const offset = value.length - suffix.length;
  if (offset < 0) return false;
  for (let index = 0; index < suffix.length; index += 1) {
    if ((value.charCodeAt(offset + index) | 32) !== suffix.charCodeAt(index)) return false;
  }
  return true;
}

/** The non-empty segments of a path: `/a//b/` gives `['a', 'b']`. */
export function pathSegments(pathname: string): string[] {
  const segments: string[] = [];
  let start = 1;
  const length = pathname.length;
  for (let index = 1; index <= length; index += 1) {
    if (index === length || pathname.charCodeAt(index) === 47) {
      if (index > start) segments.push(pathname.slice(start, index));
      start = index + 1;
    }
  }
  return segments;
}

/**
 * The first value of query parameter `name` (exact, case-sensitive name), percent-decoded, or
 * `undefined`. `search` is `URL.search`, with or without its leading `?`.
 */
export function readQueryParam(search: string, name: string): string | undefined {
  if (search.length === 0) return undefined;
  let start = search.charCodeAt(0) === 63 ? 1 : 0;
  const length = search.length;
  while (start < length) {
    let end = search.indexOf('&', start);
    if (end < 0) end = length;
    const equals = search.indexOf('=', start);
    const keyEnd = equals >= 0 && equals < end ? equals : end;
    if (keyEnd - start === name.length && search.startsWith(name, start)) {
      const raw = keyEnd < end ? search.slice(keyEnd + 1, end) : '';
      return decodeQueryValue(raw);
    }
    start = end + 1;
  }
  return undefined;
}

function decodeQueryValue(raw: string): string {
  if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) return raw;
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    // A malformed escape is kept as typed: the id check that follows refuses it with a clear message.
    return raw;
  }
}

/** Whether `label` is a plausible DNS label: a–z, 0–9 and inner hyphens, 1–63 characters. */
export function isHostLabel(label: string): boolean {
  const length = label.length;
  if (length === 0 || length > 63) return false;
  if (label.charCodeAt(0) === 45 || label.charCodeAt(length - 1) === 45) return false;
  for (let index = 0; index < length; index += 1) {
    const code = label.charCodeAt(index);
    const isLetter = code >= 97 && code <= 122;
    const isDigit = code >= 48 && code <= 57;
    if (!isLetter && !isDigit && code !== 45) return false;
  }
  return true;
}
