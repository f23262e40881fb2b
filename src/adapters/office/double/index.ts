import type { ExcelRun } from '../run';
import type { WorkbookData } from '../../../core/contract/tableData';
import { DoubleContext, type DoubleHost, type SyncStats } from './context';
import { fillWorkbook } from './fill';
import { dropdownItems } from './lists';
import { parseAddress, WorkbookState, type CellState, type SheetState } from './state';
import { DoubleWorkbook } from './workbook';
import { tableIdOf } from './table';

/**
 * A strict, in-memory stand-in for the part of the Excel JavaScript API the Office adapter uses. Unlike
 * office-addin-mock it behaves like Excel where it matters for correctness and cost: commands are queued and
 * applied only at `context.sync()`, a property read before `load()` + `sync()` throws PropertyNotLoaded,
 * each sync is counted with the bytes it sends and receives, requests and responses over 5 MB fail, and
 * Excel's refusals (protected sheet, merged cells under a table, cell-edit mode, missing API) come back as
 * RichApi-style errors with Excel's codes.
 *
 * It is handed to the adapter as an `Excel.run`; that is the one place its objects are cast to Excel's types.
 */

export const FIVE_MB = 5 * 1024 * 1024;

export interface ExcelDoubleOptions {
  /** initial content, placed as the .xlsx adapter places it */
  data?: WorkbookData;
  /** the newest ExcelApi requirement set the simulated Excel supports (default 1.17) */
  apiVersion?: string;
  requestLimitBytes?: number;
  responseLimitBytes?: number;
}

export interface RoundTripStats {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  /** the largest single request */
  maxRequestBytes: number;
  perSync: SyncStats[];
}

export interface ExcelDouble {
  /** Excel.run over the double: a new context per run; what the batch leaves queued is synced (and counted) at the end. */
  readonly run: ExcelRun;
  /** A bare context, for testing the double itself. */
  context(): Excel.RequestContext;
  /** Office.context.requirements.isSetSupported('ExcelApi', version) for the simulated Excel (a plain function, to pass around). */
  readonly supports: (version: string) => boolean;
  readonly state: WorkbookState;
  /** live counters since creation or the last resetStats() */
  readonly stats: RoundTripStats;
  resetStats(): void;
  /** the user is typing in a cell: every sync fails with InvalidOperationInCellEditMode */
  cellEditMode: boolean;
  sheet(name: string): SheetState;
  cell(sheet: string, address: string): CellState | undefined;
  protectSheet(sheet: string, on?: boolean): void;
  protectWorkbook(on?: boolean): void;
  mergeCells(sheet: string, address: string): void;
  /** Excel refuses `member` (`PageLayout.zoom`, `Kind.member` as in error locations) with `code` from now on. */
  refuse(member: string, code: string): void;
  /**
   * What the cell's dropdown list offers when the user opens it, its source evaluated against the workbook as it
   * stands (undefined: the cell has no list validation).
   */
  dropdown(sheet: string, address: string): string[] | undefined;
  /** The value a formula cell shows (the double does not calculate). */
  setFormulaResult(sheet: string, address: string, value: number | string): void;
  /**
   * Someone types `value` into one cell, outside the add-in: the user (`local`) or a co-author whose change
   * Excel synchronises (`remote`). As Excel does, a cell in a table raises that table's change event for every
   * handler the add-in registered; a cell outside every table raises none. Returns the handlers called.
   */
  edit(sheet: string, address: string, value: number | string | null, source?: 'local' | 'remote'): number;
  /** how many table change handlers the add-in has registered now */
  readonly tableChangedHandlers: number;
}

class DoubleRequestContext extends DoubleContext {
  readonly workbook = new DoubleWorkbook(this);
}

/** The single cast: the double's context implements the members of Excel.RequestContext the adapter uses. */
function asExcelContext(context: DoubleRequestContext): Excel.RequestContext {
  return context as unknown as Excel.RequestContext;
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

function emptyStats(): RoundTripStats {
  return { syncs: 0, requestBytes: 0, responseBytes: 0, maxRequestBytes: 0, perSync: [] };
}

export function createExcelDouble(options: ExcelDoubleOptions = {}): ExcelDouble {
  const state = new WorkbookState();
  if (options.data) fillWorkbook(state, options.data);
  const apiVersion = options.apiVersion ?? '1.17';
  let stats = emptyStats();

  const host: DoubleHost & { cellEditMode: boolean; refusals: Map<string, string> } = {
    state,
    tableChangedHandlers: new Set(),
    requestLimitBytes: options.requestLimitBytes ?? FIVE_MB,
    responseLimitBytes: options.responseLimitBytes ?? FIVE_MB,
    cellEditMode: false,
    refusals: new Map(),
    supports: (version) => compareVersions(version, apiVersion) <= 0,
    recordSync: (sync) => {
      stats.syncs += 1;
      stats.perSync.push(sync);
    },
  };

  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new DoubleRequestContext(host);
    const result = await batch(asExcelContext(context));
    // Excel.run sends what the batch left queued; forgetting a sync still costs a round trip.
    if (context.pendingCommands > 0) await context.sync();
    return result;
  };

  const sheet = (name: string): SheetState => {
    const found = state.sheet(name);
    if (found === undefined) throw new Error(`The double has no sheet ${name}`);
    return found;
  };
  const boundsOf = (address: string) => {
    const parsed = parseAddress(address);
    if (parsed === undefined) throw new Error(`Not an address: ${address}`);
    return parsed.bounds;
  };

  return {
    run,
    context: () => asExcelContext(new DoubleRequestContext(host)),
    supports: host.supports,
    state,
    get stats() {
      // Totals are derived from the per-sync records, so they cannot drift apart.
      stats.requestBytes = stats.perSync.reduce((n, s) => n + s.requestBytes, 0);
      stats.responseBytes = stats.perSync.reduce((n, s) => n + s.responseBytes, 0);
      stats.maxRequestBytes = stats.perSync.reduce((n, s) => Math.max(n, s.requestBytes), 0);
      return stats;
    },
    resetStats() {
      stats = emptyStats();
    },
    get cellEditMode() {
      return host.cellEditMode;
    },
    set cellEditMode(on: boolean) {
      host.cellEditMode = on;
    },
    sheet,
    cell: (name, address) => {
      const b = boundsOf(address);
      return sheet(name).cell(b.top, b.left);
    },
    protectSheet: (name, on = true) => {
      sheet(name).isProtected = on;
    },
    protectWorkbook: (on = true) => {
      state.isProtected = on;
    },
    mergeCells: (name, address) => {
      sheet(name).merges.push(boundsOf(address));
    },
    refuse: (member, code) => {
      host.refusals.set(member, code);
    },
    edit: (name, address, value, source = 'local') => {
      const b = boundsOf(address);
      const target = sheet(name);
      const cell = target.cellForWrite(b.top, b.left);
      delete cell.formula;
      cell.type = value === null ? 'Empty' : typeof value === 'number' ? 'Double' : 'String';
      cell.value = value;
      const table = state.tables.find(
        (t) =>
          t.sheet === target && b.top >= t.bounds.top && b.top <= t.bounds.bottom && b.left >= t.bounds.left && b.left <= t.bounds.right,
      );
      if (table === undefined) return 0;
      const event = {
        type: 'TableChanged' as const,
        tableId: tableIdOf(table),
        worksheetId: target.name,
        address,
        changeType: 'RangeEdited',
        source: source === 'remote' ? ('Remote' as const) : ('Local' as const),
      };
      const handlers = [...host.tableChangedHandlers];
      for (const handler of handlers) void handler(event);
      return handlers.length;
    },
    get tableChangedHandlers() {
      return host.tableChangedHandlers.size;
    },
    dropdown: (name, address) => {
      const b = boundsOf(address);
      return dropdownItems(state, sheet(name), b.top, b.left);
    },
    setFormulaResult: (name, address, value) => {
      const b = boundsOf(address);
      const cell = sheet(name).cell(b.top, b.left);
      if (cell?.formula === undefined) throw new Error(`${name}!${address} holds no formula`);
      cell.type = typeof value === 'number' ? 'Double' : 'String';
      cell.value = value;
    },
  };
}

/** A copy of the double's round-trip counters, for tests and benchmarks to report syncs and bytes per operation. */
export function roundTripStats(double: ExcelDouble): RoundTripStats {
  const live = double.stats;
  return { ...live, perSync: live.perSync.map((s) => ({ ...s })) };
}

/** Runs `operation` and returns the round trips it cost. */
export async function measure<T>(double: ExcelDouble, operation: () => Promise<T>): Promise<{ result: T; stats: RoundTripStats }> {
  double.resetStats();
  const result = await operation();
  return { result, stats: roundTripStats(double) };
}

export type { CellState, SheetState, SyncStats };
export { WorkbookState };
