import {
  collectiveAuditListSchema,
  collectiveDetailSchema,
  collectiveListSchema,
  collectiveMemberParamsSchema,
  collectiveMemberSchema,
  collectiveParamsSchema,
  collectiveSellerListSchema,
  createCollectiveBodySchema,
  cursorQuerySchema,
  errorResponseSchema,
  okResponseSchema,
  transferOwnershipBodySchema,
  updateCollectiveBodySchema,
  updateMemberBodySchema,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../types';
import { actorOf } from './collective.mappers';
import { CollectiveViewsService } from './collective-views.service';
import { CollectivesService } from './collectives.service';
import { invitationRoutes } from './invitations.routes';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const tags = ['collectives'];

/**
 * Collectives for signed-in artists. Only members see a collective: to anyone else it
 * answers 404, exactly as if it did not exist.
 */
export const collectivesRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new CollectivesService(app.db);
  const views = new CollectiveViewsService(app.db);

  app.post('/collectives', {
    schema: {
      tags,
      summary: 'Create a collective (you become its owner)',
      body: createCollectiveBodySchema,
      response: { 201: collectiveDetailSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.create(actorOf(request), request.body)),
  });

  app.get('/collectives', {
    schema: {
      tags,
      summary: 'Your collectives, with your role and their member counts',
      response: { 200: collectiveListSchema, ...errors },
    },
    handler: async (request) => ({
      collectives: await service.list(requireAuth(request).artistId),
    }),
  });

  app.get('/collectives/:id', {
    schema: {
      tags,
      summary: 'A collective and its members (members only)',
      params: collectiveParamsSchema,
      response: { 200: collectiveDetailSchema, ...errors },
    },
    handler: async (request) => service.get(request.params.id, requireAuth(request).artistId),
  });

  app.patch('/collectives/:id', {
    schema: {
      tags,
      summary: 'Rename or describe a collective (admins and owner)',
      params: collectiveParamsSchema,
      body: updateCollectiveBodySchema,
      response: { 200: collectiveDetailSchema, ...errors },
    },
    handler: async (request) => service.update(actorOf(request), request.params.id, request.body),
  });

  app.patch('/collectives/:id/members/:artistId', {
    schema: {
      tags,
      summary: "Change a member's role",
      description:
        'Admins manage members; only the owner makes or unmakes admins; the owner changes hands only by transfer.',
      params: collectiveMemberParamsSchema,
      body: updateMemberBodySchema,
      response: { 200: collectiveMemberSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request) =>
      service.changeRole(
        actorOf(request),
        request.params.id,
        request.params.artistId,
        request.body.role,
      ),
  });

  app.delete('/collectives/:id/members/:artistId', {
    schema: {
      tags,
      summary: 'Remove a member, or leave (your own id)',
      description:
        'Admins remove members, only the owner removes admins, nobody removes the owner. The owner leaves only after transferring ownership.',
      params: collectiveMemberParamsSchema,
      response: { 200: okResponseSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request) => {
      await service.removeMember(actorOf(request), request.params.id, request.params.artistId);
      return { ok: true as const };
    },
  });

  app.post('/collectives/:id/transfer', {
    schema: {
      tags,
      summary: 'Transfer ownership to another member (owner only; you become an admin)',
      params: collectiveParamsSchema,
      body: transferOwnershipBodySchema,
      response: { 200: collectiveDetailSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request) =>
      service.transferOwnership(actorOf(request), request.params.id, request.body.artistId),
  });

  app.get('/collectives/:id/sellers', {
    schema: {
      tags,
      summary: 'Sellers the members share, and which members each copies',
      description:
        "Sellers of listings that members sighted and shared with the collective (or publicly), plus your own sightings; other members' private sightings never count. Sorted by members copied, then confirmed points.",
      params: collectiveParamsSchema,
      querystring: cursorQuerySchema,
      response: { 200: collectiveSellerListSchema, ...errors },
    },
    handler: async (request) =>
      views.listSellers(requireAuth(request).artistId, request.params.id, request.query),
  });

  app.get('/collectives/:id/audit', {
    schema: {
      tags,
      summary: "The collective's audit trail, newest first (admins and owner)",
      params: collectiveParamsSchema,
      querystring: cursorQuerySchema,
      response: { 200: collectiveAuditListSchema, ...errors },
    },
    handler: async (request) =>
      views.listAudit(requireAuth(request).artistId, request.params.id, request.query),
  });

  await app.register(invitationRoutes);
};
