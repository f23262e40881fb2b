import { Workbook, type Worksheet } from 'exceljs';
import type { SnapshotCell, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot/types';
import { a1, cellAddress, parseCell, type A1 } from '../../core/util/brand';
import { WorkbookFileError, type WorkbookReader } from '../port';
import { emptyCell, snapshotCell } from './cells';
import * as errors from './errors';
import { preparePackage, type XlsxReadOptions } from './package';

/**
 * Reads an .xlsx file's bytes into a snapshot of its Excel tables. Browser-safe: no Node built-ins here
 * (the file-system entry points are in ./file).
 */
export { MAX_UNCOMPRESSED_BYTES, type XlsxReadOptions } from './package';

/**
 * A workbook opened from bytes. Everything is read and checked when it is opened, so a file that cannot be
 * used fails there with a WorkbookFileError, and readSnapshot cannot fail.
 */
export class XlsxWorkbook implements WorkbookReader {
  constructor(
    private readonly snapshot: WorkbookSnapshot,
    /** The file is an .xlsm; its data is read as usual (nothing is ever written back). */
    readonly macroEnabled: boolean,
  ) {}

  readSnapshot(): Promise<WorkbookSnapshot> {
    // A copy, so a caller that edits its snapshot cannot change what the next caller sees.
    return Promise.resolve(structuredClone(this.snapshot));
  }
}

export async function openXlsx(bytes: Uint8Array, options?: XlsxReadOptions): Promise<XlsxWorkbook> {
  const prepared = await preparePackage(bytes, options);
  const workbook = await loadWorkbook(prepared.bytes);
  try {
    const snapshot = snapshotOf(workbook, prepared.headerRowCounts);
    snapshot.generated = prepared.generated;
    return new XlsxWorkbook(snapshot, prepared.macroEnabled);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw errors.corrupt(errors.describe(error));
  }
}

/** exceljs declares a Node Buffer, but hands the data straight to JSZip, which takes any Uint8Array. */
type ExcelJsInput = Parameters<Workbook['xlsx']['load']>[0];

async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJsInput);
  } catch (error) {
    throw errors.corrupt(errors.describe(error));
  }
  return workbook;
}

function snapshotOf(workbook: Workbook, headerRowCounts: ReadonlyMap<string, number>): WorkbookSnapshot {
  const sheets = workbook.worksheets;
  const tables = sheets.flatMap((sheet) => sheetTables(sheet).map((table) => tableSnapshot(sheet, table, headerRowCounts)));
  return { sheets: sheets.map((sheet) => sheet.name), tables };
}

// ---------------------------------------------------------------------------------------------------------
// Tables as exceljs loads them

/** What exceljs keeps of a loaded table part. Its type declarations describe the write-side options instead. */
interface LoadedTable {
  name: string;
  ref: A1;
  totalsRow: boolean;
}

/** The sheet's tables, top to bottom, then left to right, so the order does not depend on the file's part order. */
function sheetTables(sheet: Worksheet): LoadedTable[] {
  const found: readonly unknown[] = sheet.getTables();
  const tables = found.map((table) => loadedTable(table, sheet.name));
  return tables.sort((a, b) => compareTopLeft(a.ref, b.ref));
}

function loadedTable(table: unknown, sheet: string): LoadedTable {
  // At run time getTables() returns Table objects whose `table` field is the parsed part.
  const model: unknown = typeof table === 'object' && table !== null && 'table' in table ? table.table : undefined;
  if (typeof model !== 'object' || model === null) throw errors.corrupt(`unreadable table on sheet ${sheet}`);
  const name = 'name' in model && typeof model.name === 'string' ? model.name : undefined;
  const ref = 'tableRef' in model && typeof model.tableRef === 'string' ? model.tableRef : undefined;
  if (name === undefined || ref === undefined) throw errors.corrupt(`table without name or range on sheet ${sheet}`);
  return { name, ref: a1(ref), totalsRow: 'totalsRow' in model && model.totalsRow === true };
}

function compareTopLeft(a: A1, b: A1): number {
  const pa = parseCell(a.split(':')[0] ?? a);
  const pb = parseCell(b.split(':')[0] ?? b);
  return pa.row - pb.row || pa.column - pb.column;
}

// ---------------------------------------------------------------------------------------------------------
// One table's cells

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function boundsOf(ref: A1): Bounds {
  const [start = ref, end = start] = ref.split(':');
  const tl = parseCell(start);
  const br = parseCell(end);
  return { top: tl.row, left: tl.column, bottom: br.row, right: br.column };
}

/**
 * More cells than any budget workbook holds; only a table laid over whole columns gets near it. Each listed
 * cell costs the reader close to a kilobyte (the snapshot and its copy), so this also bounds its memory.
 */
const MAX_TABLE_CELLS = 250_000;
/** Up to this many cells a table is listed exactly as its range says, blank rows and all. */
const LISTED_AS_IS_CELLS = 100_000;

function tableSnapshot(sheet: Worksheet, table: LoadedTable, headerRowCounts: ReadonlyMap<string, number>): TableSnapshot {
  const bounds = boundsOf(table.ref);
  const height = bounds.bottom - bounds.top + 1;
  const headerRows = Math.min(headerRowCounts.get(table.name) ?? 1, height);
  const hasTotal = table.totalsRow && height > headerRows;
  const bodyStart = bounds.top + headerRows;
  const bodyEnd = lastBodyRow(sheet, table, bounds, bodyStart, hasTotal ? bounds.bottom - 1 : bounds.bottom);

  const row = (r: number): SnapshotCell[] => rowCells(sheet, r, bounds.left, bounds.right);
  const rows: SnapshotCell[][] = [];
  for (let r = bodyStart; r <= bodyEnd; r++) rows.push(row(r));
  const snapshot: TableSnapshot = {
    name: table.name,
    sheet: sheet.name,
    range: table.ref,
    header: headerRows > 0 ? row(bounds.top) : [],
    rows,
  };
  if (hasTotal) snapshot.totalRow = row(bounds.bottom);
  return snapshot;
}

/**
 * The last body row to report. Normally the table's own; but a table laid over whole columns reaches row
 * 1 048 576, and listing a million blank rows would exhaust memory, so a huge table stops after the last row
 * the sheet actually contains (the rows after it hold nothing).
 */
function lastBodyRow(sheet: Worksheet, table: LoadedTable, bounds: Bounds, bodyStart: number, bodyEnd: number): number {
  const width = bounds.right - bounds.left + 1;
  if ((bodyEnd - bodyStart + 1) * width <= LISTED_AS_IS_CELLS) return bodyEnd;
  const lastStored = sheet.lastRow?.number ?? 0;
  const end = Math.max(bodyStart, Math.min(bodyEnd, lastStored));
  if ((end - bodyStart + 1) * width > MAX_TABLE_CELLS) throw errors.tableTooLarge(table.name);
  return end;
}

function rowCells(sheet: Worksheet, row: number, left: number, right: number): SnapshotCell[] {
  const stored = sheet.findRow(row);
  const cells: SnapshotCell[] = [];
  for (let column = left; column <= right; column++) {
    const address = cellAddress(row, column);
    cells.push(stored === undefined ? emptyCell(address) : snapshotCell(stored.findCell(column), address));
  }
  return cells;
}
