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

/** The channel the outbox relay listens on; a NOTIFY wakes it up at commit time. */
export const OUTBOX_CHANNEL = 'counterpoint_outbox';

export async function writeOutbox(
  db: Kysely<Database> | Transaction<Database>,
  messages: OutboxMessage | OutboxMessage[],
): Promise<void> {
  const list = (Array.isArray(messages) ? messages : [messages]).filter(hasContent);
  if (list.length === 0) return;
  // One round trip: the insert runs as a data-modifying CTE beside the NOTIFY, which
  // PostgreSQL delivers at commit, and only if the transaction commits.
  await sql`WITH ${outboxInsert(list)} ${NOTIFY_OUTBOX}`.execute(db);
}

/** The outbox rows of `messages`, as a WITH clause's data-modifying query. */
function outboxInsert(messages: OutboxMessage[]) {
  const rows = messages.map(
    (message) => sql`(${message.topic}, ${JSON.stringify(message.payload)}::jsonb)`,
  );
  return sql`inserted AS (INSERT INTO outbox (topic, payload) VALUES ${sql.join(rows)})`;
}

/** Wakes the relay when the transaction commits. */
const NOTIFY_OUTBOX = sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;

function hasContent(message: OutboxMessage): boolean {
  const payload = message.payload as Record<string, unknown>;
  return Object.values(payload).every((value) => !Array.isArray(value) || value.length > 0);
}

/**
 * Marks sellers' facts as changed: bumps their version (so a standing computed from older
 * facts is visibly stale) and records an outbox message for the aggregation worker.
 * One round trip, whatever the number of sellers: the ids go as one array, and the version
 * bump, the outbox row and its NOTIFY (delivered at commit) are one statement.
 */
export async function markSellersChanged(
  trx: Kysely<Database> | Transaction<Database>,
  sellerIds: Iterable<string | null | undefined>,
): Promise<void> {
  const ids = distinctIds(sellerIds);
  if (ids.length === 0) return;
  await sql`WITH ${sellersChangedEntries(ids)} ${NOTIFY_OUTBOX}`.execute(trx);
}

/** What `sellersChangedWithAuditParts` adds to a statement. */
export interface SellersChangedParts {
  ctes: RawBuilder<unknown>;
  select: RawBuilder<unknown>;
}

/**
 * `markSellersChanged` and `writeAudit` as parts of the caller's own statement, to save it
 * round trips: entries for its WITH clause (named `bumped`, `inserted` and `audited`) and the
 * statement's final SELECT (the relay's NOTIFY, when sellers changed).
 */
export function sellersChangedWithAuditParts(
  sellerIds: Iterable<string | null | undefined>,
  entry: AuditEntry,
): SellersChangedParts {
  const ids = distinctIds(sellerIds);
  const audited = sql`audited AS (${auditInsert(entry)})`;
  if (ids.length === 0) return { ctes: audited, select: sql`SELECT 1` };
  return { ctes: sql`${sellersChangedEntries(ids)}, ${audited}`, select: NOTIFY_OUTBOX };
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
