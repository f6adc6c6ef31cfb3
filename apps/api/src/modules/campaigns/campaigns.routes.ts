import {
  campaignCoverageSchema,
  campaignDetailSchema,
  campaignListSchema,
  campaignParamsSchema,
  campaignParticipantSchema,
  campaignProgressSchema,
  collectiveParamsSchema,
  createCampaignBodySchema,
  errorResponseSchema,
  okResponseSchema,
  participationBodySchema,
  updateCampaignBodySchema,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../types';
import { actorOf } from '../collectives/collective.mappers';
import { loadRulesetMap } from '../standings/standing.service';
import { campaignTaskRoutes } from './campaign-tasks.routes';
import { CampaignViewsService } from './campaign-views.service';
import { CampaignsService } from './campaigns.service';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const tags = ['campaigns'];

/**
 * Joint reporting campaigns of a collective. Only its members see them (anyone else gets 404,
 * as for the collective); admins and the owner create, edit, pause and close them; members
 * opt in and out with their own constraints.
 */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new CampaignsService(app.db, loadRulesetMap(app.config.penaltyRulesetOverrides));
  const views = new CampaignViewsService(app.db);

  app.post('/collectives/:id/campaigns', {
    schema: {
      tags,
      summary: 'Start a campaign against a seller (admins and owner)',
      description:
        'The target store, or several stores believed to be one operator (each is planned on its own). The goal is a step of the penalty ladder, termination by default. The worker makes the plan within moments.',
      params: collectiveParamsSchema,
      body: createCampaignBodySchema,
      response: { 201: campaignDetailSchema, 422: errorResponseSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await service.create(actorOf(request), request.params.id, request.body, new Date())),
  });

  app.get('/collectives/:id/campaigns', {
    schema: {
      tags,
      summary: "The collective's campaigns, open ones first",
      params: collectiveParamsSchema,
      response: { 200: campaignListSchema, ...errors },
    },
    handler: async (request) => ({
      campaigns: await service.list(requireAuth(request).artistId, request.params.id),
    }),
  });

  app.get('/collectives/:id/campaigns/:campaignId', {
    schema: {
      tags,
      summary: 'A campaign: targets, participants, the plan per store and task counts',
      params: campaignParamsSchema,
      response: { 200: campaignDetailSchema, ...errors },
    },
    handler: async (request) =>
      service.get(
        requireAuth(request).artistId,
        request.params.id,
        request.params.campaignId,
        new Date(),
      ),
  });

  app.patch('/collectives/:id/campaigns/:campaignId', {
    schema: {
      tags,
      summary: 'Change, pause, resume or close a campaign (admins and owner)',
      description:
        'Pausing or closing cancels the planned tasks at once; filed tasks stay. A closed campaign cannot change again.',
      params: campaignParamsSchema,
      body: updateCampaignBodySchema,
      response: {
        200: campaignDetailSchema,
        409: errorResponseSchema,
        422: errorResponseSchema,
        ...errors,
      },
    },
    handler: async (request) =>
      service.update(
        actorOf(request),
        request.params.id,
        request.params.campaignId,
        request.body,
        new Date(),
      ),
  });

  app.post('/collectives/:id/campaigns/:campaignId/replan', {
    schema: {
      tags,
      summary: 'Ask the worker to plan the campaign again now (admins and owner)',
      params: campaignParamsSchema,
      response: { 202: okResponseSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      await service.requestReplan(actorOf(request), request.params.id, request.params.campaignId);
      return reply.status(202).send({ ok: true as const });
    },
  });

  app.put('/collectives/:id/campaigns/:campaignId/participation', {
    schema: {
      tags,
      summary: 'Opt in to a campaign, or change your constraints',
      description:
        'Weekdays and days you cannot file, and the most complaints you will file in a week. The plan only gives you tasks for your own approved artworks that the targets copy.',
      params: campaignParamsSchema,
      body: participationBodySchema,
      response: { 200: campaignParticipantSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request) =>
      service.participate(
        actorOf(request),
        request.params.id,
        request.params.campaignId,
        request.body,
      ),
  });

  app.delete('/collectives/:id/campaigns/:campaignId/participation', {
    schema: {
      tags,
      summary: 'Opt out of a campaign (your planned tasks are cancelled; filed ones stay)',
      params: campaignParamsSchema,
      response: { 200: okResponseSchema, ...errors },
    },
    handler: async (request) => {
      await service.leave(actorOf(request), request.params.id, request.params.campaignId);
      return { ok: true as const };
    },
  });

  app.get('/collectives/:id/campaigns/:campaignId/coverage', {
    schema: {
      tags,
      summary: 'Coverage matrix: who can report which listing now, who must finish IPP set-up',
      description:
        "For each listing of the targets: the members' artworks it copies (from sightings shared with the collective), their IPR status, the complaints about it, and its state. Per member: listings they can file now, listings waiting for their IPP set-up, and the set-up checklist per artwork.",
      params: campaignParamsSchema,
      response: { 200: campaignCoverageSchema, ...errors },
    },
    handler: async (request) =>
      views.coverage(requireAuth(request).artistId, request.params.id, request.params.campaignId),
  });

  app.get('/collectives/:id/campaigns/:campaignId/progress', {
    schema: {
      tags,
      summary: 'Projected against actual points per target store, tier crossings, task counts',
      params: campaignParamsSchema,
      response: { 200: campaignProgressSchema, ...errors },
    },
    handler: async (request) =>
      views.progress(
        requireAuth(request).artistId,
        request.params.id,
        request.params.campaignId,
        new Date(),
      ),
  });

  await app.register(campaignTaskRoutes);
};
