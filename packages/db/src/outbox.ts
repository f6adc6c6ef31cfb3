import type { Kysely, RawBuilder, Transaction } from 'kysely';
import { sql } from 'kysely';
import { auditInsert, type AuditEntry } from './audit';
import type { Database } from './database';

/**
 * Facts the API records for the worker. Written in the same transaction as the fact,
 * so the worker cannot miss one even when Redis is down when the API answers.
 */
export type OutboxMessage =
  | { topic: 'seller.facts_changed'; payload: { sellerIds: string[] } }
  | { topic: 'import.requested'; payload: { importId: string } }
  | { topic: 'campaign.inputs_changed'; payload: { campaignIds: string[] } }
  | { topic: 'watchlist.changed'; payload: { sellerIds: string[] } };

export type OutboxTopic = OutboxMessage['topic'];

export async function writeOutbox(
  db: Kysely<Database> | Transaction<Database>,
  messages: OutboxMessage | OutboxMessage[],
): Promise<void> {
  const list = (Array.isArray(messages) ? messages : [messages]).filter(hasContent);
  if (list.length === 0) return;
  // The relay polls for new rows: no NOTIFY, which would serialise the commits of every
  // writer behind one lock (see `OutboxRelay`).
  await sql`WITH ${outboxInsert(list)} SELECT 1`.execute(db);
}

/**
 * The outbox rows of `messages`, as WITH clause entries. The sellers of `watchlist.changed`
 * messages also join the public snapshot's queue here, in the writer's transaction: the
 * relay then only has to wake a refresh (one per gathering window, see
 * `refreshWatchlistJob`), which drains whatever is queued.
 */
function outboxInsert(messages: OutboxMessage[]) {
  const rows = messages.map(
    (message) => sql`(${message.topic}, ${JSON.stringify(message.payload)}::jsonb)`,
  );
  const inserted = sql`inserted AS (INSERT INTO outbox (topic, payload) VALUES ${sql.join(rows)})`;
  const watchlistSellers = [
    ...new Set(
      messages.flatMap((message) =>
        message.topic === 'watchlist.changed' ? message.payload.sellerIds : [],
      ),
    ),
  ].sort(); // one order for every writer: concurrent inserts of the same sellers cannot deadlock
  if (watchlistSellers.length === 0) return inserted;
  return sql`${inserted},
    watchlist_queued AS (
      INSERT INTO public_watchlist_pending (seller_id)
      SELECT unnest(${watchlistSellers}::uuid[])
      ON CONFLICT (seller_id) DO NOTHING
    )`;
}

function hasContent(message: OutboxMessage): boolean {
  const payload = message.payload as Record<string, unknown>;
  return Object.values(payload).every((value) => !Array.isArray(value) || value.length > 0);
}

/**
 * Marks sellers' facts as changed: bumps their version (so a standing computed from older
 * facts is visibly stale) and records an outbox message for the aggregation worker.
 * One round trip, whatever the number of sellers: the ids go as one array, and the version
 * bump and the outbox row are one statement.
 */
export async function markSellersChanged(
  trx: Kysely<Database> | Transaction<Database>,
  sellerIds: Iterable<string | null | undefined>,
): Promise<void> {
  const ids = distinctIds(sellerIds);
  if (ids.length === 0) return;
  await sql`WITH ${sellersChangedEntries(ids)} SELECT 1`.execute(trx);
}

/**
 * `markSellersChanged` and `writeAudit` as parts of the caller's own statement, to save it
 * round trips: entries for its WITH clause (named `bumped`, `inserted` and `audited`).
 */
export function sellersChangedWithAuditParts(
  sellerIds: Iterable<string | null | undefined>,
  entry: AuditEntry,
): RawBuilder<unknown> {
  const ids = distinctIds(sellerIds);
  const audited = sql`audited AS (${auditInsert(entry)})`;
  return ids.length === 0 ? audited : sql`${sellersChangedEntries(ids)}, ${audited}`;
}

/**
 * `markSellersChanged` for sellers that the caller's own statement finds (say, those of the
 * rows it inserts), so that their ids need not travel to the application and back: entries for
 * its WITH clause (named `changed_ids`, `bumped` and `inserted`) reading the ids from the `seller_id` column of
 * the caller's entry `relation`. Nothing is written when that entry has no rows.
 */
export function sellersChangedFromParts(relation: string): RawBuilder<unknown> {
  const ids = sql`ARRAY(SELECT DISTINCT seller_id FROM ${sql.table(relation)} WHERE seller_id IS NOT NULL ORDER BY 1)`;
  // `= ANY(array)` walks the primary key in id order, the order every writer locks sellers in.
  return sql`
    changed_ids AS (SELECT ${ids} AS ids),
    bumped AS (
      UPDATE sellers SET facts_version = facts_version + 1, updated_at = now()
      WHERE id = ANY((SELECT ids FROM changed_ids)::uuid[])
    ),
    inserted AS (
      INSERT INTO outbox (topic, payload)
      SELECT ${'seller.facts_changed' satisfies OutboxTopic}, jsonb_build_object('sellerIds', to_jsonb(ids))
      FROM changed_ids WHERE cardinality(ids) > 0
    )
  `;
}

function distinctIds(sellerIds: Iterable<string | null | undefined>): string[] {
  return [...new Set([...sellerIds].filter((id): id is string => Boolean(id)))].sort();
}

/** The version bump and the outbox row of `markSellersChanged`, as WITH clause entries. */
function sellersChangedEntries(ids: string[]) {
  return sql`
    bumped AS (
      UPDATE sellers SET facts_version = facts_version + 1, updated_at = now()
      WHERE id = ANY(${ids}::uuid[])
    ),
    ${outboxInsert([{ topic: 'seller.facts_changed', payload: { sellerIds: ids } }])}
  `;
}
