/**
 * Start-up with Office's CDN slow, hung or gone, in Chromium at 350 px: the static shell in taskpane.html is
 * painted before any script (name, actions waiting, "Laster …"), office.js never blocks it, a plain browser
 * tab goes on as the standalone page within seconds while the CDN still hangs, and a pane opened by Office
 * (`_host_Info`) waits for Office.js however long it takes, showing progress, and never turns into the file
 * picker. The ES5 check shows its message where the bundle cannot run.
 */
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { button, idle, newPage, OFFICE_CDN, resultsDir, status, useBrowser } from './support/browser';

const harness = useBrowser();

const OFFICE_STUB = `window.Office = {
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
  HostType: { Excel: 'Excel' },
  context: { officeTheme: { bodyBackgroundColor: '#ffffff' } },
};`;

const HOST_INFO = '_host_Info=Excel$Win32$16.01$nb-NO$$$$0';

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Holds every request to Office's CDN; `release` answers them with the stub, or never when not called. */
async function holdCdn(page: Page): Promise<{ release: () => Promise<void> }> {
  const held: Route[] = [];
  await page.route(OFFICE_CDN, (route) => {
    held.push(route);
  });
  return {
    release: async () => {
      for (const route of held.splice(0)) await route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STUB });
    },
  };
}

test('CDN hung, plain browser tab: the shell is there at once, and the standalone page follows within seconds', async () => {
  const { context, page, log } = await newPage(harness.browser, { width: 350, height: 700 });
  try {
    await holdCdn(page);
    const started = Date.now();
    await page.goto(new URL('taskpane.html', harness.url).href, { waitUntil: 'domcontentloaded' });
    // Painted from the HTML alone: the name, the status, the actions waiting.
    await page.getByRole('heading', { level: 1, name: 'Handlingsplan' }).waitFor({ timeout: 2000 });
    await page.getByRole('status').getByText('Laster …').waitFor({ timeout: 2000 });
    expect(await button(page, 'Valider').isDisabled()).toBe(true);
    const shown = Date.now() - started;
    await page.screenshot({ path: join(resultsDir(), 'e2e-startup-shell-350.png') });
    expect(shown).toBeLessThan(3000);

    // Office.js never arrives; the page does not wait for it past its few seconds.
    await button(page, 'Bruk eksempelet').waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(log.errors).toEqual([]);
    expect(log.csp).toEqual([]);
  } finally {
    await context.close();
  }
});

test('opened by Office (_host_Info) with the CDN slow: progress while waiting, then Excel mode, never the file picker', async () => {
  const { context, page, log } = await newPage(harness.browser, { width: 350, height: 700 });
  try {
    const cdn = await holdCdn(page);
    await page.goto(new URL(`taskpane.html?${HOST_INFO}`, harness.url).href, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { level: 1, name: 'Handlingsplan' }).waitFor({ timeout: 2000 });
    // Past the few seconds a plain tab would wait: still waiting, and saying for how long.
    await page.getByText(/Venter på Excel … \(\d+ s\)/).waitFor({ timeout: 10_000 });
    await delay(1500);
    expect(await button(page, 'Bruk eksempelet').count()).toBe(0);
    await page.screenshot({ path: join(resultsDir(), 'e2e-startup-waiting-350.png') });

    await cdn.release();
    // Excel mode: the template action, no file box (the stub has no Excel API behind it, which is said).
    await button(page, 'Opprett / oppdater arbeidsbok').waitFor({ timeout: 10_000 });
    await status(page).getByText('Excel-API-et er ikke tilgjengelig her', { exact: false }).waitFor();
    await idle(page);
    expect(await button(page, 'Bruk eksempelet').count()).toBe(0);
    expect(log.errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('opened by Office but Office.js cannot load: "Excel svarer ikke" with a way to load again, not the standalone page', async () => {
  const { context, page } = await newPage(harness.browser, { width: 350, height: 700 });
  try {
    // newPage aborts the CDN: the script fails to load.
    await page.goto(new URL(`taskpane.html?${HOST_INFO}`, harness.url).href);
    await page.getByRole('alert').getByText('Excel svarer ikke').waitFor({ timeout: 10_000 });
    expect(await button(page, 'Last inn på nytt').count()).toBe(1);
    expect(await button(page, 'Bruk eksempelet').count()).toBe(0);
  } finally {
    await context.close();
  }
});

test("a webview without ES2022 (Office 2016/2019's IE11 or EdgeHTML) gets a message in bokmål in the shell", async () => {
  // The check looks for built-ins those webviews lack; taking them away here stands in for such a webview.
  const { context, page } = await newPage(harness.browser, {
    width: 350,
    height: 700,
    initScript: 'delete Object.hasOwn; delete Array.prototype.at;',
  });
  try {
    await page.goto(new URL('taskpane.html', harness.url).href, { waitUntil: 'domcontentloaded' });
    await page.getByText('Denne versjonen av Excel er for gammel for Handlingsplan', { exact: false }).waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(resultsDir(), 'e2e-startup-legacy-350.png') });
  } finally {
    await context.close();
  }
});
