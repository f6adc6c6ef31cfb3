import {
  createdTokenSchema,
  createTokenBodySchema,
  errorResponseSchema,
  idParamsSchema,
  loginBodySchema,
  meSchema,
  okResponseSchema,
  registerBodySchema,
  sessionResponseSchema,
  tokenListSchema,
  updateMeBodySchema,
} from '@counterpoint/core/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../plugins/auth.plugin';
import { requireAuth } from '../../types';
import { AuthRepository } from './auth.repository';
import { AuthService, toMeView, type NewSession } from './auth.service';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };

function meta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

/** Public account routes: no session needed. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new AuthService(app.db, app.config, app.attemptLimiter);
  const repository = new AuthRepository(app.db);

  const startSession = (reply: FastifyReply, session: NewSession) => {
    void reply.setCookie(SESSION_COOKIE, session.sessionSecret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: app.config.cookieSecure,
      expires: session.expiresAt,
    });
    return { artist: toMeView(session.artist), csrfToken: session.csrfToken };
  };

  app.post('/auth/register', {
    schema: {
      tags: ['accounts'],
      summary: 'Create an account and sign in',
      body: registerBodySchema,
      response: { 201: sessionResponseSchema, 409: errorResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const session = await service.register(request.body, meta(request));
      return reply.status(201).send(startSession(reply, session));
    },
  });

  app.get('/auth/session', {
    schema: {
      tags: ['accounts'],
      summary: 'Who is signed in on this browser (null when nobody): never 401',
      response: { 200: z.object({ artist: meSchema.nullable(), csrfToken: z.string().nullable() }) },
    },
    handler: async (request) => {
      const cookie = request.cookies[SESSION_COOKIE];
      const session = cookie ? await repository.findSession(cookie) : undefined;
      if (!session) return { artist: null, csrfToken: null };
      return { artist: toMeView(await service.getMe(session.artistId)), csrfToken: session.csrfToken };
    },
  });

  app.post('/auth/login', {
    schema: {
      tags: ['accounts'],
      summary: 'Sign in with email and password',
      description:
        'Failed attempts are limited per account and per IP address; past the limit the answer is 429 with Retry-After.',
      body: loginBodySchema,
      response: { 200: sessionResponseSchema, 429: errorResponseSchema, ...errors },
    },
    handler: async (request, reply) =>
      startSession(reply, await service.login(request.body, meta(request))),
  });
};

/** Account routes for a signed-in artist. */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new AuthService(app.db, app.config, app.attemptLimiter);

  app.post('/auth/logout', {
    schema: {
      tags: ['accounts'],
      summary: 'Sign out (ends this session)',
      response: { 200: okResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      await service.logout(auth.artistId, auth.sessionId, request.ip);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/me', {
    schema: {
      tags: ['accounts'],
      summary: 'The signed-in artist',
      response: {
        200: z.object({ artist: meSchema, csrfToken: z.string().nullable() }),
        ...errors,
      },
    },
    handler: async (request) => {
      const auth = requireAuth(request);
      return { artist: toMeView(await service.getMe(auth.artistId)), csrfToken: auth.csrfToken };
    },
  });

  app.patch('/me', {
    schema: {
      tags: ['accounts'],
      summary: 'Update profile and settings (public attribution, reminder timing)',
      body: updateMeBodySchema,
      response: { 200: meSchema, ...errors },
    },
    handler: async (request) =>
      toMeView(await service.updateMe(requireAuth(request).artistId, request.body, request.ip)),
  });

  app.get('/me/tokens', {
    schema: {
      tags: ['accounts'],
      summary: 'Personal API tokens',
      response: { 200: tokenListSchema, ...errors },
    },
    handler: async (request) => ({
      tokens: await service.listTokens(requireAuth(request).artistId),
    }),
  });

  app.post('/me/tokens', {
    schema: {
      tags: ['accounts'],
      summary: 'Create a personal API token (the secret is shown once)',
      body: createTokenBodySchema,
      response: { 201: createdTokenSchema, ...errors },
    },
    handler: async (request, reply) => {
      const created = await service.createToken(
        requireAuth(request).artistId,
        request.body,
        request.ip,
      );
      return reply.status(201).send(created);
    },
  });

  app.delete('/me/tokens/:id', {
    schema: {
      tags: ['accounts'],
      summary: 'Revoke a personal API token',
      params: idParamsSchema,
      response: { 200: okResponseSchema, 404: errorResponseSchema, ...errors },
    },
    handler: async (request) => {
      await service.revokeToken(requireAuth(request).artistId, request.params.id, request.ip);
      return { ok: true as const };
    },
  });
};
