import type { Readable } from 'node:stream';
import { MAX_IMPORT_FILE_BYTES } from '@counterpoint/core';
import {
  createImportFieldsSchema,
  errorResponseSchema,
  idParamsSchema,
  importDetailSchema,
  importErrorsPageSchema,
  importErrorsQuerySchema,
  importListQuerySchema,
  importListSchema,
  importSchema,
} from '@counterpoint/core/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors';
import { sendCsvDownload } from '../../lib/csv-download';
import { asMultipartError } from '../../lib/upload';
import { requireAuth } from '../../types';
import { cleanFilename, discard } from './csv-upload';
import { ImportsService, type StoredUpload } from './imports.service';

const tags = ['imports'];
const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};

/**
 * Reads the multipart body: the file (streamed to the blob store as it arrives, never held in
 * memory) and the form fields, in whichever order the client sent them.
 */
async function receiveUpload(request: FastifyRequest, service: ImportsService) {
  if (!request.isMultipart()) {
    throw new AppError(
      'unsupported_media_type',
      'Send the file as multipart/form-data, in a field named "file".',
    );
  }
  let upload: StoredUpload | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({
      limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 10 },
    })) {
      if (part.type === 'file') {
        const file: Readable = part.file;
        if (part.fieldname !== 'file' || upload) {
          await discard(file);
          continue;
        }
        upload = await service.storeUpload(
          file,
          cleanFilename(part.filename),
          () => part.file.truncated,
        );
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (upload) await service.discardUpload(upload);
    throw asMultipartError(error);
  }
  if (!upload)
    throw new AppError(
      'bad_request',
      'No file was attached; send the CSV file in a field named "file".',
    );
  const parsed = createImportFieldsSchema.safeParse({
    artworkId: fields.artworkId || undefined,
    visibility: fields.visibility || undefined,
  });
  if (!parsed.success) {
    await service.discardUpload(upload);
    const issues = parsed.error.issues.map((issue) => ({
      field: `body.${issue.path.join('.')}`,
      message: issue.message,
    }));
    throw new AppError(
      'validation_failed',
      `The request is not valid. ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`,
      { fields: issues },
    );
  }
  return { upload, fields: parsed.data };
}

/** Uploading a spreadsheet of findings, and following its import. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new ImportsService(app.db, app.blobs);

  app.post('/imports', {
    schema: {
      tags,
      summary: 'Import a CSV spreadsheet of findings (asynchronous)',
      description: [
        `multipart/form-data: the CSV file in a field named "file" (UTF-8, up to ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB, comma, semicolon or tab separated),`,
        'optional fields "artworkId" (design of rows whose design cell is empty) and "visibility" (private, collective — the default — or public).',
        'Headers are matched loosely: URL/link/listing/product URL; design/artwork/artwork title; date/date found/found on/seen;',
        'note/notes/comment; status/complaint status; store/seller/shop URL; store name; marketplace. Only the link column is required.',
        "Dates: YYYY-MM-DD; day and month numbers (13/03/2026) in the order the file's unambiguous dates show, refused when that is unclear;",
        'month names (5 Mar 2026). An empty date is the upload day; dates after it are refused.',
        'Complaint statuses are read and counted in the summary, not imported: record complaints on their own page.',
        'Answers 202 with the queued import; follow it at GET /imports/{id}.',
      ].join(' '),
      consumes: ['multipart/form-data'],
      response: {
        202: importSchema,
        413: errorResponseSchema,
        415: errorResponseSchema,
        422: errorResponseSchema,
        ...errors,
      },
    },
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      const { upload, fields } = await receiveUpload(request, service);
      const created = await service.create(auth.artistId, upload, fields, request.ip);
      return reply.status(202).header('location', `/api/v1/imports/${created.id}`).send(created);
    },
  });

  app.get('/imports', {
    schema: {
      tags,
      summary: 'Your recent imports, newest first',
      querystring: importListQuerySchema,
      response: { 200: importListSchema, ...errors },
    },
    handler: async (request) => ({
      imports: await service.list(requireAuth(request).artistId, request.query.limit),
    }),
  });

  app.get('/imports/:id', {
    schema: {
      tags,
      summary: 'An import: status, progress, header mapping, summary and its first 100 row errors',
      params: idParamsSchema,
      response: { 200: importDetailSchema, ...errors },
    },
    handler: async (request) => service.get(requireAuth(request).artistId, request.params.id),
  });

  app.get('/imports/:id/rows-not-imported.csv', {
    schema: {
      tags,
      summary: 'The rows of the file that were not imported, with why, as CSV',
      description: [
        'The file\'s header row (when it has one) with a last column, "Not imported because", then each row not imported,',
        'as it is in the file, with the reason: fix them in a spreadsheet and import that file again.',
        "CSV (UTF-8 with BOM) with the file's own separator, streamed, in file order. 410 when the uploaded file is no longer stored.",
      ].join(' '),
      params: idParamsSchema,
      produces: ['text/csv'],
      response: { 410: errorResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const download = await service.rowsNotImported(
        requireAuth(request).artistId,
        request.params.id,
      );
      // Cells go back as the artist wrote them (no formula escaping): it is their own file.
      return sendCsvDownload(request, reply, {
        filename: download.filename,
        records: download.rows,
        options: { delimiter: download.delimiter },
      });
    },
  });

  app.get('/imports/:id/errors', {
    schema: {
      tags,
      summary: "An import's row errors, in file order",
      params: idParamsSchema,
      querystring: importErrorsQuerySchema,
      response: { 200: importErrorsPageSchema, ...errors },
    },
    handler: async (request) =>
      service.listErrors(
        requireAuth(request).artistId,
        request.params.id,
        request.query.cursor,
        request.query.limit,
      ),
  });
};
