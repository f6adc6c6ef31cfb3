import { ConfigurationError } from '@counterpoint/core';
import pino from 'pino';
import { loadWorkerConfig } from './config';
import { startWorkerRuntime } from './runtime';

/** The worker process: start everything, and close it all gracefully on SIGTERM/SIGINT. */
async function main() {
  const config = loadWorkerConfig();
  const log = pino({ level: config.logLevel, name: 'worker' });
  const runtime = await startWorkerRuntime(config, { log });
  log.info({ queueBackend: config.queue.kind, concurrency: config.concurrency }, 'worker started');
  let isClosing = false;
  const close = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    log.info({ signal }, 'worker shutting down: finishing running jobs');
    const timer = setTimeout(() => {
      log.error('graceful shutdown timed out');
      process.exit(1);
    }, 30_000);
    await runtime.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) console.error(error.message);
  else console.error('The worker could not start:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
