import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { ERROR_STATUS } from '../src/errors';
import { createArtwork, createSellerWithListings, fileComplaint, uniqueItemId } from './factories';
import type { TestArtist, TestContext } from './helpers';

/**
 * Sweeps over every route of the API, as its OpenAPI document lists them: the operations,
 * a world of real resources to point them at, bodies that would succeed, and a runner that
 * checks each answer (no 5xx, known error codes, no writes on refusal).
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: string[];
  query: { name: string; schema: Schema }[];
  body: Schema | null;
  multipart: boolean;
  /** The statuses its documentation lists. */
  responses: string[];
}

/** Routes anyone may call; every other one answers 401 without a session. */
export const PUBLIC_ROUTE =
  /^\/(healthz|readyz|public\/|api\/v1\/auth\/(register|login|session|logout)$|api\/v1\/invitations\/preview$)/;

export const isMutation = (op: Operation) => op.method !== 'GET';

/** The schema itself, or the first non-null one of a union. */
export function first(schema: Schema): Schema {
  const options = schema.anyOf ?? schema.oneOf;
  if (!options) return schema;
  return first(options.find((option) => option.type !== 'null') ?? options[0]!);
}

/** Every operation of the API's OpenAPI document. */
export async function loadOperations(app: FastifyInstance): Promise<Operation[]> {
  const response = await app.inject({ method: 'GET', url: '/docs/json' });
  const document = response.json<{
    paths: Record<string, Record<string, Record<string, unknown>>>;
  }>();
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as {
        parameters?: { in: string; name: string; schema: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
        description?: string;
        responses?: Record<string, unknown>;
      };
      const content = op.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
        query: (op.parameters ?? []).filter((parameter) => parameter.in === 'query'),
        body: content['application/json']?.schema ?? null,
        // Uploads read their multipart body themselves, so the document only describes it.
        multipart: !op.requestBody && /multipart\/form-data/.test(String(op.description)),
        responses: Object.keys(op.responses ?? {}),
      });
    }
  }
  return operations;
}

/** Row counts of every table, in one statement. */
export async function tableCounts(context: TestContext): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
  `.execute(context.db);
  const selects = tables.rows.map(({ name }) => `'${name}', (SELECT count(*) FROM "${name}")`);
  const { rows } = await sql<{ counts: Record<string, number> }>`
    SELECT json_build_object(${sql.raw(selects.join(', '))}) AS counts
  `.execute(context.db);
  return rows[0]!.counts;
}

/**
 * One artist's things, made through the API: a design, a seller with two listings and their
 * sightings, a complaint, a collective with an invitation and a campaign, and an API token,
 * shared with the collective at most; and a seller note, a sighting and a complaint that only
 * the owner sees. Every text they write contains `label` (`<label>Solo` in the owner-only
 * ones), so a test can look for it where it must not show.
 */
export class SweepWorld {
  private constructor(
    readonly owner: TestArtist,
    readonly ids: Record<string, string>,
    readonly storeId: string,
    readonly invitationToken: string,
  ) {}

  static async create(context: TestContext, owner: TestArtist, label: string): Promise<SweepWorld> {
    const { app, db } = context;
    const ids: Record<string, string> = { artist: owner.id };
    ids.artwork = (await createArtwork(app, owner, { title: `${label} design` })).id;
    const seller = await createSellerWithListings(app, owner, ids.artwork, 2);
    ids.seller = seller.sellerId;
    ids.listing = seller.listingIds[0]!;
    ids.complaint = (
      await fileComplaint(app, owner, {
        artworkId: ids.artwork,
        listingIds: [seller.listingIds[1]!],
      })
    ).id;
    const sighting = await db
      .selectFrom('sightings')
      .select('id')
      .where('artistId', '=', owner.id)
      .executeTakeFirstOrThrow();
    ids.sighting = sighting.id;
    const reminder = await db
      .selectFrom('reminders')
      .select('id')
      .where('artistId', '=', owner.id)
      .executeTakeFirst();
    if (reminder) ids.reminder = reminder.id;

    const post = async (
      url: string,
      payload: Record<string, unknown>,
      method: 'POST' | 'PATCH' = 'POST',
    ) => {
      const response = await app.inject({ method, url, headers: owner.headers, payload });
      if (response.statusCode >= 300)
        throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return response.json<Record<string, unknown>>();
    };
    await post(`/api/v1/sightings/${ids.sighting}`, { note: `${label} sighting note` }, 'PATCH');
    ids.collective = (await post('/api/v1/collectives', { name: `${label} collective` }))
      .id as string;
    const invitation = await post(`/api/v1/collectives/${ids.collective}/invitations`, {});
    ids.invitation = invitation.id as string;
    // Only the owner sees these: a seller note (private by default), and a private sighting of
    // a third listing with a private complaint about it.
    ids.note = (
      await post(`/api/v1/sellers/${ids.seller}/notes`, { body: `${label}Solo seller note` })
    ).id as string;
    const solo = await post('/api/v1/findings', {
      text: `https://www.aliexpress.com/store/product/copied-pin/${seller.storeId}_${uniqueItemId()}.html`,
      artworkId: ids.artwork,
      foundOn: '2026-02-01',
      note: `${label}Solo sighting note`,
      visibility: 'private',
    });
    await post('/api/v1/complaints', {
      artworkId: ids.artwork,
      listingIds: [(solo.results as { listingId: string }[])[0]!.listingId],
      filedOn: '2026-03-02',
      reason: `${label}Solo complaint reason`,
      visibility: 'private',
    });
    ids.token = (await post('/api/v1/me/tokens', { name: `${label} token` })).id as string;
    ids.campaign = (
      await post(`/api/v1/collectives/${ids.collective}/campaigns`, {
        name: `${label} campaign`,
        sellerIds: [ids.seller],
      })
    ).id as string;
    return new SweepWorld(owner, ids, seller.storeId, invitation.token as string);
  }

  /** The resource a path parameter names, from its name or the segment before it. */
  private idFor(path: string, parameter: string): string {
    if (parameter === 'marketplace') return 'aliexpress';
    if (parameter === 'storeId') return this.storeId;
    const byName: Record<string, string | undefined> = {
      artistId: this.ids.artist,
      campaignId: this.ids.campaign,
      invitationId: this.ids.invitation,
      noteId: this.ids.note,
    };
    if (parameter in byName) return byName[parameter] ?? randomUUID();
    const segment = path.split(`/{${parameter}}`)[0]!.split('/').at(-1)!;
    const bySegment: Record<string, string | undefined> = {
      artworks: this.ids.artwork,
      sellers: this.ids.seller,
      'hidden-sellers': this.ids.seller,
      listings: this.ids.listing,
      sightings: this.ids.sighting,
      complaints: this.ids.complaint,
      collectives: this.ids.collective,
      tokens: this.ids.token,
      reminders: this.ids.reminder,
    };
    return bySegment[segment] ?? randomUUID();
  }

  /** The operation's path with this world's ids in it, or the given (already encoded) values. */
  url(op: Operation, values: Record<string, string> = {}): string {
    return op.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
      name in values ? values[name]! : encodeURIComponent(this.idFor(op.path, name)),
    );
  }

  /** The smallest value the schema accepts, using this world's ids where ids are asked for. */
  sample(schema: Schema, name: string): unknown {
    const chosen = first(schema);
    if (chosen.enum) return chosen.enum[0];
    switch (chosen.type) {
      case 'string': {
        if (chosen.format === 'uuid') return this.ids[name.replace(/Ids?$/, '')] ?? randomUUID();
        if (/On$/.test(name)) return '2026-11-20';
        if (/url|text/i.test(name)) return `https://www.aliexpress.com/item/1005001234567890.html`;
        if (/email/i.test(name)) return 'someone@example.test';
        return 'Sample'.padEnd(chosen.minLength ?? 1, '.').slice(0, chosen.maxLength ?? 100);
      }
      case 'integer':
      case 'number':
        return chosen.minimum ?? 1;
      case 'boolean':
        return false;
      case 'array':
        return Array.from({ length: Math.max(1, chosen.minItems ?? 1) }, () =>
          this.sample(chosen.items ?? {}, name),
        );
      case 'object': {
        const body: Record<string, unknown> = {};
        for (const key of chosen.required ?? [])
          body[key] = this.sample(chosen.properties?.[key] ?? {}, key);
        return body;
      }
      default:
        return 'Sample';
    }
  }

  /**
   * A body the owner could send with success, where the schema alone cannot guess one (one
   * field of several, a store link, a live token), so that a request fails only for the
   * reason a test gives it.
   */
  validBody(op: Operation): Record<string, unknown> {
    const base = this.sample(op.body!, '') as Record<string, unknown>;
    const known: Record<string, Record<string, unknown>> = {
      'POST /api/v1/auth/login': { email: this.owner.email, password: this.owner.password },
      'PATCH /api/v1/collectives/{id}': { name: 'Pin makers united' },
      'PATCH /api/v1/collectives/{id}/campaigns/{campaignId}': { name: 'Autumn sweep' },
      'POST /api/v1/invitations/preview': { token: this.invitationToken },
      // Approved already, so this is refused after validation and the design stays approved.
      'POST /api/v1/artworks/{id}/ipr-status': { status: 'approved' },
      'POST /api/v1/sellers': {
        url: `https://www.aliexpress.com/store/${Number(this.storeId) + 1}`,
      },
      'POST /api/v1/complaints': { listingIds: [this.ids.listing] },
      'POST /api/v1/complaints/status': {
        updates: [{ complaintId: this.ids.complaint, status: 'removed', occurredOn: '2026-11-20' }],
      },
      'POST /api/v1/complaints/{id}/status': { status: 'removed' },
    };
    return { ...base, ...known[`${op.method} ${op.path}`] };
  }
}

export interface Attempt {
  op: Operation;
  url: string;
  label: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** The request must be refused (4xx). */
  refuse?: boolean;
}

/** A JSON body and the headers to send it with. */
export function jsonAs(
  headers: Record<string, string>,
  value: unknown,
): { payload: string; headers: Record<string, string> } {
  return {
    payload: JSON.stringify(value),
    headers: { ...headers, 'content-type': 'application/json' },
  };
}

/** A multipart body of these fields (a file where a filename is given) and the headers to send it with. */
export function multipartAs(
  headers: Record<string, string>,
  fields: [name: string, filename: string | null, content: Buffer | string][],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----counterpoint-sweep';
  const chunks = fields.flatMap(([name, filename, content]) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"` +
        (filename === null
          ? ''
          : `; filename="${filename}"\r\nContent-Type: application/octet-stream`) +
        '\r\n\r\n',
    ),
    Buffer.from(content),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * Sends each attempt and checks the answer: never a 5xx; a 4xx carries a known code with its
 * status, is one the route's documentation lists, and leaves every row count as it was;
 * `inspect` may add its own finding. Returns what went wrong, one line each.
 */
export async function sweep(
  context: TestContext,
  attempts: Attempt[],
  inspect: (attempt: Attempt, response: LightMyRequestResponse) => string | null = () => null,
): Promise<string[]> {
  const problems: string[] = [];
  let before = await tableCounts(context);
  for (const attempt of attempts) {
    const response = await context.app.inject({
      method: attempt.op.method,
      url: attempt.url,
      headers: attempt.headers,
      ...(attempt.payload === undefined ? {} : { payload: attempt.payload }),
    });
    const where = `${attempt.op.method} ${attempt.op.path} (${attempt.label})`;
    const status = response.statusCode;
    if (status >= 500) {
      problems.push(`${where}: ${status} ${response.body.slice(0, 200)}`);
    } else if (status >= 400) {
      const code = response.json<{ error?: { code?: string } }>().error?.code;
      if (!code || ERROR_STATUS[code as keyof typeof ERROR_STATUS] !== status) {
        problems.push(`${where}: ${status} with code ${String(code)}`);
      }
      if (!attempt.op.responses.includes(String(status))) {
        problems.push(`${where}: ${status} is not among the documented answers`);
      }
    } else if (attempt.refuse) {
      problems.push(`${where}: accepted with ${status}`);
    }
    const finding = inspect(attempt, response);
    if (finding) problems.push(`${where}: ${finding}`);
    const after = await tableCounts(context);
    if (status >= 400) {
      for (const [table, count] of Object.entries(after)) {
        if (before[table] !== count) {
          problems.push(
            `${where}: refused with ${status} but ${table} went ${before[table]} → ${count}`,
          );
        }
      }
    }
    before = after;
  }
  return problems;
}
