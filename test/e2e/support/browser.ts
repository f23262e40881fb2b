/**
 * The end-to-end tests' browser and server: Debian's Chromium driven by playwright-core (no browser download,
 * ever), and dist/web served by scripts/serve.js on a free port. Office.js's CDN is blocked in every page,
 * so the tests do not depend on this machine's network: the page starts as the standalone page, as offline.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../../scripts/serve';
import { SAMPLE_PROGRAMME } from '../../../src/core/sample/names';

export const REPO = resolve(__dirname, '..', '..', '..');
export const WEB_ROOT = join(REPO, 'dist', 'web');
export const RESULTS = join(REPO, 'test-results');

/** Debian's Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function missingChromiumMessage(): string {
  return [
    `The end-to-end tests need Chromium at ${CHROMIUM}, and it is not there.`,
    'Install it from Debian: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium',
    '(or point CHROMIUM_PATH at a Chromium or Chrome binary). Do not run `playwright install`.',
  ].join('\n');
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(missingChromiumMessage());
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** What the tests of one file share: one Chromium, and dist/web served. */
export interface Harness {
  readonly browser: Browser;
  /** the served page's base address */
  readonly url: string;
}

/** Starts Chromium and the server before the file's tests and closes both after them. */
export function useBrowser(): Harness {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveWeb();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser(): Browser {
      if (browser === undefined) throw new Error('Chromium starts in beforeAll');
      return browser;
    },
    get url(): string {
      if (server === undefined) throw new Error('the server starts in beforeAll');
      return server.url;
    },
  };
}

export function serveWeb(): Promise<RunningServer> {
  if (!existsSync(join(WEB_ROOT, 'taskpane.html')))
    throw new Error('dist/web/taskpane.html is missing: run `npm run build:web` (the e2e globalSetup should have).');
  return startServer({ root: WEB_ROOT, port: 0 });
}

/** Microsoft's CDN, where taskpane.html loads Office.js from. */
export const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\//;

export interface PageLog {
  /** every URL the page requested */
  requests: string[];
  /** uncaught errors in the page */
  errors: string[];
  /** Content-Security-Policy violations the page reported */
  csp: string[];
}

export interface OpenOptions {
  width?: number;
  height?: number;
  /** only where axe-core is injected (an inline script, which the page's CSP rightly forbids) */
  bypassCSP?: boolean;
  /** script run in the page before its own, e.g. a stub `window.Office` */
  initScript?: string;
  /** the system's light or dark setting, which the standalone page follows (default light) */
  colorScheme?: 'light' | 'dark';
}

/**
 * A fresh context and page with the CDN blocked, requests, page errors and CSP violations recorded.
 * Close the context when done.
 */
export async function newPage(browser: Browser, options: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page; log: PageLog }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    bypassCSP: options.bypassCSP ?? false,
    acceptDownloads: true,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
  });
  await context.route(OFFICE_CDN, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  const log: PageLog = { requests: [], errors: [], csp: [] };
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('pageerror', (error) => log.errors.push(error.message));
  await page.exposeBinding('__reportCsp', (_source, text: string) => {
    log.csp.push(text);
  });
  await page.addInitScript(
    `document.addEventListener('securitypolicyviolation', (e) => window.__reportCsp(e.violatedDirective + ' ' + e.blockedURI));`,
  );
  if (options.initScript !== undefined) await page.addInitScript(options.initScript);
  return { context, page, log };
}

/** The page's buttons by accessible name (exact, unless a RegExp). */
export function button(page: Page | Locator, name: string | RegExp): Locator {
  return page.getByRole('button', { name, exact: typeof name === 'string' });
}

/** Waits until no action runs (the pane's <main aria-busy>). */
export async function idle(page: Page): Promise<void> {
  await page.locator('main[aria-busy="false"]').waitFor();
}

/** Opens the standalone page and waits until it has drawn itself (after Office.js failed to load). */
export async function openStandalone(page: Page, base: string, query = ''): Promise<void> {
  await page.goto(new URL(`taskpane.html${query}`, base).href);
  await idle(page);
  await button(page, 'Bruk eksempelet').waitFor();
}

/** The status message (Fluent MessageBar) the last action left. */
export function status(page: Page): Locator {
  return page.locator('[aria-live="polite"][aria-atomic="true"]');
}

/** Whether the element has the keyboard focus. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el: { ownerDocument: { activeElement: unknown } }) => el.ownerDocument.activeElement === el);
}

export function resultsDir(): string {
  mkdirSync(RESULTS, { recursive: true });
  return RESULTS;
}

/** The JS files requested whose name starts with `prefix` (`xlsx.` for `xlsx.40ccf296.js`). */
export function requestedChunks(log: PageLog, prefix: string): string[] {
  return log.requests.filter((url) => {
    const name = new URL(url).pathname.split('/').pop() ?? '';
    return name.startsWith(prefix) && name.endsWith('.js');
  });
}

/** A page a test has to itself, as usePages opens it before each test. */
export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  log: PageLog;
}

export interface PagesOptions extends OpenOptions {
  /** open the standalone page with this query (`?sample=1`, `?sample=demo`) and wait until the sample is shown */
  open?: string;
}

/**
 * The set-up a test file's tests share: one Chromium and the server for the file, and a fresh page for each test
 * (closed after it), handed to `take`; with `open`, already on the standalone page with the sample shown.
 */
export function usePages(options: PagesOptions, take: (opened: OpenedPage) => void): Harness {
  const harness = useBrowser();
  let context: BrowserContext | undefined;
  beforeEach(async () => {
    const opened = await newPage(harness.browser, options);
    context = opened.context;
    take(opened);
    if (options.open === undefined) return;
    await openStandalone(opened.page, harness.url, options.open);
    await opened.page.getByRole('heading', { level: 1, name: SAMPLE_PROGRAMME }).waitFor();
    await idle(opened.page);
  });
  afterEach(async () => {
    await context?.close();
  });
  return harness;
}
