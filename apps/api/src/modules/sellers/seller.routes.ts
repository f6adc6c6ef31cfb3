import { MAX_IMAGE_BYTES } from '@counterpoint/core';
import {
  createdSellerSchema,
  createSellerBodySchema,
  createSellerNoteBodySchema,
  createSightingBodySchema,
  errorResponseSchema,
  findingsBodySchema,
  findingsResponseSchema,
  idParamsSchema,
  listingSchema,
  okResponseSchema,
  sellerListQuerySchema,
  sellerListSchema,
  sellerNoteSchema,
  sellerProfileSchema,
  sellerSummarySchema,
  sightingListQuerySchema,
  sightingListSchema,
  sightingSchema,
  updateListingBodySchema,
  updateSellerBodySchema,
  updateSightingBodySchema,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { binaryResponse } from '../../lib/binary-response';
import { readUploadedFile } from '../../lib/upload';
import { toArtistRef } from '../../lib/visibility';
import { requireAuth } from '../../types';
import { FindingsService } from '../findings/findings.service';
import { SightingService } from '../sightings/sighting.service';
import { SellerService } from './seller.service';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

/** Sellers, their listings and notes; findings (pasted URLs); sightings. */
export const sellerRoutes: FastifyPluginAsyncZod = async (app) => {
  const sellers = new SellerService(app.db);
  const findings = new FindingsService(app.db);
  const sightings = new SightingService(app.db, app.blobs);

  app.post('/findings', {
    bodyLimit: 6 * 1024 * 1024,
    schema: {
      tags: ['findings'],
      summary: 'Save pasted listing and store URLs (and, with a design, sightings)',
      description:
        'Store URLs create or find sellers; listing URLs create or find listings, attached to their seller when the URL names it or to `sellerId`; with `artworkId`, each listing is recorded as copying that design. Up to 5,000 lines.',
      body: findingsBodySchema,
      response: { 200: findingsResponseSchema, 413: errorResponseSchema, 422: errorResponseSchema, ...errors },
    },
    handler: async (request) => findings.save(requireAuth(request).artistId, request.body, request.ip, new Date()),
  });

  app.get('/sellers', {
    schema: {
      tags: ['sellers'],
      summary: 'Sellers connected to me (my findings, my collectives, shared complaints)',
      querystring: sellerListQuerySchema,
      response: { 200: sellerListSchema, ...errors },
    },
    handler: async (request) => sellers.list(requireAuth(request).artistId, request.query),
  });

  app.post('/sellers', {
    schema: {
      tags: ['sellers'],
      summary: 'Add a seller by its store URL (finds it if it exists)',
      body: createSellerBodySchema,
      response: { 200: createdSellerSchema, 201: createdSellerSchema, 422: errorResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { seller, isNew } = await sellers.createFromUrl(requireAuth(request).artistId, request.body.url, request.body.name, request.ip);
      return reply.status(isNew ? 201 : 200).send({ ...seller, isNew });
    },
  });

  app.get('/sellers/:id', {
    schema: {
      tags: ['sellers'],
      summary: 'Seller profile: listings, sightings, complaints and notes visible to me',
      params: idParamsSchema,
      response: { 200: sellerProfileSchema, ...errors },
    },
    handler: async (request) => sellers.profile(requireAuth(request).artistId, request.params.id),
  });

  app.patch('/sellers/:id', {
    schema: { tags: ['sellers'], summary: 'Name a seller', params: idParamsSchema, body: updateSellerBodySchema, response: { 200: sellerSummarySchema, ...errors } },
    handler: async (request) => sellers.rename(requireAuth(request).artistId, request.params.id, request.body.name, request.ip),
  });

  app.post('/sellers/:id/notes', {
    schema: { tags: ['sellers'], summary: 'Add a note about a seller', params: idParamsSchema, body: createSellerNoteBodySchema, response: { 201: sellerNoteSchema, ...errors } },
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      const note = await sellers.addNote(auth.artistId, request.params.id, request.body.body, request.body.visibility, request.ip);
      const me = await app.db.selectFrom('artists').select(['displayName']).where('id', '=', auth.artistId).executeTakeFirstOrThrow();
      return reply.status(201).send({
        id: note.id,
        artist: toArtistRef('self', { authorId: auth.artistId, authorName: me.displayName, authorPublicAttribution: false, authorPublicName: null }),
        body: note.body,
        visibility: note.visibility,
        createdAt: note.createdAt.toISOString(),
      });
    },
  });

  app.delete('/sellers/:id/notes/:noteId', {
    schema: { tags: ['sellers'], summary: 'Delete one of my notes', params: z.object({ id: z.uuid(), noteId: z.uuid() }), response: { 200: okResponseSchema, ...errors } },
    handler: async (request) => {
      await sellers.deleteNote(requireAuth(request).artistId, request.params.id, request.params.noteId, request.ip);
      return { ok: true as const };
    },
  });

  app.patch('/listings/:id', {
    schema: {
      tags: ['sellers'],
      summary: "Name a listing's seller (when its URL did not) or its title",
      params: idParamsSchema,
      body: updateListingBodySchema,
      response: { 200: listingSchema, 422: errorResponseSchema, ...errors },
    },
    handler: async (request) => sellers.updateListing(requireAuth(request).artistId, request.params.id, request.body, request.ip),
  });

  app.get('/sightings', {
    schema: { tags: ['findings'], summary: 'My sightings', querystring: sightingListQuerySchema, response: { 200: sightingListSchema, ...errors } },
    handler: async (request) => sightings.listOwn(requireAuth(request).artistId, request.query),
  });

  app.post('/sightings', {
    schema: {
      tags: ['findings'],
      summary: 'Record that a listing copies one of my designs',
      body: createSightingBodySchema,
      response: { 201: sightingSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await sightings.create(requireAuth(request).artistId, request.body, request.ip, new Date())),
  });

  app.patch('/sightings/:id', {
    schema: { tags: ['findings'], summary: 'Edit one of my sightings', params: idParamsSchema, body: updateSightingBodySchema, response: { 200: sightingSchema, ...errors } },
    handler: async (request) => sightings.update(requireAuth(request).artistId, request.params.id, request.body, request.ip, new Date()),
  });

  app.delete('/sightings/:id', {
    schema: { tags: ['findings'], summary: 'Delete one of my sightings', params: idParamsSchema, response: { 200: okResponseSchema, ...errors } },
    handler: async (request) => {
      await sightings.remove(requireAuth(request).artistId, request.params.id, request.ip);
      return { ok: true as const };
    },
  });

  app.put('/sightings/:id/evidence', {
    schema: {
      tags: ['findings'],
      summary: 'Attach an evidence screenshot (PNG, JPEG or WebP, up to 5 MB)',
      description: 'multipart/form-data with the screenshot in a field named "file". The type is checked from the file content.',
      consumes: ['multipart/form-data'],
      params: idParamsSchema,
      response: { 200: sightingSchema, 413: errorResponseSchema, 415: errorResponseSchema, ...errors },
    },
    handler: async (request) => {
      const { buffer } = await readUploadedFile(request, MAX_IMAGE_BYTES);
      return sightings.setEvidence(requireAuth(request).artistId, request.params.id, buffer, request.ip);
    },
  });

  app.get('/sightings/:id/evidence', {
    schema: { tags: ['findings'], summary: 'The evidence screenshot (author and collective mates only)', params: idParamsSchema, response: { 200: binaryResponse('The screenshot: PNG, JPEG or WebP'), ...errors } },
    handler: async (request, reply) => {
      const evidence = await sightings.getEvidence(requireAuth(request).artistId, request.params.id);
      return reply.header('content-type', evidence.contentType).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(evidence.stream);
    },
  });
};

