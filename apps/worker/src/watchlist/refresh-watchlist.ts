import {
  dayNumber,
  decidePublication,
  toIsoDate,
  type PublicationPolicy,
} from '@counterpoint/core';
import type { Db } from '@counterpoint/db';
import { buildSellerDocuments } from './watchlist-documents';
import {
  WatchlistRepository,
  type WatchlistEventWrite,
  type WatchlistInputs,
  type WatchlistRowWrite,
} from './watchlist.repository';

export const REFRESH_CHUNK = 500;

export interface RefreshOptions {
  policy: PublicationPolicy;
  now: () => Date;
  /** Sellers whose facts changed; they are queued before the queue is drained. */
  sellerIds?: string[];
  /** Queue every candidate seller first (the periodic reconciliation). */
  isFull?: boolean;
  chunkSize?: number;
}

export interface RefreshResult {
  /** Sellers taken off the queue and looked at. */
  processed: number;
  listed: number;
  added: number;
  removed: number;
  /** Rows written because their documents changed (additions included). */
  changed: number;
  /** The snapshot version after the refresh. */
  version: number;
}

interface ChunkResult extends RefreshResult {
  claimed: number;
}

/** The policy as the snapshot records it (and the JSON export shows it). */
export function describePolicy(policy: PublicationPolicy): Record<string, unknown> {
  return { ...policy, publishedVisibilities: [...policy.publishedVisibilities] };
}

/** Compares a stored policy (jsonb: key order lost) with the one in force. */
function isSamePolicy(stored: unknown, described: Record<string, unknown>): boolean {
  if (typeof stored !== 'object' || stored === null) return false;
  const record = stored as Record<string, unknown>;
  const keys = Object.keys(described);
  return (
    Object.keys(record).length === keys.length &&
    keys.every((key) => JSON.stringify(record[key]) === JSON.stringify(described[key]))
  );
}

/**
 * Refreshes the public snapshot: queues the given sellers (or every candidate), then drains
 * the queue in chunks. Each chunk is one transaction holding the snapshot's version row, so
 * refreshes run one at a time and always read the newest facts; a chunk bumps the version
 * only when a public document actually changed. Safe to run twice, concurrently, or after
 * a crash (a rolled-back chunk leaves its sellers queued).
 */
export async function refreshWatchlist(db: Db, options: RefreshOptions): Promise<RefreshResult> {
  const queue = new WatchlistRepository(db);
  // A full refresh can queue 100,000 sellers at once: the queue's statistics are brought up
  // to date before it is drained, so its reads are planned for its real size.
  if (options.isFull && (await queue.queueAllCandidates()) > 1000) await queue.analyzeQueue();
  if (options.sellerIds?.length) await queue.queue(options.sellerIds);
  const total: RefreshResult = {
    processed: 0,
    listed: 0,
    added: 0,
    removed: 0,
    changed: 0,
    version: 0,
  };
  for (;;) {
    const chunk = await db
      .transaction()
      .execute((trx) =>
        refreshChunk(new WatchlistRepository(trx), options, options.chunkSize ?? REFRESH_CHUNK),
      );
    total.processed += chunk.processed;
    total.listed += chunk.listed;
    total.added += chunk.added;
    total.removed += chunk.removed;
    total.changed += chunk.changed;
    total.version = chunk.version;
    if (chunk.claimed === 0) return total;
  }
}

async function refreshChunk(
  repository: WatchlistRepository,
  options: RefreshOptions,
  size: number,
): Promise<ChunkResult> {
  const snapshot = await repository.lockSnapshot();
  const result: ChunkResult = {
    claimed: 0,
    processed: 0,
    listed: 0,
    added: 0,
    removed: 0,
    changed: 0,
    version: snapshot.version,
  };
  const sellerIds = await repository.claimPending(size);
  result.claimed = sellerIds.length;
  if (sellerIds.length === 0) return result;

  const now = options.now();
  const inputs = await repository.loadInputs(sellerIds);
  const nextVersion = snapshot.version + 1;
  const plan = planChanges(inputs, options.policy, now, nextVersion);
  result.processed = sellerIds.length;
  result.listed = plan.listed;
  result.added = plan.added;
  const policy = describePolicy(options.policy);
  const isPolicyChanged = !isSamePolicy(snapshot.policy, policy);
  if (
    plan.rows.length === 0 &&
    plan.removals.length === 0 &&
    plan.events.length === 0 &&
    !isPolicyChanged
  )
    return result;

  const unlisted = await repository.removeSellers(plan.removals);
  const listed = await repository.upsertRows(plan.rows, nextVersion);
  await repository.insertEvents(plan.events, nextVersion);
  await repository.bumpVersion(
    nextVersion,
    now,
    JSON.stringify(policy),
    options.isFull ? 'recount' : listed - unlisted,
  );
  result.removed = plan.removals.length;
  result.changed = plan.rows.length;
  result.version = nextVersion;
  return result;
}

interface ChangePlan {
  rows: WatchlistRowWrite[];
  removals: string[];
  events: WatchlistEventWrite[];
  listed: number;
  added: number;
}

/** Decides every seller of the chunk and lists what must change in the snapshot. */
function planChanges(
  inputs: WatchlistInputs,
  policy: PublicationPolicy,
  now: Date,
  nextVersion: number,
): ChangePlan {
  const today = toIsoDate(now);
  const plan: ChangePlan = { rows: [], removals: [], events: [], listed: 0, added: 0 };
  const found = new Set(inputs.sellers.map((seller) => seller.id));
  for (const sellerId of inputs.snapshot.keys())
    if (!found.has(sellerId)) plan.removals.push(sellerId);

  for (const seller of inputs.sellers) {
    const standing = inputs.standings.get(seller.id) ?? null;
    const previous = inputs.snapshot.get(seller.id) ?? null;
    const decision = decidePublication(
      {
        isHidden: inputs.hidden.has(seller.id),
        isSafelisted: inputs.safelisted.has(seller.id),
        hasStanding: standing !== null,
        established: inputs.established.get(seller.id) ?? [],
        consents: [
          ...new Set((inputs.established.get(seller.id) ?? []).map((fact) => fact.artistId)),
        ]
          .map((artistId) => inputs.consents.get(artistId))
          .filter((consent) => consent !== undefined),
      },
      policy,
      today,
    );
    if (!decision.isListed || !standing) {
      if (previous) plan.removals.push(seller.id);
      continue;
    }
    plan.listed += 1;
    const listedAt = previous?.listedAt ?? now;
    const documents = buildSellerDocuments({
      seller,
      standing,
      facts: decision.facts,
      disputes: inputs.disputes.get(seller.id) ?? [],
      hasOpenDispute: inputs.openDisputes.has(seller.id),
      listedAt,
    });
    const tierEvents = inputs.tierEvents.get(seller.id) ?? [];
    const lastTierEventId = tierEvents.at(-1)?.id ?? 0;
    const common = {
      sellerId: seller.id,
      marketplace: seller.marketplace,
      storeId: seller.storeId,
      storeName: seller.name,
      confirmedPoints: standing.confirmedPoints,
      establishedComplaints: decision.facts.establishedComplaints,
      distinctArtists: decision.facts.distinctArtists,
      rulesetId: standing.rulesetId,
    };
    if (!previous) {
      plan.added += 1;
      // Crossings from before the listing are history; the feed starts with the addition.
      plan.events.push({
        ...common,
        kind: 'added',
        fromPoints: null,
        toPoints: standing.tier?.points ?? null,
        tierLabel: standing.tier?.label ?? null,
        occurredAt: now,
      });
    } else {
      for (const event of tierEvents) {
        if (event.id <= previous.lastTierEventId) continue;
        plan.events.push({
          ...common,
          kind: 'tier',
          fromPoints: event.fromPoints,
          toPoints: event.toPoints,
          tierLabel: event.tierLabel,
          occurredAt: event.occurredAt,
        });
      }
    }
    const isChanged =
      !previous ||
      previous.entryHash !== documents.entryHash ||
      previous.pageHash !== documents.pageHash ||
      previous.lastTierEventId !== lastTierEventId;
    if (!isChanged) continue;
    plan.rows.push({
      sellerId: seller.id,
      marketplace: seller.marketplace,
      storeId: seller.storeId,
      points: standing.confirmedPoints,
      tierPoints: standing.tier?.points ?? null,
      establishedComplaints: decision.facts.establishedComplaints,
      distinctArtists: decision.facts.distinctArtists,
      lastEstablishedDay: dayNumber(decision.facts.lastEstablishedOn),
      listedAt,
      listedOrder: previous?.listedOrder ?? nextVersion,
      ...documents,
      lastTierEventId,
    });
  }
  return plan;
}
