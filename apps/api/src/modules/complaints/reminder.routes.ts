import { addDays, daysBetween, formatDayForPeople, MARKETPLACE_LABELS, STATUS_LABELS, toIsoDate } from '@counterpoint/core';
import { errorResponseSchema, idParamsSchema, okResponseSchema, reminderListQuerySchema, reminderListSchema, type ReminderView } from '@counterpoint/core/contracts';
import { writeAudit } from '@counterpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors';
import { requireAuth } from '../../types';

// 403: a signed-in browser's change without its CSRF token.
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

/** What needs the artist: check back on IPP, answer a counter-notice before its deadline, file a campaign task. */
export const reminderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/me/reminders', {
    schema: {
      tags: ['complaints'],
      summary: 'My open reminders (check back on IPP, counter-notice deadlines, campaign tasks)',
      querystring: reminderListQuerySchema,
      response: { 200: reminderListSchema, ...errors },
    },
    handler: async (request) => {
      const { artistId } = requireAuth(request);
      const today = toIsoDate(new Date());
      const horizon = request.query.due === 'today' ? today : request.query.due === 'week' ? addDays(today, 7) : null;
      let query = app.db
        .selectFrom('reminders')
        .leftJoin('complaints', 'complaints.id', 'reminders.complaintId')
        .leftJoin('artworks', 'artworks.id', 'complaints.artworkId')
        .select([
          'reminders.id',
          'reminders.kind',
          'reminders.dueOn',
          'reminders.complaintId',
          'reminders.campaignTaskId',
          'complaints.marketplace',
          'complaints.ippReference',
          'complaints.filedOn',
          'artworks.title as artworkTitle',
        ])
        .where('reminders.artistId', '=', artistId)
        .where('reminders.doneAt', 'is', null);
      if (horizon) query = query.where('reminders.dueOn', '<=', horizon);
      const rows = await query.orderBy('reminders.dueOn').orderBy('reminders.id').limit(500).execute();
      const reminders: ReminderView[] = rows.map((row) => {
        const design = row.artworkTitle ? `"${row.artworkTitle}"` : 'your design';
        const reference = row.ippReference ? ` (IPP ${row.ippReference})` : '';
        const [title, detail] =
          row.kind === 'check_back'
            ? [
                `Check your ${row.marketplace ? `${MARKETPLACE_LABELS[row.marketplace]} ` : ''}complaint for ${design}`,
                `${row.filedOn ? `Filed ${formatDayForPeople(row.filedOn)}` : 'Filed'}${reference}. Open IPP → Manage complaints → History and record what it says ("${STATUS_LABELS.removed}", "${STATUS_LABELS.unable_to_process}", …).`,
              ]
            : row.kind === 'counter_notice_deadline'
              ? [`Answer the counter-notice on ${design} by ${formatDayForPeople(row.dueOn)}`, `The seller disputed your complaint${reference}. Respond on IPP before the deadline, or the listing may be restored.`]
              : [`Campaign task due: file a complaint`, 'Open the campaign to copy the paste list and reason text.'];
        return {
          id: row.id,
          kind: row.kind,
          dueOn: row.dueOn,
          isOverdue: row.dueOn < today,
          daysLeft: daysBetween(today, row.dueOn),
          complaintId: row.complaintId,
          campaignTaskId: row.campaignTaskId,
          title,
          detail,
        };
      });
      return { reminders };
    },
  });

  app.post('/me/reminders/:id/done', {
    schema: {
      tags: ['complaints'],
      summary: 'Mark a reminder done, or snooze it a few days',
      params: idParamsSchema,
      body: z.object({ snoozeDays: z.number().int().min(1).max(60).optional() }).default({}),
      response: { 200: okResponseSchema, ...errors },
    },
    handler: async (request) => {
      const { artistId } = requireAuth(request);
      await app.db.transaction().execute(async (trx) => {
        const snooze = request.body.snoozeDays;
        const reminder = await trx
          .updateTable('reminders')
          .set(snooze ? { dueOn: addDays(toIsoDate(new Date()), snooze), notifiedAt: null } : { doneAt: new Date() })
          .where('id', '=', request.params.id)
          .where('artistId', '=', artistId)
          .where('doneAt', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!reminder) throw notFound('This reminder');
        // Done or put off, the reminder's notifications so far have been answered.
        await trx
          .updateTable('notifications')
          .set({ readAt: new Date() })
          .where('artistId', '=', artistId)
          .where('readAt', 'is', null)
          .where('dedupeKey', 'like', `reminder:${reminder.id}:%`)
          .execute();
        await writeAudit(trx, { actorArtistId: artistId, action: snooze ? 'reminder.snoozed' : 'reminder.done', subjectType: 'reminder', subjectId: reminder.id, ip: request.ip });
      });
      return { ok: true as const };
    },
  });
};
