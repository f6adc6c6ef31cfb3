import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const API_PREFIXES = ['/api/', '/public/', '/docs', '/admin/', '/healthz', '/readyz'];

/**
 * Serves the built web app from the API's own origin (one URL to open), with the SPA
 * fallback to index.html for client-side routes. Unknown API paths stay JSON 404s.
 */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  const root = app.config.webDistDir;
  const hasBuild = existsSync(path.join(root, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root,
      // Files are looked up when asked for, so a rebuilt app is served without a restart.
      wildcard: true,
      index: 'index.html',
      setHeaders: (reply, filePath) => {
        // Vite fingerprints assets, so they can be cached for good; index.html never.
        const isAsset = filePath.includes(`${path.sep}assets${path.sep}`);
        void reply.header(
          'cache-control',
          isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isApi = API_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    // A missing asset is a 404, never the app's HTML (a stale chunk must fail visibly).
    const isAsset = request.url.startsWith('/assets/');
    if (hasBuild && !isApi && !isAsset && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({
      error: {
        code: 'route_not_found',
        message: `There is no ${request.method} ${request.url.split('?')[0]} here.`,
      },
    });
  });
}
