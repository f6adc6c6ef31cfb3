import { ConfigurationError, DEFAULT_PUBLICATION_POLICY } from '@counterpoint/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { loadWorkerConfig } from './config';

describe('loadWorkerConfig', () => {
  it('runs on local defaults: Redis queues and the default publication policy', () => {
    const config = loadWorkerConfig({});
    expect(config.queue).toEqual({
      kind: 'redis',
      url: 'redis://127.0.0.1:6379',
      prefix: 'counterpoint',
    });
    expect(config.watchlistPolicy).toEqual(DEFAULT_PUBLICATION_POLICY);
  });

  it('queues in PostgreSQL in embedded mode', () => {
    const config = loadWorkerConfig({
      COUNTERPOINT_MODE: 'embedded',
      DATABASE_URL: 'postgres://u@h:1/db',
    });
    expect(config.queue).toMatchObject({
      kind: 'postgres',
      connectionString: 'postgres://u@h:1/db',
    });
  });

  it('accepts a database URL that names a Unix socket directory (the form the README gives)', () => {
    const url = 'postgres://counterpoint@localhost/counterpoint?host=/var/run/postgresql';
    const config = loadWorkerConfig({ COUNTERPOINT_MODE: 'embedded', DATABASE_URL: url });
    expect(config.queue).toMatchObject({ kind: 'postgres', connectionString: url });
    // pg reads the `host` parameter as the socket's directory (nothing is connected here).
    expect(new pg.Client({ connectionString: url })).toMatchObject({ host: '/var/run/postgresql', database: 'counterpoint' });
  });

  it('takes the watchlist publication policy from the WATCHLIST_* variables', () => {
    const config = loadWorkerConfig({
      WATCHLIST_MIN_DISTINCT_ARTISTS: '3',
      WATCHLIST_CORROBORATION: 'both',
      WATCHLIST_PUBLISHED_VISIBILITIES: 'collective,public',
    });
    expect(config.watchlistPolicy).toMatchObject({
      minDistinctArtists: 3,
      corroboration: 'both',
      publishedVisibilities: ['collective', 'public'],
    });
  });

  it('prepares its statements unless told otherwise', () => {
    expect(loadWorkerConfig({}).database.preparedStatements).toBe(true);
    expect(loadWorkerConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).database.preparedStatements).toBe(false);
    expect(() => loadWorkerConfig({ DATABASE_PREPARED_STATEMENTS: 'sometimes' })).toThrow(ConfigurationError);
  });

  it('turns parallel query off for its sessions unless told otherwise', () => {
    expect(loadWorkerConfig({}).database.parallelWorkers).toBe(0);
    expect(loadWorkerConfig({ DATABASE_PARALLEL_WORKERS: '2' }).database.parallelWorkers).toBe(2);
    expect(loadWorkerConfig({ DATABASE_PARALLEL_WORKERS: 'server' }).database.parallelWorkers).toBe(
      'server',
    );
    expect(() => loadWorkerConfig({ DATABASE_PARALLEL_WORKERS: 'many' })).toThrow(
      ConfigurationError,
    );
  });

  it('stops with every bad variable named', () => {
    let thrown: unknown;
    try {
      loadWorkerConfig({ WATCHLIST_CORROBORATION: 'sometimes', WORKER_CONCURRENCY: '0' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    const message = (thrown as Error).message;
    expect(message).toContain('WATCHLIST_CORROBORATION');
    expect(message).toContain('WORKER_CONCURRENCY');
  });
});
