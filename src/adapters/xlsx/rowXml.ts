import { cellAddress, parseCell } from '../../core/util/brand';
import type { CellUse } from '../rowValues';
import {
  attributes,
  childElements,
  findElement,
  findElements,
  qualified,
  rootElement,
  setAttribute,
  splice,
  type ElementSpan,
} from './xml';

/**
 * One row of a worksheet part, read and rewritten as text: which cells hold what, and the row with some of its
 * cells replaced. Every other row and cell keeps its exact text. Rows and cells may leave out their `r`
 * (the position then follows the one before), which SpreadsheetML allows and some writers do.
 */

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface RowSpan {
  row: number;
  span: ElementSpan;
  explicit: boolean;
}

interface CellSpan {
  column: number;
  span: ElementSpan;
  explicit: boolean;
}

/** The main namespace's prefix in this part ('' when it is the default namespace). */
function prefixOf(xml: string): string {
  return rootElement(xml).prefix;
}

function sheetDataOf(xml: string): ElementSpan {
  const span = findElement(xml, qualified(prefixOf(xml), 'sheetData'));
  if (span === undefined) throw new SyntaxError('worksheet without <sheetData>');
  return span;
}

function rowsOf(xml: string, sheetData: ElementSpan): RowSpan[] {
  let previous = 0;
  return findElements(xml, qualified(prefixOf(xml), 'row'), sheetData.contentStart, sheetData.contentEnd).map((span) => {
    const r = Number(attributes(span.startTag).get('r'));
    const explicit = Number.isInteger(r) && r > 0;
    previous = explicit ? r : previous + 1;
    return { row: previous, span, explicit };
  });
}

function cellsOf(xml: string, row: ElementSpan): CellSpan[] {
  let previous = 0;
  return findElements(xml, qualified(prefixOf(xml), 'c'), row.contentStart, row.contentEnd).map((span) => {
    const ref = attributes(span.startTag).get('r');
    const column = ref === undefined ? previous + 1 : parseCell(ref).column;
    previous = column;
    return { column, span, explicit: ref !== undefined };
  });
}

function findRow(xml: string, row: number): RowSpan | undefined {
  return rowsOf(xml, sheetDataOf(xml)).find((r) => r.row === row);
}

/** A formula (shared ones included) or a value (`<v>`, an inline string); a cell with only a style is empty. */
function useOf(xml: string, cell: ElementSpan): CellUse {
  if (cell.selfClosing) return 'empty';
  const content = xml.slice(cell.contentStart, cell.contentEnd);
  const prefix = prefixOf(xml);
  const has = (local: string): boolean => new RegExp(`<${qualified(prefix, local)}[\\s/>]`).test(content);
  if (has('f')) return 'formula';
  return has('v') || has('is') ? 'value' : 'empty';
}

/** What each cell of `row` from `left` to `right` holds. */
export function rowUses(xml: string, row: number, left: number, right: number): CellUse[] {
  const uses: CellUse[] = Array.from({ length: right - left + 1 }, () => 'empty');
  const found = findRow(xml, row);
  if (found === undefined) return uses;
  for (const cell of cellsOf(xml, found.span)) {
    if (cell.column >= left && cell.column <= right) uses[cell.column - left] = useOf(xml, cell.span);
  }
  return uses;
}

/** The first row from `top` to `bottom` whose cell in `column` holds a value or a formula, if any (one pass over the rows). */
export function firstUsedInColumn(xml: string, column: number, top: number, bottom: number): number | undefined {
  for (const found of rowsOf(xml, sheetDataOf(xml))) {
    if (found.row < top || found.row > bottom) continue;
    const cell = cellsOf(xml, found.span).find((c) => c.column === column);
    if (cell !== undefined && useOf(xml, cell.span) !== 'empty') return found.row;
  }
  return undefined;
}

/** The style index (`s`) of each cell of the row that has one, by column. */
export function rowStyles(xml: string, row: number): Map<number, number> {
  const styles = new Map<number, number>();
  const found = findRow(xml, row);
  if (found === undefined) return styles;
  for (const cell of cellsOf(xml, found.span)) {
    const s = Number(attributes(cell.span.startTag).get('s'));
    if (Number.isInteger(s) && s > 0) styles.set(cell.column, s);
  }
  return styles;
}

/** The first merged range that reaches into `area`, if any. */
export function mergeIn(xml: string, area: Bounds): Bounds | undefined {
  const prefix = prefixOf(xml);
  const container = findElement(xml, qualified(prefix, 'mergeCells'));
  if (container === undefined) return undefined;
  return findElements(xml, qualified(prefix, 'mergeCell'), container.contentStart, container.contentEnd)
    .map((span) => refBounds(attributes(span.startTag).get('ref') ?? ''))
    .find((b): b is Bounds => b !== undefined && overlaps(b, area));
}

/** `A1:C3` or `A1` as bounds; undefined for anything else. */
export function refBounds(ref: string): Bounds | undefined {
  const [start = '', end = start, extra] = ref.replace(/\$/g, '').split(':');
  if (extra !== undefined || !/^[A-Za-z]+\d+$/.test(start) || !/^[A-Za-z]+\d+$/.test(end)) return undefined;
  const tl = parseCell(start);
  const br = parseCell(end);
  return { top: tl.row, left: tl.column, bottom: br.row, right: br.column };
}

export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function isProtected(xml: string): boolean {
  const span = findElement(xml, qualified(prefixOf(xml), 'sheetProtection'));
  const sheet = span === undefined ? undefined : attributes(span.startTag).get('sheet');
  return sheet === '1' || sheet === 'true';
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/** A new cell's content for one column: given the cell reference and the prefix, its whole `<c>` element. */
export type CellWriter = (ref: string, prefix: string) => string;

/**
 * The part with `cells` written into `row`: existing cells of those columns replaced, the others kept as they
 * are, all in column order; the row is created in its place when the sheet has none. The sheet's dimension
 * is widened when it does not cover the row any more.
 */
export function writeRowCells(xml: string, row: number, cells: ReadonlyMap<number, CellWriter>): string {
  const prefix = prefixOf(xml);
  const found = findRow(xml, row);
  const out = found === undefined ? insertRow(xml, row, newCells(cells, row, prefix)) : rewriteRow(xml, found, cells, prefix);
  const columns = [...cells.keys()];
  return widenDimension(out, { top: row, bottom: row, left: Math.min(...columns), right: Math.max(...columns) });
}

function newCells(cells: ReadonlyMap<number, CellWriter>, row: number, prefix: string): string {
  return [...cells]
    .sort(([a], [b]) => a - b)
    .map(([column, write]) => write(cellAddress(row, column), prefix))
    .join('');
}

/** A new `<row>`, before the first row below it. Rows after it that leave out `r` get it, or they would move. */
function insertRow(xml: string, row: number, content: string): string {
  const name = qualified(prefixOf(xml), 'row');
  const element = `<${name} r="${row}">${content}</${name}>`;
  const numbered = numberRows(xml);
  const sheetData = sheetDataOf(numbered);
  const next = rowsOf(numbered, sheetData).find((r) => r.row > row);
  if (next !== undefined) return splice(numbered, next.span.start, next.span.start, element);
  if (!sheetData.selfClosing) return splice(numbered, sheetData.contentEnd, sheetData.contentEnd, element);
  const open = sheetData.startTag.replace(/\s*\/>$/, '>');
  return splice(numbered, sheetData.start, sheetData.end, `${open}${element}</${qualified(prefixOf(xml), 'sheetData')}>`);
}

function numberRows(xml: string): string {
  const rows = rowsOf(xml, sheetDataOf(xml));
  if (rows.every((r) => r.explicit)) return xml;
  // From the end, so the earlier offsets stay valid.
  return [...rows]
    .reverse()
    .reduce(
      (out, r) => (r.explicit ? out : splice(out, r.span.start, r.span.contentStart, setAttribute(r.span.startTag, 'r', String(r.row)))),
      xml,
    );
}

function rewriteRow(xml: string, found: RowSpan, cells: ReadonlyMap<number, CellWriter>, prefix: string): string {
  const { span } = found;
  const existing = cellsOf(xml, span);
  const kept = existing.filter((c) => !cells.has(c.column)).map((c) => ({ column: c.column, text: keptCell(xml, c, found.row) }));
  const added = [...cells].map(([column, write]) => ({ column, text: write(cellAddress(found.row, column), prefix) }));
  const content = [...kept, ...added]
    .sort((a, b) => a.column - b.column)
    .map((c) => c.text)
    .join('');
  // A row may end with an extension list, which must stay after the cells.
  const rest = span.selfClosing
    ? ''
    : childElements(xml, span)
        .filter((c) => c.name !== qualified(prefix, 'c'))
        .map((c) => xml.slice(c.span.start, c.span.end))
        .join('');
  const name = qualified(prefix, 'row');
  const columns = [...kept, ...added].map((c) => c.column);
  const open = withSpans(span.startTag.replace(/\s*\/>$/, '>'), Math.min(...columns), Math.max(...columns));
  return splice(xml, span.start, span.end, `${open}${content}${rest}</${name}>`);
}

/** A cell kept as it is; one without `r` gets it, since the cells around it may change. */
function keptCell(xml: string, cell: CellSpan, row: number): string {
  const text = xml.slice(cell.span.start, cell.span.end);
  if (cell.explicit) return text;
  return setAttribute(cell.span.startTag, 'r', cellAddress(row, cell.column)) + text.slice(cell.span.startTag.length);
}

/** `spans` is a hint of the row's first and last column; when present it must still cover every cell. */
function withSpans(startTag: string, first: number, last: number): string {
  const spans = attributes(startTag).get('spans');
  if (spans === undefined) return startTag;
  const numbers = spans
    .split(/[\s:]+/)
    .map(Number)
    .filter(Number.isInteger);
  const low = Math.min(first, ...numbers);
  const high = Math.max(last, ...numbers);
  return setAttribute(startTag, 'spans', `${low}:${high}`);
}

function widenDimension(xml: string, area: Bounds): string {
  const span = findElement(xml, qualified(prefixOf(xml), 'dimension'));
  if (span === undefined) return xml;
  const current = refBounds(attributes(span.startTag).get('ref') ?? '');
  const wide =
    current === undefined
      ? area
      : {
          top: Math.min(current.top, area.top),
          left: Math.min(current.left, area.left),
          bottom: Math.max(current.bottom, area.bottom),
          right: Math.max(current.right, area.right),
        };
  if (
    current !== undefined &&
    wide.top === current.top &&
    wide.left === current.left &&
    wide.bottom === current.bottom &&
    wide.right === current.right
  )
    return xml;
  const ref = boundsRef(wide);
  return splice(xml, span.start, span.contentStart, setAttribute(span.startTag, 'ref', ref));
}

/**
 * Data validations (dropdown lists) that end at the table's last body row, within its columns, grow with the
 * table as Excel extends them when a table takes in a row; others are the user's and stay as they are.
 */
export function growValidations(xml: string, body: Bounds, row: number): string {
  const prefix = prefixOf(xml);
  const container = findElement(xml, qualified(prefix, 'dataValidations'));
  if (container === undefined) return xml;
  const validations = findElements(xml, qualified(prefix, 'dataValidation'), container.contentStart, container.contentEnd);
  // From the end, so the earlier offsets stay valid.
  return [...validations].reverse().reduce((out, span) => {
    const sqref = attributes(span.startTag).get('sqref');
    if (sqref === undefined) return out;
    const grown = sqref
      .split(/\s+/)
      .map((area) => {
        const b = refBounds(area);
        const inColumn = b !== undefined && b.bottom === body.bottom && b.top >= body.top && b.left >= body.left && b.right <= body.right;
        return inColumn ? boundsRef({ ...b, bottom: row }) : area;
      })
      .join(' ');
    return grown === sqref ? out : splice(out, span.start, span.contentStart, setAttribute(span.startTag, 'sqref', grown));
  }, xml);
}

export function boundsRef(b: Bounds): string {
  const start = cellAddress(b.top, b.left);
  const end = cellAddress(b.bottom, b.right);
  return start === end ? start : `${start}:${end}`;
}
