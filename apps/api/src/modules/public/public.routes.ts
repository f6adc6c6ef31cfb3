import fastifyCompress from '@fastify/compress';
import {
  errorResponseSchema,
  PUBLIC_WATCHLIST_CSV_COLUMNS,
  publicDisputeReceiptSchema,
  publicDisputeRequestSchema,
  publicSellerParamsSchema,
  publicSellerSchema,
  publicWatchlistExportSchema,
  publicWatchlistPageSchema,
  publicWatchlistQuerySchema,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors';
import { DisputesService } from '../disputes/disputes.service';
import { CACHE_CONTROL, SECURITY_HEADERS, sendCached, sendRemembered } from './public-http';
import { BatchedRateLimiter } from '../../lib/batched-rate-limiter';
import { PublicRepository } from './public.repository';
import { parseWatchlistCursor, PublicService } from './public.service';
import { SnapshotCache } from './snapshot-cache';

const tags = ['public'];
const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 429: errorResponseSchema };
// Public routes skip the app-wide limiter and helmet: the per-address public limit and the
// static security headers of public-http.ts apply instead.
const config = { rateLimit: false } as const;

export interface PublicRoutesOptions {
  /** How stale a public answer may be after the worker publishes a snapshot (ms). */
  snapshotCheckMs?: number;
}

/**
 * The public watchlist, no sign-in: pages, seller pages, bulk exports and an Atom feed, all
 * served from the snapshot the worker maintains (never aggregated here), cached in process
 * per snapshot version, with strong ETags, compression and a per-IP rate limit. Disputes
 * are the only write.
 */
export const publicRoutes: FastifyPluginAsyncZod<PublicRoutesOptions> = async (app, options) => {
  // Registered here, so it applies to the public routes (and only to them).
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  const repository = new PublicRepository(app.db);
  const service = new PublicService(repository, app.config.publicUrl);
  const disputes = new DisputesService(app.db, app.attemptLimiter);
  const cache = new SnapshotCache(
    () => repository.snapshotVersion(),
    {
      checkEveryMs: options.snapshotCheckMs ?? 1000,
      maxEntries: 20_000,
      maxBytes: 256 * 1024 * 1024,
    },
    (error) => app.log.warn({ err: error }, 'could not read the public snapshot version'),
  );
  cache.start();
  app.addHook('onClose', async () => cache.stop());

  // The per-address public limit, counted locally and shared through Redis in batches (see
  // BatchedRateLimiter), and the security headers helmet would add, computed once.
  const limiter = new BatchedRateLimiter({
    max: app.config.rateLimit.publicPerMinute,
    windowMs: 60_000,
    redis: app.redis,
    prefix: app.config.redis?.prefix ?? 'counterpoint',
    flushEveryMs: 100,
    onError: (error) => app.log.warn({ err: error }, 'could not share public rate-limit counts'),
  });
  app.addHook('onClose', () => limiter.close());
  app.addHook('onRequest', (request, reply, done) => {
    const decision = limiter.hit(request.ip);
    if (!decision.isAllowed) {
      void reply.headers(SECURITY_HEADERS);
      void reply.header('x-ratelimit-limit', decision.limit);
      void reply.header('x-ratelimit-remaining', 0);
      void reply.header('x-ratelimit-reset', decision.resetSeconds);
      return done(
        new AppError(
          'rate_limited',
          `Too many requests. Try again in ${decision.resetSeconds} s.`,
          undefined,
          {
            'retry-after': String(decision.resetSeconds),
          },
        ),
      );
    }
    // An exact URL answered before under the current snapshot: send the stored response.
    if (request.method === 'GET' || request.method === 'HEAD') {
      const remembered = cache.peekUrl(request.url);
      if (remembered && sendRemembered(request, reply, remembered, decision)) return;
    }
    void reply.headers(SECURITY_HEADERS);
    void reply.header('x-ratelimit-limit', decision.limit);
    void reply.header('x-ratelimit-remaining', decision.remaining);
    void reply.header('x-ratelimit-reset', decision.resetSeconds);
    done();
  });

  app.get('/watchlist', {
    config,
    helmet: false,
    schema: {
      tags,
      summary: 'The public watchlist: sellers with confirmed removals',
      description:
        'Filters: marketplace, minPoints (estimated confirmed points), tier (a ladder step by its points; 0: below the first step). Sort (descending): points, complaints, artists, recent (last establishment), added (newest on the list). Keyset cursor pagination, limit 1–100. Unknown parameters are refused. Strong ETag; send If-None-Match for a 304.',
      querystring: publicWatchlistQuerySchema,
      response: { 200: publicWatchlistPageSchema, ...errors },
    },
    handler: async (request, reply) => {
      const query = request.query;
      const after = parseWatchlistCursor(query.cursor, query.sort);
      const key = `watchlist|${query.marketplace ?? ''}|${query.minPoints ?? ''}|${query.tier ?? ''}|${query.sort}|${query.limit}|${after ? `${after.key}:${after.sellerId}` : ''}`;
      const response = await cache.get(key, () => service.watchlistPage(query, after));
      return sendCached(request, reply, cache, key, response, CACHE_CONTROL.page);
    },
  });

  app.get('/sellers/:marketplace/:storeId', {
    config,
    helmet: false,
    schema: {
      tags,
      summary: 'A listed seller’s public page',
      description:
        'Standing estimate (with its ruleset), counts of established complaints and distinct artists, first and last establishment dates, removed listings, opted-in attributions and disputes. 404 for sellers that are not listed.',
      params: publicSellerParamsSchema,
      response: { 200: publicSellerSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { marketplace, storeId } = request.params;
      const key = `seller|${marketplace}|${storeId}`;
      const response = await cache.get(key, () => service.sellerPage(marketplace, storeId));
      return sendCached(request, reply, cache, key, response, CACHE_CONTROL.page);
    },
  });

  app.get('/watchlist.json', {
    config,
    helmet: false,
    schema: {
      tags,
      summary: 'Every listed seller, as JSON',
      description:
        'The whole watchlist (sorted by points), with the publication policy in force and the time the snapshot was made. Fields as in GET /watchlist.',
      querystring: z.strictObject({}),
      response: { 200: publicWatchlistExportSchema, ...errors },
    },
    handler: async (request, reply) => {
      const response = await cache.get('export.json', () => service.exportJson());
      return sendCached(request, reply, cache, 'export.json', response, CACHE_CONTROL.bulk);
    },
  });

  app.get('/watchlist.csv', {
    config,
    helmet: false,
    schema: {
      tags,
      summary: 'Every listed seller, as CSV',
      description: `UTF-8 with a byte-order mark, one row per seller, sorted by points. Columns: ${PUBLIC_WATCHLIST_CSV_COLUMNS.join(', ')}.`,
      querystring: z.strictObject({}),
      produces: ['text/csv'],
      response: errors,
    },
    handler: async (request, reply) => {
      const response = await cache.get('export.csv', () => service.exportCsv());
      return sendCached(request, reply, cache, 'export.csv', response, CACHE_CONTROL.bulk);
    },
  });

  app.get('/watchlist.atom', {
    config,
    helmet: false,
    schema: {
      tags,
      summary: 'Atom feed: sellers added to the watchlist or crossing a tier',
      description:
        'The latest 100 events, newest first. A seller that leaves the watchlist leaves the feed too.',
      querystring: z.strictObject({}),
      produces: ['application/atom+xml'],
      response: errors,
    },
    handler: async (request, reply) => {
      const response = await cache.get('feed.atom', () => service.feed());
      return sendCached(request, reply, cache, 'feed.atom', response, CACHE_CONTROL.bulk);
    },
  });

  app.post('/sellers/:marketplace/:storeId/disputes', {
    config,
    helmet: false,
    schema: {
      tags,
      summary: 'Dispute a listed seller',
      description:
        'Anyone may dispute a listing: a contact email (never published), a statement (20–4000 characters, never published) and optionally an evidence link (http or https). The seller’s page shows that a dispute is open, then its outcome and public note. At most 10 disputes per address per hour.',
      params: publicSellerParamsSchema,
      body: publicDisputeRequestSchema,
      response: { 201: publicDisputeReceiptSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { marketplace, storeId } = request.params;
      const receipt = await disputes.submit(
        marketplace,
        storeId,
        request.body,
        request.ip,
        new Date(),
      );
      return reply.status(201).header('cache-control', 'no-store').send(receipt);
    },
  });
};
