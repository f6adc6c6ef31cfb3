import { applyTransition, checkTransition, latestToday, type ComplaintStatus } from '@counterpoint/core';
import type { BulkStatusBody, ComplaintDetail, StatusChangeBody } from '@counterpoint/core/contracts';
import { markSellersChanged, writeAudit, type Db } from '@counterpoint/db';
import { AppError, notFound } from '../../errors';
import { ComplaintService } from './complaint.service';
import { closeSettledReminders, openCheckBackReminder, openDeadlineReminder } from './reminders';

interface StatusUpdate {
  complaintId: string;
  listingIds?: string[] | undefined;
  status: ComplaintStatus;
  occurredOn: string;
  note: string;
  ippReference?: string | undefined;
}

interface Refusal {
  complaintId: string;
  listingId: string;
  code: string;
  message: string;
  allowed?: readonly ComplaintStatus[];
}

/**
 * Status changes recorded from IPP's History page. Every listing's change is checked by
 * the lifecycle in packages/core; one refused change refuses the whole request, so a bulk
 * update is all or nothing.
 */
export class ComplaintStatusService {
  constructor(private readonly db: Db) {}

  async change(artistId: string, complaintId: string, body: StatusChangeBody, ip: string, now: Date): Promise<ComplaintDetail> {
    await this.db.transaction().execute((trx) => this.apply(trx, artistId, [{ complaintId, ...body }], ip, now));
    return new ComplaintService(this.db).get(artistId, complaintId);
  }

  async bulk(artistId: string, body: BulkStatusBody, ip: string, now: Date): Promise<{ updated: number }> {
    const updated = await this.db.transaction().execute((trx) => this.apply(trx, artistId, body.updates, ip, now));
    return { updated };
  }

  private async apply(trx: Db, artistId: string, updates: StatusUpdate[], ip: string, now: Date): Promise<number> {
    const today = latestToday(now);
    const refusals: Refusal[] = [];
    const touchedSellers = new Set<string | null>();
    const touchedComplaints = new Set<string>();
    let updated = 0;
    // Only a counter-notice needs the artist's response window: read it then, once.
    let responseBusinessDays: number | undefined;
    const responseDays = async () =>
      (responseBusinessDays ??= (
        await trx.selectFrom('artists').select('counterNoticeBusinessDays').where('id', '=', artistId).executeTakeFirstOrThrow()
      ).counterNoticeBusinessDays);

    for (const update of updates) {
      const complaint = await trx
        .selectFrom('complaints')
        .select(['id', 'filedOn', 'ippReference'])
        .where('id', '=', update.complaintId)
        .where('artistId', '=', artistId)
        .forUpdate()
        .executeTakeFirst();
      if (!complaint) throw notFound(`Complaint ${update.complaintId}`);
      let rows = await trx.selectFrom('complaintListings').selectAll().where('complaintId', '=', update.complaintId).forUpdate().execute();
      if (update.listingIds) {
        const wanted = new Set(update.listingIds);
        const missing = update.listingIds.filter((id) => !rows.some((row) => row.listingId === id));
        if (missing.length) throw new AppError('not_found', `These listings are not in complaint ${update.complaintId}: ${missing.join(', ')}.`);
        rows = rows.filter((row) => wanted.has(row.listingId));
      }
      for (const row of rows) {
        const error = checkTransition({ from: row.status, to: update.status, occurredOn: update.occurredOn, previousOn: row.statusOn, today });
        if (error) {
          refusals.push({ complaintId: update.complaintId, listingId: row.listingId, ...error });
          continue;
        }
        const state = {
          status: row.status,
          statusOn: row.statusOn,
          establishedOn: row.establishedOn,
          counterNoticeOn: row.counterNoticeOn,
          responseDueOn: row.responseDueOn,
        };
        const next = applyTransition(state, update.status, update.occurredOn, update.status === 'counter_notice' ? await responseDays() : 0);
        await trx
          .updateTable('complaintListings')
          .set({ ...next, updatedAt: new Date() })
          .where('id', '=', row.id)
          .execute();
        await trx
          .insertInto('complaintStatusEvents')
          .values({ complaintListingId: row.id, fromStatus: row.status, toStatus: update.status, occurredOn: update.occurredOn, note: update.note, recordedBy: artistId })
          .execute();
        if (update.status === 'removed') await trx.updateTable('listings').set({ removedOn: update.occurredOn, updatedAt: new Date() }).where('id', '=', row.listingId).execute();
        if (update.status === 'restored') await trx.updateTable('listings').set({ removedOn: null, updatedAt: new Date() }).where('id', '=', row.listingId).execute();
        if (update.status === 'counter_notice' && next.responseDueOn) await openDeadlineReminder(trx, artistId, update.complaintId, next.responseDueOn);
        touchedSellers.add(row.sellerId);
        updated += 1;
      }
      if (update.status === 'submitted') {
        await trx
          .updateTable('complaints')
          .set({
            filedOn: complaint.filedOn ?? update.occurredOn,
            ippReference: update.ippReference ?? complaint.ippReference,
            updatedAt: new Date(),
          })
          .where('id', '=', update.complaintId)
          .execute();
        await openCheckBackReminder(trx, artistId, update.complaintId, update.occurredOn);
      } else {
        await trx.updateTable('complaints').set({ updatedAt: new Date() }).where('id', '=', update.complaintId).execute();
      }
      touchedComplaints.add(update.complaintId);
    }

    if (refusals.length > 0) {
      const first = refusals[0]!;
      throw new AppError(
        first.code === 'illegal_transition' ? 'illegal_transition' : 'validation_failed',
        refusals.length === 1 ? first.message : `${refusals.length} status changes were refused, nothing was recorded. First: ${first.message}`,
        { refusals },
      );
    }
    for (const complaintId of touchedComplaints) await closeSettledReminders(trx, complaintId);
    await markSellersChanged(trx, touchedSellers);
    await writeAudit(trx, {
      actorArtistId: artistId,
      action: 'complaint.status_changed',
      subjectType: 'complaint',
      subjectId: updates.length === 1 ? updates[0]!.complaintId : null,
      after: updates.map((update) => ({ complaintId: update.complaintId, status: update.status, occurredOn: update.occurredOn, listings: update.listingIds?.length ?? 'all' })),
      ip,
    });
    return updated;
  }
}
