import { AppError } from '../errors';

/**
 * Opaque keyset cursors: the sort key of the last row, base64url-encoded. Keyset paging
 * costs the same on page 1 and page 1,000, so it cannot be abused to scan deep offsets.
 */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: ('string' | 'number')[]): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === shape.length && values.every((value, index) => typeof value === shape[index])) {
      return values as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw new AppError('bad_request', 'The cursor is not valid; start again from the first page.');
}
