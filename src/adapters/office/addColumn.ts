import { cellAddress, columnLetters } from '../../core/util/brand';
import type { AddColumnsOutcome } from '../port';
import { columnBlocked, columnNotAdded, contractWidth, sheetAddress, sheetProtected, tableNotFound, type ColumnBlock } from '../rowValues';
import { errorCode, unsupported } from './errors';
import { characterWidthToPoints } from './format';
import { loadMergedAreas, mergedAreasOf, overlapsArea, type Area } from './merges';
import { boundsOf } from './read';
import { EXCEL_API, type ExcelRun, type RequirementCheck } from './run';
import { sheetOf } from './template';

/**
 * addColumns over Office.js: a new last column `header` for each named table (*Forbered {år}* on a workbook made
 * before the contract had the `Forslag` column), all or none, in three round trips whatever the number of tables:
 *  1. each table: where it stands, its sheet and that sheet's protection, the column to its right (what the
 *     cells hold and, ExcelApi 1.13, the merged areas that start in that sheet column), its last header cell's
 *     font and fill, and the column's width; and the names of all the workbook's tables;
 *  2. where every table stands, so no new column runs into another table;
 *  3. the columns added (`TableColumnCollection.add` with the header, ExcelApi 1.4), each header cell styled as
 *     the header beside it, and the contract's width where the column has Excel's default width.
 * Every table is checked before anything is written: a cell to the right of a table (header to last row) that
 * holds anything, is merged or belongs to another table refuses the whole call, naming the sheet and the cell,
 * as the .xlsx adapter does (../xlsx/addColumn.ts). Excel itself would add a column over a cell with content by
 * shifting it, and refuses one over merged cells or another table (MergedRangeConflict, InvalidArgument) after
 * the earlier tables of the batch got theirs: the checks keep "all or none" and say which cell to move.
 */

export interface AddColumnOptions {
  run: ExcelRun;
  isSupported: RequirementCheck;
  onSheet?: (sheet: string) => void;
}

/** Excel's default column width in points (8.43 characters of Calibri 11, 64 px): a width nobody set. */
const DEFAULT_COLUMN_POINTS = 48;

interface Survey {
  name: string;
  table: Excel.Table;
  range: Excel.Range;
  sheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  right: Excel.Range;
  merges: Excel.RangeAreas | undefined;
  /** the last header cell, whose style the new header takes */
  neighbour: Excel.Range;
}

interface Place {
  survey: Survey;
  sheet: string;
  bounds: Area;
}

const STYLE = ['format/font/bold', 'format/font/italic', 'format/font/color', 'format/font/size', 'format/fill/color'];

export async function addColumns(tableNames: readonly string[], header: string, options: AddColumnOptions): Promise<AddColumnsOutcome> {
  if (!options.isSupported(EXCEL_API.sheetNames)) throw unsupported();
  if (tableNames.length === 0) return { added: [] };
  return options.run(async (context) => {
    // Round trip 1
    const all = context.workbook.tables.load('items/name');
    const surveys = tableNames.map((name) => survey(context, name, options.isSupported));
    try {
      await context.sync();
    } catch (error) {
      // A failed batch brings nothing back, so which of the tables is gone cannot be told here.
      if (errorCode(error) === 'ItemNotFound') throw tableNotFound(tableNames.join(', '));
      throw error;
    }
    const places = surveys.map((s) => {
      options.onSheet?.(s.sheet.name);
      return { survey: s, sheet: s.sheet.name, bounds: boundsOf(s.range.address) };
    });
    // Round trip 2
    const others = all.items.map((t) => ({ name: t.name, range: t.getRange().load('address') }));
    await context.sync();
    for (const place of places) {
      const other = others
        .filter((o) => o.name.toLowerCase() !== place.survey.table.name.toLowerCase() && sheetOf(o.range.address) === place.sheet)
        .map((o) => ({ name: o.name, bounds: boundsOf(o.range.address) }));
      checkPlace(place, other, header);
    }
    // Round trip 3
    const added = places.map((place) => addColumn(place, header));
    await context.sync();
    return { added };
  });
}

function survey(context: Excel.RequestContext, name: string, isSupported: RequirementCheck): Survey {
  const table = context.workbook.tables.getItem(name).load('name, showHeaders');
  const range = table.getRange().load('address');
  const sheet = table.worksheet.load('name');
  const right = range.getColumnsAfter(1).load('formulas, format/columnWidth');
  return {
    name,
    table,
    range,
    sheet,
    protection: sheet.protection.load('protected'),
    right,
    merges: loadMergedAreas(right.getEntireColumn(), isSupported),
    neighbour: range.getLastColumn().getRow(0).load(STYLE),
  };
}

/** Refuses, before anything is written, a table whose right column is not free (the first such cell, top down). */
function checkPlace(place: Place, others: readonly { name: string; bounds: Area }[], header: string): void {
  const { survey: s, sheet, bounds } = place;
  const name = s.table.name;
  if (s.protection.protected) throw sheetProtected(sheet);
  if (!s.table.showHeaders)
    throw columnNotAdded(name, header, { nb: 'tabellen har ingen overskriftsrad', en: 'the table has no header row' }, 'excel');
  const column = bounds.right + 1;
  const area: Area = { top: bounds.top, bottom: bounds.bottom, left: column, right: column };
  const found: { row: number; kind: ColumnBlock['kind']; other?: string }[] = [];
  for (const other of others)
    if (overlapsArea(other.bounds, area)) found.push({ row: Math.max(other.bounds.top, area.top), kind: 'table', other: other.name });
  for (const merge of mergedAreasOf(s.merges))
    if (overlapsArea(merge, area)) found.push({ row: Math.max(merge.top, area.top), kind: 'merged' });
  const used = s.right.formulas.findIndex((row: unknown[]) => row.some((v) => v !== '' && v !== null));
  if (used >= 0) found.push({ row: bounds.top + used, kind: 'value' });
  const first = found.sort((a, b) => a.row - b.row)[0];
  if (first === undefined) return;
  const block: ColumnBlock = { where: sheetAddress(sheet, cellAddress(first.row, column)), kind: first.kind };
  if (first.other !== undefined) block.other = first.other;
  throw columnBlocked(name, header, block, 'excel');
}

/** Queues one table's new column and its header's style; returns where the header went. */
function addColumn(place: Place, header: string): { table: string; sheet: string; cell: string } {
  const { survey: s, bounds } = place;
  s.table.columns.add(undefined, undefined, header);
  const column = bounds.right + 1;
  const cell = cellAddress(bounds.top, column);
  // Asked for after the add in the batch, so it is the new header cell.
  const target = s.sheet.getRange(cell);
  const from = s.neighbour.format;
  target.format.font.bold = from.font.bold;
  target.format.font.italic = from.font.italic;
  target.format.font.color = from.font.color;
  target.format.font.size = from.font.size;
  // White is what Excel reports for a cell without a fill: copying it would hide the table style's banding.
  if (from.fill.color.toUpperCase() !== '#FFFFFF') target.format.fill.color = from.fill.color;
  const width = contractWidth(s.table.name, header);
  if (width !== undefined && s.right.format.columnWidth === DEFAULT_COLUMN_POINTS) {
    const letters = columnLetters(column);
    s.sheet.getRange(`${letters}:${letters}`).format.columnWidth = characterWidthToPoints(width);
  }
  return { table: s.table.name, sheet: place.sheet, cell };
}
