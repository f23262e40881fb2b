import { shiftFormula } from '../../xlsx/insertRows';
import { DoubleRichApiError } from './errors';
import { cellKey, MAX_ROWS, splitKey, type Bounds, type CellState, type SheetState, type WorkbookState } from './state';

/**
 * `Range.insert(Down)` on whole sheet rows (`sheet.getRange('5:7').insert('Down')`, ExcelApi 1.1), as Excel does
 * it: every row from `at` down moves `count` rows down, and with it what stands there — cells, tables, merged
 * ranges, dropdown lists, row heights, page breaks, notes, charts, names — and the A1 references in formulas on
 * this sheet and in others that name it. A table, merge or list that the new rows cut through (it starts above
 * `at` and reaches it) grows by `count` rows, as Excel grows it. Whole rows never cut a table or a merge
 * sideways, so Excel refuses only what would push a non-empty cell off the sheet's last row (and a protected
 * sheet, which the caller checks).
 */
export function insertSheetRows(state: WorkbookState, sheet: SheetState, at: number, count: number, location: string): void {
  if (count <= 0) return;
  const moving: [number, number, CellState][] = [];
  for (const [key, cell] of sheet.cells) {
    const { row, column } = splitKey(key);
    if (row < at) continue;
    if (row + count > MAX_ROWS && !isEmpty(cell))
      throw new DoubleRichApiError(
        'InvalidOperation',
        'To prevent possible loss of data, Excel cannot shift nonblank cells off of the worksheet.',
        location,
      );
    moving.push([row, column, cell]);
  }
  // The lowest first, so no moved cell lands on one not yet moved.
  moving.sort((a, b) => b[0] - a[0]);
  for (const [row, column, cell] of moving) {
    sheet.cells.delete(cellKey(row, column));
    if (row + count <= MAX_ROWS) sheet.cells.set(cellKey(row + count, column), cell);
  }
  formatLikeAbove(sheet, at, count);
  const move = (bounds: Bounds): Bounds => movedBounds(bounds, at, count);
  for (const table of state.tables) if (table.sheet === sheet) table.bounds = move(table.bounds);
  sheet.merges.splice(0, sheet.merges.length, ...sheet.merges.map(move));
  for (const v of sheet.validations) v.bounds = move(v.bounds);
  for (const name of [...state.names, ...state.sheets.flatMap((s) => s.names)])
    if (name.ref?.sheet === sheet) name.ref.bounds = move(name.ref.bounds);
  for (const chart of sheet.charts) {
    if (chart.position) chart.position = { from: move(chart.position.from), to: move(chart.position.to) };
    for (const s of chart.series) {
      if (s.values) s.values = move(s.values);
      if (s.xValues) s.xValues = move(s.xValues);
    }
  }
  moveKeys(sheet.rowHeights, (row) => (row >= at ? row + count : row));
  sheet.rowBreaks.splice(0, sheet.rowBreaks.length, ...sheet.rowBreaks.map((row) => (row >= at ? row + count : row)));
  const notes = [...sheet.notes].map(([address, text]) => [movedAddress(address, at, count), text] as const);
  sheet.notes.clear();
  for (const [address, text] of notes) sheet.notes.set(address, text);
  for (const other of state.sheets) {
    for (const cell of other.cells.values())
      if (cell.formula !== undefined) cell.formula = shiftFormula(cell.formula, { sheet: sheet.name, at, count }, other === sheet);
  }
}

/** Excel formats inserted rows "same as above": each new cell takes the number format and style of the cell above it. */
function formatLikeAbove(sheet: SheetState, at: number, count: number): void {
  if (at <= 1) return;
  for (const [key, cell] of sheet.cells) {
    const { row, column } = splitKey(key);
    if (row !== at - 1 || (cell.numberFormat === undefined && cell.format === undefined)) continue;
    for (let r = at; r < at + count; r++) {
      const created: CellState = { type: 'Empty', value: null };
      if (cell.numberFormat !== undefined) created.numberFormat = cell.numberFormat;
      if (cell.format !== undefined) created.format = structuredClone(cell.format);
      sheet.cells.set(cellKey(r, column), created);
    }
  }
}

function isEmpty(cell: CellState): boolean {
  return cell.formula === undefined && (cell.value === null || cell.value === '');
}

/** Bounds below `at` move down; bounds that reach `at` from above grow. */
function movedBounds(bounds: Bounds, at: number, count: number): Bounds {
  if (bounds.top >= at) return { ...bounds, top: bounds.top + count, bottom: Math.min(MAX_ROWS, bounds.bottom + count) };
  if (bounds.bottom >= at) return { ...bounds, bottom: Math.min(MAX_ROWS, bounds.bottom + count) };
  return bounds;
}

function moveKeys<V>(map: Map<number, V>, move: (row: number) => number): void {
  const entries = [...map].map(([row, value]) => [move(row), value] as const);
  map.clear();
  for (const [row, value] of entries) map.set(row, value);
}

function movedAddress(address: string, at: number, count: number): string {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) return address;
  const row = Number(match[2]);
  return row >= at ? `${match[1] ?? ''}${row + count}` : address;
}
