import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  registerArtist,
  sessionCookie,
  uniqueEmail,
  type TestContext,
} from './helpers';

let context: TestContext;

beforeAll(async () => {
  context = await createTestContext({
    LOGIN_ATTEMPTS_PER_ACCOUNT: '3',
    LOGIN_ATTEMPTS_PER_IP: '1000',
  });
});
afterAll(() => context.close());

describe('accounts', () => {
  it('registers, reads /me, logs out and in again with cookies', async () => {
    const { app } = context;
    const email = uniqueEmail('Flow');
    const artist = await registerArtist(app, { email: `  ${email.toUpperCase()} ` });
    expect(artist.email).not.toBe(email);

    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: artist.cookie },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().artist).toMatchObject({
      id: artist.id,
      email: email.toLowerCase(),
      displayName: 'Test Artist',
    });
    expect(me.json().artist.passwordHash).toBeUndefined();
    expect(me.body).not.toContain('argon2');

    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: artist.headers,
    });
    expect(logout.statusCode).toBe(200);

    const afterLogout = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: artist.cookie },
    });
    expect(afterLogout.statusCode).toBe(401);
    expect(afterLogout.json().error.code).toBe('unauthenticated');

    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: email.toUpperCase(), password: artist.password },
    });
    expect(login.statusCode).toBe(200);
    const cookie = sessionCookie(login);
    expect(login.cookies.find((c) => c.name === 'cp_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    const again = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(again.json().artist.id).toBe(artist.id);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const email = uniqueEmail('dup');
    await registerArtist(context.app, { email });
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        email: email.toUpperCase(),
        password: 'another long password',
        displayName: 'Copy',
      },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('email_taken');
    const count = await context.db
      .selectFrom('artists')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('answers a wrong password with 401 and a code, and repeated failures with 429 and Retry-After', async () => {
    const artist = await registerArtist(context.app);
    const attempt = () =>
      context.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: artist.email, password: 'wrong password!' },
      });
    for (let i = 0; i < 3; i += 1) {
      const response = await attempt();
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('invalid_credentials');
    }
    const blocked = await attempt();
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits out the window: the limit protects the account.
    const right = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: artist.email, password: artist.password },
    });
    expect(right.statusCode).toBe(429);
    const audit = await context.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', artist.id)
      .execute();
    expect(audit.filter((row) => row.action === 'account.login_failed')).toHaveLength(3);
  });

  it('does not reveal whether an email exists', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: uniqueEmail('nobody'), password: 'whatever it is' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_credentials');
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const artist = await registerArtist(context.app);
    const withoutToken = await context.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: artist.cookie },
      payload: { displayName: 'Changed' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('csrf_failed');
    const withToken = await context.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: artist.headers,
      payload: { displayName: 'Changed' },
    });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().displayName).toBe('Changed');
  });

  it('creates, uses and revokes personal API tokens; the secret is shown once and stored hashed', async () => {
    const artist = await registerArtist(context.app);
    const created = await context.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: artist.headers,
      payload: { name: 'import script' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json<{ token: string; id: string }>();
    expect(token).toMatch(/^cpt_/);

    const stored = await context.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const me = await context.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().artist.id).toBe(artist.id);
    // Bearer writes need no CSRF token: browsers never attach them on their own.
    const patch = await context.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
      payload: { checkbackDays: 5 },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().checkbackDays).toBe(5);

    const list = await context.app.inject({
      method: 'GET',
      url: '/api/v1/me/tokens',
      headers: { cookie: artist.cookie },
    });
    expect(list.json().tokens).toHaveLength(1);
    expect(list.body).not.toContain(token);

    const revoke = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${id}`,
      headers: artist.headers,
    });
    expect(revoke.statusCode).toBe(200);
    const after = await context.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it("does not let one artist revoke another artist's token", async () => {
    const owner = await registerArtist(context.app);
    const other = await registerArtist(context.app);
    const created = await context.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: owner.headers,
      payload: { name: 'mine' },
    });
    const response = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${created.json().id}`,
      headers: other.headers,
    });
    expect(response.statusCode).toBe(404);
    const stillThere = await context.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${created.json().token}` },
    });
    expect(stillThere.statusCode).toBe(200);
  });

  it('rejects a malformed Authorization header and unknown tokens with 401', async () => {
    for (const authorization of ['Basic abc', 'Bearer', 'Bearer cpt_unknown']) {
      const response = await context.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
    }
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 invalid_json', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_json');
  });

  it('answers fields of the wrong type with 400 naming the fields', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 42, password: ['x'], displayName: 'A' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation_failed');
    const fields = body.error.details.fields.map((field: { field: string }) => field.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('answers an oversized body with 413', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'big@example.test', password: 'x'.repeat(2_000_000), displayName: 'Big' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route_not_found');
  });

  it('answers a wrong content type with 415', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });

  it('answers a short password with 400 and writes nothing', async () => {
    const email = uniqueEmail('short');
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: 'short', displayName: 'S' },
    });
    expect(response.statusCode).toBe(400);
    const row = await context.db
      .selectFrom('artists')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});

describe('operations', () => {
  it('reports liveness and readiness', async () => {
    const health = await context.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await context.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('runs its database sessions without parallel query (DATABASE_PARALLEL_WORKERS, default 0) or Memoize nodes', async () => {
    const { rows } = await context.app.pg.pool.query<{ parallel: string; memoize: string }>(
      "SELECT current_setting('max_parallel_workers_per_gather') AS parallel, current_setting('enable_memoize') AS memoize",
    );
    expect(rows[0]).toEqual({ parallel: '0', memoize: 'off' });
  });

  it('prepares its parameterised statements once per connection (DATABASE_PREPARED_STATEMENTS, default true)', async () => {
    const statements = await context.app.db.connection().execute(async (connection) => {
      for (let run = 0; run < 2; run += 1)
        await connection.selectFrom('artists').select('id as probeId').where('email', '=', 'nobody@example.com').execute();
      const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(connection);
      return rows.map((row) => row.statement);
    });
    expect(statements.filter((text) => text.includes('"probe_id" from "artists" where "email" = $1'))).toHaveLength(1);
  });

  it('serves the OpenAPI document with every route and its schemas', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/register',
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/me/tokens',
        '/api/v1/me/tokens/{id}',
      ]),
    );
    expect(
      document.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema
        .properties,
    ).toHaveProperty('email');
    const ui = await context.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
  });
});
