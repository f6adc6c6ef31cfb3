import { createHash } from 'node:crypto';
import { MARKETPLACE_LABELS, type Marketplace } from '@counterpoint/core';
import {
  PUBLIC_WATCHLIST_CSV_COLUMNS,
  type PublicWatchlistEntry,
  type PublicWatchlistQuery,
  type PublicWatchlistSort,
} from '@counterpoint/core/contracts';
import { stringify } from 'csv-stringify/sync';
import { Feed } from 'feed';
import { z } from 'zod';
import { AppError } from '../../errors';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import type { PublicRepository } from './public.repository';
import type { CachedResponse } from './snapshot-cache';

const JSON_TYPE = 'application/json; charset=utf-8';
const FEED_ENTRIES = 100;

const cursorSchema = z.tuple([
  z.string(),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  z.uuid(),
]);

/** Feed titles and summaries are HTML (Atom `type="html"`): seller-written text is escaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function hashOf(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 27);
}

function ready(
  body: string,
  contentType: string,
  headers?: Record<string, string>,
): CachedResponse {
  const buffer = Buffer.from(body, 'utf8');
  return {
    status: 200,
    body: buffer,
    hash: hashOf(buffer),
    contentType,
    variants: {},
    ...(headers ? { headers } : {}),
  };
}

export const NOT_LISTED = Buffer.from(
  JSON.stringify({
    error: { code: 'not_found', message: 'This seller is not on the public watchlist.' },
  }),
);

/** A validated keyset position: the sort it belongs to, its sort key and the last seller id. */
export interface WatchlistCursor {
  key: number;
  sellerId: string;
}

/** Decodes a cursor of this sort; anything else (forged, stale, of another sort) is a 400. */
export function parseWatchlistCursor(
  cursor: string | undefined,
  sort: PublicWatchlistSort,
): WatchlistCursor | null {
  const values = decodeCursor(cursor, ['string', 'number', 'string']);
  if (!values) return null;
  const parsed = cursorSchema.safeParse(values);
  if (!parsed.success || parsed.data[0] !== sort) {
    throw new AppError(
      'bad_request',
      'The cursor is not valid for this sort; start again from the first page.',
    );
  }
  return { key: parsed.data[1], sellerId: parsed.data[2] };
}

/**
 * Public responses, built from the snapshot on a cache miss: entries and pages are stored as
 * JSON text by the worker and spliced together here, never re-serialised or re-aggregated.
 */
export class PublicService {
  constructor(
    private readonly repository: PublicRepository,
    private readonly publicUrl: string,
  ) {}

  /** The seller's page in the web app, for people (the API's `path` is for programs). */
  private webPageUrl(marketplace: Marketplace, storeId: string): string {
    return `${this.publicUrl}/watchlist/${marketplace}/${encodeURIComponent(storeId)}`;
  }

  async watchlistPage(
    query: PublicWatchlistQuery,
    after: WatchlistCursor | null,
  ): Promise<CachedResponse> {
    const rows = await this.repository.watchlistPage({
      ...(query.marketplace ? { marketplace: query.marketplace } : {}),
      ...(query.minPoints !== undefined ? { minPoints: query.minPoints } : {}),
      ...(query.tier !== undefined ? { tier: query.tier } : {}),
      sort: query.sort,
      after,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > query.limit && last
        ? encodeCursor([query.sort, last.key, last.sellerId])
        : null;
    return ready(
      `{"isEstimate":true,"sort":${JSON.stringify(query.sort)},"entries":[${page.map((row) => row.entry).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`,
      JSON_TYPE,
    );
  }

  async sellerPage(marketplace: Marketplace, storeId: string): Promise<CachedResponse> {
    const row = await this.repository.sellerPage(marketplace, storeId);
    if (!row)
      return { status: 404, body: NOT_LISTED, hash: '', contentType: JSON_TYPE, variants: {} };
    const body = Buffer.from(row.page, 'utf8');
    return { status: 200, body, hash: row.pageHash, contentType: JSON_TYPE, variants: {} };
  }

  async exportJson(): Promise<CachedResponse> {
    const { info, entries } = await this.repository.exportRows();
    return ready(
      `{"isEstimate":true,"generatedAt":${JSON.stringify(info.refreshedAt.toISOString())},"policy":${JSON.stringify(info.policy ?? null)},"sellers":[${entries.join(',')}]}`,
      JSON_TYPE,
      {
        'content-disposition': `inline; filename="counterpoint-watchlist-${info.refreshedAt.toISOString().slice(0, 10)}.json"`,
      },
    );
  }

  async exportCsv(): Promise<CachedResponse> {
    const { info, entries } = await this.repository.exportRows();
    const records = entries.map((text) => {
      const entry = JSON.parse(text) as PublicWatchlistEntry;
      return [
        entry.marketplace,
        entry.storeId,
        entry.name ?? '',
        entry.storeUrl,
        this.webPageUrl(entry.marketplace, entry.storeId),
        entry.rulesetId,
        entry.confirmedPoints,
        entry.tier?.points ?? '',
        entry.tier?.label ?? '',
        entry.isTerminated,
        entry.establishedComplaints,
        entry.distinctArtists,
        entry.distinctDays,
        entry.removedListings,
        entry.firstEstablishedOn,
        entry.lastEstablishedOn,
        entry.listedAt,
        entry.hasOpenDispute,
      ];
    });
    // Store names are written by sellers: cells a spreadsheet would run as a formula are escaped.
    const csv = stringify(records, {
      header: true,
      columns: [...PUBLIC_WATCHLIST_CSV_COLUMNS],
      bom: true,
      escape_formulas: true,
      cast: { boolean: (value) => (value ? 'true' : 'false') },
    });
    return ready(csv, 'text/csv; charset=utf-8', {
      'content-disposition': `attachment; filename="counterpoint-watchlist-${info.refreshedAt.toISOString().slice(0, 10)}.csv"`,
      'x-content-type-options': 'nosniff',
    });
  }

  async feed(): Promise<CachedResponse> {
    const [info, events] = await Promise.all([
      this.repository.snapshotInfo(),
      this.repository.latestEvents(FEED_ENTRIES),
    ]);
    const self = `${this.publicUrl}/public/v1/watchlist.atom`;
    const feed = new Feed({
      id: self,
      title: 'Counterpoint watchlist: sellers added and tier changes',
      description:
        'Sellers on Alibaba Group marketplaces with confirmed removals of counterfeits of artists’ designs. Standings are estimates.',
      link: `${this.publicUrl}/watchlist`,
      updated: events[0]?.occurredAt ?? info.refreshedAt,
      generator: 'Counterpoint',
      copyright: 'Facts published by the artists of Counterpoint',
      feedLinks: { atom: self, json: `${this.publicUrl}/public/v1/watchlist.json` },
    });
    const host = new URL(this.publicUrl).hostname;
    for (const event of events) {
      const store = event.storeName ?? event.storeId;
      const where = MARKETPLACE_LABELS[event.marketplace];
      const isUp = event.fromPoints === null || (event.toPoints ?? 0) > event.fromPoints;
      const title =
        event.kind === 'added'
          ? `${store} (${where}) added to the watchlist`
          : `${store} (${where}) ${isUp ? 'reached' : 'dropped back to'} "${event.tierLabel ?? ''}" (estimate)`;
      const summary = `Estimated ${event.confirmedPoints} confirmed points under ${event.rulesetId}; ${event.establishedComplaints} established complaint${event.establishedComplaints === 1 ? '' : 's'} from ${event.distinctArtists} artist${event.distinctArtists === 1 ? '' : 's'}.`;
      feed.addItem({
        id: `tag:${host},2026:watchlist-event-${event.id}`,
        title: escapeHtml(title),
        link: this.webPageUrl(event.marketplace, event.storeId),
        date: event.occurredAt,
        description: escapeHtml(summary),
      });
    }
    return ready(feed.atom1(), 'application/atom+xml; charset=utf-8');
  }
}
