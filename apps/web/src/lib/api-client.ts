import type { z } from 'zod';

/** An error answered by the API: `code` is machine-readable, `message` is for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = sessionStorage.getItem('cp_csrf');

/** Cookie sessions need the CSRF token on every write; the API hands it out at sign-in and on /me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  if (token) sessionStorage.setItem('cp_csrf', token);
  else sessionStorage.removeItem('cp_csrf');
}

export interface RequestOptions<Schema extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Validates the response, so a contract drift shows up as a clear error. */
  schema?: Schema;
  signal?: AbortSignal;
}

export async function apiRequest<Schema extends z.ZodType>(
  path: string,
  options: RequestOptions<Schema> = {},
): Promise<z.output<Schema>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(
      0,
      'network_error',
      'Counterpoint cannot be reached. Check your connection and try again.',
    );
  }
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (
      data as { error?: { code?: string; message?: string; details?: unknown } } | undefined
    )?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `The request failed (${response.status}).`,
      error?.details,
    );
  }
  return (options.schema ? options.schema.parse(data) : data) as z.output<Schema>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
