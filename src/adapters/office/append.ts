import { DATE_FORMAT } from '../../core/contract/contract';
import { rangeAddress } from '../../core/util/brand';
import type { AppendOutcome, RowChanges, RowValue, WriteRowsOutcome } from '../port';
import { appendCells, rowIsEmpty, rowIsFree, tableNotExtended, tableNotFound, type AppendCell, type CellUse } from '../rowValues';
import { isDateFormat } from './cells';
import { errorCode, unsupported } from './errors';
import { textCell } from './format';
import { loadMergedAreas, mergedAreasOf, overlapsArea, type Area } from './merges';
import { boundsOf } from './read';
import { EXCEL_API, type ExcelRun, type RequirementCheck } from './run';

/**
 * appendRow over Office.js, safe under co-authoring, in two round trips:
 *  1. the table (by name, without regard to case), its header, where its body stands, its last body row and
 *     the row below it;
 *  2. the row written, text cells formatted '@' first so text is never read as a formula, a number or a date,
 *     and the table's range loaded to see that it took the row in.
 * The row goes into the blank last body row when there is one, else into the empty row right below a table
 * without a total row when nothing is merged there (Excel grows the table; Microsoft recommends this over
 * `rows.add` because adding rows makes co-authors' edits conflict), and only when neither is free into a whole
 * sheet row inserted right below the body (see insertSheetRows), which moves everything below down so nothing
 * is overwritten — not `rows.add`, which Excel refuses when it would shift part of a table or merge below.
 * When Excel did not grow the table (a user can turn its automatic expansion off), a third round trip resizes
 * it (ExcelApi 1.13), or the user is told where the row went.
 */

const ROW_PROPERTIES = ['values', 'formulas', 'numberFormat'];

export interface AppendOptions {
  run: ExcelRun;
  isSupported: RequirementCheck;
  /** told the table's sheet as soon as it is known, so a refusal can be traced to that sheet's protection */
  onSheet?: (sheet: string) => void;
}

/** What round trip 1 asks for. */
interface Survey {
  table: Excel.Table;
  sheet: Excel.Worksheet;
  header: Excel.Range;
  body: Excel.Range;
  last: Excel.Range;
  below: Excel.Range;
  /** the merged areas that start in the sheet row below (ExcelApi 1.13; undefined without it) */
  belowMerges?: Excel.RangeAreas | undefined;
}

/** Where the row goes, decided from round trip 1. */
type Place =
  | { kind: 'blank-row' | 'below'; range: Excel.Range; formats: unknown[]; above: unknown[] }
  | { kind: 'insert'; formats: unknown[]; above: unknown[] };

interface Table {
  name: string;
  sheet: string;
  header: string[];
  showTotals: boolean;
  /** the table's range without the total row */
  top: number;
  left: number;
  right: number;
  bodyBottom: number;
}

export async function appendRow(
  tableName: string,
  values: Readonly<Record<string, RowValue>>,
  options: AppendOptions,
): Promise<AppendOutcome> {
  if (!options.isSupported(EXCEL_API.sheetNames)) throw unsupported();
  return options.run(async (context) => {
    const survey = surveyTable(context, tableName);
    survey.belowMerges = loadMergedAreas(survey.below.getEntireRow(), options.isSupported);
    await surveyed(context, tableName);
    const table = tableOf(survey);
    options.onSheet?.(table.sheet);
    const cells = appendCells(table.name, table.header, values);
    const place = choosePlace(survey, table, cells);
    const row = place.kind === 'blank-row' ? table.bodyBottom : table.bodyBottom + 1;
    const outcome: AppendOutcome = { table: table.name, sheet: table.sheet, range: rangeAddress(row, table.left, row, table.right) };

    const target = place.kind === 'insert' ? insertSheetRows(survey, table, 1) : place.range;
    writeRow(target, cells, table.right - table.left + 1, place.formats, place.above);
    const after = survey.table.getRange().load('address');
    await context.sync();

    if (place.kind !== 'blank-row' && boundsOf(after.address).bottom < row + (table.showTotals ? 1 : 0))
      await extendTable(context, survey, table, row, options.isSupported);
    return outcome;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Round trip 1

/**
 * The table by name with getItem, not getItemOrNullObject: the ranges below are taken from it in the same
 * batch, and Excel does not promise what methods of a null object do there. A missing table fails the batch
 * with ItemNotFound, which is told as "no such table".
 */
function surveyTable(context: Excel.RequestContext, name: string): Survey {
  const table = context.workbook.tables.getItem(name).load('name, showTotals');
  const body = table.getDataBodyRange().load('address');
  return {
    table,
    sheet: table.worksheet.load('name'),
    header: table.getHeaderRowRange().load('values'),
    body,
    last: body.getLastRow().load(ROW_PROPERTIES),
    below: body.getRowsBelow(1).load(ROW_PROPERTIES),
  };
}

async function surveyed(context: Excel.RequestContext, wanted: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (errorCode(error) === 'ItemNotFound') throw tableNotFound(wanted);
    throw error;
  }
}

function tableOf(survey: Survey): Table {
  const bounds = boundsOf(survey.body.address);
  return {
    name: survey.table.name,
    sheet: survey.sheet.name,
    header: (survey.header.values[0] ?? []).map((v) => String(v)),
    showTotals: survey.table.showTotals,
    top: bounds.top - 1,
    left: bounds.left,
    right: bounds.right,
    bodyBottom: bounds.bottom,
  };
}

/** A cell's use from Excel's two views of it: a formula shows its result in `values`, a constant itself. */
function usesOf(range: Excel.Range): CellUse[] {
  const values: unknown[] = range.values[0] ?? [];
  const formulas: unknown[] = range.formulas[0] ?? [];
  return values.map((value, i) => {
    const formula = formulas[i];
    if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return 'formula';
    return value === '' || value === null ? 'empty' : 'value';
  });
}

function choosePlace(survey: Survey, table: Table, cells: ReadonlyMap<number, AppendCell>): Place {
  const written = new Set(cells.keys());
  const last = survey.last.numberFormat[0] ?? [];
  // A blank body row has the column's formats already; there is no row of the table above it to follow.
  if (rowIsFree(usesOf(survey.last), written)) return { kind: 'blank-row', range: survey.last, formats: last, above: [] };
  if (!table.showTotals && rowIsEmpty(usesOf(survey.below)) && !mergedBelow(mergedAreasOf(survey.belowMerges), table, 1))
    return { kind: 'below', range: survey.below, formats: survey.below.numberFormat[0] ?? [], above: last };
  // Excel gives an inserted row the formats of the row above it: the last body row's.
  return { kind: 'insert', formats: last, above: last };
}

// ---------------------------------------------------------------------------------------------------------
// Round trip 2

/**
 * Number formats go in before the values, and only where they matter: '@' for text (General with the
 * apostrophe for very long text), for dates the cell's own date format or else the contract's. A date's
 * format is set even when the cell shows one, since an inserted row's formats are only Excel's copy of the
 * row above. Null leaves the cell's format, and in `values` its content, as it is, so calculated columns
 * keep their formulas.
 */
function formatOf(cell: AppendCell | undefined, current: unknown, above: unknown): string | null {
  if (cell === undefined) return null;
  // A number takes the format of the row above when its own cell has none (General): 400000 shows as
  // `400 000` like the rows above, whether or not Excel's table expansion copies formats (it need not).
  if (cell.kind === 'number') return isGeneral(current) && typeof above === 'string' && !isGeneral(above) && above !== '@' ? above : null;
  if (cell.kind === 'date') return typeof current === 'string' && isDateFormat(current) ? current : DATE_FORMAT;
  return textCell(cell.text).format;
}

function inputOf(cell: AppendCell | undefined): string | number | null {
  if (cell === undefined) return null;
  if (cell.kind === 'text') return textCell(cell.text).input;
  return cell.kind === 'number' ? cell.value : cell.serial;
}

function isGeneral(format: unknown): boolean {
  return format === undefined || format === null || format === '' || (typeof format === 'string' && format.toLowerCase() === 'general');
}

function writeRow(
  range: Excel.Range,
  cells: ReadonlyMap<number, AppendCell>,
  width: number,
  currentFormats: readonly unknown[],
  aboveFormats: readonly unknown[],
): void {
  const columns = Array.from({ length: width }, (_, i) => cells.get(i));
  const formats = columns.map((cell, i) => formatOf(cell, currentFormats[i], aboveFormats[i]));
  if (formats.some((f) => f !== null)) range.numberFormat = [formats];
  range.values = [columns.map(inputOf)];
}

// ---------------------------------------------------------------------------------------------------------
// Round trip 3, only when Excel's automatic expansion is off

async function extendTable(
  context: Excel.RequestContext,
  survey: Survey,
  table: Table,
  row: number,
  isSupported: RequirementCheck,
): Promise<void> {
  const written = rangeAddress(row, table.left, row, table.right);
  // A resize over a total row would leave the total row behind in the body: say where the rows are instead.
  if (table.showTotals || !isSupported(EXCEL_API.tableResize)) throw tableNotExtended(table.name, table.sheet, written);
  survey.table.resize(survey.sheet.getRange(rangeAddress(table.top, table.left, row, table.right)));
  await context.sync();
}

// ---------------------------------------------------------------------------------------------------------
// Many rows at once

/**
 * writeRows over Office.js in two round trips (three when Excel does not grow the table itself): the survey of
 * round trip 1 with as many rows below the table as are appended (and, ExcelApi 1.13, the merged areas that
 * start in those sheet rows); then every updated row written in place, the first new row into the blank last
 * body row when there is one, the rest as one block right below the table when those rows are empty and
 * nothing is merged there (Excel grows the table). Otherwise whole sheet rows are inserted right below the body
 * in the same batch (see insertSheetRows) and the block is written there. Rows added either way are written
 * cell by cell as appendRow writes them, text formatted '@'.
 */
export async function writeRows(tableName: string, changes: RowChanges, options: AppendOptions): Promise<WriteRowsOutcome> {
  if (!options.isSupported(EXCEL_API.sheetNames)) throw unsupported();
  return options.run(async (context) => {
    const survey = surveyTable(context, tableName);
    const count = changes.append.length;
    const block = count > 0 ? survey.body.getRowsBelow(count).load(ROW_PROPERTIES) : undefined;
    const merges = block === undefined ? undefined : loadMergedAreas(block.getEntireRow(), options.isSupported);
    await surveyed(context, tableName);
    const table = tableOf(survey);
    options.onSheet?.(table.sheet);
    const width = table.right - table.left + 1;
    for (const update of changes.update) {
      if (update.row <= table.top || update.row > table.bodyBottom) throw tableNotFound(table.name);
      const cells = appendCells(table.name, table.header, update.values);
      writeRow(survey.sheet.getRange(rangeAddress(update.row, table.left, update.row, table.right)), cells, width, [], []);
    }
    const rows = changes.append.map((values) => appendCells(table.name, table.header, values));
    const [first, ...others] = rows;
    const intoBlank = first !== undefined && rowIsFree(usesOf(survey.last), new Set(first.keys()));
    if (intoBlank) writeRow(survey.last, first, width, survey.last.numberFormat[0] ?? [], []);
    const rest = intoBlank ? others : rows;
    let expectedBottom = table.bodyBottom;
    if (rest.length > 0 && block !== undefined) {
      const lastFormats = survey.last.numberFormat[0] ?? [];
      const free =
        !table.showTotals &&
        blockUses(block)
          .slice(0, rest.length)
          .every((uses) => rowIsEmpty(uses)) &&
        !mergedBelow(mergedAreasOf(merges), table, rest.length);
      if (free) {
        // New rows below take the last body row's number formats where their own cells have none.
        rest.forEach((cells, i) => writeRow(block.getRow(i), cells, width, block.numberFormat[i] ?? [], lastFormats));
      } else {
        const target = insertSheetRows(survey, table, rest.length);
        // Written with writeRow, not as rows.add's values: text goes in formatted '@', so `3` stays the text it was.
        rest.forEach((cells, i) => writeRow(target.getRow(i), cells, width, lastFormats, lastFormats));
      }
      expectedBottom = table.bodyBottom + rest.length;
    }
    const after = survey.table.getRange().load('address');
    await context.sync();
    if (expectedBottom > table.bodyBottom && boundsOf(after.address).bottom < expectedBottom + (table.showTotals ? 1 : 0))
      await extendTable(context, survey, table, expectedBottom, options.isSupported);
    return { table: table.name, sheet: table.sheet, updated: changes.update.length, appended: rows.length };
  });
}

/**
 * Room for `count` new rows at the end of the body, when the rows below are not free: whole sheet rows inserted
 * right below the body (`Range.insert('Down')` on `getRange('8:10')`, ExcelApi 1.1), as the .xlsx adapter
 * inserts them. Everything below moves down together — another table, a merged title, a chart — which
 * `TableRowCollection.add` cannot do: it shifts cells within the table's columns only, and Excel refuses it
 * ("attempting to shift cells in a table or merged cells") when that would cut part of a table or a merge.
 * For a table with a total row the rows go in at the total row's place, between the last body row and the
 * total row, so the total row moves down and its SUBTOTALs take the rows in: whole rows inserted inside a
 * table's range (below its header, down to its total row) become rows of that table in Excel, as when a user
 * picks *Insert Sheet Rows* on the total row; the .xlsx adapter (../xlsx/insertRows.ts) and the double grow a
 * table the rows cut through the same way. Not tried in a real Excel here (there is none); if Excel ever leaves
 * a total-row table as it was, round trip 3 says where the rows went rather than resize over the total row.
 * A table without a total row is grown as appendRow grows it, by writing into the new rows, or by round
 * trip 3. Excel formats inserted rows as the row above them: the last body row. The range the block is
 * written to is asked for after the insert in the batch, so it names the new rows, not cells the insert moved
 * (a Range resolved before an insert follows its cells down, as in VBA).
 */
function insertSheetRows(survey: Survey, table: Table, count: number): Excel.Range {
  const at = table.bodyBottom + 1;
  survey.sheet.getRange(`${at}:${at + count - 1}`).insert('Down');
  return survey.sheet.getRange(rangeAddress(at, table.left, at + count - 1, table.right));
}

/** A merged range in the `count` rows right below the body, within the table's columns: those rows are not free. */
function mergedBelow(merges: readonly Area[], table: Table, count: number): boolean {
  const rows: Area = { top: table.bodyBottom + 1, bottom: table.bodyBottom + count, left: table.left, right: table.right };
  return merges.some((m) => overlapsArea(m, rows));
}

/** The uses of each row of a loaded block. */
function blockUses(range: Excel.Range): CellUse[][] {
  return range.values.map((values, r) => {
    const formulas: unknown[] = range.formulas[r] ?? [];
    return values.map((value: unknown, i) => {
      const formula = formulas[i];
      if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return 'formula';
      return value === '' || value === null ? 'empty' : 'value';
    });
  });
}
