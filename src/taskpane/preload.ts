import { loadXlsxChunk } from './adapters/standalone';
import { loadCore } from './session';

/**
 * The pane's lazy chunks, fetched as soon as it is known they will be needed, instead of one after another as
 * the first workbook is read: the core (validation) is needed in Excel and on the page alike to show the
 * workbook, and taskpane.html already preloads it beside this script; the findings list is needed only at the
 * first Valider, so it follows the core instead of sharing a slow connection with it; the .xlsx chunk only on
 * the standalone page. A failed fetch is forgotten here: the code that needs the chunk loads it again and
 * reports the failure to the user.
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

export function preloadChunks(host: 'excel' | 'standalone' | 'unknown'): void {
  loadCore()
    .then(() => loadFindingsView())
    .catch(ignore);
  if (host === 'standalone') loadXlsxChunk().catch(ignore);
}
