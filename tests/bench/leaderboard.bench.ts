/*
 * pnpm bench:leaderboard
 * Top-50 sellers under 50 concurrent clients: the maintained leaderboard through the HTTP
 * API and as its bare SQL read, side by side in the same run with a naive GROUP BY over
 * the raw complaints (what the page would cost without the worker's maintained rows).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createKysely, createPool } from '@counterpoint/db';
import { Redis } from 'ioredis';
import pg from 'pg';
import { benchDatabaseUrl, summarise } from './lib/bench-db';
import { freePort, startProcess, stopProcess, waitForReady } from './lib/processes';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLIENTS = 50;

const MAINTAINED_SQL = `
  SELECT lb.seller_id, lb.points, s.store_id, s.name
  FROM seller_leaderboard lb JOIN sellers s ON s.id = lb.seller_id
  WHERE lb.time_window = '365d' AND lb.is_public AND lb.points > 0
  ORDER BY lb.points DESC, lb.seller_id DESC LIMIT 50`;

// The same question answered from the facts: established public complaints in the last
// year per seller, counted per distinct day and capped (a simplification of the model).
const NAIVE_SQL = `
  SELECT cl.seller_id, count(DISTINCT cl.established_on) * 6 AS points, s.store_id, s.name
  FROM complaint_listings cl
  JOIN complaints c ON c.id = cl.complaint_id
  JOIN sellers s ON s.id = cl.seller_id
  WHERE cl.status = 'removed' AND cl.established_on > current_date - 365 AND c.visibility = 'public'
  GROUP BY cl.seller_id, s.store_id, s.name
  ORDER BY points DESC, cl.seller_id DESC LIMIT 50`;

async function closedLoop(clients: number, durationMs: number, run: () => Promise<void>) {
  const latencies: number[] = [];
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const begin = performance.now();
        await run();
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ...summarise(latencies), perSecond: latencies.length / seconds };
}

function line(label: string, result: Awaited<ReturnType<typeof closedLoop>>) {
  const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`.padStart(10);
  console.log(`   ${label.padEnd(34)} ${String(result.count).padStart(7)} ${result.perSecond.toFixed(0).padStart(8)}/s ${ms(result.p50)} ${ms(result.p95)} ${ms(result.p99)}`);
}

async function main() {
  const url = await benchDatabaseUrl();
  const pool = createPool(url, { max: 2 });
  const db = createKysely(pool);
  const artist = await db.selectFrom('artists').select('id').limit(1).executeTakeFirstOrThrow();
  const token = `cps_bench_${randomBytes(12).toString('hex')}`;
  await db
    .insertInto('sessions')
    .values({ artistId: artist.id, tokenHash: createHash('sha256').update(token).digest('hex'), csrfToken: 'bench', expiresAt: new Date(Date.now() + 3_600_000) })
    .execute();
  await pool.end();

  const prefix = `cp-bench-${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const api = startProcess('api', {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    DATABASE_POOL_MAX: String(CLIENTS),
    REDIS_URL,
    REDIS_PREFIX: prefix,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const sqlPool = new pg.Pool({ connectionString: url, max: CLIENTS });
  try {
    await waitForReady(`http://127.0.0.1:${port}/readyz`);
    const endpoint = `http://127.0.0.1:${port}/api/v1/leaderboards/sellers?scope=global&window=365d&sort=points&limit=50`;
    const headers = { cookie: `cp_session=${token}` };
    const check = await (await fetch(endpoint, { headers })).json() as { entries: unknown[] };
    if (check.entries.length !== 50) throw new Error('the leaderboard did not return 50 sellers; run pnpm bench:generate');
    // Warm up both paths.
    await closedLoop(10, 2000, async () => void (await (await fetch(endpoint, { headers })).arrayBuffer()));
    await sqlPool.query(NAIVE_SQL);

    const seconds = Number(process.env.BENCH_SECONDS ?? 10);
    console.log(`\nTop-50 sellers, ${CLIENTS} concurrent clients, ${seconds} s each (closed loop)`);
    console.log(`   ${'path'.padEnd(34)} ${'requests'.padStart(7)} ${'rate'.padStart(10)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'p99'.padStart(10)}`);
    const http = await closedLoop(CLIENTS, seconds * 1000, async () => void (await (await fetch(endpoint, { headers })).arrayBuffer()));
    line('maintained, through the HTTP API', http);
    const maintained = await closedLoop(CLIENTS, seconds * 1000, async () => void (await sqlPool.query(MAINTAINED_SQL)));
    line('maintained, bare SQL read', maintained);
    const naive = await closedLoop(CLIENTS, seconds * 1000, async () => void (await sqlPool.query(NAIVE_SQL)));
    line('naive GROUP BY over complaints', naive);
    console.log(`\n   The maintained read is ${(naive.p50 / maintained.p50).toFixed(0)}× faster than the naive GROUP BY (p50, SQL),`);
    console.log(`   and ${(naive.p50 / http.p50).toFixed(0)}× faster end to end through the API (p50 HTTP vs naive SQL alone).`);
  } finally {
    await sqlPool.end();
    await stopProcess(api);
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
