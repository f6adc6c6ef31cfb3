import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = path.resolve(here, '../../artifacts/screenshots');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Debian's Chromium, headless; one browser for the whole file. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    timeout: 60_000,
  });
}

/** What a page printed as an error, or threw, with the page it happened on. */
export interface ConsoleProblem {
  context: string;
  url: string;
  text: string;
}

/**
 * A browser context (a person's own cookies and storage) whose console errors and uncaught
 * exceptions are collected into `problems`. Generous timeouts: the machine may be slow.
 */
export async function openContext(
  browser: Browser,
  name: string,
  problems: ConsoleProblem[],
  options: { baseURL: string; bypassCSP?: boolean; viewport?: { width: number; height: number } },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: options.viewport ?? DESKTOP,
    bypassCSP: options.bypassCSP ?? false,
    locale: 'en-GB',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  context.on('console', (message) => {
    if (message.type() === 'error')
      problems.push({ context: name, url: message.page()?.url() ?? '', text: message.text() });
  });
  context.on('weberror', (error) =>
    problems.push({ context: name, url: error.page()?.url() ?? '', text: String(error.error()) }),
  );
  return context;
}

/** Opens a path and waits until the app has settled (no requests in flight, no spinner). */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
}

/** Waits for the network to go quiet and every loading state to end. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await noLoadingState(page);
}

/** Waits until no spinner, route progress bar or boot screen is shown. */
async function noLoadingState(page: Page): Promise<void> {
  await page
    .locator('.state-loading, .route-progress, .boot')
    .first()
    .waitFor({ state: 'detached' });
}

/**
 * Opens a path inside the app already loaded in `page` as a link would (client-side, no
 * reload: what was injected into the page stays), or loads it when the page is elsewhere.
 */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  if (!page.url().startsWith('http')) return visit(page, path);
  await page.evaluate((target) => {
    const scope = globalThis as unknown as {
      history: { pushState: (state: unknown, title: string, url: string) => void };
      dispatchEvent: (event: unknown) => boolean;
      PopStateEvent: new (type: string) => unknown;
    };
    scope.history.pushState(null, '', target);
    scope.dispatchEvent(new scope.PopStateEvent('popstate'));
  }, path);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
  await settle(page);
}

/** Full-page screenshots at 1280 and 390 px wide, back to the desktop width after. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await noLoadingState(page);
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}-${label}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(DESKTOP);
}

const require = createRequire(import.meta.url);
const axeSource = (require('axe-core') as { source: string }).source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core on the page as it is now: the serious and critical violations (WCAG A/AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis)))
    await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run({
      resultTypes: ['violations'],
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target,
        failureSummary: node.failureSummary,
      })),
    }));
  });
  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

/** A screenshot of each open page, named after its person, when a test failed. */
export async function failureScreenshots(pages: Record<string, Page>): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await Promise.all(
    Object.entries(pages).map(([name, page]) =>
      page
        .screenshot({ path: path.join(SCREENSHOT_DIR, `failed-${name}.png`), fullPage: true })
        .catch(() => undefined),
    ),
  );
}

/** Forgets the failure screenshots of an earlier run. */
export function removeFailureScreenshots(): void {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const file of readdirSync(SCREENSHOT_DIR))
    if (file.startsWith('failed-')) rmSync(path.join(SCREENSHOT_DIR, file));
}
