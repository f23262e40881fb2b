/**
 * The pane as Excel loads it, without Excel: a stub `window.Office` whose onReady says the host is Excel
 * (the real Office.js is blocked). The pane must start in Excel mode and never download the .xlsx chunk.
 */
import { join } from 'node:path';
import { button, idle, newPage, requestedChunks, resultsDir, status, useBrowser } from './support/browser';

const OFFICE_STUB = `window.Office = {
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
  HostType: { Excel: 'Excel' },
  context: { officeTheme: { bodyBackgroundColor: '#262626' } },
};`;

const harness = useBrowser();

test('in Excel the pane reads the workbook through Office.js, and the xlsx chunk is never requested', async () => {
  const { context, page, log } = await newPage(harness.browser, { width: 350, height: 700, initScript: OFFICE_STUB });
  try {
    await page.goto(new URL('taskpane.html', harness.url).href);
    // No Excel API behind the stub: the Office adapter says so, in the pane's own message.
    await status(page).getByText('Excel-API-et er ikke tilgjengelig her', { exact: false }).waitFor();
    await idle(page);
    await page.waitForLoadState('networkidle');

    // Excel mode: no file box, the template action instead.
    expect(await button(page, 'Bruk eksempelet').count()).toBe(0);
    expect(await button(page, 'Åpne arbeidsbok').count()).toBe(0);
    expect(await button(page, 'Opprett / oppdater arbeidsbok').count()).toBe(1);
    // The Office theme's dark background is followed.
    await page.screenshot({ path: join(resultsDir(), 'e2e-excel-mode-350.png'), fullPage: true });

    const chunks = log.requests.map((url) => new URL(url).pathname);
    expect(requestedChunks(log, 'taskpane.')).toHaveLength(1);
    expect(requestedChunks(log, 'xlsx.')).toEqual([]);
    // The Office adapter is a lazy chunk of its own, fetched in Excel only; the core is preloaded by
    // taskpane.html and that one fetch is what the pane runs (not fetched a second time).
    expect(requestedChunks(log, 'office-adapter.')).toHaveLength(1);
    expect(requestedChunks(log, 'core.')).toHaveLength(1);
    const preloaded = await page.evaluate<string[]>(
      `[...document.querySelectorAll('link[rel="preload"][as="script"]')].map((l) => l.getAttribute('href'))`,
    );
    expect(preloaded).toEqual([expect.stringMatching(/^core\.[0-9a-f]+\.js$/)]);
    // A sanity check that requests were recorded at all: the page and its bundle.
    expect(chunks).toContain('/taskpane.html');
    expect(log.errors).toEqual([]);
    expect(log.csp).toEqual([]);
  } finally {
    await context.close();
  }
});
