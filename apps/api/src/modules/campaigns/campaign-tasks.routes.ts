import {
  campaignParamsSchema,
  campaignTaskListSchema,
  campaignTaskParamsSchema,
  campaignTaskQuerySchema,
  campaignTaskSchema,
  errorResponseSchema,
  fileCampaignTaskBodySchema,
  skipCampaignTaskBodySchema,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../types';
import { actorOf } from '../collectives/collective.mappers';
import { CampaignTasksService } from './campaign-tasks.service';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const tags = ['campaigns'];

/** The plan's tasks: members see them, and record their own as filed or skipped. */
export const campaignTaskRoutes: FastifyPluginAsyncZod = async (app) => {
  const tasks = new CampaignTasksService(app.db);

  app.get('/collectives/:id/campaigns/:campaignId/tasks', {
    schema: {
      tags,
      summary: 'Tasks of a campaign: yours (default) or everyone’s, by filing day',
      description:
        'Each task says when to file, the listings to paste (one URL a line), which IPR to choose on IPP, a reason text, and why the plan chose this member, these listings and this day.',
      params: campaignParamsSchema,
      querystring: campaignTaskQuerySchema,
      response: { 200: campaignTaskListSchema, ...errors },
    },
    handler: async (request) => ({
      tasks: await tasks.list(
        requireAuth(request).artistId,
        request.params.id,
        request.params.campaignId,
        request.query,
        new Date(),
      ),
    }),
  });

  app.get('/collectives/:id/campaigns/:campaignId/tasks/:taskId', {
    schema: {
      tags,
      summary: 'One task, with its paste list and IPR',
      params: campaignTaskParamsSchema,
      response: { 200: campaignTaskSchema, ...errors },
    },
    handler: async (request) =>
      tasks.get(
        requireAuth(request).artistId,
        request.params.id,
        request.params.campaignId,
        request.params.taskId,
        new Date(),
      ),
  });

  app.post('/collectives/:id/campaigns/:campaignId/tasks/:taskId/filed', {
    schema: {
      tags,
      summary: 'Record your task as filed on IPP (creates its complaint)',
      description:
        'Creates the complaint (status submitted, shared with the collective) through the complaint rules — an artwork whose IPR is not approved gets 409 ipr_not_approved — and marks the task filed. Only the member the task is planned for can do this (403 otherwise).',
      params: campaignTaskParamsSchema,
      body: fileCampaignTaskBodySchema,
      response: {
        200: campaignTaskSchema,
        409: errorResponseSchema,
        422: errorResponseSchema,
        ...errors,
      },
    },
    handler: async (request) =>
      tasks.file(
        actorOf(request),
        request.params.id,
        request.params.campaignId,
        request.params.taskId,
        request.body,
        new Date(),
      ),
  });

  app.post('/collectives/:id/campaigns/:campaignId/tasks/:taskId/skip', {
    schema: {
      tags,
      summary: 'Skip your task, with a reason (the next plan works around it)',
      params: campaignTaskParamsSchema,
      body: skipCampaignTaskBodySchema,
      response: { 200: campaignTaskSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request) =>
      tasks.skip(
        actorOf(request),
        request.params.id,
        request.params.campaignId,
        request.params.taskId,
        request.body,
        new Date(),
      ),
  });
};
