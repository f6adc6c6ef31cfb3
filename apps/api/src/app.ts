import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import path from 'node:path';
import { createLocalBlobStore } from '@counterpoint/db';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ApiConfig } from './config';
import { batchedRateLimitStore } from './lib/batched-rate-limit-store';
import { AppError } from './errors';
import { artworkRoutes } from './modules/artworks/artwork.routes';
import { authRoutes, meRoutes } from './modules/auth/auth.routes';
import { campaignRoutes } from './modules/campaigns/campaigns.routes';
import { collectivesRoutes } from './modules/collectives/collectives.routes';
import { complaintRoutes } from './modules/complaints/complaint.routes';
import { disputesRoutes } from './modules/disputes/disputes.routes';
import { reminderRoutes } from './modules/complaints/reminder.routes';
import { exportsRoutes } from './modules/exports/exports.routes';
import { healthRoutes } from './modules/health/health.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { linksRoutes } from './modules/links/links.routes';
import { moderationRoutes } from './modules/public/moderation.routes';
import { publicRoutes } from './modules/public/public.routes';
import { sellerRoutes } from './modules/sellers/seller.routes';
import { standingRoutes } from './modules/standings/standing.routes';
import { authPlugin } from './plugins/auth.plugin';
import { databasePlugin } from './plugins/database.plugin';
import { registerQueueDashboard } from './plugins/queue-dashboard.plugin';
import {
  answerFrameworkError,
  documentCommonErrors,
  registerErrorHandling,
} from './plugins/error-handler';
import { redisPlugin } from './plugins/redis.plugin';
import { registerTextGuard } from './plugins/text-guard';
import { registerWebApp } from './plugins/web.plugin';
import './types';

export interface BuildOptions {
  /** pino options, or false to silence logs (tests). */
  logger?: boolean | Record<string, unknown>;
}

/**
 * The whole HTTP application, without listening: tests drive it with `app.inject()`,
 * `server.ts` adds the process concerns. Plugins load external → app → routes.
 */
export async function buildApp(
  config: ApiConfig,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
            ],
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    return503OnClosing: true,
    // Store ids (public seller pages) may be up to 200 characters; ids are far shorter.
    routerOptions: { maxParamLength: 256 },
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('blobs', createLocalBlobStore(path.join(config.dataDir, 'blobs')));
  registerErrorHandling(app);
  documentCommonErrors(app);
  registerTextGuard(app);

  // External plugins.
  await app.register(databasePlugin);
  await app.register(redisPlugin);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  await app.register(fastifyCookie);
  // Routes set their own per-file limits; these are the outer bounds.
  await app.register(fastifyMultipart, {
    limits: { files: 1, fields: 20, fileSize: 200 * 1024 * 1024 },
  });
  // Counted in each process and shared through Redis in batches (no Redis command per
  // request; see batchedRateLimitStore). Counters are a safety net: an unreachable Redis
  // leaves each process counting on its own, it does not take the API down.
  const rateLimitStore = batchedRateLimitStore({
    redis: app.redis,
    prefix: config.redis?.prefix ?? 'counterpoint',
    flushEveryMs: 100,
    onError: (error) => app.log.warn({ err: error }, 'could not share rate-limit counts'),
  });
  app.addHook('onClose', () => rateLimitStore.close());
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimit.perMinute,
    timeWindow: 60_000,
    store: rateLimitStore.Store,
    skipOnError: true,
    // Thrown as the API's own error, so it answers like every other 4xx (and fits the schemas).
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        `Too many requests. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
        undefined,
        {
          'retry-after': String(Math.ceil(context.ttl / 1000)),
        },
      ),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Counterpoint API',
        description: 'Track counterfeit sellers, IPP complaints and joint reporting campaigns.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cp_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  // Application plugins.
  await app.register(authPlugin);

  // Routes.
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(
    async (signedIn) => {
      signedIn.addHook('onRequest', signedIn.authenticate);
      await signedIn.register(meRoutes);
      await signedIn.register(linksRoutes);
      await signedIn.register(importsRoutes);
      await signedIn.register(exportsRoutes);
      await signedIn.register(collectivesRoutes);
      await signedIn.register(campaignRoutes);
      await signedIn.register(artworkRoutes);
      await signedIn.register(sellerRoutes);
      await signedIn.register(complaintRoutes);
      await signedIn.register(reminderRoutes);
      await signedIn.register(standingRoutes);
      await signedIn.register(disputesRoutes);
      await signedIn.register(moderationRoutes);
    },
    { prefix: '/api/v1' },
  );
  // The public watchlist: no sign-in, its own rate limit and compression.
  await app.register(publicRoutes, { prefix: '/public/v1' });
  await registerQueueDashboard(app);
  await registerWebApp(app);

  return app;
}
