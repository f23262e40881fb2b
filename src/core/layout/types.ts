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
  /** A formula (without `=`) and the value it gives, so readers that do not calculate still see it. */
  | { kind: 'formula'; formula: string; result: number }
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
  /** cells behind errors, marked for the reader (address → short note) */
  marks: { row: number; column: number; note: string }[];
}
