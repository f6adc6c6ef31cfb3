import {
  disputeListQuerySchema,
  disputeListSchema,
  disputeResolutionSchema,
  disputeViewSchema,
  errorResponseSchema,
  idParamsSchema,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../types';
import { DisputesService } from './disputes.service';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const tags = ['disputes'];

/** Collective admins review disputes about sellers their members complained about (signed in). */
export const disputesRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new DisputesService(app.db, app.attemptLimiter);

  app.get('/disputes', {
    schema: {
      tags,
      summary: 'Disputes about sellers my collectives complained about',
      description:
        'For owners and admins of collectives: disputes (default: open ones) about listed sellers that members of your collectives complained about in shared (collective or public) complaints. Newest first; cursor pagination.',
      querystring: disputeListQuerySchema,
      response: { 200: disputeListSchema, ...errors },
    },
    handler: async (request) => service.list(requireAuth(request).artistId, request.query),
  });

  app.post('/disputes/:id/resolution', {
    schema: {
      tags,
      summary: 'Resolve a dispute: upheld or rejected, with a public note',
      description:
        'The outcome and the note appear on the seller’s public page. A dispute is resolved once (409 afterwards).',
      params: idParamsSchema,
      body: disputeResolutionSchema,
      response: { 200: disputeViewSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request) =>
      service.resolve(
        requireAuth(request).artistId,
        request.params.id,
        request.body,
        request.ip,
        new Date(),
      ),
  });
};
