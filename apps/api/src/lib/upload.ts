import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/**
 * Reads the single file of a multipart upload into memory, up to `maxBytes` (413 beyond).
 * For small files only (images); large files are streamed to the blob store instead.
 */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<{ buffer: Buffer; filename: string }> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data, in a field named "file".');
  }
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw new AppError('bad_request', 'No file was attached; send it in a field named "file".');
  const buffer = await file.toBuffer();
  return { buffer, filename: file.filename };
}
