import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from './database';

export interface AuditEntry {
  actorArtistId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  collectiveId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** The statement that records an audit entry, to run alone or inside another statement. */
export function auditInsert(entry: AuditEntry): RawBuilder<unknown> {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return sql`
    INSERT INTO audit_events (actor_artist_id, action, subject_type, subject_id, collective_id, before, after, ip)
    VALUES (${entry.actorArtistId}::uuid, ${entry.action}, ${entry.subjectType}, ${entry.subjectId ?? null},
      ${entry.collectiveId ?? null}::uuid, ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb, ${entry.ip ?? null})
  `;
}

/** Records who did what, when; part of the caller's transaction. */
export async function writeAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
): Promise<void> {
  await auditInsert(entry).execute(db);
}
