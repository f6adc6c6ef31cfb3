import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { errorResponseSchema } from '@counterpoint/core/contracts';
import { AppError, ERROR_STATUS, type ErrorCode } from '../errors';

/** Fastify's own 4xx errors, translated into the API's codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_INVALID_TYPE: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};

function describeFastifyError(error: FastifyError): { code: ErrorCode; message: string } | null {
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped === 'invalid_json')
    return { code: mapped, message: 'The request body is not valid JSON.' };
  if (mapped === 'payload_too_large')
    return { code: mapped, message: 'The request body is too large.' };
  if (mapped) return { code: mapped, message: error.message };
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return { code: 'invalid_json', message: 'The request body is not valid JSON.' };
  }
  if (error.statusCode === 429) return { code: 'rate_limited', message: error.message };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'bad_request', message: error.message };
  }
  return null;
}

/**
 * Fastify's `frameworkErrors`: the URL could not be routed (broken percent-encoding, or a path
 * segment longer than any id), answered in the API's error shape instead of Fastify's own.
 */
export function answerFrameworkError(
  error: FastifyError,
  _request: unknown,
  reply: FastifyReply,
): void {
  const [code, message]: [ErrorCode, string] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? ['uri_too_long', 'This address is too long: no page or resource has a name that long.']
      : error.code === 'FST_ERR_BAD_URL'
        ? ['bad_request', 'This address is not valid: it has a broken %-encoding.']
        : ['bad_request', error.message];
  void reply.status(ERROR_STATUS[code]).send({ error: { code, message } });
}

/**
 * One error shape for the whole API: `{ "error": { "code", "message", "details"? } }`.
 * 5xx answers never carry internals; the log has them, keyed by request id.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) void reply.headers(error.headers);
      return reply.status(error.statusCode).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details === undefined ? {} : { details: error.details }),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        field: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join(
          '.',
        ),
        message: issue.message,
      }));
      const summary = fields.map((field) => `${field.field}: ${field.message}`).join('; ');
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: `The request is not valid. ${summary}`,
          details: { fields },
        },
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply
        .status(500)
        .send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
    }
    const described = describeFastifyError(error);
    if (described) {
      return reply.status(ERROR_STATUS[described.code]).send({ error: described });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: `Something went wrong on our side (request ${request.id}).`,
      },
    });
  });
}

/**
 * Documents, on every route with a schema, the errors any route can answer: a malformed
 * request or address (400), an over-long address (414), too many requests (429), our own
 * failure (500) and, where a body is read, a body too large (413) or of the wrong type (415).
 * Routes list the errors of their own rules (401, 403, 404, 409…) themselves.
 */
export function documentCommonErrors(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    const methods = [route.method].flat();
    const readsBody = methods.some((method) => ['POST', 'PUT', 'PATCH'].includes(method));
    const response = { ...(route.schema.response as Record<number, unknown> | undefined) };
    for (const status of [400, 414, 429, 500, ...(readsBody ? [413, 415] : [])]) {
      response[status] ??= errorResponseSchema;
    }
    route.schema = { ...route.schema, response };
  });
}
