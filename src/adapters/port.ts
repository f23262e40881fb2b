import type { WorkbookSnapshot } from '../core/snapshot/types';

/**
 * The workbook port: everything the shells (CLI, task pane, standalone page) need from a workbook.
 * The .xlsx adapter implements it over a file's bytes; the Office.js adapter (a later issue) over the open
 * workbook in Excel. Both are annotated with this type, so the compiler proves they fit.
 * Later issues extend it with renderLayout, select, applyFix, createTemplate and appendRow.
 */
export interface WorkbookPort {
  /** Reads every contract table found in the workbook, as raw cells. Throws only for I/O failures. */
  readSnapshot(): Promise<WorkbookSnapshot>;
}

export type WorkbookErrorCode = 'not-found' | 'not-xlsx' | 'encrypted' | 'corrupt' | 'too-large' | 'legacy-format' | 'macro-enabled';

/**
 * A workbook that cannot be used at all. The message is one line, in bokmål and English, meant for the user;
 * shells print it without a stack trace.
 */
export class WorkbookFileError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'WorkbookFileError';
  }
}
