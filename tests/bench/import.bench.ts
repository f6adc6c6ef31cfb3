/**
 * Benchmark of the CSV import, end to end, against a bare COPY of the same file.
 *
 * Run: pnpm bench:import   (or: npx tsx tests/bench/import.bench.ts [rows…], default 10000 100000)
 *
 * For each size, in a child process of its own (so that its peak memory is its own) and on a
 * throwaway database cloned from the migrated template:
 *   1. generates a realistic findings spreadsheet (seeded, so every run imports the same file):
 *      AliExpress (current and legacy store-product links, regional hosts, tracking parameters),
 *      Alibaba.com, Taobao, Tmall and 1688 links; a store column on most rows, drawn from a few
 *      thousand sellers; dates as YYYY-MM-DD and DD/MM/YYYY; notes with commas, quotes and line
 *      breaks; statuses; about 5% repeated listings and about 2% bad rows;
 *   2. measures a bare `COPY … FROM STDIN (FORMAT csv)` of that file into an unindexed table of
 *      text columns: the floor of what PostgreSQL can ingest. pg-copy-streams is not installed,
 *      so the file is streamed through pg's own client with the small `CopyFromStream` below
 *      (the protocol's CopyData messages, with backpressure). Best of three runs;
 *   2b. measures the SQL floor on a second throwaway database: the same COPY into a staging
 *      table, then three set-based statements that store its rows in the real tables, with
 *      their indexes, constraints and foreign keys (sellers, listings with sequential ids,
 *      sightings), in one transaction. No link is parsed and nothing is validated (each URL is
 *      its own listing, every row one sighting of one design), so this is less work than the
 *      import does: what PostgreSQL alone needs to keep these rows in this schema;
 *   2c. measures the schema floor on a third throwaway database: as many listings and sightings
 *      as the file has rows, made here with their ids and sent by COPY straight into the real
 *      tables (keys, indexes, foreign keys), one transaction. No staging, no upsert, no seller:
 *      the least any import of one listing and one sighting per row can cost PostgreSQL;
 *   3. runs the import job's handler (`importCsvJob.handle`, the code path the worker runs:
 *      both passes over the file, header matching, link parsing, validation, upserts of
 *      sellers, listings and sightings, row errors, progress, sellers marked changed);
 *   4. samples RSS and heap every 20 ms during the import. The child runs with a 128 MB heap
 *      cap (as a worker container would): an import whose memory grew with the file would
 *      fail at 100,000 rows.
 * Then prints rows/second, the ratio to COPY, and peak memory for each size.
 *
 * Targets: at least 20% of the bare COPY rate and at least 20,000 rows/s; peak memory flat as
 * the file grows. Each target is reported on its own, the COPY one beside the schema floor.
 */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createKysely, createLocalBlobStore, createPool } from '@counterpoint/db';
import { createTestDatabase } from '@counterpoint/db/testing';
import pg from 'pg';
import pino from 'pino';
import { loadWorkerConfig } from '../../apps/worker/src/config';
import { importCsvJob } from '../../apps/worker/src/jobs/import-csv.job';
import type { JobContext } from '../../apps/worker/src/jobs/job-definition';

const SEED = 0x1a2b_2026;
const COPY_RUNS = 3;
const HEAP_CAP_MB = 128;
const DESIGNS = ['Cat Mug', 'Moon Moth', 'Koi Pond', 'Fox in Snow', 'Night Garden'];

interface SizeResult {
  rows: number;
  bytes: number;
  copySeconds: number;
  importSeconds: number;
  outcome: unknown;
  baselineRss: number;
  peakRss: number;
  peakHeap: number;
  /** CPU time the import used in this process and in its PostgreSQL backends (null if unreadable). */
  nodeCpuSeconds: number;
  postgresCpuSeconds: number | null;
  /** The SQL floor (2b above): staging COPY and the set-based inserts. */
  floorSeconds: number;
  /** The schema floor (2c above): COPY straight into listings and sightings. */
  schemaFloorSeconds: number;
}

// ---------------------------------------------------------------------------------------------
// The spreadsheet

/** mulberry32: small, fast and good enough to make the same file on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

type Seller = {
  marketplace: 'aliexpress' | 'alibaba' | 'taobao' | 'tmall' | '1688';
  storeUrl: string;
  id: string;
};

/** The findings file: `rows` data rows after a header, about 100 bytes a row. */
function generateFindingsCsv(rows: number, seed = SEED): string {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const digits = (length: number): string => {
    let text = String(1 + Math.floor(random() * 9));
    while (text.length < length) text += String(Math.floor(random() * 10));
    return text;
  };
  const letters = (length: number): string => {
    let text = '';
    for (let index = 0; index < length; index += 1)
      text += String.fromCharCode(97 + Math.floor(random() * 26));
    return text;
  };
  const quote = (value: string) =>
    /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

  const sellerCount = Math.max(50, Math.min(4000, Math.round(rows / 25)));
  const sellers: Seller[] = Array.from({ length: sellerCount }, (): Seller => {
    const marketplace = pick([
      'aliexpress',
      'aliexpress',
      'aliexpress',
      'aliexpress',
      'alibaba',
      'taobao',
      'tmall',
    ] as const);
    switch (marketplace) {
      case 'aliexpress': {
        const id = digits(10);
        return { marketplace, id, storeUrl: `https://www.aliexpress.com/store/${id}` };
      }
      case 'alibaba': {
        const id = `${letters(8)}${digits(2)}`;
        return { marketplace, id, storeUrl: `https://${id}.en.alibaba.com/index.html` };
      }
      case 'taobao': {
        const id = digits(9);
        return { marketplace, id, storeUrl: `https://shop${id}.taobao.com/` };
      }
      default: {
        const id = letters(9);
        return { marketplace, id, storeUrl: `https://${id}.tmall.com` };
      }
    }
  });
  const sellersOn = (marketplace: Seller['marketplace']) =>
    sellers.filter((seller) => seller.marketplace === marketplace);
  const byMarketplace = {
    aliexpress: sellersOn('aliexpress'),
    alibaba: sellersOn('alibaba'),
    taobao: sellersOn('taobao'),
    tmall: sellersOn('tmall'),
  };
  const region = () => pick(['www', 'www', 'www', 'fr', 'de', 'es', 'm']);
  const tracking = () =>
    pick([
      '',
      '',
      `?spm=a2g0o.productlist.main.${digits(2)}.${letters(6)}&algo_pvid=${letters(8)}`,
      `?gatewayAdapt=glo2usa&_randl_shipto=US`,
    ]);
  const notes = [
    '',
    '',
    '',
    'same print, cropped',
    'seller also on Alibaba',
    'says "original design", ships fast',
    'mug and T-shirt, two listings',
    'reported twice\nstill up',
    '仿冒',
  ];
  const statuses = ['', '', '', '', 'Listing removed', 'In progress', 'Unable to process'];

  const listing = (): { url: string; store: string } => {
    const kind = random();
    if (kind < 0.42) {
      const seller = pick(byMarketplace.aliexpress);
      return {
        url: `https://${region()}.aliexpress.com/item/100500${digits(10)}.html${tracking()}`,
        store: random() < 0.85 ? seller.storeUrl : '',
      };
    }
    if (kind < 0.52) {
      const seller = pick(byMarketplace.aliexpress);
      return {
        url: `https://www.aliexpress.com/store/product/Cute-${letters(5)}-Tee/${seller.id}_328${digits(8)}.html`,
        store: '',
      };
    }
    if (kind < 0.64) {
      const seller = pick(byMarketplace.taobao);
      return {
        url: `https://item.taobao.com/item.htm?spm=a230r.1.14.${digits(2)}&id=7${digits(11)}&ns=1`,
        store: random() < 0.8 ? seller.storeUrl : '',
      };
    }
    if (kind < 0.76) {
      const seller = pick(byMarketplace.tmall);
      return {
        url: `https://detail.tmall.com/item.htm?id=6${digits(11)}&skuId=${digits(13)}`,
        store: random() < 0.8 ? seller.storeUrl : '',
      };
    }
    if (kind < 0.9) {
      const seller = pick(byMarketplace.alibaba);
      return {
        url: `https://www.alibaba.com/product-detail/Custom-${letters(6)}-Mug_16006${digits(8)}.html`,
        store: random() < 0.8 ? seller.storeUrl : '',
      };
    }
    return { url: `https://detail.1688.com/offer/7${digits(11)}.html`, store: '' };
  };

  const lines = ['Listing URL,Design,Date found,Notes,Complaint status,Store URL'];
  const recent: string[] = [];
  for (let index = 0; index < rows; index += 1) {
    const bad = random();
    const design = bad < 0.005 ? 'Unknown Design' : pick(DESIGNS);
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 5);
    const date =
      bad >= 0.005 && bad < 0.01
        ? '2031-01-01'
        : random() < 0.7
          ? `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          : `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2026`;
    let url: string;
    let store = '';
    if (bad >= 0.01 && bad < 0.015)
      url = pick([
        'not a link',
        'https://example.com/item/1.html',
        'https://a.aliexpress.com/_mK' + letters(5),
      ]);
    else if (bad >= 0.015 && bad < 0.02) url = `https://www.aliexpress.com/item/${letters(6)}.html`;
    else if (recent.length > 0 && random() < 0.05) url = pick(recent);
    else {
      ({ url, store } = listing());
      if (recent.length < 500) recent.push(url);
      else recent[Math.floor(random() * recent.length)] = url;
    }
    lines.push([url, design, date, quote(pick(notes)), pick(statuses), store].join(','));
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// A bare COPY … FROM STDIN through pg's client

/**
 * `COPY … FROM STDIN` for pg's client: sends the file as CopyData messages when the server
 * asks for it, waiting for the socket to drain, then CopyDone. The minimal part of
 * pg-copy-streams a benchmark needs.
 */
class CopyFromStream implements pg.Submittable {
  private resolve!: (rows: number) => void;
  private reject!: (error: Error) => void;
  private rowCount = 0;
  private error: Error | null = null;
  readonly done = new Promise<number>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });

  constructor(
    private readonly text: string,
    private readonly source: Readable,
  ) {}

  submit(connection: unknown): void {
    (connection as { query(text: string): void }).query(this.text);
  }

  handleCopyInResponse(connection: {
    stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
    sendCopyFromChunk(chunk: Buffer): void;
    endCopyFrom(): void;
    sendCopyFail(message: string): void;
  }): void {
    void (async () => {
      try {
        for await (const chunk of this.source as AsyncIterable<Buffer>) {
          connection.sendCopyFromChunk(chunk);
          if (connection.stream.writableNeedDrain) {
            await new Promise((resolve) => connection.stream.once('drain', resolve));
          }
        }
        connection.endCopyFrom();
      } catch (error) {
        connection.sendCopyFail(error instanceof Error ? error.message : 'source failed');
      }
    })();
  }

  handleCommandComplete(message: { text: string }): void {
    this.rowCount = Number(message.text.split(' ').at(-1));
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    if (this.error) this.reject(this.error);
    else this.resolve(this.rowCount);
  }

  // Messages a COPY never gets; pg's client may still look for them.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/**
 * CPU seconds used so far by PostgreSQL backend processes, from /proc (Linux, same machine);
 * null when they cannot be read. Lets runs on a busy machine be compared by work done.
 */
function backendCpuSeconds(pids: Iterable<number>): number | null {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return null;
    }
  }
  return ticks / 100;
}

async function bareCopySeconds(url: string, file: string, rows: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < COPY_RUNS; run += 1) {
      const table = `bench_copy_${run}`;
      await client.query(
        `CREATE TABLE ${table} (url text, design text, found text, notes text, status text, store text)`,
      );
      const started = performance.now();
      const copy = new CopyFromStream(
        `COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`,
        createReadStream(file),
      );
      void client.query(copy);
      const copied = await copy.done;
      best = Math.min(best, (performance.now() - started) / 1000);
      if (copied !== rows) throw new Error(`COPY loaded ${copied} rows, expected ${rows}`);
      await client.query(`DROP TABLE ${table}`);
    }
    return best;
  } finally {
    await client.end();
  }
}

/**
 * The SQL floor: the file copied into a staging table and stored in sellers, listings and
 * sightings by three set-based statements, in one transaction, on a database of its own.
 */
async function sqlFloorSeconds(file: string): Promise<number> {
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      "INSERT INTO artists (email, display_name, password_hash) VALUES ('floor@example.test', 'Floor', 'x') RETURNING id",
    );
    const artistId = rows[0]!.id;
    await client.query("INSERT INTO artworks (artist_id, title) VALUES ($1, 'Cat Mug')", [
      artistId,
    ]);
    const started = performance.now();
    await client.query('BEGIN');
    await client.query(
      'CREATE TEMP TABLE floor_rows (url text, design text, found text, notes text, status text, store text) ON COMMIT DROP',
    );
    const copy = new CopyFromStream(
      'COPY floor_rows FROM STDIN WITH (FORMAT csv, HEADER true)',
      createReadStream(file),
    );
    void client.query(copy);
    await copy.done;
    await client.query(
      `INSERT INTO sellers (marketplace, store_id, store_url, created_by)
       SELECT DISTINCT 'aliexpress', left(store, 200), store, $1::uuid FROM floor_rows WHERE store <> ''
       ON CONFLICT DO NOTHING`,
      [artistId],
    );
    await client.query(
      `INSERT INTO listings (id, marketplace, item_id, canonical_url, seller_id, created_by)
       SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(row_number() OVER ()), 12, '0'))::uuid,
         'aliexpress', keyed.item_id, keyed.url, sellers.id, $1::uuid
       FROM (SELECT DISTINCT ON (md5(url)) md5(url) AS item_id, url, store FROM floor_rows ORDER BY md5(url)) AS keyed
       LEFT JOIN sellers ON sellers.marketplace = 'aliexpress' AND sellers.store_id = left(keyed.store, 200)
       ON CONFLICT DO NOTHING`,
      [artistId],
    );
    await client.query(
      `INSERT INTO sightings (id, artist_id, artwork_id, listing_id, found_on, note, visibility)
       SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(row_number() OVER ()), 12, '0'))::uuid,
         $1::uuid, (SELECT id FROM artworks WHERE artist_id = $1::uuid), listings.id, current_date, coalesce(left(firsts.notes, 2000), ''), 'collective'
       FROM (SELECT DISTINCT ON (md5(url)) md5(url) AS item_id, notes FROM floor_rows ORDER BY md5(url)) AS firsts
       JOIN listings ON listings.marketplace = 'aliexpress' AND listings.item_id = firsts.item_id
       ON CONFLICT DO NOTHING`,
      [artistId],
    );
    await client.query('COMMIT');
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
    await database.drop();
  }
}

/**
 * The schema floor: `rows` listings and as many sightings, made here, copied straight into the
 * real tables in one transaction, on a database of its own.
 */
async function schemaFloorSeconds(rows: number): Promise<number> {
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const artist = await client.query<{ id: string }>(
      "INSERT INTO artists (email, display_name, password_hash) VALUES ('schema@example.test', 'Schema', 'x') RETURNING id",
    );
    const artistId = artist.rows[0]!.id;
    const artwork = await client.query<{ id: string }>(
      "INSERT INTO artworks (artist_id, title) VALUES ($1, 'Cat Mug') RETURNING id",
      [artistId],
    );
    const artworkId = artwork.rows[0]!.id;
    // Ascending ids, as the import gives them (time-ordered), so both land at the index's edge.
    const id = (kind: string, index: number) =>
      `00000000-0000-7000-8${kind}00-${index.toString(16).padStart(12, '0')}`;
    const listings: string[] = [];
    const sightings: string[] = [];
    for (let index = 1; index <= rows; index += 1) {
      const itemId = String(1_005_006_000_000_000 + index * 7919);
      listings.push(
        `${id('1', index)},aliexpress,${itemId},https://www.aliexpress.com/item/${itemId}.html,${artistId}\n`,
      );
      sightings.push(`${id('2', index)},${artistId},${artworkId},${id('1', index)},2026-05-01\n`);
    }
    const started = performance.now();
    await client.query('BEGIN');
    for (const [statement, lines] of [
      [
        'COPY listings (id, marketplace, item_id, canonical_url, created_by) FROM STDIN (FORMAT csv)',
        listings,
      ],
      [
        'COPY sightings (id, artist_id, artwork_id, listing_id, found_on) FROM STDIN (FORMAT csv)',
        sightings,
      ],
    ] as const) {
      const copy = new CopyFromStream(statement, Readable.from([Buffer.from(lines.join(''))]));
      void client.query(copy);
      await copy.done;
    }
    await client.query('COMMIT');
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
    await database.drop();
  }
}

// ---------------------------------------------------------------------------------------------
// One size, in a child process

async function measureSize(rows: number, source: string): Promise<SizeResult> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cp-bench-import-'));
  const pool = createPool(database.url, { max: 4 });
  const db = createKysely(pool);
  try {
    const blobs = createLocalBlobStore(path.join(dataDir, 'blobs'));
    const importId = randomUUID();
    const blobKey = `imports/${importId}.csv`;
    await blobs.put(blobKey, createReadStream(source));
    const file = path.join(dataDir, 'blobs', blobKey);
    const bytes = (await stat(file)).size;

    const artist = await db
      .insertInto('artists')
      .values({
        email: `bench.${randomBytes(4).toString('hex')}@example.test`,
        displayName: 'Bench',
        passwordHash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('artworks')
      .values(DESIGNS.map((title) => ({ artistId: artist.id, title })))
      .execute();
    await db
      .insertInto('imports')
      .values({
        id: importId,
        artistId: artist.id,
        filename: 'bench.csv',
        blobKey,
        createdAt: new Date('2026-06-30T12:00:00Z'),
      })
      .execute();

    const copySeconds = await bareCopySeconds(database.url, file, rows);
    const floorSeconds = await sqlFloorSeconds(file);
    const schemaSeconds = await schemaFloorSeconds(rows);

    const context = {
      db,
      config: loadWorkerConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir }),
      log: pino({ level: 'silent' }),
      now: () => new Date(),
      enqueue: async () => undefined,
    } as unknown as JobContext;
    const job = {
      attemptsMade: 0,
      opts: { attempts: 1 },
      updateProgress: async () => undefined,
    } as unknown as Parameters<typeof importCsvJob.handle>[2];

    global.gc?.();
    const baselineRss = process.memoryUsage().rss;
    let peakRss = baselineRss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 20);
    const backends = new Set<number>();
    const watchBackends = async () => {
      const result = await pool.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
      );
      for (const row of result.rows) backends.add(row.pid);
    };
    await watchBackends();
    const postgresBefore = backendCpuSeconds(backends);
    const watcher = setInterval(() => void watchBackends().catch(() => undefined), 100);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const outcome = await importCsvJob.handle({ importId }, context, job);
    const importSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    clearInterval(watcher);
    await watchBackends();
    const postgresAfter = backendCpuSeconds(backends);
    const nodeCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const postgresCpuSeconds =
      postgresAfter === null || postgresBefore === null ? null : postgresAfter - postgresBefore;
    return {
      rows,
      bytes,
      copySeconds,
      importSeconds,
      outcome,
      baselineRss,
      peakRss,
      peakHeap,
      nodeCpuSeconds,
      postgresCpuSeconds,
      floorSeconds,
      schemaFloorSeconds: schemaSeconds,
    };
  } finally {
    await pool.end();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Generates the file here, and measures it in a child process whose memory is all the import's. */
async function runChild(rows: number): Promise<SizeResult> {
  const directory = await mkdtemp(path.join(tmpdir(), 'cp-bench-file-'));
  const source = path.join(directory, `findings-${rows}.csv`);
  await writeFile(source, generateFindingsCsv(rows));
  try {
    return await new Promise<SizeResult>((resolve, reject) => {
      const child = fork(fileURLToPath(import.meta.url), ['--child', String(rows), source], {
        // A heap cap, as a worker container has: memory that grew with the file would fail here.
        // BENCH_CPU_PROFILE=<directory> writes a V8 CPU profile of each size's import there.
        execArgv: [
          ...process.execArgv,
          '--expose-gc',
          `--max-old-space-size=${HEAP_CAP_MB}`,
          ...(process.env.BENCH_CPU_PROFILE
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
            : []),
        ],
      });
      let result: SizeResult | null = null;
      child.on('message', (message) => {
        result = message as SizeResult;
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        result
          ? resolve(result)
          : reject(new Error(`benchmark child for ${rows} rows exited with ${code}`)),
      );
    });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
const grouped = (value: number) => value.toLocaleString('en');

async function main() {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex !== -1) {
    const result = await measureSize(
      Number(process.argv[childIndex + 1]),
      process.argv[childIndex + 2] as string,
    );
    process.send?.(result, () => process.disconnect());
    return;
  }
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((value) => value > 0);
  const results: SizeResult[] = [];
  // Other work on the machine slows both measurements down; say how busy it was.
  const load = () => loadavg()[0]?.toFixed(1) ?? '?';
  console.log(`${cpus().length} CPUs, load average ${load()} at the start`);
  for (const rows of sizes.length ? sizes : [10_000, 100_000]) {
    console.log(`importing ${grouped(rows)} rows…`);
    results.push(await runChild(rows));
  }
  console.log('');
  console.log(
    'rows      file     bare COPY rows/s   import rows/s   import/COPY   import time   RSS before → peak    peak heap',
  );
  for (const result of results) {
    const copyRate = rate(result.rows, result.copySeconds);
    const importRate = rate(result.rows, result.importSeconds);
    console.log(
      [
        grouped(result.rows).padEnd(9),
        mb(result.bytes).padEnd(8),
        grouped(copyRate).padStart(16),
        grouped(importRate).padStart(15),
        `${((importRate / copyRate) * 100).toFixed(1)}%`.padStart(13),
        `${result.importSeconds.toFixed(2)} s`.padStart(13),
        `${mb(result.baselineRss)} → ${mb(result.peakRss)}`.padStart(20),
        mb(result.peakHeap).padStart(12),
      ].join(' '),
    );
  }
  // Each floor beside the bare COPY and the import, size by size.
  const printFloor = (lines: string[], secondsOf: (result: SizeResult) => number) => {
    console.log('');
    for (const line of lines) console.log(line);
    for (const result of results) {
      const floorRate = rate(result.rows, secondsOf(result));
      const importRate = rate(result.rows, result.importSeconds);
      console.log(
        `  ${grouped(result.rows).padEnd(9)} ${grouped(floorRate)} rows/s (${((floorRate / rate(result.rows, result.copySeconds)) * 100).toFixed(1)}% of bare COPY); ` +
          `the import runs at ${((importRate / floorRate) * 100).toFixed(0)}% of it`,
      );
    }
  };
  printFloor(
    [
      'The SQL floor: the same file copied into a staging table and stored in sellers, listings and',
      'sightings by three set-based statements (no parsing, no checks), in the same run:',
    ],
    (result) => result.floorSeconds,
  );
  printFloor(
    [
      'The schema floor: one listing and one sighting per row, made in advance and copied',
      'straight into the real tables (keys, indexes, foreign keys; no staging, no upsert):',
    ],
    (result) => result.schemaFloorSeconds,
  );
  console.log('');
  console.log('CPU time of the import (the work done, whatever else runs on the machine):');
  for (const result of results) {
    const postgres =
      result.postgresCpuSeconds === null
        ? 'unreadable'
        : `${result.postgresCpuSeconds.toFixed(2)} s`;
    // The work per row, whatever the machine is doing: with every core busy on this import
    // alone, it could not go faster than this (the reading, the checks and the writes already
    // overlap; more connections only add lock waits, measured on 30 Nov 2026).
    const ceiling =
      result.postgresCpuSeconds === null
        ? ''
        : `; all ${cpus().length} cores on it alone would give at most ${grouped(
            rate(result.rows * cpus().length, result.nodeCpuSeconds + result.postgresCpuSeconds),
          )} rows/s`;
    console.log(
      `  ${grouped(result.rows).padEnd(9)} node ${result.nodeCpuSeconds.toFixed(2)} s, postgres ${postgres}${ceiling}`,
    );
  }
  console.log(`load average ${load()} at the end`);
  for (const result of results)
    console.log(`${grouped(result.rows)} rows: ${JSON.stringify(result.outcome)}`);
  const largest = results.at(-1);
  if (largest) {
    const copyRate = rate(largest.rows, largest.copySeconds);
    const importRate = rate(largest.rows, largest.importSeconds);
    const schemaRate = rate(largest.rows, largest.schemaFloorSeconds);
    const percent = (value: number) => `${((value / copyRate) * 100).toFixed(1)}%`;
    const verdict = (isMet: boolean) => (isMet ? 'met' : 'NOT met');
    console.log(`targets at ${grouped(largest.rows)} rows:`);
    console.log(
      `  ≥ 20,000 rows/s: ${verdict(importRate >= 20_000)} (${grouped(importRate)} rows/s)`,
    );
    console.log(
      `  ≥ 20% of bare COPY: ${verdict(importRate >= copyRate * 0.2)} (${percent(importRate)}; ` +
        `the schema floor itself is ${percent(schemaRate)})`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
