import { randomBytes } from 'node:crypto';
import { ensureTemplateDatabase } from '@counterpoint/db/testing';
import pg from 'pg';

/**
 * The benchmark world, generated inside PostgreSQL with generate_series (seconds, not
 * minutes): artists with approved designs, sellers on every marketplace with a skewed
 * number of complaints each (a few sellers get most of them, as in reality), complaint
 * listings in every status, and listings. Deterministic: PostgreSQL's random() is seeded.
 */
export interface DatasetSize {
  artists: number;
  sellers: number;
  complaintEvents: number;
}

export const FULL_SIZE: DatasetSize = { artists: 5000, sellers: 100_000, complaintEvents: 1_000_000 };

export const BENCH_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh migrated database (cloned from the test template) for one benchmark run. */
export async function createBenchDatabase(label: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const template = await ensureTemplateDatabase();
  const name = `counterpoint_bench_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  return {
    name,
    url: databaseUrl(name),
    drop: async () => {
      const client = new pg.Client({ connectionString: BENCH_SERVER_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function generateDataset(url: string, size: DatasetSize, log: (message: string) => void = console.log): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, text: string) => {
    const started = performance.now();
    await client.query(text);
    log(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };
  try {
    await client.query('SELECT setseed(0.42)');
    await client.query('SET synchronous_commit = off');
    await step(
      `${size.artists} artists`,
      `INSERT INTO artists (id, email, display_name, password_hash, public_attribution)
       SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'bench' || i || '@example.test', 'Bench Artist ' || i, 'x', i % 10 = 0
       FROM generate_series(1, ${size.artists}) AS i`,
    );
    await step(
      `${size.artists} approved designs`,
      `INSERT INTO artworks (id, artist_id, title, ipr_type, ipr_status)
       SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
              'Design ' || i, CASE WHEN i % 20 = 0 THEN 'trademark' ELSE 'copyright' END, 'approved'
       FROM generate_series(1, ${size.artists}) AS i`,
    );
    await step(
      `${size.sellers} sellers`,
      `INSERT INTO sellers (id, marketplace, store_id, name, store_url, facts_version)
       SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid,
              (ARRAY['aliexpress','aliexpress','aliexpress','alibaba','taobao','tmall','1688'])[1 + i % 7],
              (800000000 + i)::text, 'Bench Store ' || i, 'https://www.aliexpress.com/store/' || (800000000 + i), 1
       FROM generate_series(1, ${size.sellers}) AS i`,
    );
    // Seller of event n: skewed towards low seller numbers (squared uniform draw).
    await step(
      `${size.complaintEvents} listings`,
      `INSERT INTO listings (id, marketplace, item_id, canonical_url, seller_id, removed_on)
       SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(n), 12, '0'))::uuid, s.marketplace, (1005000000000000 + n)::text,
              'https://www.aliexpress.com/item/' || (1005000000000000 + n) || '.html', s.id, NULL
       FROM (SELECT n, 1 + floor(${size.sellers} * random() ^ 2)::int AS seller_number FROM generate_series(1, ${size.complaintEvents}) AS n) AS draw
       JOIN sellers s ON s.id = ('00000000-0000-4000-a000-' || lpad(to_hex(draw.seller_number), 12, '0'))::uuid`,
    );
    await step(
      `${size.complaintEvents} complaints`,
      `INSERT INTO complaints (id, artist_id, artwork_id, marketplace, filed_on, reason, visibility, severity)
       SELECT ('00000000-0000-4001-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
              ('00000000-0000-4000-8000-' || lpad(to_hex(a), 12, '0'))::uuid,
              ('00000000-0000-4000-9000-' || lpad(to_hex(a), 12, '0'))::uuid,
              l.marketplace, current_date - (random() * 500)::int, 'Unauthorised copy of my artwork.',
              CASE WHEN random() < 0.5 THEN 'public' WHEN random() < 0.8 THEN 'collective' ELSE 'private' END,
              CASE WHEN random() < 0.02 THEN 'serious' ELSE 'general' END
       FROM (SELECT n, 1 + floor(random() * ${size.artists})::int AS a FROM generate_series(1, ${size.complaintEvents}) AS n) AS draw
       JOIN listings l ON l.id = ('00000000-0000-4000-b000-' || lpad(to_hex(draw.n), 12, '0'))::uuid`,
    );
    await step(
      `${size.complaintEvents} complaint listings`,
      `INSERT INTO complaint_listings (complaint_id, listing_id, seller_id, status, status_on, established_on, counter_notice_on, response_due_on)
       SELECT c.id, l.id, l.seller_id, st.status, LEAST(current_date, c.filed_on + 3),
              CASE WHEN st.status = 'removed' THEN LEAST(current_date, c.filed_on + 3 + (random() * 4)::int) END,
              CASE WHEN st.status IN ('counter_notice', 'responded') THEN c.filed_on + 2 END,
              CASE WHEN st.status = 'counter_notice' THEN c.filed_on + 5 END
       FROM complaints c
       JOIN listings l ON l.id = ('00000000-0000-4000-b000-' || substr(c.id::text, 25))::uuid
       CROSS JOIN LATERAL (SELECT CASE
            WHEN r < 0.60 THEN 'removed' WHEN r < 0.78 THEN 'submitted' WHEN r < 0.83 THEN 'counter_notice'
            WHEN r < 0.87 THEN 'unable_to_process' WHEN r < 0.91 THEN 'withdrawn' WHEN r < 0.95 THEN 'information_requested'
            WHEN r < 0.97 THEN 'restored' ELSE 'responded' END AS status FROM (SELECT random() + (c.filed_on - c.filed_on) AS r) AS roll) AS st`,
    );
    await step(
      'removed listings marked',
      `UPDATE listings SET removed_on = cl.established_on FROM complaint_listings cl WHERE cl.listing_id = listings.id AND cl.status = 'removed'`,
    );
    await step('vacuum analyze', 'VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
