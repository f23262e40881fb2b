import { DATE_FORMAT } from '../../core/contract/contract';
import { cellText } from '../../core/parse/table';
import type { TableSnapshot, WorkbookSnapshot } from '../../core/snapshot/types';
import { cellAddress, rangeAddress } from '../../core/util/brand';
import {
  WorkbookFileError,
  WorkbookOperationError,
  type AppendOutcome,
  type RowChanges,
  type RowValue,
  type WriteRowsOutcome,
} from '../port';
import {
  appendCells,
  rowBelowTaken,
  rowIsEmpty,
  rowIsFree,
  sheetProtected,
  tableNotFound,
  totalRowInTheWay,
  type AppendCell,
} from '../rowValues';
import * as errors from './errors';
import { insertSheetRows } from './insertRows';
import {
  addOverride,
  addRelationship,
  CONTENT_TYPE,
  hasType,
  PackageParts,
  RELATIONSHIP_TYPE,
  relationships,
  relsPartOf,
  resolveTarget,
  unusedRelationshipId,
} from './opc';
import { CONTENT_TYPES, packParts, readPackageParts, WORKBOOK, type XlsxReadOptions } from './package';
import {
  boundsRef,
  growValidations,
  isProtected,
  mergeIn,
  overlaps,
  refBounds,
  rowStyles,
  rowUses,
  writeRowCells,
  type Bounds,
  type CellWriter,
} from './rowXml';
import { addCellFormats, formatKey, MINIMAL_STYLES, type CellFormat } from './stylesXml';
import { existingStylesPart, worksheetPart } from './workbookParts';
import { attributes, childElements, escapeXstring, findElements, qualified, rootElement, setAttribute, splice } from './xml';

/**
 * appendRow for a file, at the package level like the quick fixes: the row's cells go into the worksheet part
 * and, when the row is added below the table, the table part's range (and its filter's) grows by one row, as
 * do the dropdown lists on its columns; styles.xml gains a date or quote-prefix format only when a cell needs one. Every other part keeps its
 * bytes. The row goes into the table's blank last body row, else into the row right below a table without a
 * total row; when that row holds anything (a value, another table, a merge), a whole sheet row is inserted
 * there first, as Excel and the Office adapter do (see ./insertRows, which refuses a sheet with drawings,
 * charts or notes). A table with a total row only takes a row into its blank last body row.
 */

export interface AppendResult {
  bytes: Uint8Array;
  outcome: AppendOutcome;
}

const MAX_ROWS = 1_048_576;

/** Where one table stands, from its part. */
export interface TablePart {
  part: string;
  xml: string;
  name: string;
  bounds: Bounds;
  headerRows: number;
  totalRows: number;
}

export async function appendRowIntoPackage(
  input: Uint8Array,
  snapshot: WorkbookSnapshot,
  tableName: string,
  values: Readonly<Record<string, RowValue>>,
  options?: XlsxReadOptions,
): Promise<AppendResult> {
  // Excel's table names are unique in the workbook without regard to case.
  const table = snapshot.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  if (table === undefined) throw tableNotFound(tableName);
  const cells = appendCells(
    table.name,
    table.header.map((c) => cellText(c)),
    values,
  );
  const { parts: stored } = await readPackageParts(input, options);
  const parts = new PackageParts(stored);
  const outcome = asDamage(() => {
    makeRoomBelow(parts, table, [cells]);
    return appendInto(parts, table, cells);
  });
  return { bytes: await packParts(parts.entries()), outcome };
}

/**
 * Many rows of one table in one package rewrite: the given cells of existing body rows in place, then each
 * new row as appendRow places it (the blank last row, else the empty row below, growing the table).
 */
export async function writeRowsIntoPackage(
  input: Uint8Array,
  snapshot: WorkbookSnapshot,
  tableName: string,
  changes: RowChanges,
  options?: XlsxReadOptions,
): Promise<{ bytes: Uint8Array; outcome: WriteRowsOutcome }> {
  const table = snapshot.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  if (table === undefined) throw tableNotFound(tableName);
  const header = table.header.map((c) => cellText(c));
  const updates = changes.update.map((u) => ({ row: u.row, cells: appendCells(table.name, header, u.values) }));
  const appends = changes.append.map((values) => appendCells(table.name, header, values));
  const { parts: stored } = await readPackageParts(input, options);
  const parts = new PackageParts(stored);
  asDamage(() => {
    for (const update of updates) updateInto(parts, table, update.row, update.cells);
    if (changes.makeRoom === true) makeRoomBelow(parts, table, appends);
    for (const cells of appends) appendInto(parts, table, cells);
  });
  return {
    bytes: await packParts(parts.entries()),
    outcome: { table: table.name, sheet: table.sheet, updated: updates.length, appended: appends.length },
  };
}

/** The given cells of one body row of the table, rewritten in place; a row outside the body is refused. */
function updateInto(parts: PackageParts, table: TableSnapshot, row: number, cells: ReadonlyMap<number, AppendCell>): void {
  const sheetPart = worksheetPart(parts, table.sheet);
  const sheetXml = parts.text(sheetPart) ?? '';
  if (isProtected(sheetXml)) throw sheetProtected(table.sheet);
  const own = sheetTables(parts, sheetPart).find((t) => t.name.toLowerCase() === table.name.toLowerCase());
  if (own === undefined) throw tableNotFound(table.name);
  const body = bodyOf(own);
  if (row < body.top || row > body.bottom) throw tableNotFound(table.name);
  const columns = new Map([...cells].map(([index, cell]) => [own.bounds.left + index, cell]));
  const styles = cellStyles(parts, columns, rowStyles(sheetXml, row));
  parts.setText(
    sheetPart,
    writeRowCells(sheetXml, row, new Map([...columns].map(([column, cell]) => [column, cellWriter(cell, styles.get(column))]))),
  );
}

/**
 * When the rows the new rows need below the table are not all free, that many whole sheet rows are inserted
 * right below it first (see ./insertRows), so nothing below is overwritten or refused.
 */
function makeRoomBelow(parts: PackageParts, table: TableSnapshot, appends: readonly ReadonlyMap<number, AppendCell>[]): void {
  if (appends.length === 0) return;
  const sheetPart = worksheetPart(parts, table.sheet);
  const sheetXml = parts.text(sheetPart) ?? '';
  const tables = sheetTables(parts, sheetPart);
  const own = tables.find((t) => t.name.toLowerCase() === table.name.toLowerCase());
  if (own === undefined) throw tableNotFound(table.name);
  if (own.totalRows > 0) return;
  const { left, right, top: bodyTop, bottom: bodyBottom } = bodyOf(own);
  const first = appends[0];
  const intoBlank =
    first !== undefined && bodyBottom >= bodyTop && rowIsFree(rowUses(sheetXml, bodyBottom, left, right), new Set(first.keys()));
  const needed = appends.length - (intoBlank ? 1 : 0);
  const others = tables.filter((t) => t !== own);
  let free = 0;
  while (
    free < needed &&
    takenCell(sheetXml, { top: own.bounds.bottom + 1 + free, bottom: own.bounds.bottom + 1 + free, left, right }, others) === undefined
  )
    free += 1;
  if (free < needed) insertSheetRows(parts, table.sheet, own.bounds.bottom + 1, needed);
}

/** Parts that cannot be edited as XML (a missing element, an unclosed one) mean a damaged workbook. */
export function asDamage<T>(edit: () => T): T {
  try {
    return edit();
  } catch (error) {
    if (error instanceof WorkbookOperationError || error instanceof WorkbookFileError) throw error;
    if (error instanceof SyntaxError || error instanceof RangeError) throw errors.corrupt(error.message);
    throw error;
  }
}

function appendInto(parts: PackageParts, table: TableSnapshot, cells: ReadonlyMap<number, AppendCell>): AppendOutcome {
  const sheetPart = worksheetPart(parts, table.sheet);
  const sheetXml = parts.text(sheetPart) ?? '';
  if (isProtected(sheetXml)) throw sheetProtected(table.sheet);
  const tables = sheetTables(parts, sheetPart);
  const own = tables.find((t) => t.name.toLowerCase() === table.name.toLowerCase());
  if (own === undefined) throw tableNotFound(table.name);

  const row = targetRow(sheetXml, own, tables, cells, table);
  const columns = new Map([...cells].map(([index, cell]) => [own.bounds.left + index, cell]));
  const styles = cellStyles(parts, columns, inheritedStyles(sheetXml, row, own));
  const written = writeRowCells(
    sheetXml,
    row,
    new Map([...columns].map(([column, cell]) => [column, cellWriter(cell, styles.get(column))])),
  );
  const grows = row > own.bounds.bottom;
  parts.setText(sheetPart, grows ? growValidations(written, bodyOf(own), row) : written);
  if (grows) parts.setText(own.part, grownTable(own.xml, row));
  return { table: table.name, sheet: table.sheet, range: rangeAddress(row, own.bounds.left, row, own.bounds.right) };
}

function bodyOf(table: TablePart): Bounds {
  return { ...table.bounds, top: table.bounds.top + table.headerRows, bottom: table.bounds.bottom - table.totalRows };
}

// ---------------------------------------------------------------------------------------------------------
// Finding the parts

/** The tables of one sheet, through its relationships. */
export function sheetTables(parts: PackageParts, sheetPart: string): TablePart[] {
  const rels = parts.text(relsPartOf(sheetPart));
  if (rels === undefined) return [];
  return relationships(rels)
    .filter((r) => !r.external && hasType(r, RELATIONSHIP_TYPE.table))
    .flatMap((r) => {
      const part = resolveTarget(sheetPart, r.target);
      const xml = parts.text(part);
      return xml === undefined ? [] : [tablePart(part, xml)];
    });
}

function tablePart(part: string, xml: string): TablePart {
  const attrs = attributes(rootElement(xml).span.startTag);
  const bounds = refBounds(attrs.get('ref') ?? '');
  if (bounds === undefined) throw new SyntaxError(`${part} has no range`);
  const count = (name: string, fallback: number): number => {
    const n = Number(attrs.get(name) ?? fallback);
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  return {
    part,
    xml,
    name: attrs.get('name') ?? attrs.get('displayName') ?? '',
    bounds,
    headerRows: count('headerRowCount', 1),
    totalRows: count('totalsRowCount', 0),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Where the row goes

function targetRow(
  sheetXml: string,
  own: TablePart,
  tables: readonly TablePart[],
  cells: ReadonlyMap<number, AppendCell>,
  table: TableSnapshot,
): number {
  const { left, right, top: bodyTop, bottom: bodyBottom } = bodyOf(own);
  if (bodyBottom >= bodyTop && rowIsFree(rowUses(sheetXml, bodyBottom, left, right), new Set(cells.keys()))) return bodyBottom;
  if (own.totalRows > 0) throw totalRowInTheWay(table.name);
  const below = own.bounds.bottom + 1;
  const taken = takenCell(
    sheetXml,
    { top: below, bottom: below, left, right },
    tables.filter((t) => t !== own),
  );
  if (taken !== undefined) throw rowBelowTaken(table.name, table.sheet, taken);
  return below;
}

/** The first cell of `row` that is not free: beyond the sheet, another table's, merged, or holding anything. */
function takenCell(sheetXml: string, row: Bounds, others: readonly TablePart[]): string | undefined {
  if (row.top > MAX_ROWS) return cellAddress(MAX_ROWS, row.left);
  const blocked = [...others.map((t) => t.bounds), mergeIn(sheetXml, row)].filter((b): b is Bounds => b !== undefined && overlaps(b, row));
  const firstBlocked = blocked.length === 0 ? undefined : Math.min(...blocked.map((b) => Math.max(b.left, row.left)));
  const uses = rowUses(sheetXml, row.top, row.left, row.right);
  const firstUsed = rowIsEmpty(uses) ? undefined : row.left + uses.findIndex((u) => u !== 'empty');
  const columns = [firstBlocked, firstUsed].filter((c): c is number => c !== undefined);
  return columns.length === 0 ? undefined : cellAddress(row.top, Math.min(...columns));
}

/** The table part with its range, and its filter's, one row longer (a table with a total row never gets here). */
function grownTable(xml: string, row: number): string {
  const root = rootElement(xml);
  const attrs = attributes(root.span.startTag);
  const bounds = refBounds(attrs.get('ref') ?? '');
  if (bounds === undefined) throw new SyntaxError('table part without a range');
  const grown = boundsRef({ ...bounds, bottom: row });
  const filterName = qualified(root.prefix, 'autoFilter');
  const filter = childElements(xml, root.span).find((c) => c.name === filterName)?.span;
  const filterBounds = filter === undefined ? undefined : refBounds(attributes(filter.startTag).get('ref') ?? '');
  // The filter is edited first: it lies after the start tag, whose length changes.
  const withFilter =
    filter !== undefined && filterBounds !== undefined && filterBounds.bottom === bounds.bottom
      ? splice(xml, filter.start, filter.contentStart, setAttribute(filter.startTag, 'ref', boundsRef({ ...filterBounds, bottom: row })))
      : xml;
  return splice(withFilter, root.span.start, root.span.contentStart, setAttribute(root.span.startTag, 'ref', grown));
}

// ---------------------------------------------------------------------------------------------------------
// Cells and their styles

/** Text Excel would turn into a formula when the cell is edited gets the quote prefix, as generated sheets do. */
function looksLikeFormula(cell: AppendCell): boolean {
  return cell.kind === 'text' && /^[=+\-@]/.test(cell.text);
}

const QUOTED: CellFormat = { style: {}, quotePrefix: true };
const DATED: CellFormat = { style: { numberFormat: DATE_FORMAT }, quotePrefix: false };

/**
 * The style index of each written cell. A cell keeps the style it has (the column's format in the table);
 * a date gets the contract's date format unless its style already shows a date, and formula-like text in an
 * unstyled cell the quote prefix. styles.xml is touched only when one of those two is needed.
 */
/**
 * The styles the new row's cells take: their own (a blank body row keeps the column's formats), else those of
 * the body row above — as Excel does when a table grows, so 400000 shows as `400 000` like the rows above it.
 */
function inheritedStyles(sheetXml: string, row: number, table: TablePart): Map<number, number> {
  const firstBody = table.bounds.top + table.headerRows;
  const above = row - 1 >= firstBody ? rowStyles(sheetXml, row - 1) : new Map<number, number>();
  const own = rowStyles(sheetXml, row);
  const styles = new Map<number, number>();
  for (let column = table.bounds.left; column <= table.bounds.right; column++) {
    const s = own.get(column) ?? above.get(column);
    if (s !== undefined) styles.set(column, s);
  }
  return styles;
}

function cellStyles(
  parts: PackageParts,
  cells: ReadonlyMap<number, AppendCell>,
  existing: ReadonlyMap<number, number>,
): Map<number, number | undefined> {
  const stylesPart = stylesPartOf(parts);
  const stylesXml = stylesPart === undefined ? undefined : parts.text(stylesPart);
  const isDate = dateStyles(stylesXml);
  const needs = new Map<number, CellFormat>();
  for (const [column, cell] of cells) {
    const s = existing.get(column);
    if (cell.kind === 'date' && (s === undefined || !isDate(s))) needs.set(column, DATED);
    if (looksLikeFormula(cell) && s === undefined) needs.set(column, QUOTED);
  }
  const styles = new Map<number, number | undefined>([...cells.keys()].map((column) => [column, existing.get(column)]));
  if (needs.size === 0) return styles;
  const added = addCellFormats(stylesXml ?? MINIMAL_STYLES, [...needs.values()]);
  parts.setText(stylesPart ?? createStylesPart(parts), added.xml);
  for (const [column, format] of needs) styles.set(column, added.indexOf.get(formatKey(format)));
  return styles;
}

function stylesPartOf(parts: PackageParts): string | undefined {
  return existingStylesPart(parts.text(relsPartOf(WORKBOOK)) ?? '');
}

/** A workbook without a stylesheet (rare, but valid) gets one, linked and typed as Excel expects. */
function createStylesPart(parts: PackageParts): string {
  let part = 'xl/styles.xml';
  for (let n = 2; parts.has(part); n++) part = `xl/styles${n}.xml`;
  const rels = parts.text(relsPartOf(WORKBOOK)) ?? '';
  parts.setText(
    relsPartOf(WORKBOOK),
    addRelationship(rels, { id: unusedRelationshipId(rels), type: RELATIONSHIP_TYPE.styles, target: part.slice('xl/'.length) }),
  );
  parts.setText(CONTENT_TYPES, addOverride(parts.text(CONTENT_TYPES) ?? '', part, CONTENT_TYPE.styles));
  return part;
}

/** Built-in number formats that show a date (d/m/y and the East Asian ones); 18–21 and 45–47 are times. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a cellXfs entry shows its number as a date: a built-in date format, or a custom one with d or y. */
function dateStyles(stylesXml: string | undefined): (s: number) => boolean {
  if (stylesXml === undefined) return () => false;
  const root = rootElement(stylesXml);
  const q = (local: string): string => qualified(root.prefix, local);
  const listOf = (name: string) => childElements(stylesXml, root.span).find((c) => c.name === q(name))?.span;
  const numFmts = listOf('numFmts');
  const custom = new Map(
    (numFmts === undefined ? [] : findElements(stylesXml, q('numFmt'), numFmts.contentStart, numFmts.contentEnd)).map((span) => {
      const attrs = attributes(span.startTag);
      return [Number(attrs.get('numFmtId')), attrs.get('formatCode') ?? ''] as const;
    }),
  );
  const cellXfs = listOf('cellXfs');
  const xfs = cellXfs === undefined ? [] : findElements(stylesXml, q('xf'), cellXfs.contentStart, cellXfs.contentEnd);
  return (s) => {
    const xf = xfs[s];
    const id = xf === undefined ? 0 : Number(attributes(xf.startTag).get('numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined) return /[dy]/i.test(code.replace(/\[[^\]]*]|"[^"]*"/g, ''));
    return BUILTIN_DATE_FORMATS.has(id);
  };
}

/** The `<c>` element for one new cell: text as an inline string (never a formula), numbers and dates as numbers. */
function cellWriter(cell: AppendCell, style: number | undefined): CellWriter {
  return (ref, prefix) => {
    const c = qualified(prefix, 'c');
    const s = style === undefined || style === 0 ? '' : ` s="${style}"`;
    if (cell.kind === 'text') {
      const is = qualified(prefix, 'is');
      const t = qualified(prefix, 't');
      return `<${c} r="${ref}"${s} t="inlineStr"><${is}><${t} xml:space="preserve">${escapeXstring(cell.text)}</${t}></${is}></${c}>`;
    }
    const v = qualified(prefix, 'v');
    return `<${c} r="${ref}"${s}><${v}>${String(cell.kind === 'number' ? cell.value : cell.serial)}</${v}></${c}>`;
  };
}
