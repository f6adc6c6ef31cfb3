import {
  errorResponseSchema,
  idParamsSchema,
  leaderboardQuerySchema,
  leaderboardSchema,
  notificationListSchema,
  okResponseSchema,
  standingSchema,
} from '@counterpoint/core/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../types';
import { loadRulesetMap, StandingService } from './standing.service';

// 403: a signed-in browser's change without its CSRF token.
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

/** Seller standings (estimates with their explanation), leaderboards, notifications. */
export const standingRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new StandingService(app.db, loadRulesetMap(app.config.penaltyRulesetOverrides));

  app.get('/sellers/:id/standing', {
    schema: {
      tags: ['standings'],
      summary: "A seller's estimated standing and why",
      description:
        'Confirmed and pending points, ladder tier, what is still needed for termination, and the contribution of every complaint you may see. Always an estimate under the named ruleset.',
      params: idParamsSchema,
      response: { 200: standingSchema, ...errors },
    },
    handler: async (request) => service.standing(requireAuth(request).artistId, request.params.id),
  });

  app.get('/leaderboards/sellers', {
    schema: {
      tags: ['standings'],
      summary: 'Seller leaderboard',
      description:
        'scope: global (sellers with public facts), collective (needs collectiveId) or mine; window 30d/90d/365d/all; sort by points earned in the window, distinct artists, established complaints or active listings. Cursor pagination.',
      querystring: leaderboardQuerySchema,
      response: { 200: leaderboardSchema, ...errors },
    },
    handler: async (request) => service.leaderboard(requireAuth(request).artistId, request.query),
  });

  app.get('/me/notifications', {
    schema: { tags: ['accounts'], summary: 'My latest notifications', response: { 200: notificationListSchema, ...errors } },
    handler: async (request) => {
      const { artistId } = requireAuth(request);
      const [rows, unread] = await Promise.all([
        app.db.selectFrom('notifications').selectAll().where('artistId', '=', artistId).orderBy('createdAt', 'desc').limit(50).execute(),
        app.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('count')).where('artistId', '=', artistId).where('readAt', 'is', null).executeTakeFirstOrThrow(),
      ]);
      return {
        notifications: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          title: row.title,
          body: row.body,
          link: row.link,
          createdAt: row.createdAt.toISOString(),
          readAt: row.readAt?.toISOString() ?? null,
        })),
        unread: Number(unread.count),
      };
    },
  });

  app.post('/me/notifications/read', {
    schema: {
      tags: ['accounts'],
      summary: 'Mark notifications read (all of them when no ids are given)',
      body: z.object({ ids: z.array(z.uuid()).max(500).optional() }).default({}),
      response: { 200: okResponseSchema, ...errors },
    },
    handler: async (request) => {
      const { artistId } = requireAuth(request);
      let update = app.db.updateTable('notifications').set({ readAt: new Date() }).where('artistId', '=', artistId).where('readAt', 'is', null);
      if (request.body.ids) update = update.where('id', 'in', request.body.ids.length ? request.body.ids : ['00000000-0000-0000-0000-000000000000']);
      await update.execute();
      return { ok: true as const };
    },
  });
};
