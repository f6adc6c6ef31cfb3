import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  createKysely,
  createLocalBlobStore,
  createPool,
  writeOutbox,
  type BlobStore,
  type Db,
} from '@counterpoint/db';
import { createTestDatabase, type TestDatabase } from '@counterpoint/db/testing';
import { CsvRowScanner } from '@counterpoint/core';
import { UnrecoverableError, type Job } from 'bullmq';
import { parse as parseCsv } from 'csv-parse/sync';
import { Redis } from 'ioredis';
import pino from 'pino';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../src/config';
import { runCsvImport } from '../src/imports/csv-import.service';
import { readCsvRecords } from '../src/imports/csv-records';
import { pgArrayLiteral } from '../src/imports/import.repository';
import { importCsvJob } from '../src/jobs/import-csv.job';
import type { JobContext } from '../src/jobs/job-definition';
import { routeOutboxMessages } from '../src/relay/outbox-routes';
import { startWorkerRuntime } from '../src/runtime';

let database: TestDatabase;
let pool: pg.Pool;
let db: Db;
let dataDir: string;
let blobs: BlobStore;
let context: JobContext;
let artistId: string;
let otherArtistId: string;
let catId: string;
let dogId: string;

const NOW = new Date('2026-06-15T10:00:00Z');
const log = pino({ level: 'silent' });

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.url, { max: 4 });
  db = createKysely(pool);
  dataDir = await mkdtemp(path.join(tmpdir(), 'cp-import-'));
  blobs = createLocalBlobStore(path.join(dataDir, 'blobs'));
  // The handler uses only these; the rest of the context belongs to other jobs.
  context = {
    db,
    config: loadWorkerConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir }),
    log,
    now: () => NOW,
    enqueue: async () => undefined,
  } as unknown as JobContext;
  artistId = await createArtist();
  otherArtistId = await createArtist();
  catId = await createArtwork(artistId, 'Cat Mug');
  dogId = await createArtwork(artistId, 'Dog');
  await createArtwork(otherArtistId, 'Fox');
});

afterAll(async () => {
  await pool.end();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
});

async function createArtist(): Promise<string> {
  const row = await db
    .insertInto('artists')
    .values({
      email: `a.${randomBytes(4).toString('hex')}@example.test`,
      displayName: 'A',
      passwordHash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function createArtwork(owner: string, title: string): Promise<string> {
  const row = await db
    .insertInto('artworks')
    .values({ artistId: owner, title })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function createImport(
  content: string | Buffer,
  overrides: { defaultArtworkId?: string | null; artistId?: string } = {},
) {
  const id = crypto.randomUUID();
  const blobKey = `imports/${id}.csv`;
  await blobs.put(blobKey, Buffer.isBuffer(content) ? content : Buffer.from(content));
  await db
    .insertInto('imports')
    .values({
      id,
      artistId: overrides.artistId ?? artistId,
      filename: 'findings.csv',
      blobKey,
      defaultArtworkId:
        overrides.defaultArtworkId === undefined ? catId : overrides.defaultArtworkId,
      visibility: 'private',
      createdAt: new Date('2026-06-14T20:00:00Z'),
    })
    .execute();
  return id;
}

function fakeJob(progress: unknown[] = []): Job {
  return {
    attemptsMade: 0,
    opts: { attempts: 5 },
    updateProgress: async (value: unknown) => {
      progress.push(value);
    },
  } as unknown as Job;
}

const findImport = (id: string) =>
  db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const rowErrors = (id: string) =>
  db
    .selectFrom('importRowErrors')
    .select(['line', 'code'])
    .where('importId', '=', id)
    .orderBy('line')
    .execute();

/** Everything an import can write, in a stable order, to compare runs. */
async function snapshot() {
  const sellers = await db
    .selectFrom('sellers')
    .select(['id', 'marketplace', 'storeId', 'storeUrl', 'name'])
    .orderBy('storeId')
    .execute();
  const listings = await db
    .selectFrom('listings')
    .select(['id', 'marketplace', 'itemId', 'canonicalUrl', 'sellerId'])
    .orderBy('itemId')
    .execute();
  const sightings = await db
    .selectFrom('sightings')
    .select(['artistId', 'artworkId', 'listingId', 'foundOn', 'note', 'visibility'])
    .orderBy('listingId')
    .orderBy('artworkId')
    .execute();
  return { sellers, listings, sightings };
}

const HEADER = 'Listing URL;Artwork title;Date (found);Notes;Complaint status;Shop URL;Colour';
const ROWS = [
  /* 2 */ 'https://www.aliexpress.com/item/1005006123456789.html?spm=a2g0o;Cat Mug;13/03/2026;first;Listing removed;https://www.aliexpress.com/store/1101234567;red',
  /* 3 */ 'https://fr.aliexpress.com/item/1005006123456789.html;cat mug;03/04/2026;;;;',
  /* 4 */ 'https://www.aliexpress.com/store/product/Dog-Tee/912345_32812345678.html;dog;2026-05-01;legacy;;;',
  /* 5 */ 'not a link;Cat Mug;2026-05-01;;;;',
  /* 6 */ 'https://www.aliexpress.com/item/1005006000000001.html;Fox;2026-05-01;;;;',
  /* 7 */ ';;;;;;',
  /* 8 */ 'https://www.aliexpress.com/item/1005006000000002.html;Cat Mug;2030-01-01;;;;',
  /* 9 */ 'https://shop123456789.taobao.com;;;;;;',
  /* 10 */ 'https://item.taobao.com/item.htm?id=712345678901;Cat Mug;2026-05-02;;;https://catbrand.tmall.com;',
  /* 11 */ 'https://a.aliexpress.com/_mKabcd;Cat Mug;2026-05-02;;;;',
  /* 12 */ 'https://detail.1688.com/offer/745000123456.html;;;;In progress;;',
  /* 13 */ 'https://detail.tmall.com/item.htm?id=612345678901;Dog;2026-05-03;"says ""original""; ships\nfast";;https://catbrand.tmall.com;',
];
const CSV = `\ufeff${HEADER}\r\n${ROWS.join('\r\n')}\r\n`;

describe('import-csv job', () => {
  it('imports good rows, records bad ones, and reports its header mapping and counts', async () => {
    // Known before the import: a listing with a seller (never replaced) and one without (attached now).
    const known = await db
      .insertInto('sellers')
      .values({
        marketplace: 'aliexpress',
        storeId: '555',
        storeUrl: 'https://www.aliexpress.com/store/555',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('listings')
      .values([
        {
          marketplace: 'aliexpress',
          itemId: '32812345678',
          canonicalUrl: 'https://www.aliexpress.com/item/32812345678.html',
          sellerId: known.id,
        },
        {
          marketplace: 'tmall',
          itemId: '612345678901',
          canonicalUrl: 'https://detail.tmall.com/item.htm?id=612345678901',
          sellerId: null,
        },
      ])
      .execute();
    const outboxBefore = await db
      .selectFrom('outbox')
      .select('id')
      .where('topic', '=', 'seller.facts_changed')
      .execute();

    const importId = await createImport(CSV);
    const progress: unknown[] = [];
    const outcome = await importCsvJob.handle({ importId }, context, fakeJob(progress));
    expect(outcome).toEqual({
      status: 'completed',
      processedRows: 11,
      importedRows: 6,
      errorRows: 5,
    });
    expect(progress).toEqual([{ processedRows: 11, totalRows: 11 }]);

    const record = await findImport(importId);
    expect(record).toMatchObject({
      status: 'completed',
      totalRows: 11,
      processedRows: 11,
      importedRows: 6,
      errorRows: 5,
      failure: null,
    });
    expect(record.finishedAt).toEqual(NOW);
    expect(record.headerMapping).toMatchObject({
      hasHeaderRow: true,
      fields: { url: 0, design: 1, foundOn: 2, note: 3, status: 4, store: 5 },
    });
    expect(
      (record.headerMapping as { columns: { ignoredReason: string | null }[] }).columns[6],
    ).toMatchObject({ header: 'Colour', ignoredReason: 'unknown' });
    expect(record.summary).toEqual({
      delimiter: ';',
      dateOrder: 'day_first',
      sellersCreated: 4,
      listingsCreated: 2,
      listingsLinkedToSeller: 1,
      sellerConflicts: 1,
      sightingsCreated: 4,
      sightingsUpdated: 0,
      rowsAlreadyRecorded: 1,
      storeRows: 1,
      statusesNotImported: 2,
      statusValues: [
        { value: 'Listing removed', rows: 1 },
        { value: 'In progress', rows: 1 },
      ],
      errorsByCode: [
        { code: 'invalid_url', rows: 1 },
        { code: 'unknown_design', rows: 1 },
        { code: 'future_date', rows: 1 },
        { code: 'store_mismatch', rows: 1 },
        { code: 'short_link', rows: 1 },
      ],
    });
    expect(await rowErrors(importId)).toEqual([
      { line: 5, code: 'invalid_url' },
      { line: 6, code: 'unknown_design' },
      { line: 8, code: 'future_date' },
      { line: 10, code: 'store_mismatch' },
      { line: 11, code: 'short_link' },
    ]);

    const { sellers, listings, sightings } = await snapshot();
    expect(sellers.map((seller) => [seller.marketplace, seller.storeId, seller.storeUrl])).toEqual([
      ['aliexpress', '1101234567', 'https://www.aliexpress.com/store/1101234567'],
      ['taobao', '123456789', 'https://shop123456789.taobao.com'],
      ['aliexpress', '555', 'https://www.aliexpress.com/store/555'],
      ['aliexpress', '912345', 'https://www.aliexpress.com/store/912345'],
      ['tmall', 'catbrand', 'https://catbrand.tmall.com'],
    ]);
    const sellerId = (storeId: string) => sellers.find((seller) => seller.storeId === storeId)?.id;
    expect(
      listings.map((listing) => [
        listing.marketplace,
        listing.itemId,
        listing.canonicalUrl,
        listing.sellerId,
      ]),
    ).toEqual([
      [
        'aliexpress',
        '1005006123456789',
        'https://www.aliexpress.com/item/1005006123456789.html',
        sellerId('1101234567'),
      ],
      ['aliexpress', '32812345678', 'https://www.aliexpress.com/item/32812345678.html', known.id],
      [
        'tmall',
        '612345678901',
        'https://detail.tmall.com/item.htm?id=612345678901',
        sellerId('catbrand'),
      ],
      ['1688', '745000123456', 'https://detail.1688.com/offer/745000123456.html', null],
    ]);
    const listingId = (itemId: string) => listings.find((listing) => listing.itemId === itemId)?.id;
    expect(
      sightings
        .map((sighting) => [
          sighting.artworkId,
          sighting.listingId,
          sighting.foundOn,
          sighting.note,
          sighting.visibility,
          sighting.artistId,
        ])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    ).toEqual([
      [catId, listingId('1005006123456789'), '2026-03-13', 'first', 'private', artistId],
      [dogId, listingId('32812345678'), '2026-05-01', 'legacy', 'private', artistId],
      [
        dogId,
        listingId('612345678901'),
        '2026-05-03',
        'says "original"; ships\nfast',
        'private',
        artistId,
      ],
      // No design and no date: the default design and the upload day.
      [catId, listingId('745000123456'), '2026-06-14', '', 'private', artistId],
    ]);

    // Every seller with a new seller record, listing or sighting gets its standing recomputed
    // (555 keeps its listing, which got a sighting).
    const outbox = await db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'seller.facts_changed')
      .where('id', 'not in', outboxBefore.length ? outboxBefore.map((row) => row.id) : [0])
      .execute();
    expect(outbox).toHaveLength(1);
    const changed = (outbox[0]?.payload as { sellerIds: string[] }).sellerIds;
    expect(changed.sort()).toEqual(
      ['1101234567', '123456789', '555', '912345', 'catbrand']
        .map((storeId) => sellerId(storeId))
        .sort(),
    );
    // ...and a newer version of its facts, so that a standing computed before shows as stale.
    const versions = await db
      .selectFrom('sellers')
      .select(['storeId', 'factsVersion'])
      .orderBy('storeId')
      .execute();
    expect(versions.map((seller) => [seller.storeId, Number(seller.factsVersion)])).toEqual([
      ['1101234567', 1],
      ['123456789', 1],
      ['555', 1],
      ['912345', 1],
      ['catbrand', 1],
    ]);
  });

  it('is safe to run twice: a finished import is left alone, and a run from scratch adds nothing', async () => {
    const importId = await createImport(CSV);
    await importCsvJob.handle({ importId }, context, fakeJob());
    const before = await snapshot();
    const counts = await findImport(importId);

    expect(await importCsvJob.handle({ importId }, context, fakeJob())).toEqual({
      status: 'already_finished',
    });

    // As if the progress had been lost: everything is upserted again, nothing is duplicated.
    await db.deleteFrom('importRowErrors').where('importId', '=', importId).execute();
    await db
      .updateTable('imports')
      .set({ status: 'queued', processedRows: 0, importedRows: 0, errorRows: 0, summary: null })
      .where('id', '=', importId)
      .execute();
    await importCsvJob.handle({ importId }, context, fakeJob());
    expect(await snapshot()).toEqual(before);
    const again = await findImport(importId);
    expect([again.processedRows, again.importedRows, again.errorRows]).toEqual([
      counts.processedRows,
      counts.importedRows,
      counts.errorRows,
    ]);
    expect(await rowErrors(importId)).toHaveLength(5);
  });

  it('resumes after a crash from the last committed batch and ends with the same counts', async () => {
    // A separate artist and file, so that a clean run and a crashed-then-resumed run can be compared.
    // The same rows for two artists, on listings of their own so that each run creates its listings.
    const file = (base: number) => {
      const rows = Array.from(
        { length: 10 },
        (_, index) =>
          `https://www.aliexpress.com/item/${base + index}.html,Cat Mug,2026-05-${String(index + 1).padStart(2, '0')}`,
      );
      rows.splice(4, 0, 'bad link,Cat Mug,2026-05-01');
      return `url,design,date\n${rows.join('\n')}\n`;
    };

    const cleanArtist = await createArtist();
    await createArtwork(cleanArtist, 'Cat Mug');
    const clean = await createImport(file(1005007000000000), {
      artistId: cleanArtist,
      defaultArtworkId: null,
    });
    await runCsvImport({ db, blobs, importId: clean, now: () => NOW, batchSize: 3 });

    const crashArtist = await createArtist();
    await createArtwork(crashArtist, 'Cat Mug');
    const crashed = await createImport(file(1005008000000000), {
      artistId: crashArtist,
      defaultArtworkId: null,
    });
    let batches = 0;
    await expect(
      runCsvImport({
        db,
        blobs,
        importId: crashed,
        now: () => NOW,
        batchSize: 3,
        onBatchCommitted: async () => {
          batches += 1;
          if (batches === 2) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    expect(await findImport(crashed)).toMatchObject({ status: 'running', processedRows: 6 });

    const progress: unknown[] = [];
    await importCsvJob.handle({ importId: crashed }, context, fakeJob(progress));
    expect(progress).toEqual([{ processedRows: 11, totalRows: 11 }]);

    const [a, b] = await Promise.all([findImport(clean), findImport(crashed)]);
    expect(b).toMatchObject({
      status: 'completed',
      processedRows: 11,
      importedRows: 10,
      errorRows: 1,
    });
    expect([b.processedRows, b.importedRows, b.errorRows, b.summary]).toEqual([
      a.processedRows,
      a.importedRows,
      a.errorRows,
      a.summary,
    ]);
    expect(await rowErrors(crashed)).toEqual([{ line: 6, code: 'invalid_url' }]);
    const sightings = await db
      .selectFrom('sightings')
      .select('foundOn')
      .where('artistId', '=', crashArtist)
      .execute();
    expect(sightings).toHaveLength(10);
  });

  it('writes a batch without listings: its row errors, and the sellers it created as changed', async () => {
    const owner = await createArtist();
    await createArtwork(owner, 'Cat Mug');
    const importId = await createImport(
      'url,design\nhttps://shop555666777.taobao.com,\nbad link,Cat Mug\nhttps://detail.1688.com/offer/745000777777.html,Cat Mug\n',
      { artistId: owner, defaultArtworkId: null },
    );
    const outboxBefore = await db.selectFrom('outbox').select('id').execute();
    // Batches of two rows: the first holds the store row and the bad row, and no listing.
    const outcome = await runCsvImport({ db, blobs, importId, now: () => NOW, batchSize: 2 });
    expect(outcome).toEqual({
      status: 'completed',
      processedRows: 3,
      importedRows: 2,
      errorRows: 1,
    });
    expect(await rowErrors(importId)).toEqual([{ line: 3, code: 'invalid_url' }]);
    const seller = await db
      .selectFrom('sellers')
      .select(['id', 'factsVersion'])
      .where('marketplace', '=', 'taobao')
      .where('storeId', '=', '555666777')
      .executeTakeFirstOrThrow();
    expect(Number(seller.factsVersion)).toBe(1);
    const messages = await db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'seller.facts_changed')
      .where('id', 'not in', outboxBefore.length ? outboxBefore.map((row) => row.id) : [0])
      .execute();
    expect(messages.map((message) => message.payload)).toEqual([{ sellerIds: [seller.id] }]);
  });

  it('fails with a message for the artist, writing nothing, when the file cannot be imported', async () => {
    const cases: [string | Buffer, string][] = [
      ['Design,When\nCat Mug,2026-01-01\n', 'No column holds the listing links.'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'spreadsheet workbook'],
      [
        'url,design\nhttps://www.aliexpress.com/item/1005006123456700.html,"Cat Mug\n',
        'closing quote (") is missing',
      ],
      ['url,design\n', 'no rows of data'],
    ];
    for (const [content, message] of cases) {
      const before = await snapshot();
      const importId = await createImport(content);
      expect(await importCsvJob.handle({ importId }, context, fakeJob())).toMatchObject({
        status: 'failed',
      });
      const record = await findImport(importId);
      expect(record.status).toBe('failed');
      expect(record.failure).toContain(message);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('reads a file without a header row as a list of links', async () => {
    const importId = await createImport(
      'https://detail.1688.com/offer/745000999999.html\nhttps://detail.1688.com/offer/745000999998.html\n',
    );
    expect(await importCsvJob.handle({ importId }, context, fakeJob())).toEqual({
      status: 'completed',
      processedRows: 2,
      importedRows: 2,
      errorRows: 0,
    });
    expect((await findImport(importId)).headerMapping).toMatchObject({
      hasHeaderRow: false,
      fields: { url: 0 },
    });
  });

  it('reads rows and cells in both passes exactly as csv-parse does with relax_quotes', async () => {
    const tricky = [
      'url,design,date\n"https://x, y",Cat,2026-01-01\n\n  ,\t\n"multi\nline",Cat,"2026-01-02"\n',
      'url;date\r\n"a;b";2026-01-01\r\nx"y;2026-01-02\r\n"q"z;3\r\n',
      'url\rhttps://a\r\rhttps://b',
      'url,note\n"a ""quoted"" word",x\n"",""\nlast,"with \r\n break"',
    ];
    const pieces = [
      'plain',
      '"quoted, comma"',
      '"with ""quotes"" inside"',
      '"multi\nline"',
      '',
      ' ',
      '2026-01-05',
    ];
    const generated = Array.from({ length: 2000 }, (_, index) =>
      [0, 1, 2].map((offset) => pieces[(index * 7 + offset * 3) % pieces.length]).join(','),
    ).join('\n');
    // Seeded random files, one per kind of line break, whose plain cells hold the other kinds
    // (text there) and whose quoted cells hold delimiters, doubled quotes and every line break.
    let seed = 7;
    const pick = <T>(items: T[]): T => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return items[seed % items.length] as T;
    };
    const randomFile = (lineBreak: string, foreignBreak: string) =>
      Array.from({ length: 400 }, () =>
        Array.from({ length: pick([1, 2, 3, 4]) }, () =>
          pick([
            () => pick(['https://x/1', 'Café', '', ' ', '2026-01-02']),
            () => `a${foreignBreak}b`,
            () =>
              `"${pick(['q,q', 'say ""hi""', `two${lineBreak}lines`, `x${foreignBreak}y`, ''])}"`,
            () => `"a"b`,
          ])(),
        ).join(','),
      ).join(lineBreak);
    const randomFiles = [
      `h1,h2\n${randomFile('\n', '\r')}\n`,
      `h1,h2\r\n${randomFile('\r\n', '\n')}`,
      `h1,h2\r${randomFile('\r', '\n')}\r`,
    ];
    for (const text of [...tricky, `h1,h2,h3\n${generated}\n`, ...randomFiles]) {
      const delimiter = text.startsWith('url;') ? ';' : ',';
      // The reference: csv-parse, with the options the import would need from it.
      const records: string[][] = parseCsv(text, {
        delimiter,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
      });
      const fromParser = records
        .map((cells, index) => [String(index + 1), ...cells.map((cell) => cell.trim())])
        .filter((cells) => cells.slice(1).some((cell) => cell !== ''));
      for (const size of [3, 64, text.length]) {
        // The first pass.
        const fromScanner: string[][] = [];
        const scanner = new CsvRowScanner(delimiter, (row) => {
          if (row.isBlank) return;
          const cells = Array.from({ length: row.width }, (_, cell) => row.cell(cell).trim());
          fromScanner.push([String(row.row), ...cells]);
        });
        for (let start = 0; start < text.length; start += size)
          scanner.push(text.slice(start, start + size));
        scanner.end();
        expect(fromScanner).toEqual(fromParser);
        // The second pass, from bytes split anywhere (inside a character too).
        const bytes = Buffer.from(text);
        const chunks: Buffer[] = [];
        for (let start = 0; start < bytes.length; start += size)
          chunks.push(bytes.subarray(start, start + size));
        const fromReader: string[][] = [];
        for await (const records of readCsvRecords(Readable.from(chunks), delimiter)) {
          for (const record of records)
            fromReader.push([String(record.row), ...record.cells.map((cell) => cell.trim())]);
        }
        expect(fromReader).toEqual(fromParser);
      }
    }
  });

  it('runs when the API asks for it: outbox, relay, BullMQ on Redis, handler', async () => {
    const prefix = `cp-import-${randomBytes(4).toString('hex')}`;
    const runtime = await startWorkerRuntime(
      loadWorkerConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        REDIS_PREFIX: prefix,
        DATA_DIR: dataDir,
        OUTBOX_POLL_MS: '100',
        LOG_LEVEL: 'silent',
      }),
      { log, jobs: [importCsvJob], isScheduling: false },
    );
    try {
      const importId = await createImport('url\nhttps://detail.1688.com/offer/745000555555.html\n');
      // As the API does: the outbox message, in the import's own transaction.
      await writeOutbox(db, { topic: 'import.requested', payload: { importId } });
      const deadline = Date.now() + 15_000;
      while ((await findImport(importId)).status !== 'completed' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await findImport(importId)).toMatchObject({ status: 'completed', importedRows: 1 });
    } finally {
      await runtime.close();
      const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it('retries a batch whose listing another import created after the batch statement began', async () => {
    const raceArtist = await createArtist();
    await createArtwork(raceArtist, 'Cat Mug');
    const itemId = '1005009000000001';
    // Another import's transaction creates the listing and has not committed yet.
    const other = await pool.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO listings (marketplace, item_id, canonical_url) VALUES ('aliexpress', $1, $2)`,
        [itemId, `https://www.aliexpress.com/item/${itemId}.html`],
      );
      const importId = await createImport(
        `url,design\nhttps://www.aliexpress.com/item/${itemId}.html,Cat Mug\n`,
        { artistId: raceArtist, defaultArtworkId: null },
      );
      const running = importCsvJob.handle({ importId }, context, fakeJob());
      // The batch statement waits on that listing; it began before the other side commits, so
      // its snapshot cannot see the listing it then finds there.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { rows } = await pool.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%saved_listings%'`,
        );
        if ((rows[0]?.waiting ?? 0) > 0) break;
        if (Date.now() > deadline) throw new Error('the import never waited on the listing');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await other.query('COMMIT');
      expect(await running).toMatchObject({ status: 'completed', importedRows: 1, errorRows: 0 });
      const sightings = await db
        .selectFrom('sightings')
        .innerJoin('listings', 'listings.id', 'sightings.listingId')
        .select('listings.itemId')
        .where('sightings.artistId', '=', raceArtist)
        .execute();
      expect(sightings).toEqual([{ itemId }]);
      expect((await findImport(importId)).summary).toMatchObject({
        listingsCreated: 0,
        sightingsCreated: 1,
      });
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      other.release();
    }
  });

  it('sends any text through its array literals unchanged', async () => {
    const values = [
      'plain',
      '',
      'with "quotes" and \\ backslashes \\"',
      '{braces}, commas; NULL',
      'NULL',
      ' spaces ',
      'line\nbreak\ttab',
      '淘宝 — ünïcode 🐈',
      null,
    ];
    const { rows } = await pool.query<{ values: (string | null)[] }>(
      'SELECT $1::text[] AS values',
      [pgArrayLiteral(values)],
    );
    expect(rows[0]?.values).toEqual(values);
    const empty = await pool.query<{ values: string[] }>('SELECT $1::text[] AS values', [
      pgArrayLiteral([]),
    ]);
    expect(empty.rows[0]?.values).toEqual([]);
  });

  it('refuses an invalid payload as unrecoverable', async () => {
    await expect(
      importCsvJob.handle({ importId: 'nope' }, context, fakeJob()),
    ).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('is what the outbox relay makes of import.requested', () => {
    const importId = crypto.randomUUID();
    const jobs = routeOutboxMessages(
      [{ id: 1, topic: 'import.requested', payload: { importId } }],
      log,
    );
    expect(jobs).toEqual([{ definition: importCsvJob, payload: { importId } }]);
    expect(importCsvJob.jobId?.({ importId })).toBe(`import-${importId}`);
  });
});
