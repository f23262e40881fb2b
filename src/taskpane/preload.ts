import { loadXlsxChunk } from './hosts/standalone';
import { loadCore } from './session';

/**
 * The pane's lazy chunks, fetched as soon as it is known they will be needed, instead of one after another as
 * the first workbook is read: the core (validation) is needed in Excel and on the page alike to show the
 * workbook, and taskpane.html already preloads it beside this script; the findings list is needed only at the
 * first Valider, so it follows the core (once the page is idle) instead of sharing a slow connection and the
 * main thread with it; the .xlsx chunk only on the standalone page. A failed fetch is forgotten here: the code
 * that needs the chunk loads it again and reports the failure to the user.
 */
type FindingsView = typeof import('./components/Findings');
let findings: Promise<FindingsView> | null = null;

export function loadFindingsView(): Promise<FindingsView> {
  findings ??= import(/* webpackChunkName: "findings" */ './components/Findings').catch((error: unknown) => {
    findings = null;
    throw error;
  });
  return findings;
}

const ignore = (): void => undefined;

/** Resolves once the page has nothing else to do (the workbook shown), or after `timeoutMs` at the latest. */
function idle(timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

export function preloadChunks(host: 'excel' | 'standalone' | 'unknown'): void {
  // The findings chunk waits for an idle moment after the core: evaluating it must not delay the first workbook.
  loadCore()
    .then(() => idle())
    .then(() => loadFindingsView())
    .catch(ignore);
  if (host === 'standalone') loadXlsxChunk().catch(ignore);
}
