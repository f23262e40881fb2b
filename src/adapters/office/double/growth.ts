import { DoubleRichApiError } from './errors';
import { growValidations } from './lists';
import { cellKey, overlaps, splitKey, type Bounds, type CellState, type SheetState, type TableState, type WorkbookState } from './state';

/**
 * How tables grow in the double, as in Excel:
 *  - AutoExpansion: a value typed (or set through `values`/`formulas`) in the row right below a table without
 *    a total row, within its columns, makes that row part of the table. Excel has an option to turn this off
 *    (File > Options > Proofing > AutoCorrect > AutoFormat As You Type); the double's host has it too.
 *  - `TableRowCollection.add` inserts a row at the end of the body, shifting the cells below down within the
 *    table's columns, so nothing is lost; the new row takes the number formats of the row above.
 * Structural calls are logged, so tests can tell which way a row reached a table.
 */

export interface TableGrowth {
  /** Excel's "Include new rows and columns in table" option (on by default) */
  autoExpand: boolean;
  /** structural table calls applied, in order: 'TableRowCollection.add', 'Table.resize' */
  readonly calls: string[];
}

// Kept beside the workbook state rather than in it, so the state's shape stays what the rest of the double shares.
const growthOf = new WeakMap<WorkbookState, TableGrowth>();

/** The table-growth settings and log of one double's workbook (created on first use, auto-expansion on). */
export function tableGrowth(state: WorkbookState): TableGrowth {
  let growth = growthOf.get(state);
  if (growth === undefined) {
    growth = { autoExpand: true, calls: [] };
    growthOf.set(state, growth);
  }
  return growth;
}

export interface Position {
  row: number;
  column: number;
}

/**
 * After cells were written: each table without a total row whose next row got a value within its columns takes
 * that row in, and the one after it when that got a value too (a pasted block). A row another table or a
 * merge reaches into is not taken, as Excel would not either.
 */
export function autoExpandTables(state: WorkbookState, sheet: SheetState, written: readonly Position[]): void {
  if (!tableGrowth(state).autoExpand || written.length === 0) return;
  for (const table of state.tables) {
    if (table.sheet !== sheet || table.showTotals) continue;
    while (written.some((p) => p.row === table.bounds.bottom + 1 && p.column >= table.bounds.left && p.column <= table.bounds.right)) {
      const next: Bounds = { ...table.bounds, top: table.bounds.bottom + 1, bottom: table.bounds.bottom + 1 };
      if (isBlocked(state, sheet, next, table)) break;
      const before = table.bounds;
      table.bounds = { ...table.bounds, bottom: next.bottom };
      growValidations(table, before);
    }
  }
}

function isBlocked(state: WorkbookState, sheet: SheetState, row: Bounds, self: TableState): boolean {
  return sheet.merges.some((m) => overlaps(m, row)) || state.tables.some((t) => t !== self && t.sheet === sheet && overlaps(t.bounds, row));
}

/**
 * Inserts a blank row at the end of the table's body: the total row and every cell below the body within the
 * table's columns move down one row, and so do tables and merges that lie wholly within those columns. Excel
 * refuses when the shift would cut through another table or a merged range.
 */
export function insertTableRow(state: WorkbookState, table: TableState, location: string): number {
  const { sheet, bounds } = table;
  const at = bounds.bottom - (table.showTotals ? 1 : 0) + 1;
  const band: Bounds = { top: at, left: bounds.left, bottom: Number.MAX_SAFE_INTEGER, right: bounds.right };
  const others = state.tables.filter((t) => t !== table && t.sheet === sheet && overlaps(t.bounds, band));
  const merges = sheet.merges.filter((m) => overlaps(m, band));
  if ([...others.map((t) => t.bounds), ...merges].some((b) => b.left < band.left || b.right > band.right)) {
    throw new DoubleRichApiError(
      'InvalidOperation',
      'This operation is not allowed. The operation is attempting to shift cells in a table or merged cells on your worksheet.',
      location,
    );
  }
  shiftCells(sheet, band);
  copyFormatsFromAbove(sheet, at, bounds.left, bounds.right);
  for (const other of others) other.bounds = shifted(other.bounds);
  for (const merge of merges) sheet.merges.splice(sheet.merges.indexOf(merge), 1, shifted(merge));
  table.bounds = { ...bounds, bottom: bounds.bottom + 1 };
  growValidations(table, bounds);
  tableGrowth(state).calls.push('TableRowCollection.add');
  return at;
}

/** An inserted row takes the number formats of the row above it, as Excel formats it "same as above". */
function copyFormatsFromAbove(sheet: SheetState, row: number, left: number, right: number): void {
  for (let column = left; column <= right; column++) {
    const format = sheet.cell(row - 1, column)?.numberFormat;
    if (format !== undefined) sheet.cellForWrite(row, column).numberFormat = format;
  }
}

function shifted(bounds: Bounds): Bounds {
  return { ...bounds, top: bounds.top + 1, bottom: bounds.bottom + 1 };
}

/** Moves the cells in `band` one row down, the lowest first so none is overwritten. */
function shiftCells(sheet: SheetState, band: Bounds): void {
  const moving: [number, number, CellState][] = [];
  for (const [key, cell] of sheet.cells) {
    const { row, column } = splitKey(key);
    if (row >= band.top && column >= band.left && column <= band.right) moving.push([row, column, cell]);
  }
  moving.sort((a, b) => b[0] - a[0]);
  for (const [row, column, cell] of moving) {
    sheet.cells.delete(cellKey(row, column));
    sheet.cells.set(cellKey(row + 1, column), cell);
  }
}
