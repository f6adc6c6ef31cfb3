import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/**
 * Reads the single file of a multipart upload into memory, up to `maxBytes` (413 beyond).
 * For small files only (images); large files are streamed to the blob store instead.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ buffer: Buffer; filename: string }> {
  if (!request.isMultipart()) {
    throw new AppError(
      'unsupported_media_type',
      'Send the file as multipart/form-data, in a field named "file".',
    );
  }
  try {
    const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!file)
      throw new AppError('bad_request', 'No file was attached; send it in a field named "file".');
    const buffer = await file.toBuffer();
    return { buffer, filename: file.filename };
  } catch (error) {
    throw asMultipartError(error);
  }
}

/** What the multipart parser throws on a body that is cut short or has no usable boundary. */
const MALFORMED_MULTIPART = /multipart data|Boundary not found|Boundary required|needle cannot/;

/**
 * The client's fault, as a 400: a multipart body the parser could not read. Any other error
 * (the disk, the blob store) is returned as it was.
 */
export function asMultipartError(error: unknown): unknown {
  if (
    error instanceof Error &&
    !(error instanceof AppError) &&
    MALFORMED_MULTIPART.test(error.message)
  ) {
    return new AppError(
      'bad_request',
      'The upload is not a complete multipart/form-data body. Send the file again, in a field named "file".',
    );
  }
  return error;
}
