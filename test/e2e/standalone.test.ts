/**
 * The standalone page in Chromium, from dist/web as served by `npm start`'s server, with Office.js's CDN
 * unreachable: the sample, a real .xlsx through the file input, the generated download read back in Node,
 * ?sample=1, and the response headers.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { validateWorkbook } from '../../src/core/validate';
import { button, idle, newPage, openStandalone, requestedChunks, status, type PageLog, useBrowser } from './support/browser';
import { consistentWorkbook, readSnapshot, sampleSnapshot, sheetNames, tempDir, valueByLabel, writeWorkbook } from './support/workbooks';

const harness = useBrowser();
const dir = tempDir();

let context: BrowserContext;
let page: Page;
let log: PageLog;

beforeEach(async () => {
  ({ context, page, log } = await newPage(harness.browser));
});

afterEach(async () => {
  await context?.close();
});

/** Feil 4 / Advarsler 1: the accordion headers of the findings, with their count badges. */
function severityHeader(name: 'Feil' | 'Advarsler' | 'Info'): ReturnType<Page['getByRole']> {
  return page.getByRole('button', { name: new RegExp(`^${name}\\s*\\d+$`) });
}

async function useSampleAndValidate(): Promise<void> {
  await button(page, 'Bruk eksempelet').click();
  await page.getByRole('heading', { level: 1, name: 'Sats på Hallingdal' }).waitFor();
  await idle(page);
  await button(page, 'Valider').click();
  await page.getByRole('heading', { level: 2, name: 'Funn' }).waitFor();
  await idle(page);
}

describe('the built-in sample', () => {
  test('Bruk eksempelet, Valider: 4 feil and 1 advarsel, with Mål!M15 (expected 10, actual 15); its row opens on click', async () => {
    await openStandalone(page, harness.url);
    // Before a workbook is open there is nothing to validate.
    expect(await button(page, 'Valider').isDisabled()).toBe(true);
    await useSampleAndValidate();

    expect(await severityHeader('Feil').innerText()).toMatch(/^Feil\s*4$/);
    expect(await severityHeader('Advarsler').innerText()).toMatch(/^Advarsler\s*1$/);
    expect(await severityHeader('Info').count()).toBe(0);
    const summary = await status(page).innerText();
    expect(summary).toContain('Noe stemmer ikke');
    expect(summary).toContain('Validert for 2022: 4 feil og 1 advarsel.');

    // The published plan's resultatmål row: its cells add up to 10, its declared Sum is 15.
    const finding = page.getByRole('button', { name: /Mål!M15/ });
    expect(await finding.count()).toBe(1);
    const text = await finding.innerText();
    expect(text).toMatch(/Forventet:\s*10\b/);
    expect(text).toMatch(/Faktisk:\s*15\b/);

    await finding.click();
    const item = page.locator('li', { has: finding });
    await item.getByRole('heading', { name: 'Raden i tabellen Resultatmal' }).waitFor();
    await idle(page);
    expect(await finding.getAttribute('aria-current')).toBe('true');
    // The table row around the cell, column by column: År, Næring, the strategies' cells, and the Sum of 15.
    const terms = await item.locator('dt').allInnerTexts();
    const values = await item.locator('dd').allInnerTexts();
    const row = Object.fromEntries(terms.map((t, i) => [t, values[i]]));
    expect(terms[0]).toBe('År');
    expect(row['År']).toBe('2022');
    expect(row['Næring']).toBe('Øvrig næringsliv');
    expect(row['Sum']).toBe('15');
    expect(terms.length).toBeGreaterThan(3);

    expect(log.errors).toEqual([]);
    expect(log.csp).toEqual([]);
    // The standalone page reads the workbook with the .xlsx chunk (the Excel test checks the opposite).
    expect(requestedChunks(log, 'xlsx.')).toHaveLength(1);
    // ... and never the Office adapter, which only the pane in Excel needs.
    expect(requestedChunks(log, 'office-adapter.')).toEqual([]);
  });

  test('Generer downloads a copy with the Handlingsplan 2022 sheet, marked generated, Sum totalt 4 600 000, input tables unchanged', async () => {
    await openStandalone(page, harness.url);
    await useSampleAndValidate();
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Generer handlingsplan').click()]);
    expect(download.suggestedFilename()).toBe('sats-pa-hallingdal – handlingsplan 2022.xlsx');
    const path = join(dir, 'downloaded.xlsx');
    await download.saveAs(path);
    await page.getByText('Handlingsplanen er laget').waitFor();
    await idle(page);
    const message = await status(page).innerText();
    expect(message).toContain('Arket «Handlingsplan 2022» ligger i en kopi av arbeidsboka: sats-pa-hallingdal – handlingsplan 2022.xlsx.');
    expect(message).toContain('Arket er merket som utkast: 4 feil i grunnlaget er markert.');

    // Read back in Node, with the project's reader and with exceljs.
    const snapshot = await readSnapshot(path);
    expect(snapshot.sheets).toContain('Handlingsplan 2022');
    expect(snapshot.generated).toEqual([expect.objectContaining({ sheet: 'Handlingsplan 2022', kind: 'handlingsplan', year: 2022 })]);
    expect(await sheetNames(path)).toContain('Handlingsplan 2022');
    const total = await valueByLabel(path, 'Handlingsplan 2022', 'Sum totalt');
    expect(total).toBeDefined();
    expect(total?.value).toBe(4_600_000);
    // A live formula (the areas plus the cost lines), whose cached result Excel shows before it recalculates.
    expect(total?.formula).toMatch(/SUM\(/);

    // The input tables are exactly the sample's, and still validate to the published inconsistencies.
    const original = await sampleSnapshot(dir);
    expect(snapshot.sheets.slice(0, original.sheets.length)).toEqual(original.sheets);
    expect(snapshot.tables).toEqual(original.tables);
    const result = validateWorkbook(snapshot);
    expect(result.summary).toMatchObject({ feil: 4, advarsel: 1 });

    expect(log.errors).toEqual([]);
    expect(log.csp).toEqual([]);
  });

  test('?sample=1 opens the sample at once', async () => {
    await page.goto(new URL('taskpane.html?sample=1', harness.url).href);
    await page.getByRole('heading', { level: 1, name: 'Sats på Hallingdal' }).waitFor();
    await idle(page);
    expect(await status(page).innerText()).toContain('Åpnet sats-pa-hallingdal.xlsx.');
    expect(await page.locator('header').innerText()).toContain('Hallingdal · Programperiode 2022–2024 · sats-pa-hallingdal.xlsx');
    expect(await button(page, 'Valider').isEnabled()).toBe(true);
    // The open box is the compact one now.
    expect(await button(page, 'Åpne en annen').count()).toBe(1);
  });
});

describe('a workbook of the user’s', () => {
  test('a consistent .xlsx opened through the file input validates with no feil, and generates a final plan', async () => {
    const file = await writeWorkbook(consistentWorkbook(), join(dir, 'testdal.xlsx'));
    await openStandalone(page, harness.url);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('heading', { level: 1, name: 'Testdal' }).waitFor();
    await idle(page);
    expect(await status(page).innerText()).toContain('Åpnet testdal.xlsx.');

    await button(page, 'Valider').click();
    await status(page)
      .getByText(/^(Validert for 2022:|Alt stemmer for 2022\.)/)
      .waitFor();
    await idle(page);
    const summary = await status(page).innerText();
    expect(summary).toMatch(/Validert for 2022: 0 feil, \d+ (advarsel|advarsler) og \d+ info\.|Alt stemmer for 2022\./);
    expect(summary).toMatch(/^Ingen feil/);
    expect(await severityHeader('Feil').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Generer handlingsplan').click()]);
    expect(download.suggestedFilename()).toBe('testdal – handlingsplan 2022.xlsx');
    await page.getByText('Handlingsplanen er laget').waitFor();
    await idle(page);
    expect(await status(page).innerText()).not.toContain('utkast');
    const path = join(dir, 'testdal-downloaded.xlsx');
    await download.saveAs(path);
    const total = await valueByLabel(path, 'Handlingsplan 2022', 'Sum totalt');
    expect(total?.value).toBe(110_000);
    expect(log.errors).toEqual([]);
    expect(log.csp).toEqual([]);
  });

  test('a file that is not .xlsx is refused with a message, and the page stays usable', async () => {
    await openStandalone(page, harness.url);
    await page.locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hei') });
    await page.getByText('Det er ikke en .xlsx-fil.', { exact: false }).waitFor();
    await idle(page);
    expect(await button(page, 'Bruk eksempelet').isEnabled()).toBe(true);
  });
});

describe('the CSP and SSB', () => {
  test('a fetch to data.ssb.no passes the CSP (the network answers, not the policy); any other origin is blocked', async () => {
    await openStandalone(page, harness.url);
    await context.route(/^https:\/\/(data\.ssb\.no|api\.example\.com)\//, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }),
    );
    const ssb = await page.evaluate(() =>
      fetch('https://data.ssb.no/api/pxwebapi/v2/codelists/agg_KommSummer?lang=no').then(
        (r) => r.status,
        (e: unknown) => String(e),
      ),
    );
    expect(ssb).toBe(200);
    expect(log.csp).toEqual([]);
    const other = await page.evaluate(() =>
      fetch('https://api.example.com/x').then(
        (r) => r.status,
        (e: unknown) => String(e),
      ),
    );
    expect(other).toMatch(/TypeError/);
    // The violation event arrives after the fetch has failed.
    const reported = () => log.csp.some((v) => v.startsWith('connect-src') && v.includes('api.example.com'));
    for (let i = 0; i < 50 && !reported(); i++) await page.waitForTimeout(100);
    expect(log.csp.length).toBeGreaterThan(0);
    for (const violation of log.csp) expect(violation).toMatch(/^connect-src https:\/\/api\.example\.com/);
  });
});

describe('the server', () => {
  test('taskpane.html is served as UTF-8 HTML with its own CSP as a header', async () => {
    const response = await page.goto(new URL('taskpane.html', harness.url).href);
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers['content-type']).toContain('text/html');
    expect(headers['content-type']).toContain('charset=utf-8');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    // The page may fetch from SSB's API (Hent fra SSB) and from no other origin of its own choosing.
    expect(headers['content-security-policy']).toContain(
      "connect-src 'self' https://appsforoffice.microsoft.com https://*.office.com https://*.officeapps.live.com https://data.ssb.no;",
    );
    // Non-ASCII text arrives intact (the page's Norwegian letters).
    await idle(page);
    expect(await page.getByText('Bruk eksempelet').count()).toBe(1);
    expect(await page.getByText(/Sats på Hallingdals handlingsplan/).count()).toBe(1);
  });
});
