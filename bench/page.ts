/**
 * The pane as its users meet it: the built page in Debian's Chromium (playwright-core), at 350 px, cache off,
 * Office.js's CDN blocked (as offline: the page starts standalone). Each figure on this machine and on a slow
 * profile through the Chrome DevTools Protocol: CPU slowed 4×, 9 Mbit/s down and up, 150 ms round trip.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { OfficeWorkbook } from '../src/adapters/office';
import { writeWorkbookData } from '../src/adapters/xlsx/write';
import type { WorkbookData } from '../src/core/contract/tableData';
import { hallingdalSample } from '../src/core/sample/hallingdal';
import { validateWorkbook } from '../src/core/validate';
import { createExcelDouble, measure } from '../src/adapters/office/double';
import { reportsWithJobsAsText } from '../src/core/sample/scale';
import { median } from './validate';

const ROOT = resolve(__dirname, '..', '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Office.js's CDN, blocked inside the browser (as offline); a Playwright route would pass every request through Node. */
const OFFICE_CDN = '*appsforoffice.microsoft.com*';

type Serve = typeof import('../scripts/serve');

interface Profile {
  name: string;
  cpu: number;
  network?: { latency: number; bitsPerSecond: number };
}

const PROFILES: readonly Profile[] = [
  { name: 'this machine', cpu: 1 },
  { name: 'slow (CPU 4×, 9 Mbit/s, 150 ms)', cpu: 4, network: { latency: 150, bitsPerSecond: 9_000_000 } },
];

interface Figures {
  shell: number;
  ready: number;
  /** CPU time of the page's main thread until ready (from navigation, or from choosing the file) */
  readyCpu: number;
  shown: number;
  /** CPU time of the page's main thread from Valider to the findings shown: what the load of others cannot inflate */
  shownCpu: number;
  listNodes: number;
  heapMb: number;
  /** the machine's 1-minute load average when the run ended */
  load: number;
}

/** CPU seconds the page's main thread has used so far (the DevTools Protocol's ThreadTime), in ms. */
async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
}

async function throttle(cdp: CDPSession, profile: Profile): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.setBlockedURLs', { urls: [OFFICE_CDN] });
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) {
    const bytes = profile.network.bitsPerSecond / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.network.latency,
      downloadThroughput: bytes,
      uploadThroughput: bytes,
    });
  }
}

/** Milliseconds since navigation until `expression` is true in the page, checked on every frame. */
function until(page: Page, expression: string): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve) => {
    const check = () => ((${expression}) ? resolve(performance.now()) : requestAnimationFrame(check));
    check();
  })`);
}

const LOADED = `document.querySelector('main[aria-busy="false"]') && document.querySelector('h1') && document.querySelector('h1').textContent.includes('Hallingdal')`;

/** Clicks Valider in the page and resolves with the ms until the findings are on screen (after a frame). */
function validateAndShow(page: Page): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Valider');
    const start = performance.now();
    button.click();
    const check = () => {
      if (document.getElementById('findings-heading') && document.querySelector('main[aria-busy="false"]')) {
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`);
}

async function oneRun(browser: Browser, base: string, profile: Profile, file: string | null): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 350, height: 800 }, locale: 'nb-NO' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, profile);
  try {
    await page.goto(new URL(file === null ? 'taskpane.html?sample=1' : 'taskpane.html', base).href, { waitUntil: 'commit' });
    let ready: number;
    let readyCpu: number;
    if (file === null) {
      // from navigation to the sample read and shown
      ready = await until(page, LOADED);
      readyCpu = await threadTime(cdp);
    } else {
      // from choosing the file to the workbook read and shown
      const open = page.getByRole('button', { name: 'Åpne arbeidsbok', exact: true });
      await open.waitFor();
      const chooser = page.waitForEvent('filechooser');
      await open.click();
      const picked = await chooser;
      const start = await page.evaluate<number>('performance.now()');
      const cpuStart = await threadTime(cdp);
      await picked.setFiles(file);
      ready = (await until(page, LOADED)) - start;
      readyCpu = (await threadTime(cdp)) - cpuStart;
    }
    const shell = await page.evaluate<number>(
      `(performance.getEntriesByName('first-contentful-paint')[0] || { startTime: NaN }).startTime`,
    );
    const cpuBefore = await threadTime(cdp);
    const shown = await validateAndShow(page);
    const shownCpu = (await threadTime(cdp)) - cpuBefore;
    const listNodes = await page.evaluate<number>(
      `document.querySelector('section[aria-labelledby="findings-heading"]').querySelectorAll('*').length`,
    );
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    return { shell, ready, readyCpu, shown, shownCpu, listNodes, heapMb: heap.usedSize / 2 ** 20, load: loadavg()[0] ?? Number.NaN };
  } finally {
    await context.close();
  }
}

/** Round trips of Rett opp alle on the strict Excel double, for the group of the workbook's quick fixes. */
async function fixAllRoundTrips(data: WorkbookData): Promise<string> {
  const double = createExcelDouble({ data });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  const fixes = validateWorkbook(await port.readSnapshot()).groups.flatMap((g) => g.fixes);
  if (fixes.length === 0) return '– (no quick fix)';
  const { stats } = await measure(double, () => port.applyFixes(fixes));
  return `${stats.syncs} for ${fixes.length.toLocaleString('en-US')} cells (${(stats.maxRequestBytes / 1024).toFixed(0)} KB)`;
}

export async function pageTable(runs: number): Promise<string[]> {
  // scripts/serve.js is plain JavaScript outside the compiled bench; it is loaded from the repository.
  const { startServer } = createRequire(__filename)(join(ROOT, 'scripts', 'serve.js')) as Serve;
  const server = await startServer({ root: join(ROOT, 'dist', 'web'), port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
  });
  const dir = mkdtempSync(join(tmpdir(), 'hp-bench-page-'));
  const big = reportsWithJobsAsText(10_000);
  const bigFile = join(dir, 'rapporter-10000.xlsx');
  writeFileSync(bigFile, await writeWorkbookData(big));
  const workbooks: { label: string; file: string | null; data: WorkbookData }[] = [
    { label: 'the sample (`?sample=1`)', file: null, data: hallingdalSample() },
    { label: '10 000 numbers stored as text (file opened)', file: bigFile, data: big },
  ];
  const lines = [
    '| workbook | profile | shell (first paint) ms | ready ms (main-thread CPU) | Valider → shown ms (main-thread CPU) | list DOM elements | JS heap MB | load average | Rett opp alle round trips (Excel double) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  try {
    for (const workbook of workbooks) {
      const trips = await fixAllRoundTrips(workbook.data);
      for (const profile of PROFILES) {
        const all: Figures[] = [];
        for (let i = 0; i < runs; i++) all.push(await oneRun(browser, server.url, profile, workbook.file));
        const m = (pick: (f: Figures) => number) => median(all.map(pick));
        const range = (pick: (f: Figures) => number) => `${Math.min(...all.map(pick)).toFixed(1)}–${Math.max(...all.map(pick)).toFixed(1)}`;
        lines.push(
          `| ${workbook.label} | ${profile.name} | ${m((f) => f.shell).toFixed(0)} | ${m((f) => f.ready).toFixed(0)} (${m((f) => f.readyCpu).toFixed(0)}) | ${m((f) => f.shown).toFixed(0)} (${m((f) => f.shownCpu).toFixed(0)}) | ${m((f) => f.listNodes).toFixed(0)} | ${m((f) => f.heapMb).toFixed(0)} | ${range((f) => f.load)} | ${trips} |`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return lines;
}
