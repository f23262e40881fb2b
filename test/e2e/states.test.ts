/**
 * Each state of the standalone page — start, validated, a finding's row shown, generated, English, the
 * Nytt prosjekt form and its refusal — at the
 * task pane's width (350 px) and a desktop's (1280 px), and the pane in the dark theme: an axe-core scan with
 * no serious or critical violation, and a full-page screenshot in test-results/
 * (e2e-<n>-<state>-<width>[-dark].png), which CI keeps.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeScan, describeViolations, severe, type Violation } from './support/axe';
import { button, idle, newPage, openStandalone, resultsDir, status, useBrowser } from './support/browser';

const harness = useBrowser();

const STEPS: { state: string; reach: (page: Page) => Promise<void> }[] = [
  {
    state: 'start',
    reach: async () => {
      // openStandalone has drawn the page.
    },
  },
  {
    state: 'validated',
    reach: async (page) => {
      await button(page, 'Bruk eksempelet').click();
      await page.getByRole('heading', { level: 1, name: 'Sats på Hallingdal' }).waitFor();
      await idle(page);
      await button(page, 'Valider').click();
      await page.getByRole('heading', { level: 2, name: 'Funn' }).waitFor();
    },
  },
  {
    state: 'row',
    reach: async (page) => {
      const finding = page.getByRole('button', { name: /Mål!M15/ });
      await finding.click();
      await page.locator('li', { has: finding }).getByRole('heading', { name: 'Raden i tabellen Resultatmal' }).waitFor();
    },
  },
  {
    state: 'generated',
    reach: async (page) => {
      await Promise.all([page.waitForEvent('download'), button(page, 'Generer handlingsplan').click()]);
      await status(page).getByText('Handlingsplanen er laget').waitFor();
    },
  },
  {
    state: 'english',
    reach: async (page) => {
      await button(page, 'Switch to English').click();
      await button(page, 'Validate').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Findings' }).waitFor();
    },
  },
  {
    state: 'project-form',
    reach: async (page) => {
      await button(page, 'New project').click();
      await page.getByRole('form', { name: 'New project' }).waitFor();
    },
  },
  {
    state: 'project-form-refused',
    reach: async (page) => {
      await page.getByRole('textbox', { name: /Granted/ }).fill('12,5');
      await button(page, 'Add').click();
      await page.getByText('Must be a whole number.').waitFor();
    },
  },
];

test.each([
  [350, 'light'],
  [1280, 'light'],
  [350, 'dark'],
] as const)('every state at %i px, %s: no serious or critical axe violation, and a screenshot', async (width, colorScheme) => {
  const dir = resultsDir();
  const suffix = colorScheme === 'light' ? `${width}` : `${width}-${colorScheme}`;
  // axe-core goes in as an inline script tag, which the page's CSP forbids: this context bypasses it.
  const { context, page, log } = await newPage(harness.browser, { width, height: 900, bypassCSP: true, colorScheme });
  const found: { state: string; violations: Violation[] }[] = [];
  try {
    await openStandalone(page, harness.url);
    for (const [i, { state, reach }] of STEPS.entries()) {
      await reach(page);
      await idle(page);
      // Let Fluent's transitions (accordion, message bar) settle before the picture.
      await page.waitForTimeout(300);
      found.push({ state, violations: await axeScan(page) });
      await page.screenshot({ path: join(dir, `e2e-${i + 1}-${state}-${suffix}.png`), fullPage: true });
    }
  } finally {
    await context.close();
  }

  const report = found.filter((f) => f.violations.length > 0).map((f) => describeViolations(`${f.state} @ ${suffix}`, f.violations));
  if (report.length > 0) console.log(`axe-core findings:\n${report.join('\n')}`);
  const failing = found.flatMap((f) => severe(f.violations).map((v) => `${f.state}: ${v.impact ?? ''} ${v.id}`));
  expect(failing).toEqual([]);
  expect(log.errors).toEqual([]);
});
