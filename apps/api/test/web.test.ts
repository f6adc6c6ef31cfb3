import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, registerArtist, type TestContext } from './helpers';

let context: TestContext;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'counterpoint-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Counterpoint</title><div id="root"></div>');
  await writeFile(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  context = await createTestContext({ WEB_DIST_DIR: dist });
});
afterAll(() => context.close());

describe('serving the web app', () => {
  it('serves index.html for the root, app routes and fingerprinted assets with long caching', async () => {
    const root = await context.app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<div id="root">');
    expect(root.headers['cache-control']).toBe('no-cache');
    const page = await context.app.inject({ method: 'GET', url: '/complaints/123' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<div id="root">');
    const asset = await context.app.inject({ method: 'GET', url: '/assets/app-1.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('serves assets added after start-up (a rebuild) and 404s missing ones instead of the HTML', async () => {
    await writeFile(path.join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    const added = await context.app.inject({ method: 'GET', url: '/assets/app-2.js' });
    expect(added.statusCode).toBe(200);
    expect(added.body).toBe('console.log(2)');
    const missing = await context.app.inject({ method: 'GET', url: '/assets/gone-3.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
  });

  it('keeps unknown API paths JSON 404s', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route_not_found');
  });

  it('answers the session probe without a 401 whether or not someone is signed in', async () => {
    const anonymous = await context.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ artist: null, csrfToken: null });
    const artist = await registerArtist(context.app);
    const signedIn = await context.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: artist.cookie } });
    expect(signedIn.json()).toMatchObject({ artist: { id: artist.id }, csrfToken: artist.csrfToken });
  });
});
