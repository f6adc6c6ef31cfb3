import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { safeEqual } from '../lib/tokens';
import { AuthRepository } from '../modules/auth/auth.repository';

export const SESSION_COOKIE = 'cp_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `app.authenticate` identifies the caller from the session cookie or a Bearer API token.
 * Cookie-authenticated writes must echo the session's CSRF token in `X-CSRF-Token`;
 * token-authenticated calls cannot be forged by a browser, so they need none.
 */
export const authPlugin = fp(
  async (app) => {
    const repository = new AuthRepository(app.db);
    app.decorateRequest('auth', null);

    app.decorate('authenticate', async (request: FastifyRequest, _reply: FastifyReply) => {
      const header = request.headers.authorization;
      if (header !== undefined) {
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        if (!match?.[1])
          throw new AppError(
            'unauthenticated',
            'The Authorization header must be "Bearer <token>".',
          );
        const found = await repository.findArtistByApiToken(match[1]);
        if (!found)
          throw new AppError(
            'unauthenticated',
            'This API token is not valid, has expired or was revoked.',
          );
        request.auth = {
          artistId: found.artistId,
          role: found.role,
          via: 'token',
          sessionId: null,
          csrfToken: null,
        };
        return;
      }
      const cookie = request.cookies[SESSION_COOKIE];
      if (!cookie) throw new AppError('unauthenticated', 'Sign in first.');
      const session = await repository.findSession(cookie);
      if (!session) throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
          throw new AppError(
            'csrf_failed',
            'This request is missing its CSRF token. Reload the page and try again.',
          );
        }
      }
      request.auth = {
        artistId: session.artistId,
        role: session.role,
        via: 'session',
        sessionId: session.sessionId,
        csrfToken: session.csrfToken,
      };
    });
  },
  { name: 'auth', dependencies: ['database'] },
);
