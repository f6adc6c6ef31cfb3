import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateDecision } from '../../lib/batched-rate-limiter';
import {
  compressedBody,
  MIN_COMPRESSED_BYTES,
  type CachedResponse,
  type Encoding,
  type RememberedUrl,
  type SnapshotCache,
} from './snapshot-cache';

/** Short freshness, then served stale while a cache revalidates (with the ETag, cheaply). */
export const CACHE_CONTROL = {
  page: 'public, max-age=30, stale-while-revalidate=120',
  bulk: 'public, max-age=60, stale-while-revalidate=300',
  missing: 'public, max-age=30',
} as const;

/**
 * What helmet would add that matters for JSON, CSV and Atom, computed once (public routes
 * skip helmet: its per-request work was a tenth of a cached response's cost, and its CSP is
 * for HTML pages; HSTS and Referrer-Policy come with the web app's pages on the same host).
 * Public data is readable from any origin.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'access-control-allow-origin': '*',
};

const ENCODING_SUFFIX: Record<Encoding | 'identity', string> = {
  br: '-br',
  gzip: '-gz',
  identity: '',
};

/** The ETag of one representation: each content coding has its own strong validator. */
export function etagOf(hash: string, encoding: Encoding | 'identity'): string {
  return `"${hash}${ENCODING_SUFFIX[encoding]}"`;
}

/**
 * Whether `If-None-Match` names this content (in any coding: they are the same resource
 * state). Weak comparison, as RFC 9110 prescribes for If-None-Match; `*` matches.
 */
export function matchesIfNoneMatch(header: string | undefined, hash: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  for (const raw of header.split(',')) {
    let tag = raw.trim();
    if (tag.startsWith('W/')) tag = tag.slice(2);
    if (tag.length < 2 || tag[0] !== '"' || tag.at(-1) !== '"') continue;
    tag = tag.slice(1, -1);
    if (tag.endsWith('-br') || tag.endsWith('-gz')) tag = tag.slice(0, -3);
    if (tag === hash) return true;
  }
  return false;
}

const negotiated = new Map<string, Encoding | 'identity'>();

/** The best coding the client accepts among br and gzip (q-values honoured), memoised per header. */
export function negotiateEncoding(header: string | undefined): Encoding | 'identity' {
  if (!header) return 'identity';
  const known = negotiated.get(header);
  if (known) return known;
  const quality = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters
      .map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1])
      .find(Boolean);
    quality.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (name: string) => (quality.get(name) ?? quality.get('*') ?? 0) > 0;
  const choice: Encoding | 'identity' = accepts('br')
    ? 'br'
    : accepts('gzip')
      ? 'gzip'
      : 'identity';
  if (negotiated.size > 200) negotiated.clear();
  negotiated.set(header, choice);
  return choice;
}

function encodingFor(request: FastifyRequest, response: CachedResponse): Encoding | 'identity' {
  return response.status === 200 && response.body.length >= MIN_COMPRESSED_BYTES
    ? negotiateEncoding(request.headers['accept-encoding'])
    : 'identity';
}

/**
 * Sends a cached response: 304 when the client's validator matches, otherwise the body in the
 * best coding the client accepts (compressed once per snapshot, not per request), and
 * remembers the exact URL so that the next identical request takes the fast path.
 */
export async function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: SnapshotCache,
  key: string,
  response: CachedResponse,
  cacheControl: string,
): Promise<FastifyReply> {
  cache.rememberUrl(request.url, key, response, cacheControl);
  const encoding = encodingFor(request, response);
  void reply.header(
    'cache-control',
    response.status === 200 ? cacheControl : CACHE_CONTROL.missing,
  );
  void reply.header('vary', 'accept-encoding');
  if (response.headers) void reply.headers(response.headers);
  if (response.status !== 200) {
    return reply.status(response.status).type(response.contentType).send(response.body);
  }
  void reply.header('etag', etagOf(response.hash, encoding));
  if (matchesIfNoneMatch(request.headers['if-none-match'], response.hash)) {
    return reply.status(304).send();
  }
  void reply.type(response.contentType);
  if (encoding === 'identity') return reply.send(response.body);
  const body = await compressedBody(response, encoding);
  return reply.header('content-encoding', encoding).send(body);
}

/**
 * Header lists for the fast path, built once per response and coding. A 304 carries only what
 * RFC 9110 asks to repeat (validators and caching headers) and CORS; a body carries the rest.
 */
function rawHeaders(
  response: CachedResponse,
  cacheControl: string,
  encoding: Encoding | 'identity',
  isNotModified: boolean,
): string[] {
  const variant = isNotModified ? (`${encoding}-304` as const) : encoding;
  const headers = (response.rawHeaders ??= {});
  let list = headers[variant];
  if (!list) {
    const caching = [
      'cache-control',
      response.status === 200 ? cacheControl : CACHE_CONTROL.missing,
      'vary',
      'accept-encoding',
    ];
    const etag = response.status === 200 ? ['etag', etagOf(response.hash, encoding)] : [];
    list = isNotModified
      ? ['access-control-allow-origin', '*', ...caching, ...etag]
      : [
          ...Object.entries(SECURITY_HEADERS).flat(),
          ...caching,
          'content-type',
          response.contentType,
          ...Object.entries(response.headers ?? {}).flat(),
          ...etag,
          ...(encoding === 'identity' ? [] : ['content-encoding', encoding]),
        ];
    headers[variant] = list;
  }
  return list;
}

/**
 * The fast path for a URL answered before under the same snapshot: writes the stored bytes
 * with headers built once, skipping validation, the handler and the onSend hooks (the URL
 * already passed validation; the response is the one the handler produced). Returns false,
 * touching nothing, when the response cannot be sent as stored (a compressed copy not ready).
 */
export function sendRemembered(
  request: FastifyRequest,
  reply: FastifyReply,
  remembered: RememberedUrl,
  rate: RateDecision,
): boolean {
  const { response, cacheControl } = remembered;
  const encoding = encodingFor(request, response);
  const body = encoding === 'identity' ? response.body : response.compressed?.[encoding];
  if (!body) return false;
  const isNotModified =
    response.status === 200 && matchesIfNoneMatch(request.headers['if-none-match'], response.hash);
  const headers = [
    ...rawHeaders(response, cacheControl, encoding, isNotModified),
    'x-ratelimit-limit',
    String(rate.limit),
    'x-ratelimit-remaining',
    String(rate.remaining),
    'x-ratelimit-reset',
    String(rate.resetSeconds),
  ];
  if (!isNotModified) headers.push('content-length', String(body.length));
  void reply.hijack();
  reply.raw.writeHead(isNotModified ? 304 : response.status, headers);
  reply.raw.end(isNotModified || request.method === 'HEAD' ? undefined : body);
  return true;
}
