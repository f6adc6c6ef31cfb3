import {
  bulkStatusBodySchema,
  complaintDetailSchema,
  complaintListQuerySchema,
  complaintListSchema,
  createComplaintBodySchema,
  errorResponseSchema,
  idParamsSchema,
  okResponseSchema,
  pasteListResponseSchema,
  statusChangeBodySchema,
  updateComplaintBodySchema,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { binaryResponse } from '../../lib/binary-response';
import { requireAuth } from '../../types';
import { ComplaintStatusService } from './complaint-status.service';
import { ComplaintService } from './complaint.service';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const tags = ['complaints'];

/** Complaints filed on IPP and their status per listing. */
export const complaintRoutes: FastifyPluginAsyncZod = async (app) => {
  const complaints = new ComplaintService(app.db);
  const statuses = new ComplaintStatusService(app.db);

  app.post('/complaints', {
    schema: {
      tags,
      summary: 'Record a complaint (filed on IPP, or a draft to file)',
      description: 'One approved design, one marketplace, 1–300 listings. A design whose IPR is not approved on IPP gets 409 ipr_not_approved saying what to do on IPP.',
      body: createComplaintBodySchema,
      response: { 201: complaintDetailSchema, 409: errorResponseSchema, 422: errorResponseSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await complaints.create(requireAuth(request).artistId, request.body, request.ip, new Date())),
  });

  app.get('/complaints', {
    schema: {
      tags,
      summary: 'My complaints (or those my collectives share), with filters',
      querystring: complaintListQuerySchema,
      response: { 200: complaintListSchema, ...errors },
    },
    handler: async (request) => complaints.list(requireAuth(request).artistId, request.query),
  });

  app.post('/complaints/status', {
    schema: {
      tags,
      summary: 'Record several status changes at once (all or nothing)',
      body: bulkStatusBodySchema,
      response: { 200: z.object({ updated: z.number().int() }), 409: errorResponseSchema, ...errors },
    },
    handler: async (request) => statuses.bulk(requireAuth(request).artistId, request.body, request.ip, new Date()),
  });

  app.get('/complaints/:id', {
    schema: { tags, summary: 'A complaint with its listings and their history', params: idParamsSchema, response: { 200: complaintDetailSchema, ...errors } },
    handler: async (request) => complaints.get(requireAuth(request).artistId, request.params.id),
  });

  app.patch('/complaints/:id', {
    schema: { tags, summary: 'Edit the IPP reference, reason or visibility', params: idParamsSchema, body: updateComplaintBodySchema, response: { 200: complaintDetailSchema, ...errors } },
    handler: async (request) => complaints.update(requireAuth(request).artistId, request.params.id, request.body, request.ip),
  });

  app.delete('/complaints/:id', {
    schema: { tags, summary: 'Delete a draft complaint', params: idParamsSchema, response: { 200: okResponseSchema, 409: errorResponseSchema, ...errors } },
    handler: async (request) => {
      await complaints.remove(requireAuth(request).artistId, request.params.id, request.ip);
      return { ok: true as const };
    },
  });

  app.post('/complaints/:id/status', {
    schema: {
      tags,
      summary: 'Record a status change from IPP (all listings, or some)',
      description: 'An illegal change is 409 illegal_transition naming the allowed statuses; dates may not be in the future.',
      params: idParamsSchema,
      body: statusChangeBodySchema,
      response: { 200: complaintDetailSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request) => statuses.change(requireAuth(request).artistId, request.params.id, request.body, request.ip, new Date()),
  });

  app.get('/complaints/:id/paste-list', {
    schema: {
      tags,
      summary: "The listing URLs for IPP's complaint form, one a line, 300 per chunk",
      params: idParamsSchema,
      response: { 200: pasteListResponseSchema, ...errors },
    },
    handler: async (request) => complaints.pasteList(requireAuth(request).artistId, request.params.id),
  });

  app.get('/complaints/:id/paste-list.txt', {
    schema: { tags, summary: 'The same paste list as plain text (chunks separated by a blank line)', params: idParamsSchema, response: { 200: binaryResponse('The paste list, text/plain'), ...errors } },
    handler: async (request, reply) => {
      const list = await complaints.pasteList(requireAuth(request).artistId, request.params.id);
      return reply.type('text/plain; charset=utf-8').send(`${list.chunks.map((chunk) => chunk.text).join('\n\n')}\n`);
    },
  });
};
