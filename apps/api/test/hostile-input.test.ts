import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
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
  type Schema,
} from './route-sweep';

/**
 * Hostile input, route by route. Every operation in the OpenAPI document is called without a
 * session, without its CSRF token, with malformed and unknown ids, with wrong-typed,
 * out-of-range and unstorable values in each body field and query parameter, and with bodies
 * that are not JSON objects at all. Whatever the route: no answer is a 5xx, every 4xx names a
 * known error code, and a refused request leaves every table as it was. The routes come from
 * the document, so a route added later is swept without anyone remembering to add it here.
 */

/** Path segments that are not ids: a bad value there is one no route has. */
const BAD_PATH_VALUES = [
  'not-a-uuid',
  '0',
  "1' OR '1'='1",
  'x'.repeat(200),
  'x'.repeat(3000),
  '%00',
  '%E0%A4%A',
  '..%2F..%2Fetc%2Fpasswd',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

/** Characters PostgreSQL cannot store in text or jsonb. */
const UNSTORABLE = ['\u0000', 'design\u0000name', '\ud800', 'tail \udfff'];

const ANY_FIELD: unknown[] = [null, 12345, true, [], {}, '', 'x'.repeat(70_000), ...UNSTORABLE];

const QUERY_VALUES = [
  '',
  'x'.repeat(3000),
  '%00',
  '%ZZ',
  'not-an-enum',
  '-1',
  '99999999999999999999',
  '1e999',
  'null',
  '__proto__',
];

/** Values that must be refused (4xx) for a field of this schema, and ones that merely must not break. */
function hostileValues(name: string, raw: Schema): { refused: unknown[]; tolerated: unknown[] } {
  const schema = first(raw);
  const refused: unknown[] = [...UNSTORABLE, {}];
  const tolerated: unknown[] = ANY_FIELD.filter((value) => !refused.includes(value));
  if (schema.enum) refused.push('not-an-enum', 'DRAFT');
  switch (schema.type) {
    case 'string':
      refused.push(12345, []);
      if (schema.format === 'uuid') refused.push('not-a-uuid', '1005001234567890');
      if (schema.format === 'uuid')
        tolerated.push(randomUUID(), '00000000-0000-0000-0000-000000000000');
      if (/On$/.test(name)) {
        refused.push(
          '2026-02-30',
          '2026-13-01',
          '01/12/2026',
          '0001-01-01',
          '2026-12-01T00:00:00Z',
        );
        // Dates of things that happened may be neither in the future nor before the first of
        // these marketplaces opened (1999); a campaign's end date is a plan, not an event.
        (name === 'endsOn' ? tolerated : refused).push('9999-12-31', '1998-12-31');
      }
      if (schema.maxLength !== undefined) refused.push('x'.repeat(schema.maxLength + 1));
      break;
    case 'integer':
    case 'number':
      refused.push('five', [], -1e308, 1e308);
      tolerated.push(0, -1, 1.5, 2 ** 31, 2 ** 63);
      break;
    case 'boolean':
      refused.push('maybe', 2);
      break;
    case 'array':
      refused.push(
        'a,b',
        [null],
        ['\u0000'],
        Array.from({ length: 5000 }, () => randomUUID()),
      );
      break;
    case 'object':
      refused.push('object', [1]);
      break;
  }
  return { refused, tolerated };
}

/**
 * Every field of a body: its own properties, and those of the first item of an array of
 * objects (such as `updates.0.status`) when the valid body has one.
 */
function fieldsOf(schema: Schema, body: Record<string, unknown>): [string[], Schema][] {
  const fields: [string[], Schema][] = [];
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    fields.push([[name], raw]);
    const property = first(raw);
    const item = property.items && first(property.items);
    const present = body[name];
    if (item?.properties && Array.isArray(present) && typeof present[0] === 'object') {
      for (const [inner, innerSchema] of Object.entries(item.properties)) {
        fields.push([[name, '0', inner], innerSchema]);
      }
    }
  }
  return fields;
}

/** A copy of `body` with the value at `path` replaced. */
function withValue(body: Record<string, unknown>, path: string[], value: unknown): unknown {
  const copy = structuredClone(body);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

// ---------------------------------------------------------------------------------------------

let context: TestContext;
let artist: TestArtist;
let world: SweepWorld;
let operations: Operation[];
const loggedErrors: string[] = [];

const logStream = new Writable({
  write(chunk, _encoding, callback) {
    const line = String(chunk);
    if ((JSON.parse(line) as { level: number }).level >= 50) loggedErrors.push(line);
    callback();
  },
});

beforeAll(async () => {
  context = await createTestContext(
    {
      RATE_LIMIT_PER_MINUTE: '1000000',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'error',
    },
    { logger: { level: 'error', stream: logStream } },
  );
  artist = await registerArtist(context.app);
  // A moderator too, so the moderation routes do their work instead of answering 403.
  await context.db
    .updateTable('artists')
    .set({ role: 'moderator' })
    .where('id', '=', artist.id)
    .execute();
  // The artist's own things, so that requests get past "not found" to the real work.
  world = await SweepWorld.create(context, artist, 'Sample');
  operations = await loadOperations(context.app);
}, 60_000);

afterAll(async () => {
  await context?.close();
});

const url = (op: Operation, values: Record<string, string> = {}) => world.url(op, values);
const json = (value: unknown) => jsonAs(artist.headers, value);

describe('every route, given hostile input', () => {
  it('knows the routes to sweep', () => {
    // A guard on the sweep itself: were the document empty, every check below would pass.
    expect(operations.length).toBeGreaterThan(90);
    expect(operations.filter((op) => op.body).length).toBeGreaterThan(35);
    expect(operations.filter((op) => op.multipart).length).toBe(3);
  });

  it('answers 401 to every non-public route without a session, and never a 5xx', async () => {
    const attempts = operations.map((op): Attempt => ({
      op,
      url: url(op),
      label: 'no session',
      headers: op.body ? { 'content-type': 'application/json' } : {},
      ...(op.body ? { payload: '{}' } : {}),
      refuse: isMutation(op) && !PUBLIC_ROUTE.test(op.path),
    }));
    expect(await sweep(context, attempts)).toEqual([]);
    for (const op of operations.filter((entry) => !PUBLIC_ROUTE.test(entry.path))) {
      const response = await context.app.inject({ method: op.method, url: url(op) });
      expect(response.statusCode, `${op.method} ${op.path}`).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
    }
  });

  it('refuses malformed and unknown ids in the path', async () => {
    const attempts: Attempt[] = [];
    for (const op of operations) {
      for (const parameter of op.pathParams) {
        const values = [...BAD_PATH_VALUES, randomUUID()];
        for (const value of values) {
          const encoded = value.includes('%') ? value : encodeURIComponent(value);
          attempts.push({
            op,
            url: url(op, { [parameter]: encoded }),
            label: `${parameter}=${value.slice(0, 20)}`,
            headers: artist.headers,
            ...(op.body ? json(world.validBody(op)) : {}),
            refuse: true,
          });
        }
      }
    }
    expect(attempts.length).toBeGreaterThan(500);
    expect(await sweep(context, attempts)).toEqual([]);
  });

  it('refuses wrong, out-of-range and unstorable values in every body field', async () => {
    const attempts: Attempt[] = [];
    for (const op of operations.filter(
      (entry) => entry.body && entry.path !== '/api/v1/auth/logout',
    )) {
      const schema = first(op.body!);
      const base = world.validBody(op);
      for (const [field, fieldSchema] of fieldsOf(schema, base)) {
        const { refused, tolerated } = hostileValues(field.at(-1)!, fieldSchema);
        for (const [values, refuse] of [
          [refused, true],
          [tolerated, false],
        ] as const) {
          for (const value of values) {
            attempts.push({
              op,
              url: url(op),
              label: `${field.join('.')}=${JSON.stringify(value)?.slice(0, 30)}`,
              ...json(withValue(base, field, value)),
              refuse,
            });
          }
        }
      }
    }
    expect(attempts.length).toBeGreaterThan(1000);
    expect(await sweep(context, attempts)).toEqual([]);
  });

  it('refuses bodies that are not what the route reads', async () => {
    const attempts: Attempt[] = [];
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const op of operations.filter((entry) => entry.body || entry.multipart)) {
      const bodies: [string, string, string][] = [
        ['array', 'application/json', '[]'],
        ['string', 'application/json', '"text"'],
        ['null', 'application/json', 'null'],
        ['truncated', 'application/json', '{"name": "'],
        ['deeply nested', 'application/json', deep],
        [
          'prototype',
          'application/json',
          '{"__proto__": {"role": "moderator"}, "constructor": {}}',
        ],
        ['plain text', 'text/plain', 'name=x'],
        ['form', 'application/x-www-form-urlencoded', 'name=x'],
        [
          'broken multipart',
          'multipart/form-data; boundary=zz',
          '--zz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
        ],
        ['multipart without boundary', 'multipart/form-data', 'abc'],
        [
          'multipart with a huge boundary',
          `multipart/form-data; boundary=${'b'.repeat(300)}`,
          'abc',
        ],
      ];
      for (const [label, type, payload] of bodies) {
        attempts.push({
          op,
          url: url(op),
          label,
          headers: { ...artist.headers, 'content-type': type },
          payload,
          refuse: true,
        });
      }
    }
    expect(await sweep(context, attempts)).toEqual([]);
  });

  it('refuses uploads that are empty, misnamed, binary or carry unstorable fields', async () => {
    const attempts: Attempt[] = [];
    const parts: [string, [name: string, filename: string | null, content: string | Buffer][]][] = [
      ['no file', [['visibility', null, 'private']]],
      [
        'file under another name',
        [
          [
            'upload',
            'findings.csv',
            'url\nhttps://www.aliexpress.com/item/1005001234567890.html\n',
          ],
        ],
      ],
      ['empty file', [['file', 'findings.csv', '']]],
      [
        'binary file',
        [['file', 'a\u0000b.csv', Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254])]],
      ],
      [
        'unstorable field',
        [
          ['artworkId', null, '\u0000'],
          ['file', 'findings.csv', 'url\nhttps://www.aliexpress.com/item/1005001234567890.html\n'],
        ],
      ],
    ];
    for (const op of operations.filter((entry) => entry.multipart)) {
      for (const [label, fields] of parts) {
        attempts.push({
          op,
          url: url(op),
          label,
          ...multipartAs(artist.headers, fields),
          refuse: true,
        });
      }
    }
    expect(attempts.length).toBe(15);
    expect(await sweep(context, attempts)).toEqual([]);
  });

  it('never fails on hostile query parameters, and refuses bad enums and ids', async () => {
    const attempts: Attempt[] = [];
    for (const op of operations.filter((entry) => entry.query.length > 0)) {
      for (const { name, schema } of op.query) {
        const chosen = first(schema);
        const strict = Boolean(chosen.enum) || chosen.format === 'uuid';
        for (const value of QUERY_VALUES) {
          const encoded = value.includes('%') ? value : encodeURIComponent(value);
          attempts.push({
            op,
            url: `${url(op)}?${name}=${encoded}`,
            label: `${name}=${value.slice(0, 20)}`,
            headers: artist.headers,
            refuse: strict && value !== '',
          });
        }
        attempts.push({
          op,
          url: `${url(op)}?${name}=a&${name}=b`,
          label: `${name} twice`,
          headers: artist.headers,
        });
      }
    }
    expect(await sweep(context, attempts)).toEqual([]);
  });

  it('refuses forged, malformed and oversized credentials on every route', async () => {
    const forged: [string, Record<string, string>][] = [
      ['garbage bearer token', { authorization: 'Bearer cpt_not-a-real-token' }],
      ['huge bearer token', { authorization: `Bearer ${'x'.repeat(8000)}` }],
      ['empty bearer token', { authorization: 'Bearer ' }],
      ['other scheme', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
      ['garbage session cookie', { cookie: 'cp_session=not-a-session' }],
      ['huge session cookie', { cookie: `cp_session=${'s'.repeat(4000)}` }],
      ['malformed cookie header', { cookie: 'cp_session' }],
      [
        'session cookie with a forged CSRF token',
        { cookie: artist.cookie, 'x-csrf-token': 'forged' },
      ],
    ];
    const attempts: Attempt[] = [];
    for (const op of operations.filter((entry) => !PUBLIC_ROUTE.test(entry.path))) {
      for (const [label, headers] of forged) {
        // A forged CSRF token matters only where the token is checked: on changes.
        if (label.includes('CSRF') && !isMutation(op)) continue;
        attempts.push({
          op,
          url: url(op),
          label,
          headers: { ...headers, ...(op.body ? { 'content-type': 'application/json' } : {}) },
          ...(op.body ? { payload: JSON.stringify(world.validBody(op)) } : {}),
          refuse: true,
        });
      }
    }
    expect(await sweep(context, attempts)).toEqual([]);
  });

  it('refuses every request without its CSRF token when signed in by cookie', async () => {
    const attempts: Attempt[] = operations
      .filter((op) => isMutation(op) && !PUBLIC_ROUTE.test(op.path))
      .map((op) => ({
        op,
        url: url(op),
        label: 'no CSRF token',
        headers: {
          cookie: artist.cookie,
          ...(op.body ? { 'content-type': 'application/json' } : {}),
        },
        ...(op.body ? { payload: JSON.stringify(world.validBody(op)) } : {}),
        refuse: true,
      }));
    expect(await sweep(context, attempts)).toEqual([]);
  });

  it('still stores emoji and every script unchanged (the text guard refuses only what cannot be stored)', async () => {
    const title = '猫のピン 🎨🐈‍⬛ Ünïcödé — «copie»';
    const created = await context.app.inject({
      method: 'POST',
      url: '/api/v1/artworks',
      headers: artist.headers,
      payload: { title },
    });
    expect(created.statusCode, created.body).toBe(201);
    const read = await context.app.inject({
      method: 'GET',
      url: `/api/v1/artworks/${created.json().id}`,
      headers: artist.headers,
    });
    expect(read.json().title).toBe(title);
  });

  it('logged no error while being swept', () => {
    expect(loggedErrors).toEqual([]);
  });
});
