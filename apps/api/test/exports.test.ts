import { matchImportHeaders } from '@counterpoint/core';
import {
  COMPLAINTS_EXPORT_COLUMNS,
  LISTINGS_EXPORT_COLUMNS,
  SIGHTINGS_EXPORT_COLUMNS,
} from '@counterpoint/core/contracts';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

let context: TestContext;
let me: TestArtist;
let them: TestArtist;
const ids: Record<string, string> = {};

beforeAll(async () => {
  context = await createTestContext();
  me = await registerArtist(context.app);
  them = await registerArtist(context.app);
  const { db } = context;
  const artwork = async (artistId: string, title: string) =>
    (
      await db
        .insertInto('artworks')
        .values({ artistId, title })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  ids.myCat = await artwork(me.id, 'Cat Mug');
  ids.myMoth = await artwork(me.id, 'Moon Moth');
  ids.theirFox = await artwork(them.id, 'Secret Fox');

  ids.seller = (
    await db
      .insertInto('sellers')
      .values({
        marketplace: 'aliexpress',
        storeId: '912345',
        storeUrl: 'https://www.aliexpress.com/store/912345',
        name: '=HYPERLINK("http://evil.example","Cute Shop")',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const listing = async (itemId: string, sellerId: string | null) =>
    (
      await db
        .insertInto('listings')
        .values({
          marketplace: 'aliexpress',
          itemId,
          canonicalUrl: `https://www.aliexpress.com/item/${itemId}.html`,
          sellerId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  ids.shared = await listing('1005006000000001', ids.seller);
  ids.mine = await listing('1005006000000002', null);
  ids.theirs = await listing('1005006000000003', ids.seller);
  ids.complainedOnly = await listing('1005006000000004', ids.seller);

  await db
    .insertInto('sightings')
    .values([
      {
        artistId: me.id,
        artworkId: ids.myCat,
        listingId: ids.shared,
        foundOn: '2026-03-01',
        note: 'mine, "quoted", with, commas',
        visibility: 'private',
      },
      {
        artistId: me.id,
        artworkId: ids.myMoth,
        listingId: ids.shared,
        foundOn: '2026-03-05',
        note: '',
        visibility: 'collective',
      },
      {
        artistId: me.id,
        artworkId: ids.myCat,
        listingId: ids.mine,
        foundOn: '2026-02-01',
        note: '+1 formula?',
        visibility: 'public',
      },
      {
        artistId: them.id,
        artworkId: ids.theirFox,
        listingId: ids.shared,
        foundOn: '2026-01-01',
        note: 'THEIR PRIVATE NOTE',
        visibility: 'private',
      },
      {
        artistId: them.id,
        artworkId: ids.theirFox,
        listingId: ids.theirs,
        foundOn: '2026-01-02',
        note: 'THEIR OTHER NOTE',
        visibility: 'public',
      },
    ])
    .execute();

  const complaint = async (
    artistId: string,
    artworkId: string,
    reference: string,
    listings: [string, 'submitted' | 'removed', string | null][],
  ) => {
    const row = await db
      .insertInto('complaints')
      .values({
        artistId,
        artworkId,
        marketplace: 'aliexpress',
        filedOn: '2026-03-10',
        ippReference: reference,
        reason: 'Pirated copy',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('complaintListings')
      .values(
        listings.map(([listingId, status, establishedOn]) => ({
          complaintId: row.id,
          listingId,
          sellerId: ids.seller,
          status,
          statusOn: establishedOn,
          establishedOn,
        })),
      )
      .execute();
    return row.id;
  };
  ids.myComplaint = await complaint(me.id, ids.myCat, 'IPP-MINE-1', [
    [ids.shared, 'removed', '2026-03-14'],
    [ids.complainedOnly, 'submitted', null],
  ]);
  ids.theirComplaint = await complaint(them.id, ids.theirFox, 'IPP-THEIRS-1', [
    [ids.shared, 'submitted', null],
    [ids.theirs, 'removed', '2026-03-12'],
  ]);
});
afterAll(() => context.close());

async function download(path: string, who: TestArtist = me) {
  const response = await context.app.inject({
    method: 'GET',
    url: `/api/v1/exports/${path}`,
    headers: who.headers,
  });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers['content-disposition']).toMatch(
    new RegExp(
      `^attachment; filename="counterpoint-${path.replace('.csv', '')}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`,
    ),
  );
  expect(response.body.startsWith('\ufeff')).toBe(true);
  const rows: string[][] = parse(response.body, { bom: true });
  return { header: rows[0], records: rows.slice(1), raw: response.body };
}

const theirMarks = ['THEIR', 'Secret Fox', 'IPP-THEIRS', '1005006000000003'];

describe('CSV exports', () => {
  it('exports my listings with my own counts only', async () => {
    const { header, records, raw } = await download('listings.csv');
    expect(header).toEqual([...LISTINGS_EXPORT_COLUMNS]);
    const byItem = Object.fromEntries(
      records.map((record) => [
        record[1],
        Object.fromEntries(header!.map((column, index) => [column, record[index]])),
      ]),
    );
    expect(Object.keys(byItem).sort()).toEqual([
      '1005006000000001',
      '1005006000000002',
      '1005006000000004',
    ]);
    expect(byItem['1005006000000001']).toMatchObject({
      marketplace: 'aliexpress',
      listing_url: 'https://www.aliexpress.com/item/1005006000000001.html',
      seller_store_id: '912345',
      seller_name: `'=HYPERLINK("http://evil.example","Cute Shop")`,
      designs: 'Cat Mug; Moon Moth',
      first_found_on: '2026-03-01',
      last_found_on: '2026-03-05',
      my_sightings: '2',
      my_complaints: '1',
      latest_complaint_status: 'removed',
    });
    expect(byItem['1005006000000002']).toMatchObject({
      seller_store_id: '',
      my_sightings: '1',
      my_complaints: '0',
      latest_complaint_status: '',
    });
    expect(byItem['1005006000000004']).toMatchObject({
      designs: '',
      my_sightings: '0',
      my_complaints: '1',
      latest_complaint_status: 'submitted',
    });
    for (const mark of theirMarks) expect(raw).not.toContain(mark);
  });

  it('exports my sightings, re-importable, with formulas defused', async () => {
    const { header, records, raw } = await download('sightings.csv');
    expect(header).toEqual([...SIGHTINGS_EXPORT_COLUMNS]);
    expect(records).toHaveLength(3);
    const rows = records.map((record) =>
      Object.fromEntries(header!.map((column, index) => [column, record[index]])),
    );
    expect(
      rows.map((row) => [row.found_on, row.design, row.item_id, row.note, row.visibility]).sort(),
    ).toEqual([
      ['2026-02-01', 'Cat Mug', '1005006000000002', "'+1 formula?", 'public'],
      ['2026-03-01', 'Cat Mug', '1005006000000001', 'mine, "quoted", with, commas', 'private'],
      ['2026-03-05', 'Moon Moth', '1005006000000001', '', 'collective'],
    ]);
    expect(rows[0]).toMatchObject({
      has_evidence: 'no',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    for (const mark of theirMarks) expect(raw).not.toContain(mark);
    // The import reads the export's columns back.
    expect(matchImportHeaders(header!).fields).toEqual({
      url: 4,
      design: 1,
      foundOn: 0,
      note: 8,
      store: 7,
      storeName: 6,
      marketplace: 2,
    });
  });

  it('exports my complaints, one row per listing with its status and dates', async () => {
    const { header, records, raw } = await download('complaints.csv');
    expect(header).toEqual([...COMPLAINTS_EXPORT_COLUMNS]);
    const rows = records.map((record) =>
      Object.fromEntries(header!.map((column, index) => [column, record[index]])),
    );
    expect(
      rows.map((row) => [row.complaint_id, row.item_id, row.status, row.established_on]).sort(),
    ).toEqual([
      [ids.myComplaint, '1005006000000001', 'removed', '2026-03-14'],
      [ids.myComplaint, '1005006000000004', 'submitted', ''],
    ]);
    expect(rows[0]).toMatchObject({
      filed_on: '2026-03-10',
      ipp_reference: 'IPP-MINE-1',
      design: 'Cat Mug',
      severity: 'general',
      reason: 'Pirated copy',
    });
    for (const mark of theirMarks) expect(raw).not.toContain(mark);
  });

  it('streams exports larger than one page, each row once', async () => {
    const artist = await registerArtist(context.app);
    const artworkId = (
      await context.db
        .insertInto('artworks')
        .values({ artistId: artist.id, title: 'Many' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await sql`
      WITH created AS (
        INSERT INTO listings (marketplace, item_id, canonical_url)
        SELECT '1688', (700000000000 + n)::text, 'https://detail.1688.com/offer/' || (700000000000 + n) || '.html'
        FROM generate_series(1, 2345) AS n
        RETURNING id
      )
      INSERT INTO sightings (artist_id, artwork_id, listing_id, found_on)
      SELECT ${artist.id}::uuid, ${artworkId}::uuid, id, '2026-04-01' FROM created
    `.execute(context.db);
    const sightings = await download('sightings.csv', artist);
    expect(sightings.records).toHaveLength(2345);
    expect(new Set(sightings.records.map((record) => record[3])).size).toBe(2345);
    const listings = await download('listings.csv', artist);
    expect(listings.records).toHaveLength(2345);
  });

  it('needs a signed-in caller', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: '/api/v1/exports/sightings.csv',
    });
    expect(response.statusCode).toBe(401);
  });
});
