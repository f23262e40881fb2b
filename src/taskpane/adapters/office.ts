import { OfficeWorkbook } from '../../adapters/office';
import type { WorkbookPort } from '../../adapters/port';

/** The open workbook in Excel, through the Office.js adapter (Excel.run). The pane uses only the port. */
export function officePort(): WorkbookPort {
  return new OfficeWorkbook();
}
