import { formatDayForPeople, latestToday } from '@counterpoint/core';
import { QUEUES } from '@counterpoint/queue';
import { sql } from 'kysely';
import { z } from 'zod';
import { DEFAULT_JOB_OPTIONS, defineJob } from './job-definition';

const TITLES = {
  check_back: 'Time to check a complaint on IPP',
  counter_notice_deadline: 'A counter-notice deadline is close',
  campaign_task: 'A campaign task is due',
} as const;

/**
 * Turns reminders that have come due into notifications, once each (the reminder is
 * marked notified in the same statement, and the notification has a dedupe key).
 */
export const deliverRemindersJob = defineJob({
  queue: QUEUES.maintenance,
  name: 'deliver-reminders',
  payload: z.object({}).passthrough(),
  options: { ...DEFAULT_JOB_OPTIONS, attempts: 3 },
  every: () => 10 * 60_000,
  async handle(_payload, context) {
    const today = latestToday(context.now());
    const delivered = await context.db.transaction().execute(async (trx) => {
      const due = await trx
        .updateTable('reminders')
        .set({ notifiedAt: new Date() })
        .where('doneAt', 'is', null)
        .where('notifiedAt', 'is', null)
        // Counter-notice deadlines are announced a day ahead; the rest on the day.
        .where(sql<boolean>`due_on <= CASE WHEN kind = 'counter_notice_deadline' THEN ${today}::date + 1 ELSE ${today}::date END`)
        .returning(['id', 'artistId', 'kind', 'dueOn', 'complaintId', 'campaignTaskId'])
        .execute();
      if (due.length === 0) return 0;
      await trx
        .insertInto('notifications')
        .values(
          due.map((reminder) => ({
            artistId: reminder.artistId,
            kind: `reminder.${reminder.kind}`,
            title: TITLES[reminder.kind],
            body: reminder.kind === 'counter_notice_deadline' ? `Respond on IPP by ${formatDayForPeople(reminder.dueOn)}.` : `Due ${formatDayForPeople(reminder.dueOn)}.`,
            link: reminder.complaintId ? `/complaints/${reminder.complaintId}` : reminder.campaignTaskId ? `/campaigns/tasks/${reminder.campaignTaskId}` : null,
            dedupeKey: `reminder:${reminder.id}:${reminder.dueOn}`,
          })),
        )
        .onConflict((oc) => oc.column('dedupeKey').doNothing())
        .execute();
      return due.length;
    });
    return { delivered };
  },
});
