import { headerFooterText } from '../headerFooter';
import type { LayoutCell, SheetLayout } from '../../core/layout/types';
import { a1, cellAddress, parseCell } from '../../core/util/brand';
import type { CellFormat } from './stylesXml';
import { MAIN_NS } from './stylesXml';
import { escapeAttr, escapeText, escapeXstring } from './xml';

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A sheet layout as a SpreadsheetML worksheet part, written as text. Elements follow CT_Worksheet's schema
 * order (Excel calls a file damaged otherwise). Text is always written as an inline string, never as a
 * formula, whatever it starts with.
 */

export interface WorksheetOptions {
  /** the cellXfs index for a cell, from the styles appended to the workbook */
  styleIndex: (cell: LayoutCell) => number | undefined;
  /** the sheet is the one the workbook opens on */
  tabSelected: boolean;
  /** the sheet's relationship id of its drawing part (charts), when it has one */
  drawingRelId?: string;
  /** the sheet's relationship id of its VML drawing (the boxes of cell notes), when it has one */
  legacyDrawingRelId?: string;
}

/** Excel's limits (https://support.microsoft.com/en-us/office/excel-specifications-and-limits). */
const MAX_TEXT = 32_767;
const MAX_ROW_HEIGHT = 409;
const MAX_COLUMN_WIDTH = 255;

/** Pixels of the widest digit in Calibri 11, the unit Excel stores column widths in. */
const DIGIT_WIDTH_PX = 7;
/** Excel adds this many pixels of cell padding to a width given in characters. */
const COLUMN_PADDING_PX = 5;

export function worksheetXml(layout: SheetLayout, options: WorksheetOptions): string {
  checkMerges(layout.merges);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${MAIN_NS}"${options.drawingRelId === undefined && options.legacyDrawingRelId === undefined ? '' : ` xmlns:r="${RELATIONSHIPS_NS}"`}>`,
    layout.print.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '',
    `<dimension ref="${dimension(layout)}"/>`,
    sheetViews(layout, options.tabSelected),
    '<sheetFormatPr defaultRowHeight="15"/>',
    columns(layout),
    sheetData(layout, options.styleIndex),
    mergeCells(layout),
    // Narrow margins: a wide board table gets the most of the page.
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>',
    pageSetup(layout),
    headerFooter(layout),
    rowBreaks(layout),
    ignoredErrors(layout),
    options.drawingRelId === undefined ? '' : `<drawing r:id="${escapeAttr(options.drawingRelId)}"/>`,
    options.legacyDrawingRelId === undefined ? '' : `<legacyDrawing r:id="${escapeAttr(options.legacyDrawingRelId)}"/>`,
    '</worksheet>',
  ].join('');
}

/** The format a cell is written with, or undefined for a cell that is written without one. */
export function cellFormat(cell: LayoutCell): CellFormat | undefined {
  const looksLikeFormula = cell.value.kind === 'text' && /^[=+\-@]/.test(cell.value.text);
  if (cell.style === undefined && !looksLikeFormula) return undefined;
  return { style: cell.style ?? {}, quotePrefix: looksLikeFormula };
}

// ---------------------------------------------------------------------------------------------------------
// Sheet properties and views

function dimension(layout: SheetLayout): string {
  const positions = [
    ...layout.cells.map((c) => ({ row: c.row, column: c.column })),
    ...layout.merges.flatMap((m) => m.split(':').map((p) => parseCell(p))),
  ];
  if (positions.length === 0) return 'A1';
  const top = Math.min(...positions.map((p) => p.row));
  const left = Math.min(...positions.map((p) => p.column));
  const bottom = Math.max(...positions.map((p) => p.row));
  const right = Math.max(...positions.map((p) => p.column));
  const start = cellAddress(top, left);
  const end = cellAddress(bottom, right);
  return start === end ? start : `${start}:${end}`;
}

function sheetViews(layout: SheetLayout, tabSelected: boolean): string {
  const selected = tabSelected ? ' tabSelected="1"' : '';
  return `<sheetViews><sheetView${selected} workbookViewId="0">${frozenPane(layout.freeze?.rows ?? 0, layout.freeze?.columns ?? 0)}</sheetView></sheetViews>`;
}

/** A frozen pane, with the selection in the scrolling pane as Excel writes it. */
function frozenPane(rows: number, columns: number): string {
  if (rows <= 0 && columns <= 0) return '';
  const topLeft = cellAddress(rows + 1, columns + 1);
  const activePane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const splits = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  const otherPanes = activePane === 'bottomRight' ? '<selection pane="topRight"/><selection pane="bottomLeft"/>' : '';
  return `<pane${splits} topLeftCell="${topLeft}" activePane="${activePane}" state="frozen"/>${otherPanes}<selection pane="${activePane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

function columns(layout: SheetLayout): string {
  const widths = new Map<number, number>();
  for (const { column, width } of layout.columnWidths) {
    if (!Number.isInteger(column) || column < 1 || !(width >= 0 && width <= MAX_COLUMN_WIDTH))
      throw new RangeError(`Not a column width: column ${column}, width ${width}`);
    widths.set(column, width);
  }
  if (widths.size === 0) return '';
  const cols = [...widths]
    .sort(([a], [b]) => a - b)
    .map(([column, width]) => `<col min="${column}" max="${column}" width="${storedWidth(width)}" customWidth="1"/>`);
  return `<cols>${cols.join('')}</cols>`;
}

/**
 * A width in characters as Excel stores it: with the cell padding added, rounded down to 1/256 of a
 * character. Written plainly, a width of 24 would show in Excel as 23.29.
 */
function storedWidth(characters: number): number {
  if (characters === 0) return 0;
  return Math.trunc(((characters * DIGIT_WIDTH_PX + COLUMN_PADDING_PX) / DIGIT_WIDTH_PX) * 256) / 256;
}

// ---------------------------------------------------------------------------------------------------------
// Rows and cells

function sheetData(layout: SheetLayout, styleIndex: WorksheetOptions['styleIndex']): string {
  const rows = new Map<number, Map<number, LayoutCell>>();
  for (const cell of layout.cells) {
    if (!Number.isInteger(cell.row) || !Number.isInteger(cell.column))
      throw new RangeError(`Not a cell position: row ${cell.row}, column ${cell.column}`);
    const row = rows.get(cell.row) ?? new Map<number, LayoutCell>();
    row.set(cell.column, cell);
    rows.set(cell.row, row);
  }
  const heights = new Map<number, number>();
  for (const { row, height } of layout.rowHeights) {
    if (!Number.isInteger(row) || row < 1 || !(height >= 0 && height <= MAX_ROW_HEIGHT))
      throw new RangeError(`Not a row height: row ${row}, height ${height}`);
    heights.set(row, height);
  }
  const numbers = [...new Set([...rows.keys(), ...heights.keys()])].sort((a, b) => a - b);
  const xml = numbers.map((r) => rowXml(r, heights.get(r), [...(rows.get(r)?.values() ?? [])], styleIndex));
  return `<sheetData>${xml.join('')}</sheetData>`;
}

function rowXml(row: number, height: number | undefined, cells: LayoutCell[], styleIndex: WorksheetOptions['styleIndex']): string {
  const ht = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
  const content = cells
    .sort((a, b) => a.column - b.column)
    .map((cell) => cellXml(cell, styleIndex(cell)))
    .join('');
  return content === '' ? `<row r="${row}"${ht}/>` : `<row r="${row}"${ht}>${content}</row>`;
}

function cellXml(cell: LayoutCell, style: number | undefined): string {
  const ref = cellAddress(cell.row, cell.column);
  const s = style === undefined || style === 0 ? '' : ` s="${style}"`;
  const value = cell.value;
  switch (value.kind) {
    case 'text':
      if (value.text === '') return s === '' ? '' : `<c r="${ref}"${s}/>`;
      if (value.text.length > MAX_TEXT) throw new RangeError(`Text longer than Excel allows in ${ref}`);
      // An inline string, never a formula: `=cmd|…`, `+1+1` or `@SUM(…)` stays the text it is.
      return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXstring(value.text)}</t></is></c>`;
    case 'number':
      return `<c r="${ref}"${s}><v>${number(value.number, ref)}</v></c>`;
    case 'formula':
      // Stored without the leading "=", with the result cached for readers that do not calculate.
      if (typeof value.result === 'string')
        return `<c r="${ref}"${s} t="str"><f>${escapeText(value.formula.replace(/^=/, ''))}</f><v>${escapeXstring(value.result)}</v></c>`;
      return `<c r="${ref}"${s}><f>${escapeText(value.formula.replace(/^=/, ''))}</f><v>${number(value.result, ref)}</v></c>`;
    case 'empty':
      return s === '' ? '' : `<c r="${ref}"${s}/>`;
  }
}

function number(value: number, ref: string): string {
  // NaN or Infinity in <v> makes Excel report a damaged file.
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number in ${ref}: ${value}`);
  return String(value);
}

// ---------------------------------------------------------------------------------------------------------
// Merges

function mergeCells(layout: SheetLayout): string {
  if (layout.merges.length === 0) return '';
  return `<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${a1(m)}"/>`).join('')}</mergeCells>`;
}

interface Box {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Overlapping merges are what Excel repairs by deleting them all; better to fail here, naming them. */
function checkMerges(merges: readonly string[]): void {
  const boxes: Box[] = merges.map((ref) => {
    const [start = ref, end = start] = a1(ref).split(':');
    const tl = parseCell(start);
    const br = parseCell(end);
    return { ref, top: tl.row, left: tl.column, bottom: br.row, right: br.column };
  });
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a && b && a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right)
        throw new RangeError(`Merged ranges overlap: ${a.ref} and ${b.ref}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Printing

function pageSetup(layout: SheetLayout): string {
  // paperSize 9 is A4, the only paper layouts ask for.
  const fit = layout.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
  return `<pageSetup paperSize="9" orientation="${layout.print.orientation}"${fit}/>`;
}

/** Manual page breaks; a break's id is the last row of the page before it. */
function rowBreaks(layout: SheetLayout): string {
  const rows = layout.rowBreaks ?? [];
  if (rows.length === 0) return '';
  const breaks = rows.map((row) => `<brk id="${row - 1}" max="16383" man="1"/>`).join('');
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${breaks}</rowBreaks>`;
}

function headerFooter(layout: SheetLayout): string {
  const header = headerFooterSection(layout.print.header);
  const footer = headerFooterSection(layout.print.footer);
  if (header === '' && footer === '') return '';
  const odd = (name: string, text: string): string => (text === '' ? '' : `<${name}>${escapeXstring(text)}</${name}>`);
  return `<headerFooter>${odd('oddHeader', header)}${odd('oddFooter', footer)}</headerFooter>`;
}

/** Text centred in a header or footer (src/adapters/headerFooter.ts: codes escaped, cut to 255 characters). */
export function headerFooterSection(text: string): string {
  return headerFooterText(text, '&C');
}

/** Texts that are numbers (years in headers): Excel would flag each with a "number stored as text" triangle. */
function ignoredErrors(layout: SheetLayout): string {
  const refs = layout.cells
    .filter((c) => c.value.kind === 'text' && /^\s*-?\d+([.,]\d+)?\s*$/.test(c.value.text))
    .map((c) => cellAddress(c.row, c.column));
  if (refs.length === 0) return '';
  return `<ignoredErrors><ignoredError sqref="${refs.join(' ')}" numberStoredAsText="1"/></ignoredErrors>`;
}
