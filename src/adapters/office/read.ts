import type { GeneratedSheetInfo, SnapshotCell, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot/types';
import { a1, cellAddress, parseCell, rangeAddress } from '../../core/util/brand';
import { snapshotCell } from './cells';
import { errorCode } from './errors';
import { MARKER_NAME, parseMarker } from './marker';
import { EXCEL_API, type ExcelRun, type RequirementCheck } from './run';

/**
 * readSnapshot over Office.js in two round trips whatever the size of the tables: (1) the sheets and the
 * tables; (2) each table's whole range (values, formulas, number formats, value types) and each sheet's
 * marker name. A response over Excel's 5 MB limit falls back to reading the tables in row blocks, a few
 * blocks per round trip.
 */

const RANGE_PROPERTIES = ['address', 'values', 'formulas', 'numberFormat', 'valueTypes'];

export interface ReadOptions {
  run: ExcelRun;
  isSupported: RequirementCheck;
  /** how much a fallback round trip may bring back */
  maxResponseBytes: number;
  /** told each table's id and name as the read finds them (the change events name tables by id) */
  onTableIds?: (ids: ReadonlyMap<string, string>) => void;
}

interface TableInfo {
  name: string;
  showTotals: boolean;
  showHeaders: boolean;
  sheet: string;
}

interface TableGrid {
  info: TableInfo;
  /** top-left of the range and its cells, row by row */
  top: number;
  left: number;
  bottom: number;
  right: number;
  cells: SnapshotCell[][];
}

interface Inventory {
  sheets: Excel.Worksheet[];
  tables: Excel.Table[];
}

export async function readSnapshot(options: ReadOptions): Promise<WorkbookSnapshot> {
  try {
    return await options.run((context) => readWhole(context, options.isSupported, options.onTableIds));
  } catch (error) {
    if (errorCode(error) !== 'ResponsePayloadSizeLimitExceeded') throw error;
    return options.run((context) => readInBlocks(context, options));
  }
}

async function loadInventory(context: Excel.RequestContext, onTableIds?: ReadOptions['onTableIds']): Promise<Inventory> {
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name, items/id, items/showTotals, items/showHeaders');
  await context.sync();
  onTableIds?.(new Map(tables.items.map((t) => [t.id, t.name])));
  return { sheets: sheets.items, tables: tables.items };
}

/** The marker name of every sheet (ExcelApi 1.4 scopes names to sheets; without it no sheet is recognised). */
function loadMarkers(sheets: Excel.Worksheet[], isSupported: RequirementCheck): () => GeneratedSheetInfo[] {
  if (!isSupported(EXCEL_API.sheetNames)) return () => [];
  const names = sheets.map((sheet) => ({ sheet: sheet.name, item: sheet.names.getItemOrNullObject(MARKER_NAME).load('value') }));
  return () => names.flatMap(({ sheet, item }) => (item.isNullObject ? [] : (parseMarker(sheet, item.value) ?? [])));
}

function tableInfo(table: Excel.Table, sheet: string): TableInfo {
  return { name: table.name, showTotals: table.showTotals, showHeaders: table.showHeaders, sheet };
}

async function readWhole(
  context: Excel.RequestContext,
  isSupported: RequirementCheck,
  onTableIds?: ReadOptions['onTableIds'],
): Promise<WorkbookSnapshot> {
  const { sheets, tables } = await loadInventory(context, onTableIds);
  const reads = tables.map((table) => ({ table, sheet: table.worksheet.load('name'), range: table.getRange().load(RANGE_PROPERTIES) }));
  const markers = loadMarkers(sheets, isSupported);
  await context.sync();
  const grids = reads.map(({ table, sheet, range }) => gridOf(tableInfo(table, sheet.name), range));
  return assemble(
    sheets.map((s) => s.name),
    grids,
    markers(),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Fallback: row blocks

/** A generous guess of one cell's share of a response (four properties, long texts), to size the blocks. */
const BYTES_PER_CELL = 256;

interface Block {
  table: number;
  sheet: Excel.Worksheet;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

async function readInBlocks(context: Excel.RequestContext, options: ReadOptions): Promise<WorkbookSnapshot> {
  const { sheets, tables } = await loadInventory(context, options.onTableIds);
  const shapes = tables.map((table) => ({ table, sheet: table.worksheet.load('name'), range: table.getRange().load('address') }));
  const markers = loadMarkers(sheets, options.isSupported);
  await context.sync();
  const cellsPerTrip = Math.max(1, Math.floor(options.maxResponseBytes / BYTES_PER_CELL));
  const blocks = shapes.flatMap(({ sheet, range }, index) => blocksOf(index, sheet, boundsOf(range.address), cellsPerTrip));
  const rows = shapes.map((): SnapshotCell[][] => []);
  for (const trip of packBlocks(blocks, cellsPerTrip)) {
    const loaded = trip.map((block) => ({
      block,
      range: block.sheet.getRange(rangeAddress(block.top, block.left, block.bottom, block.right)).load(RANGE_PROPERTIES),
    }));
    await context.sync();
    for (const { block, range } of loaded) rows[block.table]?.push(...cellsOf(range, block.top, block.left));
  }
  const grids = shapes.map(({ table, sheet, range }, index) => ({
    info: tableInfo(table, sheet.name),
    ...boundsOf(range.address),
    cells: rows[index] ?? [],
  }));
  return assemble(
    sheets.map((s) => s.name),
    grids,
    markers(),
  );
}

function blocksOf(table: number, sheet: Excel.Worksheet, bounds: Bounds, cellsPerTrip: number): Block[] {
  const width = bounds.right - bounds.left + 1;
  const rowsPerBlock = Math.max(1, Math.floor(cellsPerTrip / width));
  const blocks: Block[] = [];
  for (let top = bounds.top; top <= bounds.bottom; top += rowsPerBlock) {
    blocks.push({ table, sheet, top, bottom: Math.min(bounds.bottom, top + rowsPerBlock - 1), left: bounds.left, right: bounds.right });
  }
  return blocks;
}

function packBlocks(blocks: Block[], cellsPerTrip: number): Block[][] {
  const trips: Block[][] = [];
  let current: Block[] = [];
  let cells = 0;
  for (const block of blocks) {
    const size = (block.bottom - block.top + 1) * (block.right - block.left + 1);
    if (current.length > 0 && cells + size > cellsPerTrip) {
      trips.push(current);
      current = [];
      cells = 0;
    }
    current.push(block);
    cells += size;
  }
  if (current.length > 0) trips.push(current);
  return trips;
}

// ---------------------------------------------------------------------------------------------------------
// Cells and tables

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `Sheet!B3:F9` (or `'Sheet name'!B3`) → its bounds; the sheet part may hold '!' itself, so split at the last one. */
export function boundsOf(address: string): Bounds {
  const local = a1(address.slice(address.lastIndexOf('!') + 1));
  const [start = local, end = start] = local.split(':');
  const tl = parseCell(start);
  const br = parseCell(end);
  return { top: tl.row, left: tl.column, bottom: br.row, right: br.column };
}

function gridOf(info: TableInfo, range: Excel.Range): TableGrid {
  const bounds = boundsOf(range.address);
  return { info, ...bounds, cells: cellsOf(range, bounds.top, bounds.left) };
}

function cellsOf(range: Excel.Range, top: number, left: number): SnapshotCell[][] {
  const { values, formulas, numberFormat, valueTypes } = range;
  return values.map((row: unknown[], r) =>
    row.map((value, c) =>
      snapshotCell(
        { value, formula: formulas[r]?.[c], numberFormat: numberFormat[r]?.[c], valueType: valueTypes[r]?.[c] },
        cellAddress(top + r, left + c),
      ),
    ),
  );
}

/** Splits a table's rows into header, body and total row, as the .xlsx adapter does. */
function tableSnapshot(grid: TableGrid): TableSnapshot {
  const { info, cells } = grid;
  const headerRows = info.showHeaders ? Math.min(1, cells.length) : 0;
  const hasTotal = info.showTotals && cells.length > headerRows;
  const snapshot: TableSnapshot = {
    name: info.name,
    sheet: info.sheet,
    range: rangeAddress(grid.top, grid.left, grid.bottom, grid.right),
    header: headerRows > 0 ? (cells[0] ?? []) : [],
    rows: cells.slice(headerRows, hasTotal ? -1 : undefined),
  };
  if (hasTotal) snapshot.totalRow = cells[cells.length - 1] ?? [];
  return snapshot;
}

/** Sheets in workbook order; each sheet's tables top to bottom, then left to right (the .xlsx adapter's order). */
function assemble(sheets: string[], grids: TableGrid[], generated: GeneratedSheetInfo[]): WorkbookSnapshot {
  const order = new Map(sheets.map((name, i) => [name, i]));
  const sorted = [...grids].sort(
    (a, b) => (order.get(a.info.sheet) ?? 0) - (order.get(b.info.sheet) ?? 0) || a.top - b.top || a.left - b.left,
  );
  return { sheets, tables: sorted.map(tableSnapshot), generated };
}
