/**
 * Ny omdisponering on the standalone page, in Chromium at 350 px, with the real .xlsx adapter: opened and
 * filled with the keyboard, the frames before and after shown, a move that would make a frame negative
 * refused at its field (the focus there), the valid one appended, the workbook downloaded and read back in
 * Node (one new row in Omdisponeringer, the frames moved), axe clean; and the pane says live checks need
 * Excel.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parsePlan } from '../../src/core/parse/plan';
import { framesAfterReallocations } from '../../src/core/count/reallocations';
import { axeScan, describeViolations, severe } from './support/axe';
import { button, idle, isFocused, resultsDir, status, type PageLog, usePages } from './support/browser';
import { readSnapshot, tempDir } from './support/workbooks';

let page: Page;
let log: PageLog;
usePages({ width: 350, height: 900, bypassCSP: true, open: '?sample=demo' }, (opened) => ({ page, log } = opened));
const dir = tempDir();

test('a reallocation typed with the keyboard shows the frames, is refused when a frame would go negative, and lands in the downloaded workbook', async () => {
  expect(await page.getByText('Kontroll mens du skriver krever Excel. Her validerer du med Valider.').count()).toBe(1);
  await button(page, 'Ny omdisponering').focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Ny omdisponering' });
  await form.waitFor();
  const from = form.getByRole('combobox', { name: /^Fra/ });
  await from.waitFor();
  await page.waitForFunction("document.activeElement?.getAttribute('name') === 'from'");
  expect(await isFocused(from)).toBe(true);
  await from.selectOption('3. Kommunikasjon og samferdsel');
  await page.keyboard.press('Tab');
  const to = form.getByRole('combobox', { name: /^Til/ });
  expect(await isFocused(to)).toBe(true);
  await to.selectOption('A');
  await page.keyboard.press('Tab');
  expect(await isFocused(form.getByRole('textbox', { name: /^Beløp/ }))).toBe(true);
  await page.keyboard.type('400 000');
  await page.keyboard.press('Tab');
  // A date field's segments follow the browser's locale: filled as the register test does.
  const date = form.getByLabel(/^Dato/);
  expect(await isFocused(date)).toBe(true);
  await date.fill('2022-10-01');
  // Tab walks through the date's day, month and year before it leaves the field.
  const decision = form.getByRole('textbox', { name: /^Vedtak/ });
  for (let i = 0; i < 4 && !(await isFocused(decision)); i++) await page.keyboard.press('Tab');
  expect(await isFocused(decision)).toBe(true);
  await page.keyboard.type('Styresak 12/22');

  const frames = form.getByRole('table', { name: 'Rammer 2022 før og etter' });
  await frames.waitFor();
  expect((await frames.getByRole('row', { name: /^3\. Kommunikasjon/ }).innerText()).replace(/\s+/g, ' ')).toBe(
    '3. Kommunikasjon og samferdsel 300 000 -100 000',
  );
  // Nothing wider than the pane.
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(350);
  await page.screenshot({ path: join(resultsDir(), 'e2e-reallocation-350.png'), fullPage: true });

  await page.keyboard.press('Enter');
  await idle(page);
  const amount = form.getByRole('textbox', { name: /^Beløp/ });
  expect(await form.innerText()).toMatch(/å flytte 400\s000 kr ville gjort den negativ/);
  expect(await isFocused(amount)).toBe(true);
  const violations = await axeScan(page);
  if (violations.length > 0) console.log(describeViolations('reallocation', violations));
  expect(severe(violations).map((v) => v.id)).toEqual([]);

  await page.keyboard.press('Control+A');
  await page.keyboard.type('50 000');
  await page.keyboard.press('Enter');
  await idle(page);
  expect(await status(page).innerText()).toMatch(
    /Omdisponeringen 3\. Kommunikasjon og samferdsel → A er lagt til i tabellen Omdisponeringer \(Budsjett!A\d+:E\d+\)\./,
  );
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Last ned arbeidsboka').click()]);
  const path = join(dir, 'omdisponert.xlsx');
  await download.saveAs(path);
  const { plan } = parsePlan(await readSnapshot(path));
  expect(plan.reallocations.map((r) => [r.date, r.from.value, r.to.value, r.amount.value, r.decision])).toEqual([
    ['2022-09-15', '3. Kommunikasjon og samferdsel', 'Kompetanse og rekruttering', 100000, 'Eksempel: styresak 9/22'],
    ['2022-10-01', '3. Kommunikasjon og samferdsel', 'A', 50000, 'Styresak 12/22'],
  ]);
  expect(framesAfterReallocations(plan, 2022).get(3)).toBe(250000);
  expect(log.errors).toEqual([]);
});
