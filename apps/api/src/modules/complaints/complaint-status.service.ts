import { applyTransition, checkTransition, latestToday, type ComplaintStatus, type ListingState } from '@counterpoint/core';
import type { BulkStatusBody, ComplaintDetail, StatusChangeBody } from '@counterpoint/core/contracts';
import { genericPlanTransaction, sellersChangedWithAuditParts, type Db } from '@counterpoint/db';
import { sql, type RawBuilder } from 'kysely';
import { AppError, notFound } from '../../errors';
import { toDetail } from './complaint.mappers';
import { ComplaintRepository, type ComplaintHeaderRow, type ListingWithHistory, type StatusEventRow } from './complaint.repository';
import { assertIppReferenceFree } from './ipp-reference';
import { openCheckBackReminder, openDeadlineReminder, settledReminderKinds } from './reminders';

/** Statuses whose change opens a reminder, which only the locking path does. */
const OPENS_REMINDER: ReadonlySet<ComplaintStatus> = new Set(['submitted', 'counter_notice']);
/** Optimistic writes of one change before it takes the locking path. */
const OPTIMISTIC_ATTEMPTS = 3;

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

/** One listing of a complaint, as this request leaves it. */
interface ListingRow extends ListingState {
  id: string;
  listingId: string;
  sellerId: string | null;
  /** Its status when read: the write checks it is still the same. */
  readStatus: ComplaintStatus;
  isChanged: boolean;
  /** The listing's removal date to record, when this request removed or restored it. */
  removedOn?: string | null;
}

/** A complaint read (and perhaps locked) by this request, with every listing, and what the request changes. */
interface LockedComplaint {
  id: string;
  /** The complaint as its detail showed it when read. */
  header: ComplaintHeaderRow;
  /** The complaint row's version when read (`xmin`): the write checks it is unchanged. */
  version: string;
  listings: ListingWithHistory[];
  filedOn: string | null;
  ippReference: string | null;
  rows: ListingRow[];
  events: { complaintListingId: string; fromStatus: ComplaintStatus; toStatus: ComplaintStatus; occurredOn: string; note: string }[];
  /** Reminders to open (in order) before the settled ones are closed. */
  checkBackFrom: string | null;
  deadlines: string[];
}

/**
 * Status changes recorded from IPP's History page. Every listing's change is checked by
 * the lifecycle in packages/core; one refused change refuses the whole request, so a bulk
 * update is all or nothing.
 *
 * Every change is worked out in memory first (a request may change the same listing twice),
 * nothing is written when one is refused, and each complaint is then written in one
 * statement: its listings' states, their history, the listings removed or restored, the
 * complaint itself and its settled reminders.
 *
 * The answer is the detail as read with the changes applied, not a second read.
 *
 * Most changes of one complaint (a listing removed, restored, refused, withdrawn...) are
 * written optimistically: one statement reads the complaint's detail, and one statement,
 * committed on its own, writes the change after checking that the complaint's row version
 * and its changed listings' statuses and sellers are still as read; if another request
 * changed them in between, that statement fails whole (`write_conflict`, SQLSTATE 40001) and
 * the change is worked out again from a fresh read. That is two round trips to PostgreSQL and
 * no row locks. A change that opens a reminder (submitted, counter-notice), a bulk update,
 * and a change that lost the race `OPTIMISTIC_ATTEMPTS` times take the locking path instead:
 * BEGIN, the complaint's lock (which reads all its detail), the reminders, the write, COMMIT,
 * with the statements on their generic plans (`genericPlanTransaction`).
 */
export class ComplaintStatusService {
  constructor(private readonly db: Db) {}

  async change(artistId: string, complaintId: string, body: StatusChangeBody, ip: string, now: Date): Promise<ComplaintDetail> {
    const updates = [{ complaintId, ...body }];
    if (!OPENS_REMINDER.has(body.status)) {
      for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt += 1) {
        try {
          const { complaints, recordedAt } = await this.apply(this.db, artistId, updates, ip, now, false);
          return detailAfter(complaints.get(complaintId)!, recordedAt);
        } catch (error) {
          if (!isWriteConflict(error)) throw error;
        }
      }
    }
    const { complaints, recordedAt } = await genericPlanTransaction(this.db, (trx) => this.apply(trx, artistId, updates, ip, now, true));
    return detailAfter(complaints.get(complaintId)!, recordedAt);
  }

  async bulk(artistId: string, body: BulkStatusBody, ip: string, now: Date): Promise<{ updated: number }> {
    const { updated } = await genericPlanTransaction(this.db, (trx) => this.apply(trx, artistId, body.updates, ip, now, true));
    return { updated };
  }

  private async apply(
    trx: Db,
    artistId: string,
    updates: StatusUpdate[],
    ip: string,
    now: Date,
    lock: boolean,
  ): Promise<{ updated: number; complaints: Map<string, LockedComplaint>; recordedAt: Date }> {
    const today = latestToday(now);
    const refusals: Refusal[] = [];
    const touchedSellers = new Set<string | null>();
    const complaints = new Map<string, LockedComplaint>();
    let updated = 0;
    // Only a counter-notice needs the artist's response window: read it then, once.
    let responseBusinessDays: number | undefined;
    const responseDays = async () =>
      (responseBusinessDays ??= (
        await trx.selectFrom('artists').select('counterNoticeBusinessDays').where('id', '=', artistId).executeTakeFirstOrThrow()
      ).counterNoticeBusinessDays);

    for (const update of updates) {
      let complaint = complaints.get(update.complaintId);
      if (!complaint) {
        complaint = await this.read(trx, artistId, update.complaintId, lock);
        complaints.set(complaint.id, complaint);
      }
      let rows = complaint.rows;
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
        const next = applyTransition(row, update.status, update.occurredOn, update.status === 'counter_notice' ? await responseDays() : 0);
        complaint.events.push({ complaintListingId: row.id, fromStatus: row.status, toStatus: update.status, occurredOn: update.occurredOn, note: update.note });
        Object.assign(row, next, { isChanged: true });
        if (update.status === 'removed') row.removedOn = update.occurredOn;
        if (update.status === 'restored') row.removedOn = null;
        if (update.status === 'counter_notice' && next.responseDueOn) complaint.deadlines.push(next.responseDueOn);
        touchedSellers.add(row.sellerId);
        updated += 1;
      }
      if (update.status === 'submitted') {
        complaint.filedOn ??= update.occurredOn;
        complaint.ippReference = update.ippReference ?? complaint.ippReference;
        complaint.checkBackFrom ??= update.occurredOn;
      }
    }

    for (const [complaintId, complaint] of complaints) {
      if (complaint.ippReference !== complaint.header.ippReference)
        await assertIppReferenceFree(trx, artistId, complaint.ippReference, complaintId);
    }
    if (refusals.length > 0) {
      const first = refusals[0]!;
      throw new AppError(
        first.code === 'illegal_transition' ? 'illegal_transition' : 'validation_failed',
        refusals.length === 1 ? first.message : `${refusals.length} status changes were refused, nothing was recorded. First: ${first.message}`,
        { refusals },
      );
    }
    for (const complaint of complaints.values()) {
      if (complaint.checkBackFrom !== null) await openCheckBackReminder(trx, artistId, complaint.id, complaint.checkBackFrom);
      for (const dueOn of complaint.deadlines) await openDeadlineReminder(trx, artistId, complaint.id, dueOn);
    }
    // The sellers marked changed and the audit entry ride on the last complaint's statement.
    const marked = sellersChangedWithAuditParts(touchedSellers, {
      actorArtistId: artistId,
      action: 'complaint.status_changed',
      subjectType: 'complaint',
      subjectId: updates.length === 1 ? updates[0]!.complaintId : null,
      after: updates.map((update) => ({ complaintId: update.complaintId, status: update.status, occurredOn: update.occurredOn, listings: update.listingIds?.length ?? 'all' })),
      ip,
    });
    const written = [...complaints.values()];
    let recordedAt = now;
    for (const [index, complaint] of written.entries()) {
      recordedAt = await this.write(trx, artistId, complaint, index === written.length - 1 ? marked : null);
    }
    return { updated, complaints, recordedAt };
  }

  /** Reads the artist's complaint and all its listings, with its detail, in one statement (locking them with `lock`). */
  private async read(trx: Db, artistId: string, complaintId: string, lock: boolean): Promise<LockedComplaint> {
    // A complaint always has listings (1 to 300); none found means none of the artist's.
    const found = await new ComplaintRepository(trx).ownWithListings(artistId, complaintId, lock);
    if (!found) throw notFound(`Complaint ${complaintId}`);
    return {
      id: complaintId,
      header: found.header,
      version: found.version,
      listings: found.listings,
      filedOn: found.header.filedOn,
      ippReference: found.header.ippReference,
      rows: found.listings.map((listing) => ({
        id: listing.id,
        listingId: listing.listingId,
        sellerId: listing.sellerId,
        readStatus: listing.status,
        status: listing.status,
        statusOn: listing.statusOn,
        establishedOn: listing.establishedOn,
        counterNoticeOn: listing.counterNoticeOn,
        responseDueOn: listing.responseDueOn,
        isChanged: false,
      })),
      events: [],
      checkBackFrom: null,
      deadlines: [],
    };
  }

  /**
   * Writes what the request changed in one complaint, in one statement (with `marked`, if
   * given). Returns the transaction's timestamp: the complaint's new `updated_at` and its new
   * events' `created_at`.
   *
   * The statement checks that what was read still holds: the complaint row's version, and
   * each changed listing's status and seller. When the rows were locked it always does; when
   * they were not and another request changed them meanwhile, `write_conflict` fails the whole
   * statement. The arrays go through scalar subqueries, which the planner cannot see into: its
   * estimate of the rows is then the same for every run, so PostgreSQL keeps one generic plan
   * for the prepared statement instead of planning each run for its array's real length.
   */
  private async write(trx: Db, artistId: string, complaint: LockedComplaint, marked: RawBuilder<unknown> | null): Promise<Date> {
    const changed = complaint.rows.filter((row) => row.isChanged);
    const removals = changed.filter((row) => row.removedOn !== undefined);
    const settled = settledReminderKinds(complaint.rows.map((row) => row.status));
    const result = await sql<{ recordedAt: Date }>`
      WITH complaint AS (
        UPDATE complaints SET filed_on = ${complaint.filedOn}::date, ipp_reference = ${complaint.ippReference}, updated_at = now()
        WHERE id = ${complaint.id}::uuid AND xmin = ${complaint.version}::xid
        RETURNING id
      ),
      states AS (
        UPDATE complaint_listings SET status = state.status, status_on = state.status_on,
          established_on = state.established_on, counter_notice_on = state.counter_notice_on,
          response_due_on = state.response_due_on, updated_at = now()
        FROM unnest(
          (SELECT ${changed.map((row) => row.id)}::uuid[]),
          (SELECT ${changed.map((row) => row.readStatus)}::text[]),
          (SELECT ${changed.map((row) => row.sellerId)}::uuid[]),
          (SELECT ${changed.map((row) => row.status)}::text[]),
          (SELECT ${changed.map((row) => row.statusOn)}::date[]),
          (SELECT ${changed.map((row) => row.establishedOn)}::date[]),
          (SELECT ${changed.map((row) => row.counterNoticeOn)}::date[]),
          (SELECT ${changed.map((row) => row.responseDueOn)}::date[])
        ) AS state (id, read_status, seller_id, status, status_on, established_on, counter_notice_on, response_due_on)
        WHERE complaint_listings.id = state.id AND complaint_listings.status = state.read_status
          AND complaint_listings.seller_id IS NOT DISTINCT FROM state.seller_id
        RETURNING complaint_listings.id
      ),
      history AS (
        INSERT INTO complaint_status_events (complaint_listing_id, from_status, to_status, occurred_on, note, recorded_by)
        SELECT event.complaint_listing_id, event.from_status, event.to_status, event.occurred_on, event.note, ${artistId}::uuid
        FROM unnest(
          (SELECT ${complaint.events.map((event) => event.complaintListingId)}::uuid[]),
          (SELECT ${complaint.events.map((event) => event.fromStatus)}::text[]),
          (SELECT ${complaint.events.map((event) => event.toStatus)}::text[]),
          (SELECT ${complaint.events.map((event) => event.occurredOn)}::date[]),
          (SELECT ${complaint.events.map((event) => event.note)}::text[])
        ) WITH ORDINALITY AS event (complaint_listing_id, from_status, to_status, occurred_on, note, position)
        ORDER BY event.position
      ),
      removals AS (
        UPDATE listings SET removed_on = removal.removed_on, updated_at = now()
        FROM unnest(
          (SELECT ${removals.map((row) => row.listingId)}::uuid[]),
          (SELECT ${removals.map((row) => row.removedOn ?? null)}::date[])
        ) AS removal (listing_id, removed_on)
        WHERE listings.id = removal.listing_id
      ),
      settled AS (
        UPDATE reminders SET done_at = now()
        WHERE complaint_id = ${complaint.id}::uuid AND done_at IS NULL AND kind = ANY(${settled}::text[])
        RETURNING id, due_on
      ),
      -- A settled reminder's notification has nothing left to ask: it is read.
      seen AS (
        UPDATE notifications SET read_at = now()
        FROM settled
        WHERE notifications.dedupe_key = 'reminder:' || settled.id || ':' || settled.due_on::text AND notifications.read_at IS NULL
      )${marked ? sql`, ${marked}` : sql``}
      SELECT CASE
        WHEN (SELECT count(*) FROM complaint) = 1 AND (SELECT count(*) FROM states) = ${changed.length}::int THEN now()
        ELSE write_conflict(${`complaint ${complaint.id} changed while a status change was being written`})
      END AS recorded_at
    `.execute(trx);
    return result.rows[0]!.recordedAt;
  }
}

/** The statement failed because what it read had changed (`write_conflict`): work it out again. */
function isWriteConflict(error: unknown): boolean {
  return (error as { code?: unknown }).code === '40001';
}

/** The complaint's detail after the request: as locked, with the request's changes. */
function detailAfter(complaint: LockedComplaint, recordedAt: Date): ComplaintDetail {
  const changed = new Map(complaint.rows.filter((row) => row.isChanged).map((row) => [row.id, row]));
  const listings = complaint.listings.map((listing) => {
    const row = changed.get(listing.id);
    if (!row) return listing;
    return {
      ...listing,
      status: row.status,
      statusOn: row.statusOn,
      establishedOn: row.establishedOn,
      counterNoticeOn: row.counterNoticeOn,
      responseDueOn: row.responseDueOn,
      removedOn: row.removedOn === undefined ? listing.removedOn : row.removedOn,
    };
  });
  const history: StatusEventRow[] = complaint.listings.flatMap((listing) => listing.history);
  for (const event of complaint.events) history.push({ ...event, createdAt: recordedAt });
  return toDetail(
    { ...complaint.header, filedOn: complaint.filedOn, ippReference: complaint.ippReference, updatedAt: recordedAt },
    listings,
    history,
  );
}
