import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

/**
 * The NUL character, or half of a UTF-16 surrogate pair without its other half. PostgreSQL
 * stores neither (not in text, not in jsonb), and no real title, note or URL holds one.
 */
// eslint-disable-next-line no-control-regex -- finding U+0000 is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string in `value` (keys included) holding an unstorable character. */
export function findUnstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findUnstorableText(value[index], `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return path;
    const found = findUnstorableText(entry, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses, before validation, any request whose path, query or JSON body carries text that
 * cannot be stored: a 400 naming the field, where it would otherwise fail in the database.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const field =
      findUnstorableText(request.params, 'params') ??
      findUnstorableText(request.query, 'querystring') ??
      findUnstorableText(request.body, 'body');
    if (!field) return;
    const message =
      'This text contains a character that cannot be stored (a NUL character or a broken ' +
      'Unicode surrogate); remove it and try again.';
    throw new AppError('validation_failed', `The request is not valid. ${field}: ${message}`, {
      fields: [{ field, message }],
    });
  });
}
