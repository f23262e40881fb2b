import type { WorkbookData } from '../core/contract/tableData';
import type { QuickFix } from '../core/findings/types';
import type { SheetLayout } from '../core/layout/types';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import type { A1 } from '../core/util/brand';

/** Where a rendered layout ended up. */
export interface RenderOutcome {
  sheet: string;
  /** an earlier sheet of the add-in's own with that name was replaced */
  replaced: boolean;
  /** a sheet the user made had the wanted name; the layout went to `sheet` instead */
  renamedFrom?: string;
  /** Excel refused the print setup (orientation, fit to width, header, page breaks); the sheet is complete without it */
  printSetupSkipped?: boolean;
}

/** What creating the contract's tables did; nothing that already had content was changed. */
export interface TemplateOutcome {
  createdSheets: string[];
  createdTables: string[];
  /** columns added at the end of an existing table */
  addedColumns: { table: string; column: string }[];
}

/** A value for one cell of a new row: text stays text (never a formula), numbers are numbers, dates are dates, null leaves the cell empty. */
export type RowValue = string | number | { date: string } | null;

/** Where an appended row went. */
export interface AppendOutcome {
  table: string;
  sheet: string;
  /** the new row's cells across the table, e.g. `A12:K12` */
  range: A1;
}

/** Rows to write into one table at once: some rewritten in place (by their sheet row), some appended. */
export interface RowChanges {
  update: { row: number; values: Readonly<Record<string, RowValue>> }[];
  append: Readonly<Record<string, RowValue>>[];
  /**
   * When the rows below the table are taken, insert sheet rows for the new ones rather than refuse (the .xlsx
   * adapter; Excel always inserts through the table)
   */
  makeRoom?: boolean;
}

export interface WriteRowsOutcome {
  table: string;
  sheet: string;
  updated: number;
  appended: number;
}

/** The columns `addColumns` added: each table's new header cell. */
export interface AddColumnsOutcome {
  added: { table: string; sheet: string; cell: string }[];
}

/** What applying many quick fixes at once did. */
export interface FixesOutcome {
  /** cells written (each at most once) */
  changed: number;
  /** fixes left out: not one number for one cell, or a second value for a cell already fixed */
  skipped: number;
  /**
   * cells left as they are because they no longer hold the text they held when validated (a co-author or the
   * user has typed into them since): checked in the same write, never overwritten
   */
  changedSince: number;
  /** writes it took: round trips to Excel, package writes of a file */
  writes: number;
}

/** The values of the table row around a cell, for shells that have no grid to select in. */
export interface RowContext {
  table: string;
  header: string[];
  values: string[];
  /** the index (in `header`) of the column of the cell asked about, shown highlighted */
  column?: number;
}

/**
 * The workbook port: everything the shells (CLI, task pane, standalone page) need from a workbook.
 * The .xlsx adapter implements it over a file's bytes held in memory (never the user's file on disk); the
 * Office.js adapter over the open workbook in Excel. Both are annotated with this type, so the compiler
 * proves they fit, and both run the same conformance tests.
 */
export interface WorkbookPort {
  /** Reads every contract table found in the workbook, as raw cells. Throws only for I/O failures. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** Writes a generated sheet: replaces the add-in's own sheet of that name, never a sheet the user made. */
  renderLayout(layout: SheetLayout): Promise<RenderOutcome>;
  /**
   * Applies the quick fixes the user asked for: one ("Rett opp") or many at once ("Rett opp alle"). Writes exactly the cells they name,
   * in as few writes as the core's plan allows (in Excel at most 2 round trips for any realistic count, in a
   * file one write), and says how many cells changed. Each cell is written only while it still holds the text
   * it was validated with (read in the same operation: in Excel the first of the 2 round trips, in a file the
   * same package pass); the others are left alone and counted. A fix whose cell is missing in a file fails
   * the whole call before anything is written.
   */
  applyFixes(fixes: readonly QuickFix[]): Promise<FixesOutcome>;
  /** Creates the sheets, tables and columns of `template` that are missing; never changes a cell with content. */
  createTemplate(template: WorkbookData): Promise<TemplateOutcome>;
  /**
   * Adds one row at the end of a table's body, safely under co-authoring: written into the blank last row of a
   * table that has no data yet, or into the empty row right below the table (Excel grows the table), never by
   * rewriting the table. Values are keyed by column header (compared as the core compares headers); columns not
   * given are left as they are (calculated columns keep their formulas). Nothing the user typed is overwritten:
   * when the row below is taken, both adapters insert a whole sheet row there first, so what was below moves
   * down one row (the .xlsx adapter refuses, naming the sheet, where drawings, charts or notes would have to move).
   */
  appendRow(table: string, values: Readonly<Record<string, RowValue>>): Promise<AppendOutcome>;
  /**
   * Writes many rows of one table in one go (one package rewrite; in Excel at most two round trips, three when
   * the table must be resized): the given cells of existing body rows, then new rows appended as `appendRow`
   * would. Columns not given keep what they hold.
   */
  writeRows(table: string, changes: RowChanges): Promise<WriteRowsOutcome>;
  /**
   * Adds a column `header` at the right end of each named table, all or none: refused (nothing written) when
   * the cell to the right of a table, from its header to its last row, is not free, naming that cell. In a file
   * one package rewrite; in Excel three round trips, the header styled as the one beside it in both.
   */
  addColumns?(tables: readonly string[], header: string): Promise<AddColumnsOutcome>;
  /** Shows a cell or range to the user: selects it in Excel; elsewhere returns the row around it. */
  select(sheet: string, cell: A1): Promise<RowContext | null>;
  /**
   * Tells `listener` about every change to a table's cells, as it happens (Excel only: a file does not change
   * under the page). Resolves to the way to stop listening, or null when the host cannot tell (ExcelApi 1.7).
   */
  watchTables?(listener: (change: TableChange) => void): Promise<TableWatch | null>;
}

/** A change Excel reported in a table: the table's name (null when the table is not known yet) and who made it. */
export interface TableChange {
  table: string | null;
  /** `remote`: a co-author's change, synchronised into this workbook */
  source: 'local' | 'remote';
}

export interface TableWatch {
  stop(): Promise<void>;
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

/**
 * An operation Excel refused (protected sheet, merged cells in the way, missing permission, unsupported
 * API). The Office adapter turns each RichApi error into one of these, so the pane never shows a raw error.
 */
export class WorkbookOperationError extends Error {
  constructor(
    readonly code: 'protected' | 'merged-conflict' | 'table-overlap' | 'permission' | 'unsupported' | 'busy' | 'not-found' | 'failed',
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'WorkbookOperationError';
  }
}

/** The reading half of the port, for code that only reads (the CLI's validate). */
export type WorkbookReader = Pick<WorkbookPort, 'readSnapshot'>;
