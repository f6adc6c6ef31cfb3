import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKysely, createPool } from '../src/client';
import { seedDemoData } from '../src/seed/seed';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.url, { today: new Date('2026-11-30T12:00:00Z') });
});
afterAll(() => database.drop());

describe('demo data', () => {
  it('gives each filed complaint its own IPP reference, as IPP does', async () => {
    const pool = createPool(database.url, { max: 1 });
    const db = createKysely(pool);
    try {
      const { rows } = await sql<{ filed: string; distinct: string }>`
        SELECT count(*) AS filed, count(DISTINCT (artist_id, lower(ipp_reference))) AS distinct
        FROM complaints WHERE ipp_reference IS NOT NULL`.execute(db);
      expect(Number(rows[0]!.filed)).toBeGreaterThan(10);
      expect(Number(rows[0]!.distinct)).toBe(Number(rows[0]!.filed));
    } finally {
      await pool.end();
    }
  });
});
