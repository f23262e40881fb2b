/**
 * *Forbered 2023* on the standalone page in Chromium at 350 px, with the keyboard only: the sample's 2023 rows
 * proposed through the .xlsx adapter, the pane turned to 2023 with what is left to fill in, axe clean, and the
 * downloaded workbook read back in Node.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { cellText } from '../../src/core/parse/table';
import { axeScan, describeViolations, severe } from './support/axe';
import { button, idle, isFocused, resultsDir, status, type PageLog, usePages } from './support/browser';
import { readSnapshot, tempDir } from './support/workbooks';

let page: Page;
let log: PageLog;
usePages({ width: 350, height: 900, bypassCSP: true, open: '?sample=1' }, (opened) => ({ page, log } = opened));
const dir = tempDir();

/** Presses Tab until `target` has the focus (at most `limit` times); true when it got there. */
async function tabTo(target: ReturnType<typeof button>, limit = 40): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    if (await isFocused(target)) return true;
    await page.keyboard.press('Tab');
  }
  return isFocused(target);
}

test('Forbered 2023, keyboard only at 350 px: the proposed rows, the year turned to 2023 with what is left, axe clean, the download read back', async () => {
  const prepare = button(page, 'Forbered 2023');
  const box = await prepare.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(350);
  expect(await tabTo(prepare)).toBe(true);
  await page.keyboard.press('Enter');
  const message = status(page);
  await message.getByText('Neste års plan: 2023').waitFor();
  await message.getByText('Budsjett: 13 rader for 2023').waitFor();
  await message.getByText(/Validert for 2023: 4 feil/).waitFor();
  await idle(page);
  // the button now offers the year after
  await button(page, 'Forbered 2024').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(resultsDir(), 'e2e-next-year-350.png'), fullPage: true });
  const violations = await axeScan(page);
  if (violations.length > 0) console.log(describeViolations('Forbered 2023 @ 350', violations));
  expect(severe(violations).map((v) => v.id)).toEqual([]);

  const download = button(page, 'Last ned arbeidsboka');
  expect(await tabTo(download)).toBe(true);
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toBe('sats-pa-hallingdal – 2023.xlsx');
  const path = join(dir, 'neste.xlsx');
  await file.saveAs(path);
  const snapshot = await readSnapshot(path);
  const budget = snapshot.tables.find((t) => t.name === 'Budsjett');
  const rows = (budget?.rows ?? []).map((r) => r.map((c) => cellText(c)));
  expect(rows.filter((r) => r[0] === '2023').map((r) => r[1])).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M']);
  expect(log.errors).toEqual([]);
});
