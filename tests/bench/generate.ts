/*
 * pnpm bench:generate
 * (Re)creates the benchmark database: 5,000 artists, 100,000 sellers, 1,000,000 complaint
 * events, then computes every standing, so the other benchmarks start from a live world.
 */
import { createKysely, createPool } from '@counterpoint/db';
import { loadRulesets, recomputeStandings } from '@counterpoint/worker';
import { regenerateBenchDatabase } from './lib/bench-db';

async function main() {
  const started = performance.now();
  const url = await regenerateBenchDatabase();
  const pool = createPool(url, { max: 2 });
  const db = createKysely(pool);
  const rulesets = loadRulesets(null);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db.selectFrom('sellers').select('id').where('id', '>', after).orderBy('id').limit(1000).execute();
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    await recomputeStandings(db, rulesets, batch.map((row) => row.id), new Date());
  }
  await pool.end();
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
