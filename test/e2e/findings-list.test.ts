/**
 * The findings list at scale, in Chromium: 10 000 numbers stored as text are one group with "Rett opp alle";
 * opened, the list keeps a fixed number of rows in the DOM whatever the count, says its size to screen
 * readers, is clean under axe, and the keyboard reaches every row.
 */
import { join } from 'node:path';
import type { BrowserContext, FileChooser, Page } from 'playwright-core';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { isoDateOf, validateUseCase } from '../../src/core/usecase';
import { reportsWithJobsAsText } from '../../src/core/sample/scale';
import { rowsOf } from '../../src/taskpane/components/findingRows';
import { axeScan, describeViolations, severe } from './support/axe';
import { button, idle, newPage, openStandalone, status, useBrowser, type PageLog } from './support/browser';
import { tempDir, writeWorkbook } from './support/workbooks';

jest.setTimeout(240_000);

const harness = useBrowser();
const dir = tempDir();
let context: BrowserContext | undefined;
let page: Page;
let log: PageLog;

beforeEach(async () => {
  ({ context, page, log } = await newPage(harness.browser, { width: 350, height: 800, bypassCSP: true }));
});

afterEach(async () => {
  await context?.close();
});

/** Opens a workbook of `count` reports with jobs typed as text, validates it, and returns the group's title. */
async function openAndValidate(count: number): Promise<string> {
  const file = await writeWorkbook(reportsWithJobsAsText(count), join(dir, `rapporter-${count}.xlsx`));
  const chooser = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));
  await openStandalone(page, harness.url);
  await button(page, 'Åpne arbeidsbok').click();
  await (await chooser).setFiles(file);
  await page.getByRole('heading', { level: 1, name: 'Sats på Hallingdal' }).waitFor();
  await idle(page);
  await button(page, 'Valider').click();
  await page.getByRole('heading', { level: 2, name: 'Funn' }).waitFor();
  await idle(page);
  return `${spaced(count)} tall lagret som tekst i Rapporter · Nye arbeidsplasser`;
}

/** The warnings as the pane computes them: the same use case, with today's date (some rules depend on it). */
function expectedWarnings(count: number) {
  const snapshot = snapshotFromData(reportsWithJobsAsText(count));
  return validateUseCase({ snapshot, year: null, today: isoDateOf(new Date()) }).groups.filter((g) => g.severity === 'advarsel');
}

/**
 * The group's title button, scrolled into the DOM first: the list is virtualized, so a group below the fold
 * (other warnings come before it) is not rendered until the window scrolls to it.
 */
async function revealGroup(title: string): Promise<ReturnType<Page['getByRole']>> {
  const group = page.getByRole('button', { name: new RegExp(`^${title}`) });
  await inPage('window.scrollTo(0, 0)');
  for (let i = 0; i < 100 && (await group.count()) === 0; i++) {
    await inPage('window.scrollBy(0, 300)');
    await page.waitForTimeout(50);
  }
  return group;
}

/** A count as a pattern: "10 000" with any space between the digit groups (accessible names normalize them). */
function spaced(n: number): string {
  return n.toLocaleString('nb-NO').replace(/\s/g, '\\s');
}

function warnings(): ReturnType<Page['locator']> {
  return page.locator('ul[aria-label^="Advarsler"]');
}

/** An expression evaluated in the page (the tests are compiled without the DOM's types). */
function inPage<T>(expression: string): Promise<T> {
  return page.evaluate<T>(expression);
}

/** The place in the list (aria-posinset) of the row that has the focus; 0 when the focus is outside the warnings. */
function focusedRow(): Promise<number> {
  return inPage<number>(`(() => {
    const el = document.activeElement;
    if (!el || !el.closest('ul[aria-label^="Advarsler"]')) return 0;
    return Number(el.closest('li')?.getAttribute('aria-posinset') ?? 0);
  })()`);
}

/**
 * Waits until the focus is on the row at place `row` (aria-posinset) of the warnings: a row below the window is
 * focused only once it is drawn, so a read or a key press before that would see the row before.
 */
async function focusSettlesOn(row: number): Promise<void> {
  await page
    .waitForFunction(
      `(() => {
    const el = document.activeElement;
    const li = el && el.closest('ul[aria-label^="Advarsler"]') ? el.closest('li') : null;
    return Number(li?.getAttribute('aria-posinset') ?? 0) === ${row};
  })()`,
      undefined,
      { timeout: 5_000 },
    )
    .catch(async () => {
      // Where the focus is, and what the list draws (place:tabindex@top), tells a lost key from an undrawn row.
      const focused = await inPage<string>(
        `(document.activeElement?.closest('li')?.getAttribute('aria-posinset') ?? '-') + ' ' + (document.activeElement?.outerHTML.slice(0, 80) ?? 'nothing')`,
      );
      const drawn = await inPage<string>(
        `[...document.querySelectorAll('ul[aria-label^="Advarsler"] > li')].map((li) => li.getAttribute('aria-posinset') + ':' + (li.querySelector('[data-row-main]')?.getAttribute('tabindex') ?? 'h') + '@' + Math.round(li.getBoundingClientRect().top)).join(' ')`,
      );
      throw new Error(`the focus did not come to row ${row}; it is on ${focused}; drawn: ${drawn}`);
    });
}

async function rowsInDom(): Promise<number> {
  return warnings().locator(':scope > li').count();
}

test('200 and 10 000: one group, the same number of rows in the DOM once opened, the size announced, axe clean; Rett opp alle fixes them all', async () => {
  const inDom: number[] = [];
  for (const count of [200, 10_000]) {
    const title = await openAndValidate(count);
    const group = await revealGroup(title);
    expect(await group.count()).toBe(1);
    expect(await group.getAttribute('aria-expanded')).toBe('false');
    // the first cells are shown; the rest on demand
    expect(
      await page
        .locator('li', { has: group })
        .getByRole('button', { name: /^Gå til Prosjekter!/ })
        .count(),
    ).toBe(3);

    const expected = expectedWarnings(count);
    const findings = expected.reduce((sum, g) => sum + g.findings.length, 0);
    const label = await warnings().getAttribute('aria-label');
    expect(label).toMatch(new RegExp(`^Advarsler: ${spaced(findings)} funn i ${expected.length} grupper$`));

    await group.click();
    await idle(page);
    expect(await group.getAttribute('aria-expanded')).toBe('true');
    const rows = await rowsInDom();
    inDom.push(rows);
    expect(rows).toBeLessThan(40);
    // every row carries the list's size and its place in it
    const setsize = await warnings().locator(':scope > li').first().getAttribute('aria-setsize');
    expect(Number(setsize)).toBeGreaterThan(count);

    // scrolled to the middle, still the same handful of rows
    await inPage('window.scrollTo(0, document.body.scrollHeight / 2)');
    await page.waitForTimeout(200);
    expect(await rowsInDom()).toBeLessThan(40);
    await revealGroup(title);

    const violations = await axeScan(page);
    if (violations.length > 0) console.log(describeViolations(`findings ${count}`, violations));
    expect(severe(violations).map((v) => v.id)).toEqual([]);

    await page.getByRole('button', { name: new RegExp(`^Rett opp alle ${spaced(count)}:`) }).click();
    await idle(page);
    expect(await status(page).innerText()).toMatch(
      new RegExp(`Rettet ${spaced(count)} celler \\(Rapporter · Nye arbeidsplasser\\)\\. Validert på nytt\\.`),
    );
    expect(await page.getByRole('button', { name: new RegExp(title) }).count()).toBe(0);
  }
  expect(inDom[0]).toBe(inDom[1]);
  expect(log.errors).toEqual([]);
});

test('the keyboard reaches every group and every finding: arrows, Home and End; one Tab stop per row', async () => {
  const title = await openAndValidate(40);
  const group = await revealGroup(title);
  await group.focus();
  await page.keyboard.press('Enter');
  await idle(page);
  expect(await group.getAttribute('aria-expanded')).toBe('true');

  // The rows as the list draws them: a heading per sheet (no control), the groups, the opened group's findings.
  const groups = expectedWarnings(40);
  const rows = rowsOf(groups, new Set(groups.filter((g) => g.findings.length === 40).map((g) => g.key)));
  const withControls = rows.flatMap((row, i) => (row.kind === 'sheet' ? [] : [i + 1]));
  expect(Number(await warnings().locator(':scope > li').first().getAttribute('aria-setsize'))).toBe(rows.length);
  const [first, last] = [withControls[0] ?? 0, withControls[withControls.length - 1] ?? 0];

  // Home, then Down through every row: each press moves the focus to the next row with a control.
  await page.keyboard.press('Home');
  await focusSettlesOn(first);
  for (const next of withControls.slice(1)) {
    await page.keyboard.press('ArrowDown');
    await focusSettlesOn(next);
  }
  // Down at the last row stays there; Up walks back through every row with a control, over the sheet headings.
  await page.keyboard.press('ArrowDown');
  await focusSettlesOn(last);
  for (const next of withControls.slice(0, -1).reverse()) {
    await page.keyboard.press('ArrowUp');
    await focusSettlesOn(next);
  }
  expect(withControls.length).toBeLessThan(rows.length);

  await page.keyboard.press('End');
  await focusSettlesOn(last);
  await page.keyboard.press('Home');
  await focusSettlesOn(first);
  // Keys pressed before the row asked for is drawn are not lost: End, then Up at once, lands on the row before.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await focusSettlesOn(withControls[withControls.length - 2] ?? 0);

  // Tab leaves the list after the active row's own controls (roving tabindex), not through every row.
  const before = await focusedRow();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  const after = await focusedRow();
  expect(after === 0 || after === before).toBe(true);
  expect(log.errors).toEqual([]);
});
