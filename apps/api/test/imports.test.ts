import { randomBytes } from 'node:crypto';
import { MAX_IMPORT_FILE_BYTES } from '@counterpoint/core';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArtwork } from './factories';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

let context: TestContext;
let artist: TestArtist;
let other: TestArtist;
let artworkId: string;

beforeAll(async () => {
  context = await createTestContext();
  artist = await registerArtist(context.app);
  other = await registerArtist(context.app);
  artworkId = (await createArtwork(context.app, artist, { title: 'Cat Mug', approve: false })).id;
});
afterAll(() => context.close());

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body, as a browser sends it. */
function multipart(parts: Part[]) {
  const boundary = `----counterpoint${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const type = part.contentType ? `\r\ncontent-type: ${part.contentType}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const CSV = [
  'Listing URL,Artwork title,Date (found),Notes,Complaint status,Colour',
  'https://www.aliexpress.com/item/1005006123456789.html,Cat Mug,2026-03-13,first,Listing removed,red',
  'not a link,Cat Mug,2026-03-13,,,',
].join('\n');

function upload(parts: Part[], who: TestArtist = artist) {
  const body = multipart(parts);
  return context.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...who.headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}

const csvFile = (content: string | Buffer = CSV, filename = 'findings.csv'): Part => ({
  name: 'file',
  value: content,
  filename,
  contentType: 'text/csv',
});

const countImports = async () =>
  Number(
    (
      await context.db
        .selectFrom('imports')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow()
    ).count,
  );

describe('POST /api/v1/imports', () => {
  it('stores the file, queues the import and its outbox message in one go, and answers 202', async () => {
    const response = await upload([
      { name: 'artworkId', value: artworkId },
      csvFile(),
      { name: 'visibility', value: 'private' },
    ]);
    expect(response.statusCode).toBe(202);
    const body = response.json();
    expect(body).toMatchObject({
      filename: 'findings.csv',
      status: 'queued',
      defaultArtworkId: artworkId,
      visibility: 'private',
      totalRows: null,
      processedRows: 0,
      summary: null,
      failure: null,
    });
    expect(response.headers.location).toBe(`/api/v1/imports/${body.id}`);
    // The header mapping is known from the upload already.
    expect(body.headerMapping.fields).toEqual({
      url: 0,
      design: 1,
      foundOn: 2,
      note: 3,
      status: 4,
    });
    expect(body.headerMapping.columns[5]).toMatchObject({
      header: 'Colour',
      field: null,
      ignoredReason: 'unknown',
    });

    const row = await context.db
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      artistId: artist.id,
      status: 'queued',
      blobKey: `imports/${body.id}.csv`,
    });
    const outbox = await context.db
      .selectFrom('outbox')
      .select(['topic', 'payload'])
      .where('topic', '=', 'import.requested')
      .execute();
    expect(outbox).toContainEqual({ topic: 'import.requested', payload: { importId: body.id } });
    const stored = await context.app.blobs.get(row.blobKey);
    const chunks: Buffer[] = [];
    for await (const chunk of stored!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(CSV);
  });

  it('defaults to collective visibility and no default design', async () => {
    const response = await upload([
      csvFile('url\nhttps://detail.1688.com/offer/745000123456.html\n', 'C:\\Users\\me\\links.csv'),
    ]);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({
      visibility: 'collective',
      defaultArtworkId: null,
      filename: 'links.csv',
    });
  });

  it.each([
    [
      'a PNG image',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    ],
    [
      'an Excel workbook',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2000)]),
    ],
    ['UTF-16 text', Buffer.from('\ufeffurl\n', 'utf16le')],
  ])('refuses %s with 415, whatever its name says, and stores nothing', async (_label, content) => {
    const before = await countImports();
    const response = await upload([csvFile(content, 'findings.csv')]);
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
    expect(response.json().error.message).toMatch(/CSV UTF-8/);
    expect(await countImports()).toBe(before);
  });

  it('refuses a file over 50 MB with 413', async () => {
    const line = 'https://www.aliexpress.com/item/1005006123456789.html,Cat Mug,2026-03-13\n';
    const content = Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1024, line);
    const before = await countImports();
    const response = await upload([csvFile(content)]);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'payload_too_large' });
    expect(response.json().error.message).toContain('50 MB');
    expect(await countImports()).toBe(before);
  });

  it('needs a file (400), an empty one is refused (400), and a body that is not multipart is refused (415)', async () => {
    const missing = await upload([{ name: 'visibility', value: 'private' }]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('field named "file"'),
    });

    const empty = await upload([csvFile('')]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('The file is empty.');

    const json = await context.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: artist.headers,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
  });

  it('refuses a file without a column of links with 422, saying which columns it found', async () => {
    const response = await upload([csvFile('Design,When\nCat Mug,2026-01-01\n')]);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toContain('No column holds the listing links');
    expect(response.json().error.message).toContain('"Design", "When"');
  });

  it("refuses another artist's design or an unknown visibility as the default, and keeps nothing", async () => {
    const before = await countImports();
    const foreign = await upload([{ name: 'artworkId', value: artworkId }, csvFile()], other);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('validation_failed');
    const visibility = await upload([csvFile(), { name: 'visibility', value: 'everyone' }]);
    expect(visibility.statusCode).toBe(400);
    expect(visibility.json().error.message).toContain('body.visibility');
    expect(await countImports()).toBe(before);
  });

  it('needs a signed-in caller and their CSRF token', async () => {
    const body = multipart([csvFile()]);
    const anonymous = await context.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(anonymous.statusCode).toBe(401);
    const forged = await context.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { cookie: artist.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(forged.statusCode).toBe(403);
  });
});

describe('following an import', () => {
  let importId: string;

  beforeAll(async () => {
    importId = (await upload([csvFile()])).json().id;
    // As the worker leaves it: 250 row errors.
    await context.db
      .insertInto('importRowErrors')
      .values(
        Array.from({ length: 250 }, (_, index) => ({
          importId,
          line: index + 2,
          code: 'invalid_url',
          message: `Row ${index + 2} is bad.`,
        })),
      )
      .execute();
    await context.db
      .updateTable('imports')
      .set({
        status: 'completed',
        totalRows: 260,
        processedRows: 260,
        importedRows: 10,
        errorRows: 250,
        finishedAt: new Date(),
      })
      .where('id', '=', importId)
      .execute();
  });

  it('shows status, counts, mapping and the first 100 row errors to its owner', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${importId}`,
      headers: artist.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      id: importId,
      status: 'completed',
      totalRows: 260,
      processedRows: 260,
      importedRows: 10,
      errorRows: 250,
    });
    expect(body.finishedAt).toEqual(expect.any(String));
    expect(body.errors).toHaveLength(100);
    expect(body.errors[0]).toEqual({ line: 2, code: 'invalid_url', message: 'Row 2 is bad.' });
  });

  it('pages through all row errors in file order', async () => {
    const lines: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=100&cursor=${cursor}` : '?limit=100';
      const response = await context.app.inject({
        method: 'GET',
        url: `/api/v1/imports/${importId}/errors${query}`,
        headers: artist.headers,
      });
      expect(response.statusCode).toBe(200);
      const page = response.json<{ errors: { line: number }[]; nextCursor: string | null }>();
      lines.push(...page.errors.map((error) => error.line));
      cursor = page.nextCursor;
    } while (cursor);
    expect(lines).toEqual(Array.from({ length: 250 }, (_, index) => index + 2));
    const bad = await context.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${importId}/errors?cursor=abc`,
      headers: artist.headers,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('answers 404 to anyone else, as if the import did not exist', async () => {
    for (const url of [`/api/v1/imports/${importId}`, `/api/v1/imports/${importId}/errors`]) {
      const response = await context.app.inject({ method: 'GET', url, headers: other.headers });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    const list = await context.app.inject({
      method: 'GET',
      url: '/api/v1/imports',
      headers: other.headers,
    });
    expect(list.json().imports.map((item: { id: string }) => item.id)).not.toContain(importId);
  });

  it("lists the caller's recent imports, newest first", async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: '/api/v1/imports?limit=50',
      headers: artist.headers,
    });
    expect(response.statusCode).toBe(200);
    const imports = response.json().imports as { id: string; createdAt: string }[];
    expect(imports[0]?.id).toBe(importId);
    expect(imports.map((item) => item.createdAt)).toEqual(
      [...imports.map((item) => item.createdAt)].sort().reverse(),
    );
  });
});

describe('GET /api/v1/imports/:id/rows-not-imported.csv', () => {
  /** A semicolon file with a blank row, a quoted line break and a short row (rows 2–8). */
  const FILE = [
    '\ufeffListing URL;Design;Notes',
    'https://www.aliexpress.com/item/1005006000000001.html;Cat Mug;fine',
    'not a link;Cat Mug;"two; lines\nof ""notes"""',
    '',
    'https://www.aliexpress.com/item/1005006000000002.html;Cat Mug;fine too',
    'https://www.aliexpress.com/item/1005006000000003.html;Unknown design',
    'https://a.aliexpress.com/_mKabcd;Cat Mug;=1+1',
    'https://www.aliexpress.com/item/1005006000000004.html;Cat Mug;last',
  ].join('\r\n');

  /** Uploads `FILE` and records what the worker would: the summary and the row errors. */
  async function importedWithErrors(errors: { line: number; message: string }[]) {
    const importId = (await upload([csvFile(FILE, 'My findings (2026).csv')])).json().id as string;
    if (errors.length > 0) {
      await context.db
        .insertInto('importRowErrors')
        .values(errors.map((error) => ({ importId, code: 'invalid_url', ...error })))
        .execute();
    }
    await context.db
      .updateTable('imports')
      .set({ status: 'completed', summary: JSON.stringify({ delimiter: ';' }) })
      .where('id', '=', importId)
      .execute();
    return importId;
  }

  const download = (importId: string, who: TestArtist = artist) =>
    context.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${importId}/rows-not-imported.csv`,
      headers: who.headers,
    });

  it('gives back the header row and each row not imported, as in the file, with why', async () => {
    const importId = await importedWithErrors([
      { line: 3, message: 'Not a link.' },
      { line: 6, message: 'No design is called "Unknown design".' },
      { line: 7, message: 'A short link.' },
    ]);
    const response = await download(importId);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="My-findings-2026-rows-not-imported.csv"',
    );
    // With the file's own separator, as a spreadsheet set up for semicolons expects.
    expect(response.rawPayload.toString('utf8')).toMatch(
      /^\ufeffListing URL;Design;Notes;Not imported because\r?\n/,
    );
    const rows: string[][] = parseCsv(response.rawPayload, { bom: true, delimiter: ';' });
    expect(rows).toEqual([
      ['Listing URL', 'Design', 'Notes', 'Not imported because'],
      ['not a link', 'Cat Mug', 'two; lines\nof "notes"', 'Not a link.'],
      // A short row is padded, so that the reason stays in its column.
      [
        'https://www.aliexpress.com/item/1005006000000003.html',
        'Unknown design',
        '',
        'No design is called "Unknown design".',
      ],
      // The artist's own cells go back unchanged.
      ['https://a.aliexpress.com/_mKabcd', 'Cat Mug', '=1+1', 'A short link.'],
    ]);
  });

  it('gives back the header row alone when every row was imported', async () => {
    const response = await download(await importedWithErrors([]));
    expect(response.statusCode).toBe(200);
    expect(parseCsv(response.rawPayload, { bom: true, delimiter: ';' })).toEqual([
      ['Listing URL', 'Design', 'Notes', 'Not imported because'],
    ]);
  });

  it('needs its owner signed in (401, 404 to anyone else), a valid id (400), and the file still stored (410)', async () => {
    const importId = await importedWithErrors([{ line: 3, message: 'Not a link.' }]);
    const stranger = await download(importId, other);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.code).toBe('not_found');
    const unknown = await download('8a2c3e1f-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    const malformed = await download('not-an-id');
    expect(malformed.statusCode).toBe(400);
    const anonymous = await context.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${importId}/rows-not-imported.csv`,
    });
    expect(anonymous.statusCode).toBe(401);
    await context.app.blobs.delete(`imports/${importId}.csv`);
    const gone = await download(importId);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.code).toBe('gone');
  });
});
