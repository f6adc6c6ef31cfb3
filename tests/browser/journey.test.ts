import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { itemId, storeId, type ArtistClient } from '../support/artists';
import { Stack, waitFor } from '../support/stack';
import {
  DESKTOP,
  failureScreenshots,
  PHONE,
  launchChromium,
  navigateInApp,
  openContext,
  removeFailureScreenshots,
  screenshots,
  seriousViolations,
  settle,
  visit,
  type AxeViolation,
  type ConsoleProblem,
} from './support/browser';
import {
  addApprovedDesign,
  addFindings,
  clientOf,
  daysAgo,
  importFindings,
  makePublic,
  markRemoved,
  recordComplaint,
  signUp,
  waitForText,
} from './support/journey-steps';
import { ensureWebBuilt } from './support/web-build';

/*
 * The issue's journey, in a real browser against the real stack (API serving the built web app,
 * worker, PostgreSQL, Redis): three artists from sign-up to a seller's standing moving after
 * their complaints are marked removed, a campaign task filed, and the public watchlist showing
 * the seller without the artists' names (but with the one who opted in to be named).
 *
 * One browser; each artist and the anonymous visitor has a context of their own, reused by
 * every test of the file. The tests run in order: the later ones look at what the journey made.
 */

const run = randomBytes(3).toString('hex');
const artists = [
  { key: 'ana', name: `Ana Quillfeather ${run}`, design: `Luna Moth pin ${run}` },
  { key: 'ben', name: `Ben Okonkwo ${run}`, design: `Barn Owl print ${run}` },
  { key: 'cleo', name: `Cleo Marchetti ${run}`, design: `Heron scarf ${run}` },
] as const;
type ArtistKey = (typeof artists)[number]['key'];
const emailOf = (key: ArtistKey) => `${key}.${run}@example.test`;
/** Cleo opts in to be named on public facts, under this name only. */
const CLEO_PUBLIC_NAME = `Studio Marchetti ${run}`;

const store = storeId();
const listingUrl = (item: string) =>
  `https://www.aliexpress.com/store/product/copy/${store}_${item}.html`;
/** Each artist saw three listings; two go into a complaint, one is left for the campaign. */
const items: Record<ArtistKey, string[]> = {
  ana: [itemId(), itemId(), itemId()],
  ben: [itemId(), itemId(), itemId()],
  cleo: [itemId(), itemId(), itemId()],
};
/** Removals on three different days: 3 × 6 points under AliExpress's same-day cap. */
const removedDaysAgo: Record<ArtistKey, number> = { ana: 4, ben: 3, cleo: 2 };
const EXPECTED_POINTS = 18;

let stack: Stack;
let browser: Browser;
const problems: ConsoleProblem[] = [];
const extraContexts: BrowserContext[] = [];
const contexts = {} as Record<ArtistKey | 'visitor', BrowserContext>;
const pages = {} as Record<ArtistKey | 'visitor', Page>;
const clients = {} as Record<ArtistKey, ArtistClient>;
const designIds = {} as Record<ArtistKey, string>;
const complaintIds = {} as Record<ArtistKey, string>;
let sellerId = '';
let collectiveId = '';
let campaignPath = '';
/** Pages the accessibility test visits, signed in (as Ana) and signed out. */
const signedInPaths: string[] = [];
const publicSellerPath = `/watchlist/aliexpress/${store}`;

beforeAll(async () => {
  removeFailureScreenshots();
  const webDist = ensureWebBuilt();
  await Promise.all([
    (async () => {
      stack = new Stack({ WEB_DIST_DIR: webDist });
      await stack.start({ listen: true });
    })(),
    (async () => {
      browser = await launchChromium();
    })(),
  ]);
  for (const key of ['ana', 'ben', 'cleo', 'visitor'] as const) {
    contexts[key] = await openContext(browser, key, problems, { baseURL: stack.url });
    pages[key] = await contexts[key].newPage();
  }
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The status of the seller's public page in the API. */
async function publicSellerStatus(): Promise<number> {
  const response = await stack.app.inject({
    method: 'GET',
    url: `/public/v1/sellers/aliexpress/${store}`,
  });
  return response.statusCode;
}

/** Another visitor, signed out, with an empty browser cache. */
async function newVisitor(): Promise<Page> {
  const context = await openContext(browser, `visitor-${extraContexts.length + 2}`, problems, {
    baseURL: stack.url,
  });
  extraContexts.push(context);
  return context.newPage();
}

/** The seller's estimated confirmed points as the signed-in seller page shows them. */
async function shownConfirmedPoints(page: Page): Promise<number> {
  const meter = page.getByRole('meter', { name: 'Estimated penalty points on the ladder' });
  await meter.waitFor();
  return Number(await meter.getAttribute('aria-valuenow'));
}

describe('the journey in a browser', () => {
  it(
    'takes three artists from sign-up to a public watchlist entry without their names',
    { timeout: 300_000 },
    async () => {
      // What each person's page showed when a step failed, for the artifacts.
      onTestFailed(() => failureScreenshots(pages));
      // Sign-up through the form; Cleo chooses to be named on her public facts.
      await Promise.all(artists.map(({ key, name }) => signUp(pages[key], name, emailOf(key))));
      for (const { key } of artists) clients[key] = await clientOf(stack.app, contexts[key]);
      await screenshots(pages.ana, 'dashboard');
      const cleo = pages.cleo;
      await visit(cleo, '/settings');
      await cleo.getByRole('checkbox', { name: /Show my public name/ }).check();
      await cleo.getByRole('textbox', { name: 'Public name' }).fill(CLEO_PUBLIC_NAME);
      await cleo.getByRole('button', { name: 'Save attribution' }).click();
      await waitForText(cleo.getByRole('status'), /Saved: public facts you share now show/);

      // Each adds a design, records its IPR as approved, and shares the listings copying it:
      // Ana and Cleo paste them, Ben imports the spreadsheet he keeps.
      await Promise.all(
        artists.map(async ({ key, design }) => {
          designIds[key] = await addApprovedDesign(pages[key], design);
          if (key !== 'ben') {
            await addFindings(pages[key], designIds[key], items[key].map(listingUrl));
            return;
          }
          // Ben's file has a typo in one row: he gets that row back, to fix and import again.
          const notImported = await importFindings(pages.ben, design, items.ben.map(listingUrl));
          const [header, typo, ...rest] = notImported
            .replace(/^\ufeff/, '')
            .trim()
            .split(/\r?\n/);
          expect(header).toBe('Listing URL,Design,Date found,Not imported because');
          expect(typo).toMatch(new RegExp(`^htps//typo,${design},${daysAgo(15)},.+`));
          expect(rest).toEqual([]);
        }),
      );
      await screenshots(pages.ben, 'import');
      await screenshots(pages.ana, 'design');
      sellerId = (
        await clients.ana.request<{ sellers: { id: string; storeId: string }[] }>(
          'GET',
          `/api/v1/sellers?q=${store}`,
        )
      ).sellers.find((seller) => seller.storeId === store)!.id;

      // Ana starts a collective and invites the two others, who accept the link.
      const ana = pages.ana;
      await visit(ana, '/collectives');
      await ana.getByLabel('Name').fill(`Pin makers ${run}`);
      await ana.getByRole('button', { name: 'Create collective' }).click();
      await ana.waitForURL(/\/collectives\/[0-9a-f-]{36}$/);
      collectiveId = new URL(ana.url()).pathname.split('/').pop()!;
      for (const key of ['ben', 'cleo'] as const) {
        await visit(ana, `/collectives/${collectiveId}?tab=invitations`);
        await ana.getByRole('button', { name: 'Create invitation link' }).click();
        const link = new URL(await ana.locator('#invitation-url').inputValue());
        await visit(pages[key], `${link.pathname}${link.hash}`);
        await pages[key].getByRole('button', { name: `Join Pin makers ${run}` }).click();
        await pages[key].waitForURL(new RegExp(`/collectives/${collectiveId}$`));
      }
      await visit(ana, `/collectives/${collectiveId}?tab=members`);
      await waitForText(ana.getByRole('tab', { name: /Members/ }), /Members \(3\)/);
      await screenshots(ana, 'collective');

      // Each records a complaint filed on IPP about two of the listings (shared with the collective).
      await Promise.all(
        artists.map(async ({ key }) => {
          complaintIds[key] = await recordComplaint(
            pages[key],
            designIds[key],
            items[key].slice(0, 2),
            daysAgo(removedDaysAgo[key] + 6),
          );
        }),
      );
      await screenshots(ana, 'complaint');

      // Nothing is established yet: the seller page shows no confirmed points.
      await waitFor(
        async () =>
          (
            await clients.ana.request<{ pendingPoints: number }>(
              'GET',
              `/api/v1/sellers/${sellerId}/standing`,
            )
          ).pendingPoints > 0,
        60_000,
        'the pending points of the filed complaints',
      );
      await visit(ana, `/sellers/${sellerId}`);
      expect(await shownConfirmedPoints(ana)).toBe(0);

      // IPP shows "Listing removed" three days running: the standing moves.
      await Promise.all(
        artists.map(({ key }) =>
          markRemoved(pages[key], complaintIds[key], daysAgo(removedDaysAgo[key])),
        ),
      );
      await waitFor(
        async () =>
          (
            await clients.ana.request<{ confirmedPoints: number }>(
              'GET',
              `/api/v1/sellers/${sellerId}/standing`,
            )
          ).confirmedPoints === EXPECTED_POINTS,
        60_000,
        'the standing after the removals',
      );
      await visit(ana, `/sellers/${sellerId}`);
      expect(await shownConfirmedPoints(ana)).toBe(EXPECTED_POINTS);
      await screenshots(ana, 'seller');

      // A joint campaign against the seller: Ana starts it, everyone opts in, and the member
      // the plan asks first files that task from "My tasks".
      await visit(ana, `/collectives/${collectiveId}/campaigns`);
      await ana.getByRole('button', { name: 'New campaign' }).click();
      const newCampaign = ana.getByRole('region', { name: 'New campaign' });
      await newCampaign.getByLabel('Name').fill(`Stop the copies ${run}`);
      await newCampaign.getByRole('checkbox', { name: new RegExp(store) }).check();
      await newCampaign.getByRole('button', { name: 'Start the campaign' }).click();
      await ana.waitForURL(new RegExp(`/collectives/${collectiveId}/campaigns/[0-9a-f-]{36}$`));
      campaignPath = new URL(ana.url()).pathname;
      const campaignId = campaignPath.split('/').pop()!;
      await Promise.all(
        artists.map(async ({ key }) => {
          const page = pages[key];
          await visit(page, campaignPath);
          const part = page.getByRole('region', { name: 'Your part' });
          await part.getByRole('button', { name: 'Opt in' }).click();
          await waitForText(part, /You take part/);
        }),
      );
      await screenshots(ana, 'campaign');
      const campaignApi = `/api/v1/collectives/${collectiveId}/campaigns/${campaignId}`;
      const task = await waitFor(
        async () =>
          (
            await clients.ana.request<{
              tasks: { id: string; artist: { id: string }; ipr: { artworkTitle: string } }[];
            }>('GET', `${campaignApi}/tasks?scope=all&status=planned`)
          ).tasks[0],
        90_000,
        'a planned campaign task',
      );
      const assignee = pages[artists.find(({ key }) => clients[key].id === task.artist.id)!.key];
      await visit(assignee, '/');
      await assignee
        .getByRole('region', { name: 'Campaign tasks' })
        .getByRole('link', { name: new RegExp(task.ipr.artworkTitle) })
        .first()
        .click();
      await assignee.waitForURL(/tab=tasks/);
      await settle(assignee);
      // The task the dashboard pointed at is highlighted among the member's tasks.
      const card = assignee
        .getByRole('article', { name: new RegExp(task.ipr.artworkTitle) })
        .first();
      await card.getByRole('button', { name: 'Record as filed' }).click();
      await card.getByLabel('Filed on IPP on').fill(daysAgo(0));
      await card.getByRole('button', { name: 'Record and create the complaint' }).click();
      await waitForText(card.getByRole('heading').first(), /^Filed on/);
      await screenshots(assignee, 'campaign-tasks');
      const filed = await clients.ana.request<{ tasks: { complaintId: string | null }[] }>(
        'GET',
        `${campaignApi}/tasks?scope=all&status=filed`,
      );
      expect(filed.tasks).toHaveLength(1);
      expect(filed.tasks[0]!.complaintId).not.toBeNull();

      // Their removed complaints are made public: the seller is published.
      await Promise.all(artists.map(({ key }) => makePublic(pages[key], complaintIds[key])));
      await screenshots(ana, 'complaint-public');
      const published = await waitFor(
        async () => {
          const response = await stack.app.inject({
            method: 'GET',
            url: `/public/v1${publicSellerPath.replace('/watchlist', '/sellers')}`,
          });
          return response.statusCode === 200
            ? response.json<{ standing: { confirmedPoints: number } }>()
            : null;
        },
        90_000,
        'the seller on the public watchlist',
      );
      expect(published.standing.confirmedPoints).toBeGreaterThanOrEqual(EXPECTED_POINTS);

      // Signed out: the watchlist lists the seller, and no artist's name or email appears.
      const visitor = pages.visitor;
      await visit(visitor, '/watchlist');
      const row = visitor.getByRole('row', { name: new RegExp(store) });
      await row.waitFor();
      expect(await row.textContent()).toContain('aliexpress-2022-02-24@1');
      await screenshots(visitor, 'watchlist');
      await row.getByRole('link').first().click();
      await visitor.waitForURL(new RegExp(`${publicSellerPath}$`));
      await settle(visitor);
      await visitor.getByRole('heading', { name: 'Standing (estimate)' }).waitFor();
      await screenshots(visitor, 'public-seller');
      for (const path of ['/watchlist', publicSellerPath]) {
        await visit(visitor, path);
        const text = await visitor.locator('body').innerText();
        for (const { key, name } of artists) {
          expect(text).not.toContain(name);
          expect(text).not.toContain(emailOf(key));
        }
        for (const design of artists.map((artist) => artist.design))
          expect(text).not.toContain(design);
        // Cleo opted in: her public name, and only that, is on the seller's page.
        if (path === publicSellerPath) expect(text).toContain(CLEO_PUBLIC_NAME);
      }

      // Anyone may dispute the listing; the form says what it received.
      await visitor.getByLabel('Your email').fill(`seller.${run}@example.test`);
      await visitor
        .getByLabel('Statement')
        .fill('We are the licensed reseller of these designs; the licence is linked below.');
      await visitor.getByLabel('Evidence link (optional)').fill('https://example.com/licence.pdf');
      await visitor.getByRole('button', { name: 'Send dispute' }).click();
      await waitForText(visitor.getByRole('status'), /Dispute received/);

      // Ana, who owns the collective, reviews it and publishes the outcome.
      await visit(ana, '/disputes');
      const dispute = ana.getByRole('article', { name: new RegExp(store) });
      await dispute.waitFor();
      await screenshots(ana, 'disputes');
      await dispute.getByRole('radio', { name: /Reject/ }).check();
      await dispute
        .getByLabel('Public note')
        .fill('The removed listings were copies of our designs.');
      await dispute.getByRole('button', { name: 'Publish outcome' }).click();
      await waitForText(ana.getByRole('status'), /is rejected/);
      await waitFor(
        async () => {
          const page = (
            await stack.app.inject({ method: 'GET', url: `/public/v1/sellers/aliexpress/${store}` })
          ).json<{ disputes: { status: string }[] }>();
          return page.disputes[0]?.status === 'rejected';
        },
        60_000,
        'the outcome on the public page',
      );
      // Public answers may be cached for a while (Cache-Control): a new visitor sees the outcome.
      const later = await newVisitor();
      await visit(later, publicSellerPath);
      await waitForText(
        later.getByRole('list', { name: 'Latest disputes' }),
        /The removed listings were copies/,
      );

      // Ana is made a moderator: she sees Moderation and can hide the seller from every public output.
      await stack.db
        .updateTable('artists')
        .set({ role: 'moderator' })
        .where('id', '=', clients.ana.id)
        .execute();
      const moderator = pages.ana;
      await visit(moderator, '/');
      await moderator.getByRole('link', { name: 'Moderation' }).click();
      await moderator.waitForURL(/\/moderation$/);
      await settle(moderator);
      await screenshots(moderator, 'moderation');
      await moderator
        .getByRole('textbox', { name: 'Seller', exact: true })
        .fill(`${stack.url}${publicSellerPath}`);
      await moderator
        .getByRole('textbox', { name: 'Reason' })
        .fill('Checking the hide control in the browser test.');
      await moderator.getByRole('button', { name: 'Hide seller' }).click();
      await waitForText(moderator.getByRole('status'), /is hidden from the public watchlist/);
      await moderator
        .getByRole('table', { name: 'Hidden sellers' })
        .getByRole('cell', { name: /Checking the hide control/ })
        .waitFor();
      // Gone from every public answer within seconds (the API re-reads the snapshot each second).
      await waitFor(
        async () => (await publicSellerStatus()) === 404,
        30_000,
        'the hidden seller to leave the public answers',
      );
      const afterHide = await newVisitor();
      await visit(afterHide, '/watchlist');
      expect(await afterHide.locator('body').innerText()).not.toContain(store);
      // …and lifts it again, so the later tests still find the seller listed.
      await moderator.getByRole('button', { name: 'Unhide' }).click();
      await moderator
        .getByRole('group', { name: /again if the policy allows/ })
        .getByRole('button', { name: 'Unhide' })
        .click();
      await waitForText(moderator.getByRole('status'), /is no longer hidden/);
      await waitFor(
        async () => (await publicSellerStatus()) === 200,
        60_000,
        'the seller listed again',
      );

      signedInPaths.push(
        '/',
        '/designs',
        `/designs/${designIds.ana}`,
        '/findings',
        '/complaints',
        `/complaints/${complaintIds.ana}`,
        '/sellers',
        `/sellers/${sellerId}`,
        '/collectives',
        `/collectives/${collectiveId}`,
        campaignPath,
        `${campaignPath}?tab=tasks`,
        '/leaderboards',
        '/disputes',
        '/settings',
        '/watchlist',
        publicSellerPath,
      );
    },
  );

  it('printed no console error and threw no exception in any page of the journey', () => {
    expect(signedInPaths.length, 'the journey ran').toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it(
    'has no serious or critical axe violations on the main pages, signed in and signed out',
    { timeout: 180_000 },
    async () => {
      expect(signedInPaths.length, 'the journey ran').toBeGreaterThan(0);
      // axe is injected as an inline script, which the app's Content-Security-Policy forbids.
      const axeProblems: ConsoleProblem[] = [];
      const signedIn = await openContext(browser, 'axe-signed-in', axeProblems, {
        baseURL: stack.url,
        bypassCSP: true,
      });
      await signedIn.addCookies(await contexts.ana.cookies());
      const signedOut = await openContext(browser, 'axe-signed-out', axeProblems, {
        baseURL: stack.url,
        bypassCSP: true,
      });
      const found: Record<string, AxeViolation[]> = {};
      const check = async (page: Page, label: string, path: string, widths: number[]) => {
        // Client-side, like a click on a link: axe, injected once, stays in the page.
        await navigateInApp(page, path);
        for (const width of widths) {
          if (width !== DESKTOP.width) await page.setViewportSize({ ...PHONE, width });
          const violations = await seriousViolations(page);
          if (violations.length) found[`${label} ${path} @${width}`] = violations;
        }
        await page.setViewportSize(DESKTOP);
      };
      try {
        const [inPage, outPage] = await Promise.all([signedIn.newPage(), signedOut.newPage()]);
        await Promise.all([
          (async () => {
            // Ana: owner of the collective and a moderator, so every page has something on it.
            for (const path of [...signedInPaths, '/moderation'])
              await check(inPage, 'signed in', path, [DESKTOP.width]);
          })(),
          (async () => {
            for (const path of ['/', '/sign-in', '/sign-up'])
              await check(outPage, 'signed out', path, [DESKTOP.width]);
            // The public pages are the ones most read on phones.
            for (const path of ['/watchlist', publicSellerPath])
              await check(outPage, 'signed out', path, [DESKTOP.width, PHONE.width]);
          })(),
        ]);
      } finally {
        await signedIn.close();
        await signedOut.close();
      }
      expect(found).toEqual({});
    },
  );
});
