/*
 * Development: API and worker restart on change, Vite serves the web app with hot reload
 * and proxies /api to the API. Uses your PostgreSQL and Redis (see .env.example).
 */
import { spawn } from 'node:child_process';

const processes = [
  spawn('pnpm', ['--filter', '@counterpoint/db', 'migrate'], { stdio: 'inherit' }),
];
processes[0]!.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  for (const [filter, script] of [
    ['@counterpoint/api', 'dev'],
    ['@counterpoint/worker', 'dev'],
    ['@counterpoint/web', 'dev'],
  ] as const) {
    processes.push(spawn('pnpm', ['--filter', filter, script], { stdio: 'inherit' }));
  }
});
const stop = () => {
  for (const child of processes) child.kill('SIGTERM');
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
