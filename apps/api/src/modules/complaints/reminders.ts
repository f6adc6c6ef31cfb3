import { addDays, type ComplaintStatus } from '@counterpoint/core';
import type { Db } from '@counterpoint/db';

/**
 * IPP sends no email when a listing is removed, so every filed complaint gets a reminder
 * to check back (after the artist's chosen number of days), and every counter-notice a
 * reminder before its response deadline.
 */
export async function openCheckBackReminder(db: Db, artistId: string, complaintId: string, from: string): Promise<void> {
  const open = await db
    .selectFrom('reminders')
    .select('id')
    .where('complaintId', '=', complaintId)
    .where('kind', '=', 'check_back')
    .where('doneAt', 'is', null)
    .executeTakeFirst();
  if (open) return;
  const artist = await db.selectFrom('artists').select('checkbackDays').where('id', '=', artistId).executeTakeFirstOrThrow();
  await db.insertInto('reminders').values({ artistId, kind: 'check_back', complaintId, dueOn: addDays(from, artist.checkbackDays) }).execute();
}

export async function openDeadlineReminder(db: Db, artistId: string, complaintId: string, dueOn: string): Promise<void> {
  const open = await db
    .selectFrom('reminders')
    .select(['id', 'dueOn'])
    .where('complaintId', '=', complaintId)
    .where('kind', '=', 'counter_notice_deadline')
    .where('doneAt', 'is', null)
    .executeTakeFirst();
  if (open) {
    // Several listings may be countered: remind before the earliest deadline.
    if (dueOn < open.dueOn) await db.updateTable('reminders').set({ dueOn, notifiedAt: null }).where('id', '=', open.id).execute();
    return;
  }
  await db.insertInto('reminders').values({ artistId, kind: 'counter_notice_deadline', complaintId, dueOn }).execute();
}

/** The statuses a reminder kind waits on: once no listing of the complaint is in one, it is settled. */
const WAITING: Record<'check_back' | 'counter_notice_deadline', readonly ComplaintStatus[]> = {
  check_back: ['submitted', 'information_requested'],
  counter_notice_deadline: ['counter_notice'],
};

/** The reminder kinds settled for a complaint whose listings are in these statuses. */
export function settledReminderKinds(statuses: readonly ComplaintStatus[]): ('check_back' | 'counter_notice_deadline')[] {
  return (Object.keys(WAITING) as (keyof typeof WAITING)[]).filter((kind) => !statuses.some((status) => WAITING[kind].includes(status)));
}
