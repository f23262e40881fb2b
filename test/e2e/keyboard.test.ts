/**
 * The standalone page with the keyboard only: from page load every action is reached with Tab / Shift+Tab
 * and run with Enter or Space, and does what a click does.
 */
import { join } from 'node:path';
import type { FileChooser, Locator, Page } from 'playwright-core';
import { button, idle, isFocused, openStandalone, status, type PageLog, usePages } from './support/browser';
import { consistentWorkbook, tempDir, writeWorkbook } from './support/workbooks';

let page: Page;
let log: PageLog;
const harness = usePages({ width: 350, height: 900 }, (opened) => ({ page, log } = opened));
const dir = tempDir();

/** What has the focus: its accessible label or text, for the record of the tab order. */
function focusedName(): Promise<string> {
  return page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(body)';
    return (el.getAttribute('aria-label') || el.textContent || el.tagName).replace(/\\s+/g, ' ').trim();
  })()`);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus; returns the names focused on the way, target
 * last. Fails when it is not reached in `max` presses.
 */
async function tabTo(target: Locator, { backwards = false, max = 40 } = {}): Promise<string[]> {
  await target.waitFor();
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    seen.push(await focusedName());
    if (await isFocused(target)) {
      // Keyboard focus is shown (the browser's :focus-visible, which Fluent's focus outline follows).
      expect(await target.evaluate((el: { matches(selector: string): boolean }) => el.matches(':focus-visible'))).toBe(true);
      return seen;
    }
  }
  throw new Error(
    `${backwards ? 'Shift+Tab' : 'Tab'} did not reach the element in ${max} presses; focused on the way: ${seen.join(' › ')}`,
  );
}

test('Bruk eksempelet, Valider, a finding, Generer and the language switch, with Tab, Shift+Tab, Enter and Space', async () => {
  await openStandalone(page, harness.url);

  // From the top of the page: the language switch, then the file buttons, in reading order.
  const order = await tabTo(button(page, 'Bruk eksempelet'));
  expect(order.indexOf('Switch to English')).toBeGreaterThanOrEqual(0);
  expect(order.indexOf('Switch to English')).toBeLessThan(order.indexOf('Åpne arbeidsbok'));
  expect(order.indexOf('Åpne arbeidsbok')).toBeLessThan(order.indexOf('Bruk eksempelet'));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Sats på Hallingdal' }).waitFor();
  await idle(page);
  // The button, disabled while its action ran, has the focus back (it is not lost to the page).
  expect(await isFocused(button(page, 'Bruk eksempelet'))).toBe(true);

  // Valider with Space.
  await tabTo(button(page, 'Valider'));
  await page.keyboard.press('Space');
  await page.getByRole('heading', { level: 2, name: 'Funn' }).waitFor();
  await idle(page);
  expect(await status(page).innerText()).toContain('4 feil og 1 advarsel');
  expect(await isFocused(button(page, 'Valider'))).toBe(true);

  // On to the finding Mål!M15, through the severity headers; Enter shows its row.
  const finding = page.getByRole('button', { name: /Mål!M15/ });
  const toFinding = await tabTo(finding);
  expect(toFinding.some((name) => /^Feil\s*4$/.test(name))).toBe(true);
  await page.keyboard.press('Enter');
  await page.locator('li', { has: finding }).getByRole('heading', { name: 'Raden i tabellen Resultatmal' }).waitFor();
  await idle(page);
  expect(await finding.getAttribute('aria-current')).toBe('true');

  // Back up to Generer with Shift+Tab; Enter downloads the plan.
  await tabTo(button(page, 'Generer handlingsplan'), { backwards: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('sats-pa-hallingdal – handlingsplan 2022.xlsx');
  await status(page).getByText('Handlingsplanen er laget').waitFor();
  await idle(page);
  expect(await isFocused(button(page, 'Generer handlingsplan'))).toBe(true);

  // Up to the language switch; Space switches to English, Enter back to bokmål.
  const toggle = button(page, 'Switch to English');
  await tabTo(toggle, { backwards: true });
  await page.keyboard.press('Space');
  await button(page, 'Validate').waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  expect(await page.getByRole('heading', { level: 2, name: 'Findings' }).count()).toBe(1);
  expect(await status(page).innerText()).toContain('The action plan is ready');
  // The switch keeps the focus, now offering bokmål.
  const back = button(page, 'Bytt til norsk');
  expect(await isFocused(back)).toBe(true);
  await page.keyboard.press('Enter');
  await button(page, 'Valider').waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('nb');

  expect(log.errors).toEqual([]);
  expect(log.csp).toEqual([]);
});

test('Åpne arbeidsbok with the keyboard opens the file chooser, and the chosen file is read', async () => {
  const file = await writeWorkbook(consistentWorkbook(), join(dir, 'testdal.xlsx'));
  // Listening before the page loads: Playwright turns on its file chooser interception when the first
  // listener is added, and a chooser opened before that is lost (a race seen when waiting only at the click).
  const chooser = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));
  await openStandalone(page, harness.url);
  await tabTo(button(page, 'Åpne arbeidsbok'));
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file);
  await page.getByRole('heading', { level: 1, name: 'Testdal' }).waitFor();
  await idle(page);
  expect(await status(page).innerText()).toContain('Åpnet testdal.xlsx.');
  // The same button, now offering another file, keeps the focus.
  expect(await isFocused(button(page, 'Åpne en annen'))).toBe(true);
});
