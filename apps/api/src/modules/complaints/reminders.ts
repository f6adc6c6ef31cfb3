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

/** Closes reminders that no longer apply once no listing of the complaint is in a waiting state. */
export async function closeSettledReminders(db: Db, complaintId: string): Promise<void> {
  // One statement: a reminder kind is settled when no listing is left in its waiting states.
  const waiting = (statuses: ComplaintStatus[]) =>
    db
      .selectFrom('complaintListings')
      .select('id')
      .where('complaintId', '=', complaintId)
      .where('status', 'in', statuses);
  await db
    .updateTable('reminders')
    .set({ doneAt: new Date() })
    .where('complaintId', '=', complaintId)
    .where('doneAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'check_back'), eb.not(eb.exists(waiting(['submitted', 'information_requested'])))]),
        eb.and([eb('kind', '=', 'counter_notice_deadline'), eb.not(eb.exists(waiting(['counter_notice'])))]),
      ]),
    )
    .execute();
}
