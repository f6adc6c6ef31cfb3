import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';
import {
  first,
  isMutation,
  jsonAs,
  loadOperations,
  multipartAs,
  PUBLIC_ROUTE,
  sweep,
  SweepWorld,
  type Attempt,
  type Operation,
} from './route-sweep';

/**
 * Another artist's things, route by route. Ana owns a design, a seller's listings with her
 * sightings, a complaint, a collective with a campaign and an invitation, and an API token,
 * all shared with her collective at most, and a seller note, a sighting and a complaint she
 * keeps private. Ivan, who shares no collective with her, calls every route of the OpenAPI
 * document at her ids. He may read the shared facts about sellers and listings, but no answer
 * may carry her name, email, id or anything she wrote, and every change he attempts to her
 * things is refused without writing a row. Ben, her collective mate, reads every route too:
 * he sees what she shares with the collective, never what she keeps private.
 */

const MARK = 'Qx7Private';
const SHARED_WITH_EVERYONE = new Set([
  // A seller is one shared profile: any artist may add their own note to it.
  'POST /api/v1/sellers/{id}/notes',
]);
/** Routes that act on a bearer token rather than on ids: tested with collectives. */
const TOKEN_ROUTES = /^\/api\/v1\/(invitations\/|auth\/)/;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let context: TestContext;
let ana: TestArtist;
let ivan: TestArtist;
let ben: TestArtist;
let world: SweepWorld;
let operations: Operation[];

beforeAll(async () => {
  context = await createTestContext({
    RATE_LIMIT_PER_MINUTE: '1000000',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  ana = await registerArtist(context.app, {
    displayName: `Ana ${MARK}`,
    email: `ana.${MARK.toLowerCase()}@example.test`,
  });
  ivan = await registerArtist(context.app, { displayName: 'Ivan' });
  world = await SweepWorld.create(context, ana, MARK);
  ben = await registerArtist(context.app, { displayName: 'Ben' });
  const accepted = await context.app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    headers: ben.headers,
    payload: { token: world.invitationToken },
  });
  if (accepted.statusCode !== 201)
    throw new Error(`accept: ${accepted.statusCode} ${accepted.body}`);
  operations = await loadOperations(context.app);
}, 60_000);

afterAll(async () => {
  await context?.close();
});

/** Anything of Ana's that Ivan's answer carries. */
function leak(_attempt: Attempt, response: LightMyRequestResponse): string | null {
  const body = response.body.toLowerCase();
  for (const secret of [MARK.toLowerCase(), ana.id, ana.email.toLowerCase()]) {
    if (body.includes(secret)) return `answer carries "${secret}": ${response.body.slice(0, 300)}`;
  }
  return null;
}

/** Whether the request points at one of Ana's things, by its path or its body. */
function touchesAna(op: Operation, url: string, payload: string | undefined): boolean {
  const ids = Object.values(world.ids);
  return op.pathParams.length > 0 || ids.some((id) => url.includes(id) || payload?.includes(id));
}

/** Every read of the API at Ana's ids, as `reader`: each filter that takes an id set to hers, each enum value. */
function readAttempts(reader: TestArtist): Attempt[] {
  const attempts: Attempt[] = [];
  for (const op of operations.filter((entry) => !isMutation(entry))) {
    attempts.push({ op, url: world.url(op), label: "Ana's ids", headers: reader.headers });
    if (PUBLIC_ROUTE.test(op.path)) {
      attempts.push({ op, url: world.url(op), label: 'no session', headers: {} });
    }
    for (const { name, schema } of op.query) {
      if (first(schema).format !== 'uuid') continue;
      const id = world.ids[name.replace(/Id$/, '')];
      if (!id) continue;
      attempts.push({
        op,
        url: `${world.url(op)}?${name}=${id}`,
        label: `${name}=Ana's`,
        headers: reader.headers,
      });
    }
    for (const { name, schema } of op.query) {
      for (const value of first(schema).enum ?? []) {
        attempts.push({
          op,
          url: `${world.url(op)}?${name}=${String(value)}`,
          label: `${name}=${String(value)}`,
          headers: reader.headers,
        });
      }
    }
  }
  return attempts;
}

describe("another artist's things", () => {
  it('are set up and visible to their owner, so the sweep below means something', async () => {
    expect(operations.length).toBeGreaterThan(90);
    const seller = await context.app.inject({
      method: 'GET',
      url: `/api/v1/sellers/${world.ids.seller}`,
      headers: ana.headers,
    });
    expect(seller.body).toContain(`${MARK}Solo seller note`);
    expect(seller.body).toContain(`${MARK}Solo sighting note`);
    expect(seller.body).toContain(`${MARK} sighting note`);
    const collective = await context.app.inject({
      method: 'GET',
      url: `/api/v1/collectives/${world.ids.collective}`,
      headers: ana.headers,
    });
    expect(collective.body).toContain(`${MARK} collective`);
  });

  it('never show in what an outsider reads, on any route, under any filter', async () => {
    const attempts = readAttempts(ivan);
    expect(attempts.length).toBeGreaterThan(60);
    expect(await sweep(context, attempts, leak)).toEqual([]);
  });

  it('show a collective mate what Ana shares with the collective, and nothing she keeps private', async () => {
    const seller = await context.app.inject({
      method: 'GET',
      url: `/api/v1/sellers/${world.ids.seller}`,
      headers: ben.headers,
    });
    expect(seller.body).toContain(`${MARK} sighting note`);
    const solo = `${MARK}Solo`.toLowerCase();
    const problems = await sweep(context, readAttempts(ben), (_attempt, response) =>
      response.body.toLowerCase().includes(solo)
        ? `answer carries what Ana keeps private: ${response.body.slice(0, 300)}`
        : null,
    );
    expect(problems).toEqual([]);
  });

  it('cannot be changed, deleted or used by an outsider, and refusals say nothing of them', async () => {
    const attempts: Attempt[] = [];
    for (const op of operations.filter(
      (entry) => isMutation(entry) && !TOKEN_ROUTES.test(entry.path),
    )) {
      const url = world.url(op);
      const request = op.body
        ? jsonAs(ivan.headers, world.validBody(op))
        : { headers: ivan.headers };
      const refuse =
        touchesAna(op, url, 'payload' in request ? request.payload : undefined) &&
        !SHARED_WITH_EVERYONE.has(`${op.method} ${op.path}`);
      attempts.push({ op, url, label: 'as Ivan', ...request, refuse });
    }
    // Uploads: content that would be accepted, aimed at Ana's design, sighting and design id.
    for (const op of operations.filter((entry) => entry.multipart)) {
      const fields: [string, string | null, Buffer | string][] = op.path.includes('imports')
        ? [
            ['artworkId', null, world.ids.artwork!],
            [
              'file',
              'findings.csv',
              'url\nhttps://www.aliexpress.com/item/1005001234567890.html\n',
            ],
          ]
        : [['file', 'pin.png', PNG]];
      attempts.push({
        op,
        url: world.url(op),
        label: 'upload as Ivan',
        ...multipartAs(ivan.headers, fields),
        refuse: true,
      });
    }
    expect(attempts.length).toBeGreaterThan(40);
    expect(await sweep(context, attempts, leak)).toEqual([]);

    // Still all there, as Ana left them.
    const seller = await context.app.inject({
      method: 'GET',
      url: `/api/v1/sellers/${world.ids.seller}`,
      headers: ana.headers,
    });
    expect(seller.body).toContain(`${MARK}Solo seller note`);
    expect(seller.body).toContain(`${MARK} sighting note`);
  });
});
