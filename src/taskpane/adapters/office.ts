/// <reference types="office-js" />
import { OfficeWorkbook } from '../../adapters/office';
import type { WorkbookPort } from '../../adapters/port';
import type { WorkbookSetting } from '../host';

/** The open workbook in Excel, through the Office.js adapter (Excel.run). The pane uses only the port. */
export function officePort(): WorkbookPort {
  return new OfficeWorkbook();
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
