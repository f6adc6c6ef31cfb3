#!/usr/bin/env node
/*
 * The entry point behind `npm start` and `npm test` (and their pnpm twins). It needs
 * nothing but Node.js: it fetches the pinned pnpm when the machine has none, installs
 * the workspace, builds the web app when its sources changed, then runs the command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';
const command = process.argv[2] ?? 'start';
const extra = process.argv.slice(3);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Counterpoint needs Node.js 20.19 or newer; this is ${process.version}.`);
  process.exit(1);
}

function run(executable, args, options = {}) {
  const result = spawnSync(executable, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.')) return ['pnpm', []];
  // No suitable pnpm on this machine: use the pinned one through npx (cached after the first run).
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
}

const [pnpm, pnpmPrefix] = pnpmCommand();
const pnpmRun = (args, options) => run(pnpm, [...pnpmPrefix, ...args], options);

function newestMtime(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function ensureInstalled() {
  const status = pnpmRun(['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent']);
  if (status !== 0) process.exit(status);
}

function ensureWebBuilt() {
  const index = path.join(root, 'apps/web/dist/index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'apps/web')),
    newestMtime(path.join(root, 'packages/core/src')),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('[counterpoint] building the web app');
  const status = pnpmRun(['--filter', '@counterpoint/web', 'build']);
  if (status !== 0) process.exit(status);
}

ensureInstalled();
switch (command) {
  case 'start':
    ensureWebBuilt();
    process.exit(pnpmRun(['exec', 'tsx', 'scripts/start.ts', ...extra]));
    break;
  case 'test':
    ensureWebBuilt();
    process.exit(pnpmRun(['exec', 'tsx', 'scripts/test.ts', ...extra]));
    break;
  case 'dev':
    process.exit(pnpmRun(['exec', 'tsx', 'scripts/dev.ts', ...extra]));
    break;
  default:
    console.error(`Unknown command "${command}". Use start, test or dev.`);
    process.exit(2);
}
