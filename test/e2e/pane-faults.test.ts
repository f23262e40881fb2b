/**
 * The pane at 350 px, the width of Excel's task pane, in Chromium: no view scrolls sideways, a refused form
 * puts the focus on the first field to correct (with a heading that says so, not "Det gikk ikke"), every date
 * of both forms keeps to the programme period, an added row has the number formats of the rows above, the
 * finding's cell is marked in the row shown for it, the file name stays one word, and "Eksempel med
 * prosjekter" looks like the button it is.
 */
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { button, idle, isFocused, newPage, openStandalone, resultsDir, status, useBrowser } from './support/browser';
import { tempDir } from './support/workbooks';

const harness = useBrowser();
const dir = tempDir();

let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  ({ context, page } = await newPage(harness.browser, { width: 350, height: 900 }));
  await openStandalone(page, harness.url, '?sample=demo');
  await page.getByRole('heading', { level: 1, name: 'Sats på Hallingdal' }).waitFor();
  await idle(page);
});

afterEach(async () => {
  await context?.close();
});

/** How far the page reaches past the 350 px viewport; 0 when nothing scrolls sideways. */
async function sidewaysOverflow(): Promise<number> {
  // A string, evaluated in the page: this file is compiled without the DOM's types.
  return Number(
    await page.evaluate('Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth'),
  );
}

/** `expression` evaluated in the page with `el` bound to the first element `find` (an expression) gives. */
async function onElement(find: string, expression: string): Promise<string> {
  return String(await page.evaluate(`(() => { const el = ${find}; return ${expression}; })()`));
}

const FINDING_CELL = "document.querySelector('[data-finding-cell]')";
const FILE_NAME = "document.querySelector('[data-file-name]')";
const DEMO_BUTTON = "[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Eksempel med prosjekter')";

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(resultsDir(), `e2e-faults-${name}-350.png`), fullPage: true });
}

test('no view scrolls sideways at 350 px: start, findings with a row opened, both forms (long project names), after generating', async () => {
  expect(await sidewaysOverflow()).toBe(0);

  await button(page, 'Valider').click();
  await page.getByRole('heading', { level: 2, name: 'Funn' }).waitFor();
  await idle(page);
  await page.getByRole('button', { name: /Mål!M15/ }).click();
  await page.getByText('Raden i tabellen Resultatmal').waitFor();
  await idle(page);
  expect(await sidewaysOverflow()).toBe(0);

  await button(page, 'Ny prosjektlederrapport').click();
  const report = page.getByRole('form', { name: 'Ny prosjektlederrapport' });
  await report.waitFor();
  await idle(page);
  const project = report.getByRole('combobox', { name: /^Prosjekt/ });
  // The longest name in the demo register, chosen: the dropdown stays within the pane.
  await project.selectOption('EKS-03');
  await shoot('report-form');
  expect(await sidewaysOverflow()).toBe(0);
  const box = await project.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(350);
  await button(report, 'Avbryt').click();

  await button(page, 'Nytt prosjekt').click();
  await page.getByRole('form', { name: 'Nytt prosjekt' }).waitFor();
  await idle(page);
  expect(await sidewaysOverflow()).toBe(0);
  await button(page, 'Avbryt').click();

  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Generer handlingsplan').click()]);
  await download.cancel();
  await idle(page);
  await shoot('generated');
  expect(await sidewaysOverflow()).toBe(0);
});

test('a refused Legg til moves the focus to the first wrong field, under a heading that asks for a correction', async () => {
  await button(page, 'Nytt prosjekt').click();
  const form = page.getByRole('form', { name: 'Nytt prosjekt' });
  await form.waitFor();
  await idle(page);
  const add = button(form, 'Legg til');
  await add.click();
  await status(page)
    .getByText(/felt må rettes før raden kan legges til/)
    .waitFor();
  await idle(page);
  expect(await isFocused(form.getByRole('textbox', { name: /ProsjektID/ }))).toBe(true);
  expect(await isFocused(add)).toBe(false);
  const message = await status(page).innerText();
  expect(message).toContain('Rett opp skjemaet');
  expect(message).not.toContain('Det gikk ikke');
});

test('Vedtaksdato keeps to the programme period too: 2030 in a 2022–2024 programme is refused at that field, which gets the focus', async () => {
  await button(page, 'Nytt prosjekt').click();
  const form = page.getByRole('form', { name: 'Nytt prosjekt' });
  await form.waitFor();
  await idle(page);
  await form.getByRole('textbox', { name: /ProsjektID/ }).fill('EKS-30');
  await form.getByRole('textbox', { name: /Prosjektnavn/ }).fill('Eksempel: Utenfor perioden');
  await form.getByRole('combobox', { name: /Strategi/ }).selectOption('C');
  const decision = form.getByLabel(/Vedtaksdato/);
  await decision.fill('2030-03-01');
  await button(form, 'Legg til').click();
  await form.getByText('Datoen må være i programperioden 2022–2024.').waitFor();
  await idle(page);
  expect(await isFocused(decision)).toBe(true);
  // The same field with a date in the period goes through.
  await decision.fill('2023-03-01');
  await button(form, 'Legg til').click();
  await status(page)
    .getByText(/Prosjektet EKS-30 er lagt til/)
    .waitFor();
});

test('a row added on the page has the number formats of the rows above it (400 000, not 400000)', async () => {
  await button(page, 'Nytt prosjekt').click();
  const form = page.getByRole('form', { name: 'Nytt prosjekt' });
  await form.waitFor();
  await idle(page);
  await form.getByRole('textbox', { name: /ProsjektID/ }).fill('EKS-31');
  await form.getByRole('textbox', { name: /Prosjektnavn/ }).fill('Eksempel: Formatert');
  await form.getByRole('combobox', { name: /Strategi/ }).selectOption('C');
  await form.getByRole('textbox', { name: /^Innvilget/ }).fill('400 000');
  await button(form, 'Legg til').click();
  await status(page)
    .getByText(/Prosjektet EKS-31 er lagt til/)
    .waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Last ned arbeidsboka').click()]);
  const path = join(dir, 'formats.xlsx');
  await download.saveAs(path);

  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Prosjekter');
  if (sheet === undefined) throw new Error('no Prosjekter sheet');
  // The Prosjekter table's header row and its Innvilget column, wherever the table stands.
  let headerRow = 0;
  let column = 0;
  sheet.eachRow((row, number) => {
    row.eachCell((cell, col) => {
      if (headerRow === 0 && cell.value === 'Innvilget') {
        headerRow = number;
        column = col;
      }
    });
  });
  expect(headerRow).toBeGreaterThan(0);
  let added = 0;
  sheet.eachRow((row, number) => {
    if (row.getCell(1).value === 'EKS-31') added = number;
  });
  expect(added).toBeGreaterThan(headerRow + 1);
  const cell = sheet.getRow(added).getCell(column);
  expect(cell.value).toBe(400000);
  expect(cell.numFmt).toBe(sheet.getRow(added - 1).getCell(column).numFmt);
  expect(cell.numFmt).toMatch(/#,##0/);
});

test("the row shown for a finding marks the finding's own cell", async () => {
  await button(page, 'Valider').click();
  await page.getByRole('heading', { level: 2, name: 'Funn' }).waitFor();
  await idle(page);
  await page.getByRole('button', { name: /Mål!M15/ }).click();
  await page.getByText('Raden i tabellen Resultatmal').waitFor();
  const marked = page.locator('[data-finding-cell]');
  expect(await marked.count()).toBe(1);
  expect(await marked.getAttribute('aria-current')).toBe('true');
  // M15 is the row's declared Sum: 15, as published.
  expect((await marked.innerText()).trim()).toBe('15');
  expect(await onElement(FINDING_CELL, "el.previousElementSibling ? el.previousElementSibling.textContent : ''")).toBe('Sum');
  const marks = await onElement(FINDING_CELL, 'getComputedStyle(el).backgroundColor');
  const plain = await onElement(
    FINDING_CELL,
    "getComputedStyle(el.parentElement.previousElementSibling.querySelector('dd')).backgroundColor",
  );
  expect(marks).not.toBe(plain);
  await shoot('row-context');
});

test('the file name stays on one line (no break at its hyphen); "Eksempel med prosjekter" has a button\'s border', async () => {
  const name = page.locator('[data-file-name]');
  expect(await name.innerText()).toBe('sats-pa-hallingdal-demo.xlsx');
  const lines = await onElement(
    FILE_NAME,
    'Math.round(el.getBoundingClientRect().height / (parseFloat(getComputedStyle(el).lineHeight) || 16))',
  );
  expect(lines).toBe('1');
  expect(await onElement(FILE_NAME, 'getComputedStyle(el).whiteSpace')).toBe('nowrap');

  expect(await button(page, 'Eksempel med prosjekter').count()).toBe(1);
  expect(await onElement(DEMO_BUTTON, 'getComputedStyle(el).borderTopWidth')).not.toBe('0px');
  expect(await onElement(DEMO_BUTTON, 'getComputedStyle(el).borderTopColor')).not.toBe('rgba(0, 0, 0, 0)');
});
