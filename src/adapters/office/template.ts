import { DATE_FORMAT } from '../../core/contract/contract';
import {
  placeTables,
  type CellInput,
  type ListSource,
  type TableData,
  type TablePlacement,
  type WorkbookData,
} from '../../core/contract/tableData';
import { normalizeHeader } from '../../core/text/keys';
import { cellAddress, columnLetters, rangeAddress } from '../../core/util/brand';
import { WorkbookOperationError, type TemplateOutcome } from '../port';
import { COMMAND_BYTES, jsonBytes, packSteps, sendBatches, type Rect, type WriteStep } from './batches';
import { isoToSerial } from './cells';
import { unsupported } from './errors';
import { characterWidthToPoints, colour, textInput } from './format';
import { boundsOf } from './read';
import { EXCEL_API, type ExcelRun, type RequirementCheck } from './run';
import { LIST_ALERT, tableColumnList, tableLists } from '../lists';

/**
 * createTemplate over Office.js: creates the contract's missing sheets and tables and adds missing columns at
 * the end of existing tables, and never changes a cell that has content. A bounded number of round trips
 * whatever the template holds:
 *  1. the sheets and tables there are;
 *  2. where the existing tables stand, their headers, and how far down the template's sheets are used;
 *  3. only when columns are to be added: that the cells they would take are empty (else nothing is written);
 *  4. every write, in one batch.
 * New tables on an existing sheet go below what is used there; on a new sheet they stand where the .xlsx
 * template puts them. Template cells stay General, so the user can type numbers into them later; text that
 * Excel would take for a number, date or formula is written with a leading apostrophe instead.
 */

export interface TemplateOptions {
  run: ExcelRun;
  isSupported: RequirementCheck;
  maxRequestBytes: number;
}

/** Blank rows between stacked tables, as placeTables leaves them. */
const GAP_ROWS = 2;
const HEADER_FILL = 'DDEBF7';

interface Survey {
  sheets: Map<string, Excel.Worksheet>;
  /** template table name → the workbook's table of that name, with its bounds and header */
  existing: Map<string, { table: Excel.Table; sheet: string; bounds: Rect; header: string[] }>;
  /** per existing sheet (lower-case name): the last row used by content or a table */
  usedBottom: Map<string, number>;
  /** every table's place, to keep new columns off other tables */
  occupied: { sheet: string; bounds: Rect }[];
}

interface NewTable {
  data: TableData;
  place: TablePlacement;
}

interface NewColumns {
  table: Excel.Table;
  name: string;
  sheet: string;
  bounds: Rect;
  columns: { header: string; index: number }[];
}

interface Plan {
  newSheets: string[];
  tables: NewTable[];
  columns: NewColumns[];
}

export async function createTemplate(template: WorkbookData, options: TemplateOptions): Promise<TemplateOutcome> {
  if (!options.isSupported(EXCEL_API.sheetNames)) throw unsupported();
  return options.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    const tables = context.workbook.tables.load('items/name');
    // Defined names share one namespace with tables: a new table cannot take the name of one.
    const names = context.workbook.names.load('items/name');
    await context.sync();
    const survey = await surveyWorkbook(context, template, sheets.items, tables.items);
    const plan = planTemplate(template, survey);
    checkNamesFree(
      plan,
      names.items.map((n) => n.name),
    );
    await checkColumnsFree(context, plan.columns, survey);
    // Nothing missing: nothing to send.
    if (plan.newSheets.length > 0 || plan.tables.length > 0 || plan.columns.length > 0) {
      const steps = writeSteps(context, template, plan, options.isSupported);
      await sendBatches(context, packSteps(steps, options.maxRequestBytes), () => {
        if (options.isSupported(EXCEL_API.suspendScreenUpdating)) context.workbook.application.suspendScreenUpdatingUntilNextSync();
      });
    }
    return {
      createdSheets: plan.newSheets,
      createdTables: plan.tables.map((t) => t.data.name),
      addedColumns: plan.columns.flatMap((c) => c.columns.map((col) => ({ table: c.name, column: col.header }))),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Round trip 2: what stands where

async function surveyWorkbook(
  context: Excel.RequestContext,
  template: WorkbookData,
  sheetItems: Excel.Worksheet[],
  tableItems: Excel.Table[],
): Promise<Survey> {
  const sheets = new Map(sheetItems.map((s) => [s.name.toLowerCase(), s]));
  const wanted = new Map(template.tables.map((t) => [normalizeHeader(t.name), t.name]));
  const ranges = tableItems.map((table) => ({
    table,
    range: table.getRange().load('address'),
    header: wanted.has(normalizeHeader(table.name)) ? table.getHeaderRowRange().load('values') : undefined,
  }));
  const used = template.sheets.flatMap((name) => {
    const sheet = sheets.get(name.toLowerCase());
    return sheet === undefined ? [] : [{ name: name.toLowerCase(), range: sheet.getUsedRangeOrNullObject(true).load('address') }];
  });
  const survey: Survey = { sheets, existing: new Map(), usedBottom: new Map(), occupied: [] };
  if (ranges.length === 0 && used.length === 0) return survey;
  await context.sync();

  for (const { name, range } of used) survey.usedBottom.set(name, range.isNullObject ? 0 : boundsOf(range.address).bottom);
  for (const { table, range, header } of ranges) {
    const sheet = sheetOf(range.address);
    const bounds = boundsOf(range.address);
    survey.occupied.push({ sheet, bounds });
    survey.usedBottom.set(sheet.toLowerCase(), Math.max(survey.usedBottom.get(sheet.toLowerCase()) ?? 0, bounds.bottom));
    const templateName = wanted.get(normalizeHeader(table.name));
    if (header !== undefined && templateName !== undefined)
      survey.existing.set(templateName, { table, sheet, bounds, header: (header.values[0] ?? []).map(String) });
  }
  return survey;
}

/** The sheet part of `Sheet!A1:B2` / `'Sheet name'!A1`. */
export function sheetOf(address: string): string {
  const part = address.slice(0, address.lastIndexOf('!'));
  return part.startsWith("'") && part.endsWith("'") ? part.slice(1, -1).replace(/''/g, "'") : part;
}

// ---------------------------------------------------------------------------------------------------------
// The plan

function planTemplate(template: WorkbookData, survey: Survey): Plan {
  const missing = template.tables.filter((t) => !survey.existing.has(t.name));
  const newSheets = template.sheets.filter((name) => !survey.sheets.has(name.toLowerCase()) && missing.some((t) => t.sheet === name));
  const tables = template.sheets.flatMap((sheet) =>
    placeOnSheet(
      sheet,
      missing.filter((t) => t.sheet === sheet),
      survey.usedBottom.get(sheet.toLowerCase()),
    ),
  );
  const columns = template.tables.flatMap((t) => {
    const found = survey.existing.get(t.name);
    return found === undefined ? [] : newColumns(t, found);
  });
  return { newSheets, tables, columns };
}

/**
 * Places a sheet's new tables as placeTables stacks them, moved down below the sheet's used rows (with the
 * same gap as between two tables) when the sheet already has content.
 */
function placeOnSheet(sheet: string, tables: TableData[], usedBottom: number | undefined): NewTable[] {
  const offset = usedBottom === undefined || usedBottom === 0 ? 0 : usedBottom + GAP_ROWS;
  const placements = placeTables({ sheets: [sheet], tables });
  return tables.flatMap((data) => {
    const p = placements.get(data.name);
    if (p === undefined) return [];
    const shift = (row: number) => row + offset;
    const place: TablePlacement = {
      ...p,
      captionRow: p.captionRow === null ? null : shift(p.captionRow),
      headerRow: shift(p.headerRow),
      lastBodyRow: shift(p.lastBodyRow),
      totalRow: p.totalRow === null ? null : shift(p.totalRow),
    };
    return [{ data, place }];
  });
}

/** The template's headers an existing table lacks (compared as the core compares headers), to add at its end. */
function newColumns(data: TableData, found: { table: Excel.Table; sheet: string; bounds: Rect; header: string[] }): NewColumns[] {
  const present = new Set(found.header.map(normalizeHeader));
  const columns = data.header.map((header, index) => ({ header, index })).filter((c) => !present.has(normalizeHeader(c.header)));
  return columns.length === 0 ? [] : [{ table: found.table, name: data.name, sheet: found.sheet, bounds: found.bounds, columns }];
}

/**
 * A new table is named after it is made (`table.name = …`), and Excel refuses a name a defined name already
 * has (ItemAlreadyExists) — after the earlier tables of the batch were written, since a batch is not rolled
 * back. So a clash is found before anything is written, and said with the name to change.
 */
function checkNamesFree(plan: Plan, definedNames: readonly string[]): void {
  const taken = new Map(definedNames.map((n) => [n.toLowerCase(), n]));
  for (const { data } of plan.tables) {
    const name = taken.get(data.name.toLowerCase());
    if (name === undefined) continue;
    throw new WorkbookOperationError(
      'failed',
      `Arbeidsboka har et definert navn «${name}», så tabellen ${data.name} kan ikke lages. Gi navnet et annet navn (Formler → Navnebehandling) og prøv igjen. Ingenting er endret.`,
      `The workbook has a defined name "${name}", so the ${data.name} table cannot be made. Rename it (Formulas → Name Manager) and try again. Nothing was changed.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Round trip 3: room for new columns

function notEmpty(table: string, column: string, address: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'failed',
    `Kan ikke legge kolonnen «${column}» til tabellen «${table}»: cellene til høyre for tabellen (${address}) er ikke tomme. Flytt innholdet og prøv igjen.`,
    `Cannot add column "${column}" to table "${table}": the cells to the right of the table (${address}) are not empty. Move them and try again.`,
  );
}

/** A table grows into the columns to its right; they must hold nothing, or the template refuses before writing. */
async function checkColumnsFree(context: Excel.RequestContext, plans: NewColumns[], survey: Survey): Promise<void> {
  if (plans.length === 0) return;
  const checks = plans.map((plan) => {
    const room: Rect = { ...plan.bounds, left: plan.bounds.right + 1, right: plan.bounds.right + plan.columns.length };
    const address = rangeAddress(room.top, room.left, room.bottom, room.right);
    const clash = survey.occupied.some((o) => o.sheet === plan.sheet && o.bounds !== plan.bounds && overlaps(o.bounds, room));
    if (clash) throw notEmpty(plan.name, plan.columns[0]?.header ?? '', address);
    const sheet = survey.sheets.get(plan.sheet.toLowerCase()) ?? context.workbook.worksheets.getItem(plan.sheet);
    return { plan, address, range: sheet.getRange(address).load('formulas') };
  });
  await context.sync();
  for (const { plan, address, range } of checks) {
    if (range.formulas.some((row: unknown[]) => row.some((v) => v !== '')))
      throw notEmpty(plan.name, plan.columns[0]?.header ?? '', address);
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

// ---------------------------------------------------------------------------------------------------------
// Round trip 4: the writes

function writeSteps(context: Excel.RequestContext, template: WorkbookData, plan: Plan, isSupported: RequirementCheck): WriteStep[] {
  const created = new Map<string, Excel.Worksheet>();
  const sheetFor = (name: string): Excel.Worksheet => created.get(name.toLowerCase()) ?? context.workbook.worksheets.getItem(name);
  const steps: WriteStep[] = [
    {
      bytes: plan.newSheets.length * COMMAND_BYTES,
      queue: () => plan.newSheets.forEach((name) => created.set(name.toLowerCase(), context.workbook.worksheets.add(name))),
    },
  ];
  for (const columns of plan.columns) steps.push(columnStep(context, columns, template, isSupported));
  for (const table of plan.tables) steps.push(tableStep(sheetFor, table, isSupported));
  steps.push(widthStep(sheetFor, plan));
  return steps;
}

function columnStep(context: Excel.RequestContext, plan: NewColumns, template: WorkbookData, isSupported: RequirementCheck): WriteStep {
  const data = template.tables.find((t) => t.name === plan.name);
  return {
    bytes: plan.columns.length * 4 * COMMAND_BYTES,
    queue: () => {
      const sheet = context.workbook.worksheets.getItem(plan.sheet);
      plan.columns.forEach(({ header, index }, i) => {
        plan.table.columns.add(undefined, undefined, header);
        const column = plan.bounds.right + 1 + i;
        const body = { top: plan.bounds.top + 1, bottom: plan.bounds.bottom, column };
        const format = data?.numberFormats?.[index];
        if (format !== undefined && body.bottom >= body.top)
          sheet.getRange(rangeAddress(body.top, column, body.bottom, column)).numberFormat = columnOf(format, body.bottom - body.top + 1);
        const list = data?.lists?.[index];
        if (list !== undefined && isSupported(EXCEL_API.dataValidation) && body.bottom >= body.top)
          addList(sheet.getRange(rangeAddress(body.top, column, body.bottom, column)), list);
      });
    },
  };
}

function columnOf<T>(value: T, rows: number): T[][] {
  return Array.from({ length: rows }, () => [value]);
}

/** A list validation: inline values, or another table's column through INDIRECT, which follows the table as it grows. */
function addList(range: Excel.Range, source: ListSource): void {
  const formula = listFormula(source);
  if (formula === undefined) return;
  range.dataValidation.rule = { list: { inCellDropDown: true, source: formula } };
  range.dataValidation.errorAlert = { showAlert: true, style: 'Warning', ...LIST_ALERT };
}

function listFormula(source: ListSource): string | undefined {
  if ('values' in source) {
    // Excel splits an inline list at commas, so a value with a comma cannot be offered this way.
    return source.values.some((v) => v.includes(',')) ? undefined : source.values.join(',');
  }
  return `=${tableColumnList(source.tableColumn)}`;
}

interface CellWrite {
  value: string | number | boolean | null;
  formula?: string;
  date?: boolean;
}

/** A template cell as `values` input; formulas are written apart, through `formulas`. */
function cellWrite(input: CellInput | undefined): CellWrite {
  if (input === undefined || input === null || input === '') return { value: null };
  if (typeof input === 'number') return { value: Number.isFinite(input) ? input : null };
  if (typeof input === 'string') return { value: textInput(input) };
  if (typeof input === 'boolean') return { value: input };
  if ('date' in input) return { value: isoToSerial(input.date), date: true };
  // An error value cannot be typed into a cell; a template has none.
  if ('error' in input) return { value: null };
  return { value: null, formula: `=${input.formula.replace(/^=/, '')}` };
}

/** A new table's cells, prepared before anything is queued. */
interface TableCells {
  header: string[];
  body: CellWrite[][];
  total?: CellWrite[];
  /** number formats of the body and total rows */
  formats: string[][];
}

function tableCells(data: TableData): TableCells {
  const row = (values: readonly CellInput[]) => data.header.map((_, i) => cellWrite(values[i]));
  // An Excel table cannot be without a body row; an empty one gets a blank row, as placeTables reserves.
  const body = (data.rows.length > 0 ? data.rows : [[]]).map(row);
  const total = data.totalRow === undefined ? undefined : row(data.totalRow);
  const formats = [...body, ...(total ? [total] : [])].map((cells) =>
    cells.map((cell, i) => data.numberFormats?.[i] ?? (cell.date ? DATE_FORMAT : 'General')),
  );
  const cells: TableCells = { header: data.header.map(textInput), body, formats };
  if (total) cells.total = total;
  return cells;
}

/**
 * One new table: caption, header and rows written first (so the table takes its header from the cells), the
 * table over them, its total row, then header style, number formats and list validations.
 */
function tableStep(sheetFor: (name: string) => Excel.Worksheet, table: NewTable, isSupported: RequirementCheck): WriteStep {
  const cells = tableCells(table.data);
  return {
    bytes: jsonBytes([cells.body, cells.formats, cells.header]) + 20 * COMMAND_BYTES,
    queue: () => {
      const sheet = sheetFor(table.data.sheet);
      writeCaption(sheet, table);
      const excelTable = writeTable(sheet, table, cells);
      formatTable(sheet, excelTable, table, cells.formats);
      if (isSupported(EXCEL_API.dataValidation)) addLists(sheet, table);
    },
  };
}

function writeCaption(sheet: Excel.Worksheet, { data, place }: NewTable): void {
  if (data.caption === undefined || place.captionRow === null) return;
  const caption = sheet.getRange(cellAddress(place.captionRow, place.firstColumn));
  caption.values = [[textInput(data.caption)]];
  caption.format.font.bold = true;
  caption.format.font.size = 12;
}

function writeTable(sheet: Excel.Worksheet, { data, place }: NewTable, cells: TableCells): Excel.Table {
  const { headerRow, firstColumn, lastColumn, lastBodyRow, totalRow } = place;
  sheet.getRange(rangeAddress(headerRow, firstColumn, headerRow, lastColumn)).values = [cells.header];
  sheet.getRange(rangeAddress(headerRow + 1, firstColumn, lastBodyRow, lastColumn)).values = cells.body.map((row) =>
    row.map((c) => c.value),
  );
  writeFormulas(sheet, cells.body, headerRow + 1, firstColumn);
  const excelTable = sheet.tables.add(rangeAddress(headerRow, firstColumn, lastBodyRow, lastColumn), true);
  excelTable.name = data.name;
  if (cells.total !== undefined && totalRow !== null) {
    excelTable.showTotals = true;
    // Excel fills a new total row with "Total" and a SUBTOTAL; the template's own cells replace them ('' clears).
    sheet.getRange(rangeAddress(totalRow, firstColumn, totalRow, lastColumn)).values = [cells.total.map((c) => c.value ?? '')];
    writeFormulas(sheet, [cells.total], totalRow, firstColumn);
  }
  return excelTable;
}

function formatTable(sheet: Excel.Worksheet, excelTable: Excel.Table, { place }: NewTable, formats: string[][]): void {
  const header = excelTable.getHeaderRowRange();
  header.format.font.bold = true;
  header.format.fill.color = colour(HEADER_FILL);
  sheet.getRange(rangeAddress(place.headerRow + 1, place.firstColumn, place.totalRow ?? place.lastBodyRow, place.lastColumn)).numberFormat =
    formats;
}

/** List validations on the body rows; Excel extends them to rows the table gains later. */
function addLists(sheet: Excel.Worksheet, { data, place }: NewTable): void {
  for (const { source, column, top, bottom } of tableLists(data, place))
    addList(sheet.getRange(rangeAddress(top, column, bottom, column)), source);
}

function writeFormulas(sheet: Excel.Worksheet, rows: CellWrite[][], top: number, left: number): void {
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.formula !== undefined) sheet.getRange(cellAddress(top + r, left + c)).formulas = [[cell.formula]];
    }),
  );
}

/** Column widths, on new sheets only: an existing sheet's columns are the user's. Stacked tables share columns; the widest wins. */
function widthStep(sheetFor: (name: string) => Excel.Worksheet, plan: Plan): WriteStep {
  const widths = new Map<string, Map<number, number>>();
  for (const { data, place } of plan.tables) {
    if (!plan.newSheets.includes(data.sheet)) continue;
    const sheetWidths = widths.get(data.sheet) ?? new Map<number, number>();
    widths.set(data.sheet, sheetWidths);
    data.widths?.forEach((w, i) => {
      if (w !== undefined) sheetWidths.set(place.firstColumn + i, Math.max(w, sheetWidths.get(place.firstColumn + i) ?? 0));
    });
  }
  const count = [...widths.values()].reduce((n, m) => n + m.size, 0);
  return {
    bytes: count * COMMAND_BYTES,
    queue: () => {
      for (const [sheet, columns] of widths) {
        for (const [column, characters] of columns) {
          const letters = columnLetters(column);
          sheetFor(sheet).getRange(`${letters}:${letters}`).format.columnWidth = characterWidthToPoints(characters);
        }
      }
    },
  };
}
