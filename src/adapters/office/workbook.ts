import type { WorkbookData } from '../../core/contract/tableData';
import type { QuickFix } from '../../core/findings/types';
import type { SheetLayout } from '../../core/layout/types';
import type { WorkbookSnapshot } from '../../core/snapshot/types';
import type { A1 } from '../../core/util/brand';
import { planFixes, plannedFixes, runCells, stillAsValidated } from '../../core/findings/fixPlan';
import {
  type AddColumnsOutcome,
  type AppendOutcome,
  type FixesOutcome,
  type RenderOutcome,
  type RowChanges,
  type RowValue,
  type RowContext,
  type TableChange,
  type TableWatch,
  type TemplateOutcome,
  type WorkbookPort,
  type WriteRowsOutcome,
} from '../port';
import { addColumns } from './addColumn';
import { appendRow, writeRows } from './append';
import { DEFAULT_REQUEST_BUDGET, DEFAULT_RESPONSE_BUDGET } from './batches';
import { toOperationError, type ErrorScope } from './errors';
import { readSnapshot } from './read';
import { renderLayout } from './render';
import { officeRequirementCheck, officeRun, type ExcelRun, type RequirementCheck } from './run';
import { createTemplate } from './template';
import { watchTables } from './watch';

export interface OfficeWorkbookOptions {
  /** which ExcelApi requirement sets Excel supports; defaults to Office.context.requirements */
  isSupported?: RequirementCheck;
  /** estimated bytes one write request may carry (Excel on the web refuses more than 5 MB) */
  maxRequestBytes?: number;
  /** estimated bytes one chunked read may bring back */
  maxResponseBytes?: number;
}

/**
 * The workbook port over the workbook open in Excel, through Office.js. Each operation is one `Excel.run` with
 * a small, fixed number of round trips (see each module), and every failure reaches the caller as a
 * WorkbookOperationError with a message for the user.
 */
export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly isSupported: RequirementCheck;
  private readonly maxRequestBytes: number;
  private readonly maxResponseBytes: number;
  /** table id → name, as the last read found them: change events name a table by its id */
  private tableNames: ReadonlyMap<string, string> = new Map();

  constructor(run?: ExcelRun, options: OfficeWorkbookOptions = {}) {
    this.isSupported = options.isSupported ?? officeRequirementCheck;
    this.run = run ?? officeRun(this.isSupported);
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_RESPONSE_BUDGET;
  }

  readSnapshot(): Promise<WorkbookSnapshot> {
    return this.guard({ sheets: [] }, () =>
      readSnapshot({
        run: this.run,
        isSupported: this.isSupported,
        maxResponseBytes: this.maxResponseBytes,
        onTableIds: (ids) => {
          this.tableNames = ids;
        },
      }),
    );
  }

  renderLayout(layout: SheetLayout): Promise<RenderOutcome> {
    return this.guard({ sheets: [] }, () =>
      renderLayout(layout, { run: this.run, isSupported: this.isSupported, maxRequestBytes: this.maxRequestBytes }),
    );
  }

  /**
   * Two round trips for any realistic count: the first reads what the planned cells hold now, the second
   * writes those that still hold the text they were validated with (a co-author may have typed into the
   * others since). The writes follow the core's plan: a column of adjacent cells is one range write, and each
   * request stays under the request budget (10 000 scattered cells still fit in one; more take one round trip
   * per request). Only the named cells' values are written; their formats stay as the user made them.
   */
  applyFixes(fixes: readonly QuickFix[]): Promise<FixesOutcome> {
    const wanted = planFixes(fixes, { maxRequestBytes: this.maxRequestBytes });
    const none: FixesOutcome = { changed: 0, skipped: wanted.skipped.length, changedSince: 0, writes: 0 };
    if (wanted.requests.length === 0) return Promise.resolve(none);
    const sheets = [...new Set(wanted.requests.flat().map((run) => run.sheet))];
    return this.guard({ sheets }, () =>
      this.run(async (context) => {
        const worksheets = new Map<string, Excel.Worksheet>();
        const sheet = (name: string): Excel.Worksheet => {
          let found = worksheets.get(name);
          if (!found) {
            found = context.workbook.worksheets.getItem(name);
            worksheets.set(name, found);
          }
          return found;
        };
        // Round trip 1: what the cells hold now, run by run.
        const reads = wanted.requests.flat().map((run) => ({ run, range: sheet(run.sheet).getRange(run.range).load('values') }));
        await context.sync();
        const now = new Map<string, unknown>();
        for (const { run, range } of reads) runCells(run).forEach((cell, i) => now.set(`${run.sheet}!${cell}`, range.values[i]?.[0]));
        const verified = stillAsValidated(plannedFixes(fixes, wanted), (name, cell) => {
          const value = now.get(`${name}!${cell}`);
          return typeof value === 'string' ? value : undefined;
        });
        // Round trip 2 (one per request of the plan): the cells that are as they were validated.
        const plan = planFixes(verified.unchanged, { maxRequestBytes: this.maxRequestBytes });
        for (const request of plan.requests) {
          for (const run of request) sheet(run.sheet).getRange(run.range).values = run.values.map((value) => [value]);
          await context.sync();
        }
        return { changed: plan.cells, skipped: wanted.skipped.length, changedSince: verified.changed, writes: 1 + plan.requests.length };
      }),
    );
  }

  createTemplate(template: WorkbookData): Promise<TemplateOutcome> {
    return this.guard({ sheets: template.sheets }, () =>
      createTemplate(template, { run: this.run, isSupported: this.isSupported, maxRequestBytes: this.maxRequestBytes }),
    );
  }

  /** Two round trips (see ./append); the sheet is learnt in the first, for diagnosing a refusal. */
  appendRow(table: string, values: Readonly<Record<string, RowValue>>): Promise<AppendOutcome> {
    const sheets: string[] = [];
    return this.guard({ sheets }, () =>
      appendRow(table, values, { run: this.run, isSupported: this.isSupported, onSheet: (sheet) => sheets.push(sheet) }),
    );
  }

  /** Two round trips for any number of rows (see ./append). */
  writeRows(table: string, changes: RowChanges): Promise<WriteRowsOutcome> {
    const sheets: string[] = [];
    return this.guard({ sheets }, () =>
      writeRows(table, changes, { run: this.run, isSupported: this.isSupported, onSheet: (sheet) => sheets.push(sheet) }),
    );
  }

  /**
   * Three round trips for any number of tables (see ./addColumn): all the tables get the column or none does;
   * a refusal names the sheet and cell in the way.
   */
  addColumns(tables: readonly string[], header: string): Promise<AddColumnsOutcome> {
    const sheets: string[] = [];
    return this.guard({ sheets }, () =>
      addColumns(tables, header, { run: this.run, isSupported: this.isSupported, onSheet: (sheet) => sheets.push(sheet) }),
    );
  }

  /** One round trip: shows the sheet and selects the cell. Excel has a grid to show, so there is no row context. */
  select(sheet: string, cell: A1): Promise<RowContext | null> {
    return this.guard({ sheets: [sheet] }, () =>
      this.run(async (context) => {
        const target = context.workbook.worksheets.getItem(sheet);
        target.activate();
        target.getRange(cell).select();
        await context.sync();
        return null;
      }),
    );
  }

  /**
   * One round trip to register (ExcelApi 1.7; null without it); each change then costs nothing: the table is
   * named from the ids the last read found, so an edit outside the contract's tables reads nothing.
   */
  watchTables(listener: (change: TableChange) => void): Promise<TableWatch | null> {
    return this.guard({ sheets: [] }, () =>
      watchTables({ run: this.run, isSupported: this.isSupported, tableName: (id) => this.tableNames.get(id) ?? null }, listener),
    );
  }

  /** Runs an operation and turns whatever it throws into a WorkbookOperationError. */
  private async guard<T>(scope: ErrorScope, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw await toOperationError(error, scope, this.run, this.isSupported);
    }
  }
}
