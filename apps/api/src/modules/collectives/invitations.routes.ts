import {
  acceptedInvitationSchema,
  collectiveInvitationParamsSchema,
  collectiveParamsSchema,
  createdInvitationSchema,
  createInvitationBodySchema,
  errorResponseSchema,
  invitationListSchema,
  invitationPreviewSchema,
  invitationTokenBodySchema,
  okResponseSchema,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../types';
import { actorOf } from './collective.mappers';
import { InvitationsService } from './invitations.service';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const tags = ['collectives'];

/**
 * Invitation links: admins create and withdraw them; the invited artist previews and accepts.
 * The token travels in request bodies, never in a URL, so it stays out of access logs.
 */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new InvitationsService(app.db, app.config.publicUrl);

  app.post('/collectives/:id/invitations', {
    schema: {
      tags,
      summary: 'Create a single-use invitation link (the secret is shown once)',
      description:
        'Admins invite members; only the owner invites admins. The link expires after 1–30 days (7 by default).',
      params: collectiveParamsSchema,
      body: createInvitationBodySchema,
      response: { 201: createdInvitationSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await service.create(actorOf(request), request.params.id, request.body)),
  });

  app.get('/collectives/:id/invitations', {
    schema: {
      tags,
      summary: 'Open invitations (admins and owner)',
      params: collectiveParamsSchema,
      response: { 200: invitationListSchema, ...errors },
    },
    handler: async (request) => ({
      invitations: await service.listOpen(requireAuth(request).artistId, request.params.id),
    }),
  });

  app.delete('/collectives/:id/invitations/:invitationId', {
    schema: {
      tags,
      summary: 'Withdraw an invitation (admins and owner)',
      params: collectiveInvitationParamsSchema,
      response: { 200: okResponseSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request) => {
      await service.revoke(actorOf(request), request.params.id, request.params.invitationId);
      return { ok: true as const };
    },
  });

  app.post('/invitations/preview', {
    schema: {
      tags,
      summary: 'What an invitation link offers, before accepting it',
      body: invitationTokenBodySchema,
      response: { 200: invitationPreviewSchema, 410: errorResponseSchema, ...errors },
    },
    handler: async (request) => service.preview(request.body.token),
  });

  app.post('/invitations/accept', {
    schema: {
      tags,
      summary: 'Join a collective with an invitation link',
      description:
        'Each link works once: a used, expired or withdrawn link answers 410; an existing member gets 409.',
      body: invitationTokenBodySchema,
      response: {
        201: acceptedInvitationSchema,
        409: errorResponseSchema,
        410: errorResponseSchema,
        ...errors,
      },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await service.accept(actorOf(request), request.body.token)),
  });
};
