import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { ArtistClient } from '../../support/artists';
import { settle, visit } from './browser';

/** A calendar day `days` before today (UTC, as the browser in these tests counts). */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Waits until `locator` shows text matching `pattern` (Playwright-core has no auto-retrying expect). */
export async function waitForText(locator: Locator, pattern: RegExp, timeout = 30_000) {
  await locator.filter({ hasText: pattern }).first().waitFor({ state: 'visible', timeout });
}

/** Signs up through the form; the app then shows the dashboard with the account menu. */
export async function signUp(page: Page, name: string, email: string): Promise<void> {
  await visit(page, '/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long test password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.locator(`summary[aria-label="Account: ${name}"]`).waitFor();
  await settle(page);
}

/**
 * The API client of the artist signed in in `context` (its session cookie and CSRF token),
 * for the steps this test does not drive through the pages.
 */
export async function clientOf(
  app: FastifyInstance,
  context: BrowserContext,
): Promise<ArtistClient> {
  const cookie = (await context.cookies()).find((entry) => entry.name === 'cp_session');
  if (!cookie) throw new Error('not signed in');
  const headers = { cookie: `cp_session=${cookie.value}` };
  const session = (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers })).json<{
    artist: { id: string; email: string };
    csrfToken: string;
  }>();
  return new ArtistClient(app, session.artist.id, session.artist.email, {
    ...headers,
    'x-csrf-token': session.csrfToken,
  });
}

/** Adds a design, then records its IPR as submitted and approved on IPP; returns its id. */
export async function addApprovedDesign(page: Page, title: string): Promise<string> {
  await visit(page, '/designs/new');
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Add design' }).click();
  await page.waitForURL(/\/designs\/[0-9a-f-]{36}$/);
  await settle(page);
  const ipr = page.locator('section', {
    has: page.getByRole('heading', { name: 'IPR status on IPP' }),
  });
  for (const [status, badge] of [
    ['pending', /IPR under review/],
    ['approved', /IPR approved/],
  ] as const) {
    await ipr.getByLabel('New status').selectOption(status);
    await ipr.getByLabel('Date on IPP').fill(daysAgo(status === 'pending' ? 30 : 20));
    await ipr.getByRole('button', { name: 'Record status' }).click();
    await waitForText(ipr.locator('.card-header'), badge);
  }
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Pastes listing URLs on "Add findings" as copies of the design. */
export async function addFindings(page: Page, artworkId: string, urls: string[]): Promise<void> {
  await visit(page, `/findings?artworkId=${artworkId}`);
  await page.getByLabel('Listing and store URLs, one a line').fill(urls.join('\n'));
  await page.getByLabel('Found on').fill(daysAgo(15));
  const save = page.getByRole('button', { name: `Save ${urls.length} links` });
  await save.click();
  await page.getByRole('heading', { name: new RegExp(`^Saved ${urls.length} listings`) }).waitFor();
}

/**
 * Imports the listings as a spreadsheet through *Findings → Import CSV*: a file with a link,
 * design and date column, and one row with a typo instead of a link; previewed, uploaded, and
 * read by the worker. Waits for the report, then downloads the rows not imported from it.
 * @returns The text of that download.
 */
export async function importFindings(page: Page, design: string, urls: string[]): Promise<string> {
  await visit(page, '/findings?tab=import');
  const rows = urls.map((url) => `${url},"${design}",${daysAgo(15)}`);
  rows.splice(1, 0, `htps//typo,"${design}",${daysAgo(15)}`);
  const csv = ['Listing URL,Design,Date found', ...rows].join('\r\n');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'findings.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('button', { name: 'Import “findings.csv”' }).click();
  const report = page.getByRole('region', { name: 'findings.csv' });
  await waitForText(
    report.getByRole('status'),
    new RegExp(`^Imported ${urls.length} rows of ${rows.length}; 1 row could not be imported`),
    60_000,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    report.getByRole('link', { name: 'Download these rows as CSV' }).click(),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Records a complaint filed on IPP for the design, on the listings whose item ids are given. */
export async function recordComplaint(
  page: Page,
  artworkId: string,
  itemIds: string[],
  filedOn: string,
): Promise<string> {
  await visit(page, `/complaints/new?artworkId=${artworkId}`);
  for (const itemId of itemIds)
    await page.getByRole('checkbox', { name: new RegExp(itemId) }).check();
  await waitForText(
    page.getByRole('status'),
    new RegExp(`${itemIds.length} listings in this complaint`),
  );
  await page.getByLabel('Filed on').fill(filedOn);
  await page.getByRole('button', { name: 'Record complaint' }).click();
  await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
  await settle(page);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** On a complaint's page: records "Listing removed" for all its listings on `removedOn`. */
export async function markRemoved(
  page: Page,
  complaintId: string,
  removedOn: string,
): Promise<void> {
  await visit(page, `/complaints/${complaintId}`);
  const listings = page.locator('section', {
    has: page.getByRole('heading', { name: /^Listings/ }),
  });
  await listings.locator('.all-actions').getByRole('button', { name: 'Listing removed' }).click();
  const form = listings.getByRole('form', { name: /Record “Listing removed”/ });
  await form.getByLabel('Date on IPP').fill(removedOn);
  await form.getByRole('button', { name: 'Record' }).click();
  await form.waitFor({ state: 'detached' });
  await waitForText(listings.locator('.listing-row'), /Listing removed/);
}

/** On a complaint's page: makes its facts public (for the watchlist, without the artist's name). */
export async function makePublic(page: Page, complaintId: string): Promise<void> {
  await visit(page, `/complaints/${complaintId}`);
  await page.getByRole('button', { name: 'Edit reference' }).click();
  await page.getByLabel('Visible to').selectOption('public');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitForText(page.locator('dd'), /Public facts only/);
}
