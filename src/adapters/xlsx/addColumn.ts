import type { WorkbookSnapshot } from '../../core/snapshot/types';
import { cellAddress } from '../../core/util/brand';
import type { AddColumnsOutcome, WorkbookOperationError } from '../port';
import { columnBlocked, columnNotAdded, contractWidth, sheetAddress, sheetProtected, tableNotFound } from '../rowValues';
import { asDamage, sheetTables, type TablePart } from './append';
import { PackageParts } from './opc';
import { packParts, readPackageParts, type XlsxReadOptions } from './package';
import { boundsRef, firstUsedInColumn, isProtected, mergeIn, overlaps, refBounds, rowStyles, writeRowCells, type Bounds } from './rowXml';
import { worksheetPart } from './workbookParts';
import {
  attributes,
  childElements,
  escapeAttr,
  escapeXstring,
  findElement,
  findElements,
  insertChildBefore,
  qualified,
  rootElement,
  setAttribute,
  splice,
} from './xml';

/**
 * A new last column for existing tables of a file, at the package level like appendRow: the table part's range,
 * its filter's and its `tableColumns` grow by one column, the header cell is written (styled as the header
 * beside it) and the column gets the contract's width when the sheet sets none for it. Nothing else changes:
 * every other part keeps its bytes. The column is only added where it is free: a cell to the right of the
 * table (header to last row) that holds anything, is merged or belongs to another table refuses the whole call,
 * naming that cell, before anything is written.
 */

/** The last column a sheet has (XFD). */
const MAX_COLUMNS = 16_384;

export async function addColumnsIntoPackage(
  input: Uint8Array,
  snapshot: WorkbookSnapshot,
  tableNames: readonly string[],
  header: string,
  options?: XlsxReadOptions,
): Promise<{ bytes: Uint8Array; outcome: AddColumnsOutcome }> {
  const tables = tableNames.map((name) => {
    const table = snapshot.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (table === undefined) throw tableNotFound(name);
    return table;
  });
  const { parts: stored } = await readPackageParts(input, options);
  const parts = new PackageParts(stored);
  const added = asDamage(() => {
    // Every table is checked before any is changed: a refusal leaves the package as it was.
    const places = tables.map((t) => placeOf(parts, t.name, t.sheet, header));
    return places.map((place) => addColumn(parts, place, header));
  });
  return { bytes: await packParts(parts.entries()), outcome: { added } };
}

interface Place {
  sheet: string;
  sheetPart: string;
  table: TablePart;
  /** the new column's number */
  column: number;
}

function placeOf(parts: PackageParts, name: string, sheet: string, header: string): Place {
  const sheetPart = worksheetPart(parts, sheet);
  const xml = parts.text(sheetPart) ?? '';
  if (isProtected(xml)) throw sheetProtected(sheet);
  const tables = sheetTables(parts, sheetPart);
  const table = tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (table === undefined) throw tableNotFound(name);
  if (table.headerRows < 1) throw cannotAdd(name, header, `tabellen har ingen overskriftsrad`, `the table has no header row`);
  const column = table.bounds.right + 1;
  if (column > MAX_COLUMNS)
    throw cannotAdd(name, header, 'tabellen står helt til høyre på arket', 'the table reaches the right edge of the sheet');
  const area: Bounds = { top: table.bounds.top, bottom: table.bounds.bottom, left: column, right: column };
  const taken = takenIn(
    xml,
    area,
    tables.filter((t) => t !== table),
  );
  if (taken !== undefined)
    throw columnBlocked(
      name,
      header,
      { where: sheetAddress(sheet, taken.cell), kind: taken.kind, ...(taken.other === undefined ? {} : { other: taken.other }) },
      'file',
    );
  return { sheet, sheetPart, table, column };
}

/** The first cell of `area` (one column) that is not free, and why: it holds something, is merged, or is another table's. */
function takenIn(
  xml: string,
  area: Bounds,
  others: readonly TablePart[],
): { cell: string; kind: 'value' | 'merged' | 'table'; other?: string } | undefined {
  const found: { row: number; kind: 'value' | 'merged' | 'table'; other?: string }[] = [];
  for (const other of others)
    if (overlaps(other.bounds, area)) found.push({ row: Math.max(other.bounds.top, area.top), kind: 'table', other: other.name });
  const merged = mergeIn(xml, area);
  if (merged !== undefined) found.push({ row: Math.max(merged.top, area.top), kind: 'merged' });
  const used = firstUsedInColumn(xml, area.left, area.top, area.bottom);
  if (used !== undefined) found.push({ row: used, kind: 'value' });
  const first = found.sort((a, b) => a.row - b.row)[0];
  return first === undefined
    ? undefined
    : { cell: cellAddress(first.row, area.left), kind: first.kind, ...(first.other === undefined ? {} : { other: first.other }) };
}

function addColumn(parts: PackageParts, place: Place, header: string): { table: string; sheet: string; cell: string } {
  const { table, column, sheetPart } = place;
  parts.setText(table.part, widenedTable(table.xml, column, header));
  const headerRow = table.bounds.top;
  const style = rowStyles(parts.text(sheetPart) ?? '', headerRow).get(column - 1);
  const s = style === undefined ? '' : ` s="${style}"`;
  const writer = (ref: string, prefix: string): string => {
    const c = qualified(prefix, 'c');
    const is = qualified(prefix, 'is');
    const t = qualified(prefix, 't');
    return `<${c} r="${ref}"${s} t="inlineStr"><${is}><${t} xml:space="preserve">${escapeXstring(header)}</${t}></${is}></${c}>`;
  };
  const written = writeRowCells(parts.text(sheetPart) ?? '', headerRow, new Map([[column, writer]]));
  const width = contractWidth(table.name, header);
  parts.setText(sheetPart, width === undefined ? written : withColumnWidth(written, column, width));
  return { table: table.name, sheet: place.sheet, cell: cellAddress(headerRow, column) };
}

/** The table part one column wider: its range, its filter's (when it spans the table) and a new tableColumn. */
function widenedTable(xml: string, column: number, header: string): string {
  const root = rootElement(xml);
  const q = (local: string): string => qualified(root.prefix, local);
  const attrs = attributes(root.span.startTag);
  const bounds = refBounds(attrs.get('ref') ?? '');
  if (bounds === undefined) throw new SyntaxError('table part without a range');
  const columns = childElements(xml, root.span).find((c) => c.name === q('tableColumns'))?.span;
  if (columns === undefined || columns.selfClosing) throw new SyntaxError('table part without tableColumns');
  const existing = findElements(xml, q('tableColumn'), columns.contentStart, columns.contentEnd);
  const id = Math.max(0, ...existing.map((c) => Number(attributes(c.startTag).get('id')) || 0)) + 1;
  // From the end of the part towards its start, so the earlier offsets stay valid.
  let out = splice(xml, columns.contentEnd, columns.contentEnd, `<${q('tableColumn')} id="${id}" name="${escapeAttr(header)}"/>`);
  out = splice(out, columns.start, columns.contentStart, setAttribute(columns.startTag, 'count', String(existing.length + 1)));
  const filter = childElements(out, root.span).find((c) => c.name === q('autoFilter'))?.span;
  const filterBounds = filter === undefined ? undefined : refBounds(attributes(filter.startTag).get('ref') ?? '');
  if (filter !== undefined && filterBounds !== undefined && filterBounds.right === bounds.right) {
    out = splice(
      out,
      filter.start,
      filter.contentStart,
      setAttribute(filter.startTag, 'ref', boundsRef({ ...filterBounds, right: column })),
    );
  }
  return splice(
    out,
    root.span.start,
    root.span.contentStart,
    setAttribute(root.span.startTag, 'ref', boundsRef({ ...bounds, right: column })),
  );
}

/** The sheet with a `<col>` for `column` of `width` characters, unless one already covers it (the user's width stays). */
function withColumnWidth(xml: string, column: number, width: number): string {
  const root = rootElement(xml);
  const q = (local: string): string => qualified(root.prefix, local);
  const col = `<${q('col')} min="${column}" max="${column}" width="${width}" customWidth="1"/>`;
  const cols = findElement(xml, q('cols'));
  if (cols === undefined) {
    // Schema order: <cols> comes right before <sheetData>.
    return insertChildBefore(xml, root.span, [q('sheetData')], `<${q('cols')}>${col}</${q('cols')}>`);
  }
  const entries = cols.selfClosing ? [] : findElements(xml, q('col'), cols.contentStart, cols.contentEnd);
  const range = (span: { startTag: string }) => ({
    min: Number(attributes(span.startTag).get('min')),
    max: Number(attributes(span.startTag).get('max')),
  });
  if (entries.some((e) => range(e).min <= column && column <= range(e).max)) return xml;
  if (cols.selfClosing) return splice(xml, cols.start, cols.end, `${cols.startTag.replace(/\s*\/>$/, '>')}${col}</${q('cols')}>`);
  const next = entries.find((e) => range(e).min > column);
  const at = next === undefined ? cols.contentEnd : next.start;
  return splice(xml, at, at, col);
}

function cannotAdd(table: string, header: string, nb: string, en: string): WorkbookOperationError {
  return columnNotAdded(table, header, { nb, en }, 'file');
}
