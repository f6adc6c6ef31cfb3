/*
 * pnpm bench:public
 * The public watchlist under 50 concurrent keep-alive clients (closed loop): the first
 * watchlist page and a seller page served by the API (its own process, production mode:
 * Redis rate-limit counters, helmet, the per-IP public limit on), side by side in the same
 * run with a bare Fastify process answering a constant JSON body of the same size, with and
 * without If-None-Match.
 *
 * The world: 100,000 sellers, 20,000 of them listed under the default policy (public
 * complaints established by two distinct artists), the rest with a single public complaint,
 * plus private and collective complaints that count in standings only. Generated once into
 * its own database (`BENCH_PUBLIC_DATABASE`, default counterpoint_bench_public; pass
 * --regenerate to rebuild), standings computed by the worker's code and the snapshot built
 * by its refresh (both timed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PUBLICATION_POLICY } from '@counterpoint/core';
import { createKysely, createPool } from '@counterpoint/db';
import { ensureTemplateDatabase } from '@counterpoint/db/testing';
import { loadRulesets, recomputeStandings } from '@counterpoint/worker';
import { Redis } from 'ioredis';
import pg from 'pg';
// The worker's snapshot refresh, run here as its job does (not exported by the worker's entry).
import { refreshWatchlist } from '@counterpoint/worker';
import { summarise } from './lib/bench-db';
import { BENCH_SERVER_URL, databaseUrl } from './lib/dataset';
import { freePort, startProcess, stopProcess, waitForReady } from './lib/processes';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DATABASE = process.env.BENCH_PUBLIC_DATABASE ?? 'counterpoint_bench_public';
const CLIENTS = 50;
const SELLERS = 100_000;
const LISTED = 20_000;
const ARTISTS = 2_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// --- the world -------------------------------------------------------------------------

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function listedCount(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM public_watchlist');
    return Number(rows[0]!.count);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function generateWorld(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, text: string) => {
    const started = performance.now();
    await client.query(text);
    console.log(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };
  const uuid = (prefix: string, expression: string) =>
    `('00000000-0000-4000-${prefix}-' || lpad(to_hex(${expression}), 12, '0'))::uuid`;
  try {
    await client.query('SELECT setseed(0.42)');
    await client.query('SET synchronous_commit = off');
    await step(
      `${ARTISTS} artists (10% named in public)`,
      `INSERT INTO artists (id, email, display_name, password_hash, public_attribution, public_name)
       SELECT ${uuid('8000', 'i')}, 'bench' || i || '@example.test', 'Bench Artist ' || i, 'x', i % 10 = 0,
              CASE WHEN i % 10 = 0 THEN 'Studio ' || i END
       FROM generate_series(1, ${ARTISTS}) AS i`,
    );
    await step(
      'designs',
      `INSERT INTO artworks (id, artist_id, title, ipr_status)
       SELECT ${uuid('9000', 'i')}, ${uuid('8000', 'i')}, 'Design ' || i, 'approved' FROM generate_series(1, ${ARTISTS}) AS i`,
    );
    await step(
      `${SELLERS} sellers`,
      `INSERT INTO sellers (id, marketplace, store_id, name, store_url, facts_version)
       SELECT ${uuid('a000', 'i')}, (ARRAY['aliexpress','aliexpress','aliexpress','alibaba','taobao','tmall','1688'])[1 + i % 7],
              (800000000 + i)::text, 'Bench Store ' || i, 'https://www.aliexpress.com/store/' || (800000000 + i), 1
       FROM generate_series(1, ${SELLERS}) AS i`,
    );
    // One row per complaint: listed sellers get 2–22 public ones from distinct artists (skewed),
    // the others one public complaint; then private and collective ones everywhere.
    await step(
      'complaint plan',
      `CREATE TEMP TABLE plan AS
       SELECT row_number() OVER () AS n, s AS seller, j, visibility FROM (
         SELECT s, j, 'public' AS visibility FROM generate_series(1, ${LISTED}) AS s,
                LATERAL generate_series(1, 2 + floor(20 * random() ^ 3)::int + (s - s)) AS j
         UNION ALL SELECT s, 1, 'public' FROM generate_series(${LISTED + 1}, ${SELLERS}) AS s
         UNION ALL SELECT 1 + floor(random() * ${SELLERS})::int, 100 + g, 'private' FROM generate_series(1, 30000) AS g
         UNION ALL SELECT 1 + floor(random() * ${SELLERS})::int, 200000 + g, 'collective' FROM generate_series(1, 20000) AS g
       ) AS rows`,
    );
    await step(
      'listings',
      `INSERT INTO listings (id, marketplace, item_id, canonical_url, seller_id, removed_on)
       SELECT ${uuid('b000', 'p.n')}, s.marketplace, (1005000000000000 + p.n)::text,
              'https://www.aliexpress.com/item/' || (1005000000000000 + p.n) || '.html', s.id, current_date - 10
       FROM plan p JOIN sellers s ON s.id = ${uuid('a000', 'p.seller')}`,
    );
    await step(
      'complaints',
      `INSERT INTO complaints (id, artist_id, artwork_id, marketplace, filed_on, reason, visibility)
       SELECT ${uuid('c000', 'p.n')}, ${uuid('8000', 'a.i')}, ${uuid('9000', 'a.i')}, s.marketplace, current_date - 305, 'Copy of my design.', p.visibility
       FROM plan p JOIN sellers s ON s.id = ${uuid('a000', 'p.seller')}
       CROSS JOIN LATERAL (SELECT 1 + ((p.seller * 7 + p.j * 13) % ${ARTISTS}) AS i) AS a`,
    );
    await step(
      'established complaint listings',
      `INSERT INTO complaint_listings (complaint_id, listing_id, seller_id, status, status_on, established_on)
       SELECT ${uuid('c000', 'p.n')}, ${uuid('b000', 'p.n')}, ${uuid('a000', 'p.seller')}, 'removed',
              current_date - d.days, current_date - d.days
       FROM plan p CROSS JOIN LATERAL (SELECT (1 + floor(random() * 300) + (p.n - p.n))::int AS days) AS d`,
    );
    await step('vacuum analyze', 'VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

async function prepareDatabase(): Promise<string> {
  const url = databaseUrl(DATABASE);
  const existing = process.argv.includes('--regenerate') ? null : await listedCount(url);
  if (existing !== null && existing > 0) {
    console.log(`Using ${DATABASE} (${existing} listed sellers); pass --regenerate to rebuild it.`);
    return url;
  }
  const template = await ensureTemplateDatabase();
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${DATABASE} TEMPLATE ${template}`);
  });
  console.log(`Generating the public world in ${DATABASE}:`);
  await generateWorld(url);

  const pool = createPool(url, { max: 4 });
  const db = createKysely(pool);
  try {
    const rulesets = loadRulesets(null);
    let started = performance.now();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await db
        .selectFrom('sellers')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(1000)
        .execute();
      if (batch.length === 0) break;
      after = batch.at(-1)!.id;
      await recomputeStandings(
        db,
        rulesets,
        batch.map((row) => row.id),
        new Date(),
      );
    }
    console.log(
      `  standings of ${SELLERS} sellers (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    started = performance.now();
    const result = await refreshWatchlist(db, {
      policy: DEFAULT_PUBLICATION_POLICY,
      now: () => new Date(),
      isFull: true,
    });
    console.log(
      `  public snapshot, full build: ${result.processed} candidates, ${result.listed} listed (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    started = performance.now();
    const again = await refreshWatchlist(db, {
      policy: DEFAULT_PUBLICATION_POLICY,
      now: () => new Date(),
      isFull: true,
    });
    console.log(
      `  public snapshot, full refresh with nothing changed: ${again.changed} rows written (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    await db.deleteFrom('outbox').execute();
  } finally {
    await pool.end();
  }
  return url;
}

// --- the bare Fastify process ----------------------------------------------------------

/** Runs as a child process: constant JSON bodies, with an ETag and If-None-Match, nothing else. */
async function runBareServer(): Promise<void> {
  const { default: Fastify } = await import('fastify');
  const bodies = JSON.parse(process.env.BARE_BODIES!) as Record<
    string,
    { body: string; etag: string }
  >;
  const app = Fastify({ logger: false });
  for (const [route, { body, etag }] of Object.entries(bodies)) {
    const buffer = Buffer.from(body);
    app.get(route, (request, reply) => {
      void reply.header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type('application/json; charset=utf-8').send(buffer);
    });
  }
  await app.listen({ host: '127.0.0.1', port: Number(process.env.BARE_PORT) });
}

function startBareServer(
  port: number,
  bodies: Record<string, { body: string; etag: string }>,
): ChildProcess {
  return spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    [fileURLToPath(import.meta.url), '--bare-server'],
    {
      cwd: root,
      env: {
        ...process.env,
        BARE_PORT: String(port),
        BARE_BODIES: JSON.stringify(bodies),
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

// --- load -----------------------------------------------------------------------------

/**
 * CPU time (ms) of a process and its descendants (tsx starts the server as a child), from
 * /proc: robust where throughput is not, on a machine other work shares. Null off Linux.
 */
function treeCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    let milliseconds = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : [])
        milliseconds += treeCpuMs(Number(child)) ?? 0;
    }
    return milliseconds;
  } catch {
    return null;
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS, maxFreeSockets: CLIENTS });

function request(
  port: number,
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: url, agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Scenario {
  label: string;
  port: number;
  pid: number | undefined;
  urls: string[];
  headers: Record<string, string>;
  expect: number;
}

async function closedLoop(scenario: Scenario, durationMs: number) {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const cpuBefore = treeCpuMs(scenario.pid);
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const url = scenario.urls[next++ % scenario.urls.length]!;
        const begin = performance.now();
        try {
          const answer = await request(scenario.port, url, scenario.headers);
          if (answer.status !== scenario.expect) errors += 1;
          bytes += answer.bytes;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = treeCpuMs(scenario.pid);
  const cpuPerRequestUs =
    cpuBefore !== null && cpuAfter !== null && latencies.length
      ? ((cpuAfter - cpuBefore) * 1000) / latencies.length
      : Number.NaN;
  return {
    ...summarise(latencies),
    perSecond: latencies.length / seconds,
    errors,
    bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
    cpuPerRequestUs,
  };
}

type Result = Awaited<ReturnType<typeof closedLoop>>;

function printRow(
  label: string,
  result: Pick<
    Result,
    'perSecond' | 'p50' | 'p99' | 'bytesPerResponse' | 'errors' | 'cpuPerRequestUs'
  >,
) {
  const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);
  console.log(
    `  ${label.padEnd(46)} ${result.perSecond.toFixed(0).padStart(7)}/s ${ms(result.p50)} ${ms(result.p99)} ${String(Math.round(result.bytesPerResponse)).padStart(7)} B ${String(result.errors).padStart(6)} ${result.cpuPerRequestUs.toFixed(0).padStart(7)} µs`,
  );
}

// --- main -----------------------------------------------------------------------------

async function main() {
  if (process.argv.includes('--bare-server')) return runBareServer();
  const url = await prepareDatabase();
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const prefix = `cp-bench-public-${randomBytes(4).toString('hex')}`;
  const [apiPort, barePort] = await Promise.all([freePort(), freePort()]);
  const api = startProcess('api', {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    DATABASE_POOL_MAX: '10',
    REDIS_URL,
    REDIS_PREFIX: prefix,
    PORT: String(apiPort),
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    // Every bench client shares one address: a budget no test run can spend, but counted all the same.
    PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000000',
  });
  let bare: ChildProcess | null = null;
  try {
    await waitForReady(`http://127.0.0.1:${apiPort}/readyz`);
    const pageUrl = '/public/v1/watchlist';
    const first = await fetch(`http://127.0.0.1:${apiPort}${pageUrl}`);
    const pageBody = await first.text();
    const pageEtag = first.headers.get('etag')!;
    const entries = (JSON.parse(pageBody) as { entries: { path: string }[] }).entries;
    if (entries.length !== 50)
      throw new Error(`the first page has ${entries.length} sellers, not 50`);
    const snapshot = await fetch(`http://127.0.0.1:${apiPort}/public/v1/watchlist.json`);
    const listed = (JSON.parse(await snapshot.text()) as { sellers: unknown[] }).sellers.length;
    // A typical seller page: the median size among 200 listed sellers.
    const sample = (await (
      await fetch(`http://127.0.0.1:${apiPort}/public/v1/watchlist?sort=recent&limit=100`)
    ).json()) as { entries: { path: string }[] };
    const pages = await Promise.all(
      sample.entries.map(async (entry) => {
        const response = await fetch(`http://127.0.0.1:${apiPort}${entry.path}`);
        return {
          path: entry.path,
          body: await response.text(),
          etag: response.headers.get('etag')!,
        };
      }),
    );
    pages.sort((a, b) => a.body.length - b.body.length);
    const seller = pages[Math.floor(pages.length / 2)]!;
    const manySellers = (await (
      await fetch(`http://127.0.0.1:${apiPort}/public/v1/watchlist?sort=added&limit=100`)
    ).json()) as { entries: { path: string }[] };

    bare = startBareServer(barePort, {
      '/page': { body: pageBody, etag: pageEtag },
      '/seller': { body: seller.body, etag: seller.etag },
    });
    await waitForReady(`http://127.0.0.1:${barePort}/page`);

    const scenarios: Record<string, Scenario> = {
      apiPage: {
        label: 'API  first watchlist page',
        port: apiPort,
        pid: api.pid,
        urls: [pageUrl],
        headers: {},
        expect: 200,
      },
      barePage: {
        label: 'bare constant body, same size',
        port: barePort,
        pid: bare.pid,
        urls: ['/page'],
        headers: {},
        expect: 200,
      },
      apiPage304: {
        label: 'API  first watchlist page, If-None-Match',
        port: apiPort,
        pid: api.pid,
        urls: [pageUrl],
        headers: { 'if-none-match': pageEtag },
        expect: 304,
      },
      barePage304: {
        label: 'bare, If-None-Match',
        port: barePort,
        pid: bare.pid,
        urls: ['/page'],
        headers: { 'if-none-match': pageEtag },
        expect: 304,
      },
      apiSeller: {
        label: 'API  seller page',
        port: apiPort,
        pid: api.pid,
        urls: [seller.path],
        headers: {},
        expect: 200,
      },
      bareSeller: {
        label: 'bare constant body, same size',
        port: barePort,
        pid: bare.pid,
        urls: ['/seller'],
        headers: {},
        expect: 200,
      },
      apiSeller304: {
        label: 'API  seller page, If-None-Match',
        port: apiPort,
        pid: api.pid,
        urls: [seller.path],
        headers: { 'if-none-match': seller.etag },
        expect: 304,
      },
      bareSeller304: {
        label: 'bare, If-None-Match',
        port: barePort,
        pid: bare.pid,
        urls: ['/seller'],
        headers: { 'if-none-match': seller.etag },
        expect: 304,
      },
      apiMany: {
        label: 'API  100 different seller pages, rotating',
        port: apiPort,
        pid: api.pid,
        urls: manySellers.entries.map((entry) => entry.path),
        headers: {},
        expect: 200,
      },
      apiPageBr: {
        label: 'API  first page, Accept-Encoding: br',
        port: apiPort,
        pid: api.pid,
        urls: [pageUrl],
        headers: { 'accept-encoding': 'br, gzip' },
        expect: 200,
      },
    };
    // Warm up both processes (JIT, caches, connections).
    for (const scenario of Object.values(scenarios)) await closedLoop(scenario, 1500);

    // Rounds: each API row runs next to its bare row (alternating which goes first), so that
    // both see the same machine; the medians over the rounds are reported.
    const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
    const pairs: [string, string | null][] = [
      ['apiPage', 'barePage'],
      ['apiPage304', 'barePage304'],
      ['apiSeller', 'bareSeller'],
      ['apiSeller304', 'bareSeller304'],
      ['apiMany', null],
      ['apiPageBr', null],
    ];
    const runs: Record<string, Result[]> = {};
    for (let round = 0; round < rounds; round += 1) {
      for (const [apiKey, bareKey] of pairs) {
        const order =
          bareKey && round % 2 === 1 ? [bareKey, apiKey] : [apiKey, ...(bareKey ? [bareKey] : [])];
        for (const key of order)
          (runs[key] ??= []).push(await closedLoop(scenarios[key]!, seconds * 1000));
      }
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const summary = (key: string) => {
      const list = runs[key]!;
      return {
        perSecond: median(list.map((run) => run.perSecond)),
        p50: median(list.map((run) => run.p50)),
        p99: median(list.map((run) => run.p99)),
        bytesPerResponse: list[0]!.bytesPerResponse,
        errors: list.reduce((sum, run) => sum + run.errors, 0),
        cpuPerRequestUs: median(list.map((run) => run.cpuPerRequestUs)),
      };
    };

    console.log(
      `\n${listed} listed sellers; first page ${pageBody.length} B, seller page ${seller.body.length} B.`,
    );
    console.log(
      `${CLIENTS} concurrent keep-alive clients, closed loop, ${seconds} s per row, median of ${rounds} rounds; the API and the bare server run one at a time.\n`,
    );
    console.log(
      `  ${'target'.padEnd(46)} ${'rate'.padStart(9)} ${'p50'.padStart(10)} ${'p99'.padStart(10)} ${'body'.padStart(9)} ${'errors'.padStart(6)} ${'server CPU/req'.padStart(14)}`,
    );
    for (const [apiKey, bareKey] of pairs) {
      for (const key of [apiKey, ...(bareKey ? [bareKey] : [])])
        printRow(scenarios[key]!.label, summary(key));
      console.log('');
    }

    const ratio = (apiKey: string, bareKey: string) =>
      median(runs[apiKey]!.map((run, index) => run.perSecond / runs[bareKey]![index]!.perSecond));
    const check = (label: string, apiKey: string, bareKey: string, target: number) => {
      const value = ratio(apiKey, bareKey);
      const byCpu = summary(bareKey).cpuPerRequestUs / summary(apiKey).cpuPerRequestUs;
      const p99 = summary(apiKey).p99;
      const bareP99 = summary(bareKey).p99;
      console.log(
        `  ${label.padEnd(48)} ${(value * 100).toFixed(0).padStart(4)}% (target ≥ ${target * 100}%: ${value >= target ? 'met' : 'NOT met'}; by server CPU per request: ${(byCpu * 100).toFixed(0)}%)   p99 ${p99.toFixed(1)} ms (target < 25 ms: ${p99 < 25 ? 'met' : 'NOT met'}; bare ${bareP99.toFixed(1)} ms)`,
      );
    };
    console.log(
      'Throughput of the API relative to the bare route (median of the per-round ratios):',
    );
    check('first page, full body', 'apiPage', 'barePage', 0.5);
    check('first page, If-None-Match (vs bare 304)', 'apiPage304', 'barePage304', 0.8);
    check('first page, If-None-Match (vs bare full body)', 'apiPage304', 'barePage', 0.8);
    check('seller page, full body', 'apiSeller', 'bareSeller', 0.5);
    check('seller page, If-None-Match (vs bare 304)', 'apiSeller304', 'bareSeller304', 0.8);
    check('seller page, If-None-Match (vs bare full body)', 'apiSeller304', 'bareSeller', 0.8);
  } finally {
    if (bare) await stopProcess(bare);
    await stopProcess(api);
    agent.destroy();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
