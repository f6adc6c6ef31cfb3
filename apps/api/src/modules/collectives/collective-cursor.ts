import type { z } from 'zod';
import { AppError } from '../../errors';

/**
 * Opaque keyset cursors: the sort key of the last row of a page, as base64url JSON.
 * Clients pass them back untouched; anything else is refused with a clear 400.
 */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | null {
  if (cursor === undefined || cursor === '') return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = schema.safeParse(decoded);
  if (!parsed.success) {
    throw new AppError('bad_request', 'The cursor is not valid; start again from the first page.');
  }
  return parsed.data;
}
