import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function newestMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The built web app the API serves to the browser: `E2E_WEB_DIST_DIR` when set (used as is),
 * otherwise `apps/web/dist`, rebuilt first when it is missing or older than its sources (the
 * same rule as `npm test`, which usually built it already).
 */
export function ensureWebBuilt(): string {
  if (process.env.E2E_WEB_DIST_DIR) return path.resolve(process.env.E2E_WEB_DIST_DIR);
  const web = path.join(root, 'apps/web');
  const dist = path.join(web, 'dist');
  const index = path.join(dist, 'index.html');
  const sources = Math.max(newestMtime(web), newestMtime(path.join(root, 'packages/core/src')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return dist;
  execFileSync(path.join(web, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
  });
  return dist;
}
