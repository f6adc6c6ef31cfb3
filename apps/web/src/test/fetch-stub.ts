import { vi } from 'vitest';

type Handler = (request: { url: string; method: string; body: unknown }) => {
  status?: number;
  body: unknown;
};

/**
 * Stubs `fetch` with a route table `"METHOD /path"` → handler (query strings ignored in the
 * key). Returns the spy, whose calls the tests read to check what was sent.
 */
export function stubApi(routes: Record<string, Handler | { status?: number; body: unknown }>) {
  const spy = vi.fn((input: string | URL, init?: RequestInit) => {
    const url = input.toString();
    const method = init?.method ?? 'GET';
    const path = url.split('?')[0];
    const route = routes[`${method} ${path}`];
    if (!route) {
      return Promise.resolve(
        new Response(
          JSON.stringify({ error: { code: 'not_found', message: `No stub for ${method} ${url}` } }),
          {
            status: 404,
          },
        ),
      );
    }
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body;
    const answer = typeof route === 'function' ? route({ url, method, body }) : route;
    return Promise.resolve(
      new Response(JSON.stringify(answer.body), {
        status: answer.status ?? 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', spy);
  return spy;
}

/** The JSON bodies sent to `METHOD path`. */
export function sentBodies(spy: ReturnType<typeof stubApi>, method: string, path: string) {
  return spy.mock.calls
    .filter(
      ([input, init]) =>
        (init?.method ?? 'GET') === method && input.toString().split('?')[0] === path,
    )
    .map(([, init]) => JSON.parse(typeof init?.body === 'string' ? init.body : 'null') as unknown);
}
