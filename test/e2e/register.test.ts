/**
 * The project register and the board report on the standalone page, in Chromium, with the real .xlsx adapter:
 * ?sample=demo, a new project and a project leader's report typed in the forms with the keyboard, the
 * workbook downloaded and read back in Node (one new row in each table, typed, nothing else changed, and the
 * new report counted), and Generer styrerapport's download with its chart parts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { countJobs } from '../../src/core/count';
import { cellText } from '../../src/core/parse/table';
import type { TableSnapshot } from '../../src/core/snapshot/types';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';
import { button, idle, isFocused, resultsDir, status, type PageLog, usePages } from './support/browser';
import { readSnapshot, sheetNames, tempDir } from './support/workbooks';

let page: Page;
let log: PageLog;
usePages({ width: 350, height: 900, open: '?sample=demo' }, (opened) => ({ page, log } = opened));
const dir = tempDir();

function rowsOf(table: TableSnapshot | undefined): string[][] {
  return (table?.rows ?? []).map((row) => row.map((c) => cellText(c)));
}

test('a project and a report typed in the forms are in the downloaded workbook, one typed row each, and the report counts', async () => {
  // Nytt prosjekt, with the keyboard only.
  await button(page, 'Nytt prosjekt').focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Nytt prosjekt' });
  await form.waitFor();
  // The form opens with the focus in its first field; Tab moves on to the next.
  expect(await isFocused(form.getByRole('textbox', { name: /ProsjektID/ }))).toBe(true);
  await page.keyboard.type('EKS-20');
  await page.keyboard.press('Tab');
  expect(await isFocused(form.getByRole('textbox', { name: /Prosjektnavn/ }))).toBe(true);
  await page.keyboard.type('Eksempel: Fra skjemaet');
  await form.getByRole('combobox', { name: /Strategi/ }).selectOption('C');
  await form.getByRole('combobox', { name: 'Næring' }).selectOption('Industri');
  await form.getByRole('combobox', { name: 'Status' }).selectOption('innvilget');
  await form.getByLabel('Vedtaksdato').fill('2023-03-01');
  await form.getByRole('textbox', { name: /Innvilget/ }).fill('120 000');
  await page.screenshot({ path: join(resultsDir(), 'e2e-register-project-350.png'), fullPage: true });
  await form.getByRole('textbox', { name: /Innvilget/ }).press('Enter');
  await status(page)
    .getByText(/Prosjektet EKS-20 er lagt til i tabellen Prosjekter/)
    .waitFor();
  await idle(page);

  // Ny prosjektlederrapport for it: the næring follows the project.
  await button(page, 'Ny prosjektlederrapport').click();
  const report = page.getByRole('form', { name: 'Ny prosjektlederrapport' });
  await report.waitFor();
  await report.getByRole('combobox', { name: /^Prosjekt/ }).selectOption('EKS-20');
  expect(await report.getByRole('combobox', { name: /Næring/ }).inputValue()).toBe('Industri');
  await report.getByLabel(/Rapportdato/).fill('2023-11-30');
  await report.getByRole('textbox', { name: /Nye arbeidsplasser/ }).fill('4');
  await report.getByRole('textbox', { name: 'Kommentar' }).fill('=1+1 er ikke en formel');
  await button(report, 'Legg til').click();
  await status(page)
    .getByText(/Rapporten for EKS-20 er lagt til i tabellen Rapporter/)
    .waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Last ned arbeidsboka').click()]);
  expect(download.suggestedFilename()).toBe('sats-pa-hallingdal-demo – oppdatert.xlsx');
  const path = join(dir, 'register.xlsx');
  await download.saveAs(path);

  const snapshot = await readSnapshot(path);
  const projects = snapshot.tables.find((t) => t.name === 'Prosjekter');
  const reports = snapshot.tables.find((t) => t.name === 'Rapporter');
  expect(rowsOf(projects)).toHaveLength(9);
  const added = projects!.rows[8]!;
  expect(added.map((c) => c.kind)).toEqual(['text', 'text', 'empty', 'text', 'text', 'empty', 'text', 'date', 'number', 'empty', 'empty']);
  expect(added.map((c) => c.value)).toEqual([
    'EKS-20',
    'Eksempel: Fra skjemaet',
    null,
    'C',
    'Industri',
    null,
    'Innvilget',
    '2023-03-01',
    120000,
    null,
    null,
  ]);
  const lastReport = reports!.rows[reports!.rows.length - 1]!;
  expect(lastReport.map((c) => c.value)).toEqual(['EKS-20', '2023-11-30', 'Industri', 4, null, null, '=1+1 er ikke en formel']);
  expect(lastReport[6]?.formula).toBeUndefined();

  // The new report counts: Industri gets 4 more jobs in 2023 than the demo had.
  const result = validateWorkbook(snapshot);
  const industri = countJobs(result.plan).naeringer.find((n) => n.naering === 'Industri');
  expect(industri?.perYear.get(2023)).toBe(4 + countDemoIndustri2023());
  expect(result.findings.filter((f) => JSON.stringify(f).includes('EKS-20'))).toEqual([]);
  expect(log.errors).toEqual([]);
  // The forms' zod checks ran under the page's CSP without eval.
  expect(log.csp).toEqual([]);
});

/** Industri's jobs reported for 2023 in the demo register itself, counted by the same core. */
function countDemoIndustri2023(): number {
  const plan = validateWorkbook(snapshotFromData(hallingdalDemo())).plan;
  return (
    countJobs(plan)
      .naeringer.find((n) => n.naering === 'Industri')
      ?.perYear.get(2023) ?? 0
  );
}

test('Generer styrerapport downloads a copy with the board report and its chart', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Generer styrerapport').click()]);
  await status(page).getByText('Styrerapporten er laget').waitFor();
  expect(download.suggestedFilename()).toBe('sats-pa-hallingdal-demo – styrerapport 2022.xlsx');
  const path = join(dir, 'styrerapport.xlsx');
  await download.saveAs(path);
  expect(await sheetNames(path)).toContain('Styrerapport 2022');
  const zip = await JSZip.loadAsync(await readFile(path));
  const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  expect(charts).toHaveLength(1);
  const chart = await zip.file(charts[0]!)!.async('string');
  expect(chart).toContain("'Styrerapport 2022'!$D$");
  expect(log.errors).toEqual([]);
});
