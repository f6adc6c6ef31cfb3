/** Every error code the API can answer with, and its HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  not_computed: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  email_taken: 409,
  illegal_transition: 409,
  ipr_not_approved: 409,
  ipp_reference_taken: 409,
  gone: 410,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The one error type services throw. Its code decides the status; its message is shown
 * to the user, so it must be written for them and must never carry internals.
 */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError('forbidden', message);
