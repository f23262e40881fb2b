import type { A1 } from '../util/brand';

/**
 * A generated sheet as plain data: cells with values or formulas and their look, merges, sizes, panes,
 * print setup and named anchors. The core builds it, each adapter renders it (exceljs for files,
 * Office.js in Excel), and tests compare it. Text is always text: an adapter must never let a text value
 * become a formula, whatever it starts with.
 */
export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle' | 'bottom';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** points */
  size?: number;
  /** font colour, `RRGGBB` */
  color?: string;
  /** fill colour, `RRGGBB` */
  fill?: string;
  numberFormat?: string;
  /** thin borders on all four sides */
  border?: boolean;
  horizontal?: HorizontalAlign;
  vertical?: VerticalAlign;
  wrap?: boolean;
}

export type LayoutValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; number: number }
  /**
   * A formula (without `=`) and the value it gives, so readers that do not calculate still see it: a number,
   * or a text (a share whose denominator is 0 shows `–`).
   */
  | { kind: 'formula'; formula: string; result: number | string }
  | { kind: 'empty' };

export interface LayoutCell {
  row: number;
  column: number;
  value: LayoutValue;
  style?: CellStyle;
}

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  fitToWidth: boolean;
  /** rows repeated at the top of each printed page, 1-based inclusive */
  titleRows?: { from: number; to: number };
  header: string;
  footer: string;
}

export interface Anchor {
  /** a workbook-unique name, e.g. `HP2022_Strategier` */
  name: string;
  range: A1;
}

/** What marks a sheet as the add-in's own, and what it was made from. */
export interface GeneratedMarker {
  kind: 'handlingsplan' | 'styrerapport';
  year: number;
  inputDigest: string;
  /** ISO date-time */
  generatedAt: string;
}

/** One data series of a chart: cells of this sheet, and their values for readers that do not calculate. */
export interface ChartSeries {
  name: string;
  /** a single column of this sheet, e.g. `C6:C9`; a cell left empty is a gap in a line */
  range: A1;
  values: number[];
  /** fill colour, `RRGGBB` */
  color: string;
}

/**
 * A chart over cells of the same sheet. Adapters draw it with what their host has: Excel's chart API, or
 * DrawingML chart parts in a file (with the values cached, so viewers that do not calculate still show bars).
 */
export interface LayoutChart {
  /** unique in the sheet, e.g. `Arbeidsplasser` */
  name: string;
  /** columns side by side per category, or one line per series over the categories (years) */
  kind: 'clusteredColumn' | 'line';
  title: string;
  valueAxisTitle?: string;
  /** the labels along the category axis: a single column of this sheet and its texts */
  categories: { range: A1; labels: string[] };
  series: ChartSeries[];
  /** the block of cells the chart covers, 1-based and inclusive */
  placement: { top: number; left: number; bottom: number; right: number };
}

export interface SheetLayout {
  sheet: string;
  cells: LayoutCell[];
  merges: A1[];
  columnWidths: { column: number; width: number }[];
  rowHeights: { row: number; height: number }[];
  freeze?: { rows: number; columns: number };
  /** rows that start a new printed page (manual page breaks) */
  rowBreaks?: number[];
  print: PrintSetup;
  anchors: Anchor[];
  marker: GeneratedMarker;
  /** charts drawn over the sheet's own cells */
  charts?: LayoutChart[];
  /** cells behind errors, marked for the reader (address → short note) */
  marks: { row: number; column: number; note: string }[];
}
