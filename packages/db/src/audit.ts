import type { Kysely, Transaction } from 'kysely';
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

/** Records who did what, when; part of the caller's transaction. */
export async function writeAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values({
      actorArtistId: entry.actorArtistId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      collectiveId: entry.collectiveId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? null,
    })
    .execute();
}
