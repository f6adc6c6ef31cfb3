import { parseLinkList } from '@counterpoint/core';
import {
  errorResponseSchema,
  MAX_PASTE_LINES,
  parseLinksBodySchema,
  parseLinksResponseSchema,
  type ParsedLinkEntry,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors';

/** Counts lines without splitting the whole text (it can be megabytes). */
export function countLines(text: string): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** Parsing pasted links: the live preview of "Add findings". Reads nothing from the database. */
export const linksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/links/parse', {
    // Pastes can be large; the line limit below is the real bound.
    bodyLimit: 6 * 1024 * 1024,
    schema: {
      tags: ['links'],
      summary: 'Parse pasted marketplace links',
      description: `One result per line (up to ${MAX_PASTE_LINES} lines): marketplace, kind (listing, store or short link), canonical id and URL, or the reason it was rejected; duplicates are marked; distinct links are grouped by marketplace and seller.`,
      body: parseLinksBodySchema,
      response: {
        200: parseLinksResponseSchema,
        401: errorResponseSchema,
        403: errorResponseSchema,
        413: errorResponseSchema,
      },
    },
    handler: async (request) => {
      const lines = countLines(request.body.text);
      if (lines > MAX_PASTE_LINES) {
        throw new AppError(
          'payload_too_large',
          `This paste has ${lines} lines; up to ${MAX_PASTE_LINES} can be checked at once. Use CSV import for longer lists.`,
        );
      }
      const result = parseLinkList(request.body.text);
      const entries: ParsedLinkEntry[] = result.entries.map((entry) => ({
        line: entry.line,
        ...(entry.part === undefined ? {} : { part: entry.part }),
        input: entry.input,
        ok: entry.result.ok,
        marketplace: entry.result.ok ? entry.result.marketplace : null,
        kind: entry.result.ok ? entry.result.kind : null,
        id: entry.result.ok ? entry.result.id : null,
        canonicalUrl: entry.result.ok ? entry.result.canonicalUrl : null,
        storeId: entry.result.ok ? (entry.result.storeId ?? null) : null,
        duplicateOf: entry.duplicateOf ?? null,
        error: entry.result.ok ? null : { code: entry.result.code, message: entry.result.message },
      }));
      return { entries, summary: result.summary, groups: result.groups };
    },
  });
};
