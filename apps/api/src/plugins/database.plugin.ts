import fastifyPostgres from '@fastify/postgres';
import { createKysely, requestSessionSettings } from '@counterpoint/db';
import fp from 'fastify-plugin';

/** @fastify/postgres owns the pool (and closes it); Kysely wraps that same pool. */
export const databasePlugin = fp(
  async (app) => {
    await app.register(fastifyPostgres, {
      connectionString: app.config.database.url,
      max: app.config.database.poolMax,
      application_name: 'counterpoint-api',
      ...requestSessionSettings(app.config.database.parallelWorkers),
    });
    app.decorate('db', createKysely(app.pg.pool, { prepare: app.config.database.preparedStatements }));
  },
  { name: 'database' },
);
