import { migrateToLatest } from '@counterpoint/db';
import { ensureTemplateDatabase } from '@counterpoint/db/testing';
import pg from 'pg';
import { BENCH_SERVER_URL, databaseUrl, FULL_SIZE, generateDataset } from './dataset';

export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'counterpoint_bench';

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Recreates the benchmark database from the migrated template and fills it. */
export async function regenerateBenchDatabase(size = FULL_SIZE): Promise<string> {
  const template = await ensureTemplateDatabase();
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${BENCH_DATABASE} TEMPLATE ${template}`);
  });
  const url = databaseUrl(BENCH_DATABASE);
  console.log(`Generating ${size.sellers} sellers, ${size.complaintEvents} complaint events, ${size.artists} artists in ${BENCH_DATABASE}:`);
  await generateDataset(url, size);
  return url;
}

/**
 * The benchmark database, generated on first use (and reused afterwards: `pnpm bench:generate`
 * rebuilds it). A reused one is brought up to the latest migration first, as a deployment is.
 */
export async function benchDatabaseUrl(): Promise<string> {
  const url = databaseUrl(BENCH_DATABASE);
  const exists = await admin(async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE])).rowCount === 1);
  if (exists) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM complaint_listings');
      if (Number(rows[0]!.count) >= FULL_SIZE.complaintEvents) {
        await migrateToLatest(url);
        return url;
      }
    } catch {
      // schema out of date: regenerate
    } finally {
      await client.end();
    }
  }
  return regenerateBenchDatabase();
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarise(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}
