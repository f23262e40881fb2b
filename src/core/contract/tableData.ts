import type { TableSpec } from './contract';

/**
 * Workbook content as plain data, the way `sample` and `init` describe what to write: tables with their
 * header, rows and optional total row. The .xlsx adapter writes it; the core turns it into a snapshot for
 * tests and benchmarks, using the same placement so both see the same cell addresses.
 */
export type CellInput =
  | string
  | number
  | boolean
  | null
  | { formula: string; result?: number | string }
  /** ISO date `YYYY-MM-DD`. */
  | { date: string }
  /** An Excel error value such as `#REF!` (tests and fixtures of broken workbooks). */
  | { error: string };

export interface TableData {
  name: string;
  sheet: string;
  /** Caption written in bold above the table. */
  caption?: string;
  header: string[];
  rows: CellInput[][];
  totalRow?: CellInput[];
  /** Excel number format per column (index into header). */
  numberFormats?: (string | undefined)[];
  widths?: (number | undefined)[];
  /** List validation per column: the allowed values, or a reference such as `=Strategier[Kode]`. */
  lists?: (ListSource | undefined)[];
  /**
   * Placed to the right of the sheet's previous table (one blank column between, same top row) instead of
   * below it: for registers that grow row by row, so neither table is in the way of the other.
   */
  beside?: boolean;
}

export type ListSource = { values: string[] } | { tableColumn: { table: string; column: string } };

export interface WorkbookData {
  /** Sheets in the order they appear; each table's `sheet` must be one of them. */
  sheets: string[];
  tables: TableData[];
}

export interface TablePlacement {
  sheet: string;
  /** 1-based row of the caption (null when the table has none) */
  captionRow: number | null;
  headerRow: number;
  firstColumn: number;
  /** last body row, or the header row when the table is empty */
  lastBodyRow: number;
  totalRow: number | null;
  lastColumn: number;
}

/** Blank rows left between two tables on one sheet, and blank columns between two side by side. */
const GAP_ROWS = 2;
const GAP_COLUMNS = 1;

/**
 * Where each table stands: stacked down each sheet from A1, caption above the header, a gap after; a table
 * marked `beside` goes to the right of the one before it instead.
 * An empty table still gets one (blank) body row, because an Excel table cannot have none.
 */
export function placeTables(workbook: WorkbookData): Map<string, TablePlacement> {
  const next = new Map<string, number>();
  const previous = new Map<string, { top: number; lastColumn: number }>();
  const placements = new Map<string, TablePlacement>();
  for (const table of workbook.tables) {
    const before = table.beside ? previous.get(table.sheet) : undefined;
    const top = before?.top ?? next.get(table.sheet) ?? 1;
    const firstColumn = before === undefined ? 1 : before.lastColumn + 1 + GAP_COLUMNS;
    const captionRow = table.caption === undefined ? null : top;
    const headerRow = captionRow === null ? top : top + 1;
    const bodyRows = Math.max(table.rows.length, 1);
    const lastBodyRow = headerRow + bodyRows;
    const totalRow = table.totalRow ? lastBodyRow + 1 : null;
    const bottom = totalRow ?? lastBodyRow;
    const lastColumn = firstColumn + table.header.length - 1;
    placements.set(table.name, { sheet: table.sheet, captionRow, headerRow, firstColumn, lastBodyRow, totalRow, lastColumn });
    previous.set(table.sheet, { top, lastColumn });
    next.set(table.sheet, Math.max(next.get(table.sheet) ?? 1, bottom + 1 + GAP_ROWS));
  }
  return placements;
}

/** Header and columns of an empty table for a contract table spec (used by `init` and templates). */
export function emptyTable(spec: TableSpec, extraHeaders: string[] = [], caption?: string): TableData {
  const header = spec.columns.map((c) => c.header);
  // Dynamic columns (years, strategies) go right after the column they follow.
  const dynamicAfter = spec.yearColumns?.after ?? spec.strategyColumns?.after;
  if (dynamicAfter !== undefined && extraHeaders.length > 0) {
    const index = spec.columns.findIndex((c) => c.key === dynamicAfter);
    header.splice(index + 1, 0, ...extraHeaders);
  }
  const formats = header.map((h) => spec.columns.find((c) => c.header === h)?.numberFormat ?? (extraHeaders.includes(h) ? '0' : undefined));
  const widths = header.map((h) => spec.columns.find((c) => c.header === h)?.width ?? (extraHeaders.includes(h) ? 8 : undefined));
  const table: TableData = { name: spec.name, sheet: spec.sheet, header, rows: [], numberFormats: formats, widths };
  if (caption !== undefined) table.caption = caption;
  if (spec.beside === true) table.beside = true;
  return table;
}
