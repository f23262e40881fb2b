import { columnLetters, columnNumber } from '../../../core/util/brand';

/**
 * The in-memory workbook behind the Excel double: plain state that the proxies (./objects) read and change
 * when a queued command is applied at sync. Tests inspect it directly to see what the adapter wrote.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's RangeValueType for the kinds the double stores. */
export type ValueType = 'Empty' | 'Double' | 'String' | 'Boolean' | 'Error';

export interface BorderState {
  style: string;
  weight?: string;
  color?: string;
}

export interface FormatState {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders?: { top?: BorderState; bottom?: BorderState; left?: BorderState; right?: BorderState };
}

export interface CellState {
  type: ValueType;
  /** the value, or a formula's cached result (null when it was never calculated) */
  value: number | string | boolean | null;
  /** with the leading '=' */
  formula?: string;
  /** absent means General */
  numberFormat?: string;
  /** the text was typed with a leading apostrophe */
  quotePrefix?: boolean;
  format?: FormatState;
}

export interface NameState {
  name: string;
  /** with the leading '=' */
  formula: string;
  visible: boolean;
  comment: string;
  /** a name that refers to a range follows its sheet when the sheet is renamed, and breaks when it is deleted */
  ref?: { sheet: SheetState; bounds: Bounds };
}

export interface ValidationState {
  bounds: Bounds;
  rule?: unknown;
  errorAlert?: unknown;
}

export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  centerHeader?: string;
  centerFooter?: string;
}

export interface ChartSeriesState {
  name: string;
  /** the cells of the values and of the category labels, on the chart's sheet */
  values?: Bounds;
  xValues?: Bounds;
  /** `#RRGGBB` */
  fill?: string;
  /** `#RRGGBB`, the colour of a line series' line (`format.line.color`) */
  line?: string;
}

export interface ChartState {
  name: string;
  type: string;
  seriesBy: string;
  title?: string;
  legendPosition?: string;
  showValues?: boolean;
  valueAxisTitle?: string;
  /** the cells the chart covers, from the top-left cell to the bottom-right cell */
  position?: { from: Bounds; to: Bounds };
  series: ChartSeriesState[];
}

export class SheetState {
  readonly cells = new Map<string, CellState>();
  readonly merges: Bounds[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly names: NameState[] = [];
  readonly validations: ValidationState[] = [];
  readonly pageLayout: PageLayoutState = {};
  readonly charts: ChartState[] = [];
  /** cell notes by address (`C7`) */
  readonly notes = new Map<string, string>();
  /** rows that start a new printed page (manual horizontal page breaks) */
  readonly rowBreaks: number[] = [];
  freeze: { rows: number; columns: number } | undefined;
  isProtected = false;
  deleted = false;

  constructor(public name: string) {}

  cell(row: number, column: number): CellState | undefined {
    return this.cells.get(cellKey(row, column));
  }

  /** The cell to change, created empty when it was not stored yet. */
  cellForWrite(row: number, column: number): CellState {
    const key = cellKey(row, column);
    const existing = this.cells.get(key);
    if (existing) return existing;
    const created: CellState = { type: 'Empty', value: null };
    this.cells.set(key, created);
    return created;
  }
}

export interface TableState {
  name: string;
  sheet: SheetState;
  bounds: Bounds;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  readonly names: NameState[] = [];
  isProtected = false;
  /** the file is open read-only (or the user may not edit it): every write is refused */
  readOnly = false;
  activeSheet: SheetState | undefined;
  selection: { sheet: string; address: string } | undefined;
  private sheetCounter = 0;
  private tableCounter = 0;

  sheet(name: string): SheetState | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  table(name: string): TableState | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  /** A name Excel would give a new sheet or table: the first unused `Sheet{n}` / `Table{n}`. */
  nextSheetName(): string {
    do this.sheetCounter += 1;
    while (this.sheet(`Sheet${this.sheetCounter}`));
    return `Sheet${this.sheetCounter}`;
  }

  nextTableName(): string {
    do this.tableCounter += 1;
    while (this.table(`Table${this.tableCounter}`));
    return `Table${this.tableCounter}`;
  }
}

export function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}

export function splitKey(key: string): { row: number; column: number } {
  const [row = '0', column = '0'] = key.split(':');
  return { row: Number(row), column: Number(column) };
}

// ---------------------------------------------------------------------------------------------------------
// Addresses

export interface ParsedAddress {
  sheet?: string;
  bounds: Bounds;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

/** `A1`, `A1:C3`, `B:K`, `1:2`, optionally after `Sheet!` or `'Sheet name'!`. Undefined when it is none of these. */
export function parseAddress(text: string): ParsedAddress | undefined {
  const bang = text.lastIndexOf('!');
  const sheet = bang < 0 ? undefined : unquoteSheet(text.slice(0, bang));
  const parts = text.slice(bang + 1).split(':');
  if (parts.length > 2) return undefined;
  const [first = '', second = first] = parts;
  // Whole columns and rows need both ends (`B:B`, `3:3`), as in Excel.
  const bounds = cellBounds(first, second) ?? (parts.length === 2 ? (columnBounds(first, second) ?? rowBounds(first, second)) : undefined);
  if (!bounds || bounds.top > bounds.bottom || bounds.left > bounds.right) return undefined;
  if (bounds.bottom > MAX_ROWS || bounds.right > MAX_COLUMNS || bounds.top < 1 || bounds.left < 1) return undefined;
  return sheet === undefined ? { bounds } : { sheet, bounds };
}

function cellBounds(first: string, second: string): Bounds | undefined {
  const a = CELL.exec(first);
  const b = CELL.exec(second);
  if (!a || !b) return undefined;
  return { top: Number(a[2]), left: columnNumber(a[1] ?? ''), bottom: Number(b[2]), right: columnNumber(b[1] ?? '') };
}

function columnBounds(first: string, second: string): Bounds | undefined {
  const a = COLUMN.exec(first);
  const b = COLUMN.exec(second);
  if (!a || !b) return undefined;
  return { top: 1, left: columnNumber(a[1] ?? ''), bottom: MAX_ROWS, right: columnNumber(b[1] ?? '') };
}

function rowBounds(first: string, second: string): Bounds | undefined {
  const a = ROW.exec(first);
  const b = ROW.exec(second);
  if (!a || !b) return undefined;
  return { top: Number(a[1]), left: 1, bottom: Number(b[1]), right: MAX_COLUMNS };
}

function unquoteSheet(text: string): string {
  return text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1).replace(/''/g, "'") : text;
}

/** A sheet name as Excel prints it in an address: quoted unless it is a plain word that cannot be read as a cell. */
export function quoteSheet(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `A1:C3` (or `A1`), `B:K` for whole columns and `1:2` for whole rows, as Excel prints them. */
export function boundsAddress(bounds: Bounds, absolute = false): string {
  const d = absolute ? '$' : '';
  if (bounds.top === 1 && bounds.bottom === MAX_ROWS) return `${d}${columnLetters(bounds.left)}:${d}${columnLetters(bounds.right)}`;
  if (bounds.left === 1 && bounds.right === MAX_COLUMNS) return `${d}${bounds.top}:${d}${bounds.bottom}`;
  const start = `${d}${columnLetters(bounds.left)}${d}${bounds.top}`;
  const end = `${d}${columnLetters(bounds.right)}${d}${bounds.bottom}`;
  return start === end ? start : `${start}:${end}`;
}

export function qualifiedAddress(sheet: SheetState, bounds: Bounds, absolute = false): string {
  return `${quoteSheet(sheet.name)}!${boundsAddress(bounds, absolute)}`;
}

export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Bounds, inner: Bounds): boolean {
  return outer.top <= inner.top && inner.bottom <= outer.bottom && outer.left <= inner.left && inner.right <= outer.right;
}

export function heightOf(bounds: Bounds): number {
  return bounds.bottom - bounds.top + 1;
}

export function widthOf(bounds: Bounds): number {
  return bounds.right - bounds.left + 1;
}

// ---------------------------------------------------------------------------------------------------------
// Dates

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system, as JavaScript counts it (the 1900 leap-year bug makes it 30 December). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EXCEL_EPOCH) / MS_PER_DAY;
}
