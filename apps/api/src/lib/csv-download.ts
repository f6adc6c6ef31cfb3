import { pipeline, Readable } from 'node:stream';
import { stringify, type Options } from 'csv-stringify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Streams records as a CSV download: UTF-8 with a byte-order mark (so that Excel reads accents
 * and Chinese titles), written as the records come, never held whole. A failed query ends the
 * download (the client sees it cut short, the log says why), and a client that goes away stops
 * the reading.
 */
export function sendCsvDownload(
  request: FastifyRequest,
  reply: FastifyReply,
  download: { filename: string; records: AsyncIterable<unknown>; options?: Options },
) {
  const stringifier = stringify({ bom: true, ...download.options });
  const body = pipeline(Readable.from(download.records), stringifier, (error) => {
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE')
      request.log.error({ err: error }, 'CSV download failed');
  });
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${download.filename}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
