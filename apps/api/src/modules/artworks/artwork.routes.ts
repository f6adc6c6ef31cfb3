import { MAX_IMAGE_BYTES } from '@counterpoint/core';
import {
  artworkDetailSchema,
  artworkListSchema,
  artworkSchema,
  createArtworkBodySchema,
  errorResponseSchema,
  idParamsSchema,
  iprStatusChangeBodySchema,
  okResponseSchema,
  updateArtworkBodySchema,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { binaryResponse } from '../../lib/binary-response';
import { readUploadedFile } from '../../lib/upload';
import { requireAuth } from '../../types';
import { ArtworkService } from './artwork.service';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

/** Designs: the artworks an artist protects, with their IPR status on IPP. */
export const artworkRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new ArtworkService(app.db, app.blobs);
  const tags = ['designs'];

  app.get('/artworks', {
    schema: { tags, summary: 'My designs', response: { 200: artworkListSchema, ...errors } },
    handler: async (request) => ({ artworks: await service.list(requireAuth(request).artistId) }),
  });

  app.post('/artworks', {
    schema: { tags, summary: 'Add a design', body: createArtworkBodySchema, response: { 201: artworkSchema, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await service.create(requireAuth(request).artistId, request.body, request.ip)),
  });

  app.get('/artworks/:id', {
    schema: { tags, summary: 'A design with its IPR history', params: idParamsSchema, response: { 200: artworkDetailSchema, ...errors } },
    handler: async (request) => service.get(requireAuth(request).artistId, request.params.id),
  });

  app.patch('/artworks/:id', {
    schema: { tags, summary: 'Edit a design', params: idParamsSchema, body: updateArtworkBodySchema, response: { 200: artworkSchema, ...errors } },
    handler: async (request) => service.update(requireAuth(request).artistId, request.params.id, request.body, request.ip),
  });

  app.delete('/artworks/:id', {
    schema: { tags, summary: 'Delete a design with no complaints', params: idParamsSchema, response: { 200: okResponseSchema, 409: errorResponseSchema, ...errors } },
    handler: async (request) => {
      await service.remove(requireAuth(request).artistId, request.params.id, request.ip);
      return { ok: true as const };
    },
  });

  app.post('/artworks/:id/ipr-status', {
    schema: {
      tags,
      summary: "Record a change of the design's IPR status on IPP",
      description: 'not_submitted → pending → approved | rejected, with the date it happened. Complaints can be filed only for approved designs.',
      params: idParamsSchema,
      body: iprStatusChangeBodySchema,
      response: { 200: artworkDetailSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request) => service.changeIprStatus(requireAuth(request).artistId, request.params.id, request.body, request.ip, new Date()),
  });

  app.put('/artworks/:id/image', {
    schema: {
      tags,
      summary: 'Upload the design image (PNG, JPEG or WebP, up to 5 MB)',
      description: 'multipart/form-data with the image in a field named "file". The type is checked from the file content.',
      consumes: ['multipart/form-data'],
      params: idParamsSchema,
      response: { 200: artworkSchema, 413: errorResponseSchema, 415: errorResponseSchema, ...errors },
    },
    handler: async (request) => {
      const { buffer } = await readUploadedFile(request, MAX_IMAGE_BYTES);
      return service.setImage(requireAuth(request).artistId, request.params.id, buffer, request.ip);
    },
  });

  app.get('/artworks/:id/image', {
    schema: { tags, summary: 'The design image', params: idParamsSchema, response: { 200: binaryResponse('The image: PNG, JPEG or WebP'), ...errors } },
    handler: async (request, reply) => {
      const image = await service.getImage(requireAuth(request).artistId, request.params.id);
      return reply
        .header('content-type', image.contentType)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(image.stream);
    },
  });
};
