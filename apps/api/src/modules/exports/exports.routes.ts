import { toIsoDate } from '@counterpoint/core';
import {
  COMPLAINTS_EXPORT_COLUMNS,
  errorResponseSchema,
  LISTINGS_EXPORT_COLUMNS,
  SIGHTINGS_EXPORT_COLUMNS,
} from '@counterpoint/core/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCsvDownload } from '../../lib/csv-download';
import { requireAuth } from '../../types';
import { ExportsService, type CsvExport } from './exports.service';

const tags = ['exports'];
const errors = { 401: errorResponseSchema, 403: errorResponseSchema };

/**
 * Streams an export as CSV (`sendCsvDownload`): a header row, and cells that a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@`) prefixed with `'` — seller names are written by other
 * people.
 */
function sendCsv<Columns extends readonly string[]>(
  request: FastifyRequest,
  reply: FastifyReply,
  csv: CsvExport<Columns>,
) {
  return sendCsvDownload(request, reply, {
    filename: csv.filename,
    records: csv.records,
    options: {
      header: true,
      columns: [...csv.columns],
      escape_formulas: true,
      cast: {
        boolean: (value) => (value ? 'yes' : 'no'),
        date: (value) => value.toISOString(),
      },
    },
  });
}

const describe = (what: string, columns: readonly string[]) =>
  `${what} CSV (UTF-8 with BOM), streamed. Columns: ${columns.join(', ')}. Dates are YYYY-MM-DD, instants ISO 8601 (UTC).`;

/** Downloads of the artist's own data, as CSV. */
export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new ExportsService(app.db);
  const today = () => toIsoDate(new Date());

  app.get('/exports/listings.csv', {
    schema: {
      tags,
      summary: 'Your listings as CSV: those you sighted or complained about',
      description: describe(
        'One row per listing, with the shared listing and seller facts and your own counts only:',
        LISTINGS_EXPORT_COLUMNS,
      ),
      produces: ['text/csv'],
      response: errors,
    },
    handler: async (request, reply) =>
      sendCsv(request, reply, service.listings(requireAuth(request).artistId, today())),
  });

  app.get('/exports/sightings.csv', {
    schema: {
      tags,
      summary: 'Your sightings as CSV (re-importable)',
      description: describe('One row per sighting:', SIGHTINGS_EXPORT_COLUMNS),
      produces: ['text/csv'],
      response: errors,
    },
    handler: async (request, reply) =>
      sendCsv(request, reply, service.sightings(requireAuth(request).artistId, today())),
  });

  app.get('/exports/complaints.csv', {
    schema: {
      tags,
      summary: 'Your complaints as CSV, one row per listing',
      description: describe(
        'One row per listing of each of your complaints, with its status and dates:',
        COMPLAINTS_EXPORT_COLUMNS,
      ),
      produces: ['text/csv'],
      response: errors,
    },
    handler: async (request, reply) =>
      sendCsv(request, reply, service.complaints(requireAuth(request).artistId, today())),
  });
};
