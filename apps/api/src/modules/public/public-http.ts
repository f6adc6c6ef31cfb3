import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  compressedBody,
  MIN_COMPRESSED_BYTES,
  type CachedResponse,
  type Encoding,
} from './snapshot-cache';

/** Short freshness, then served stale while a cache revalidates (with the ETag, cheaply). */
export const CACHE_CONTROL = {
  page: 'public, max-age=30, stale-while-revalidate=120',
  bulk: 'public, max-age=60, stale-while-revalidate=300',
  missing: 'public, max-age=30',
} as const;

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

/**
 * Sends a cached response: 304 when the client's validator matches, otherwise the body in the
 * best coding the client accepts (compressed once per snapshot, not per request). Public,
 * cacheable by shared caches and CDNs, readable from any origin.
 */
export async function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  response: CachedResponse,
  cacheControl: string,
): Promise<FastifyReply> {
  const encoding =
    response.status === 200 && response.body.length >= MIN_COMPRESSED_BYTES
      ? negotiateEncoding(request.headers['accept-encoding'])
      : 'identity';
  void reply.headers({
    'cache-control': response.status === 200 ? cacheControl : CACHE_CONTROL.missing,
    vary: 'accept-encoding',
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    ...response.headers,
  });
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
