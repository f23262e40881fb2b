/// <reference types="office-js" />
import type { WorkbookPort } from '../../adapters/port';
import type { WorkbookSetting } from '../host';

type OfficeAdapter = typeof import('../../adapters/office');
let adapter: Promise<OfficeAdapter> | null = null;

/**
 * The Office.js adapter, in a lazy chunk of its own ("office-adapter"): only the pane in Excel needs it, so the
 * standalone page never downloads it and the initial script stays small. In Excel it is fetched as soon as the
 * page knows Office opened it, while Office.js itself is still loading. A failed load may be retried.
 */
export function loadOfficeAdapter(): Promise<OfficeAdapter> {
  adapter ??= import(/* webpackChunkName: "office-adapter" */ '../../adapters/office').catch((error: unknown) => {
    adapter = null;
    throw error;
  });
  return adapter;
}

/**
 * The open workbook in Excel, through the Office.js adapter (Excel.run). The pane uses only the port; each
 * call waits for the adapter's chunk (fetched at start, so in practice already there).
 */
export function officePort(): WorkbookPort {
  let made: Promise<WorkbookPort> | null = null;
  const port = (): Promise<WorkbookPort> => {
    made ??= loadOfficeAdapter().then(
      (office) => new office.OfficeWorkbook(),
      (error: unknown) => {
        made = null;
        throw error;
      },
    );
    return made;
  };
  return {
    readSnapshot: async () => (await port()).readSnapshot(),
    renderLayout: async (layout) => (await port()).renderLayout(layout),
    applyFixes: async (fixes) => (await port()).applyFixes(fixes),
    createTemplate: async (template) => (await port()).createTemplate(template),
    appendRow: async (table, values) => (await port()).appendRow(table, values),
    writeRows: async (table, changes) => (await port()).writeRows(table, changes),
    select: async (sheet, cell) => (await port()).select(sheet, cell),
    // The Office adapter always has it; it resolves to null where Excel cannot tell (ExcelApi 1.7).
    watchTables: async (listener) => {
      const inner = await port();
      return inner.watchTables ? inner.watchTables(listener) : null;
    },
  };
}

/** The setting's name in the workbook's add-in settings. */
const LIVE_CHECKS = 'handlingsplan.liveChecks';

/**
 * Live checks on or off, stored in the workbook through Office.context.document.settings: the settings are
 * loaded with the document, so reading costs nothing; saveAsync writes them into the file.
 */
export function liveChecksSetting(): WorkbookSetting {
  return {
    read: () => {
      // An Office without a document's settings (a host that is not Excel, an old runtime) stores nothing.
      try {
        const value: unknown = Office.context.document.settings.get(LIVE_CHECKS);
        return typeof value === 'boolean' ? value : null;
      } catch {
        return null;
      }
    },
    write: (on) =>
      new Promise<void>((resolve, reject) => {
        if (typeof Office.context.document?.settings?.set !== 'function') {
          resolve();
          return;
        }
        Office.context.document.settings.set(LIVE_CHECKS, on);
        Office.context.document.settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Failed) reject(new Error(result.error.message));
          else resolve();
        });
      }),
  };
}
