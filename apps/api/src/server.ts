import { ConfigurationError } from '@counterpoint/core';
import { buildApp } from './app';
import { loadApiConfig } from './config';

/** Process concerns only: configuration, listening, signals, graceful close. */
async function main() {
  const config = loadApiConfig();
  const app = await buildApp(config);
  let isClosing = false;
  const close = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('graceful shutdown timed out');
      process.exit(1);
    }, 10_000);
    try {
      await app.close();
      clearTimeout(timer);
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    console.error('The API could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
