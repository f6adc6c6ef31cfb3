import {
  errorResponseSchema,
  hiddenSellerListSchema,
  hiddenSellerSchema,
  hideSellerRequestSchema,
  idParamsSchema,
  okResponseSchema,
  safelistEntrySchema,
  safelistRequestSchema,
  safelistSchema,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../types';
import { ModerationService } from './moderation.service';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const tags = ['moderation'];

/** Moderators (artists.role = 'moderator') control what the public watchlist may show (signed in). */
export const moderationRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new ModerationService(app.db);

  app.get('/moderation/hidden-sellers', {
    schema: {
      tags,
      summary: 'Sellers hidden from the public watchlist',
      response: { 200: hiddenSellerListSchema, ...errors },
    },
    handler: async (request) => service.listHidden(requireAuth(request)),
  });

  app.put('/moderation/hidden-sellers/:id', {
    schema: {
      tags,
      summary: 'Hide a seller from every public output, with a reason',
      description:
        'The seller vanishes from the watchlist, its exports, its feed and its public page at once; artists keep seeing it. Idempotent (the reason is updated).',
      params: idParamsSchema,
      body: hideSellerRequestSchema,
      response: { 200: hiddenSellerSchema, ...errors },
    },
    handler: async (request) =>
      service.hide(requireAuth(request), request.params.id, request.body.reason, request.ip),
  });

  app.delete('/moderation/hidden-sellers/:id', {
    schema: {
      tags,
      summary: 'Lift a hide: the seller is listed again if the policy allows',
      params: idParamsSchema,
      response: { 200: okResponseSchema, ...errors },
    },
    handler: async (request) => service.unhide(requireAuth(request), request.params.id, request.ip),
  });

  app.get('/moderation/safelist', {
    schema: {
      tags,
      summary: 'Authorised resellers that are never listed',
      response: { 200: safelistSchema, ...errors },
    },
    handler: async (request) => service.listSafelist(requireAuth(request)),
  });

  app.post('/moderation/safelist', {
    schema: {
      tags,
      summary: 'Safelist an authorised reseller (marketplace + store id)',
      description:
        'The store can never appear on the public watchlist; if it is listed now it is removed at once. 409 if already safelisted.',
      body: safelistRequestSchema,
      response: { 201: safelistEntrySchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await service.addToSafelist(requireAuth(request), request.body, request.ip)),
  });

  app.delete('/moderation/safelist/:id', {
    schema: {
      tags,
      summary: 'Remove a safelist entry',
      params: idParamsSchema,
      response: { 200: okResponseSchema, ...errors },
    },
    handler: async (request) =>
      service.removeFromSafelist(requireAuth(request), request.params.id, request.ip),
  });
};
