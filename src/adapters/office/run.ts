/// <reference types="office-js" />
import { WorkbookOperationError } from '../port';

/**
 * How the adapter reaches Excel: a function with the shape of `Excel.run`, so tests hand it the Excel double
 * and the task pane the real thing. Every operation is one `run`; inside it, each `context.sync()` is a round
 * trip (over the network in Excel on the web), so operations load what they need and sync a fixed number of
 * times, never once per row or cell.
 */
export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;
export type ExcelRun = <T>(batch: ExcelBatch<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported('ExcelApi', version)`, injectable for tests. */
export type RequirementCheck = (version: string) => boolean;

/** The lowest ExcelApi requirement set of each optional feature; the rest of the adapter needs 1.4 at most. */
export const EXCEL_API = {
  sheetNames: '1.4',
  delayForCellEdit: '1.5',
  suspendCalculation: '1.6',
  freezePanes: '1.7',
  /** TableCollection.onChanged: live checks while the user types */
  tableEvents: '1.7',
  chartSeries: '1.7',
  workbookProtection: '1.7',
  dataValidation: '1.8',
  pageLayout: '1.9',
  suspendScreenUpdating: '1.9',
  /** Table.resize, when Excel did not grow a table by itself */
  tableResize: '1.13',
  /** Range.getMergedAreasOrNullObject: merged cells right below a table are not free rows */
  mergedAreas: '1.13',
  notes: '1.18',
} as const;

export function officeRequirementCheck(version: string): boolean {
  // Outside Excel (a browser tab, Node) there is no Office global; nothing is supported there.
  if (typeof Office === 'undefined') return false;
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

export function unsupportedHost(): WorkbookOperationError {
  return new WorkbookOperationError(
    'unsupported',
    'Excel-API-et er ikke tilgjengelig her. Åpne tillegget i Excel.',
    'The Excel API is not available here. Open the add-in in Excel.',
  );
}

/**
 * The real `Excel.run`. With ExcelApi 1.5 the batch waits while the user is typing in a cell instead of
 * failing with InvalidOperationInCellEditMode.
 */
export function officeRun(isSupported: RequirementCheck = officeRequirementCheck): ExcelRun {
  return <T>(batch: ExcelBatch<T>): Promise<T> => {
    if (typeof Excel === 'undefined') return Promise.reject(unsupportedHost());
    return isSupported(EXCEL_API.delayForCellEdit) ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
  };
}
