/*
 * The whole test suite: type checks, lint, then every unit, integration and browser test,
 * against the machine's PostgreSQL and Redis (TEST_DATABASE_URL, TEST_REDIS_URL).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const databaseUrl = new URL(
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const redisUrl = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const say = (message: string) => console.log(`[test] ${message}`);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const PROJECTS = [
  'packages/core',
  'packages/db',
  'packages/queue',
  'apps/api',
  'apps/worker',
  'apps/web',
  'tests',
];

function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1500 });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function step(name: string, command: string, args: string[]) {
  say(name);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    say(`${name} failed`);
    process.exit(result.status ?? 1);
  }
  say(`${name} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  const missing: string[] = [];
  if (!(await isListening(databaseUrl.hostname, Number(databaseUrl.port || 5432))))
    missing.push(`PostgreSQL at ${databaseUrl.host}`);
  if (!(await isListening(redisUrl.hostname, Number(redisUrl.port || 6379))))
    missing.push(`Redis at ${redisUrl.host}`);
  if (missing.length) {
    console.error(
      `The tests need ${missing.join(' and ')}. Start them (see README, "Running the tests") or set TEST_DATABASE_URL / TEST_REDIS_URL.`,
    );
    process.exit(1);
  }

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium) && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    say("installing Debian's Chromium for the browser tests");
    try {
      execFileSync('apt-get', ['install', '-y', '-q', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      execFileSync('sh', ['-c', 'apt-get update -q && apt-get install -y -q chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    }
  }

  const only = process.argv.slice(2);
  if (only.length === 0) {
    say('type check');
    for (const project of PROJECTS)
      step(`  ${project}`, bin('tsc'), ['-p', `${project}/tsconfig.json`]);
    step('lint', bin('eslint'), ['.', '--max-warnings=0']);
  }
  step('tests', bin('vitest'), ['run', ...only]);
}

void main();
