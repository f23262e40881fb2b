import {
  Workbook,
  type CellErrorValue,
  type CellFormulaValue,
  type CellValue,
  type DataValidation,
  type TableColumnProperties,
  type Worksheet,
} from 'exceljs';
import { DATE_FORMAT } from '../../core/contract/contract';
import {
  placeTables,
  type CellInput,
  type ListSource,
  type TableData,
  type TablePlacement,
  type WorkbookData,
} from '../../core/contract/tableData';
import { cellAddress, rangeAddress } from '../../core/util/brand';
import { LIST_ALERT, tableLists, writtenColumnList } from '../lists';

/**
 * Writes workbook content described as plain data (sample plans, templates) to .xlsx bytes, with each table a
 * real Excel table at the address placeTables gives it, so the core's addresses match the file's.
 * Browser-safe: no Node built-ins (see ./file for writing to disk).
 */
export async function writeWorkbookData(data: WorkbookData): Promise<Uint8Array> {
  checkData(data);
  const placements = placeTables(data);
  const workbook = new Workbook();
  workbook.creator = 'Handlingsplan';
  workbook.lastModifiedBy = 'Handlingsplan';
  const sheets = new Map(data.sheets.map((name) => [name, workbook.addWorksheet(name)]));
  for (const table of data.tables) {
    const sheet = sheets.get(table.sheet);
    const placement = placements.get(table.name);
    if (sheet === undefined || placement === undefined) throw new Error(`Table ${table.name}: sheet ${table.sheet} is not in the workbook`);
    writeTable(sheet, table, placement);
    addListValidations(sheet, table, placement, data, placements);
  }
  setColumnWidths(sheets, data.tables);
  return asBytes(await workbook.xlsx.writeBuffer());
}

/** exceljs declares its result as an ArrayBuffer-like "Buffer"; in Node it is a Node Buffer (a Uint8Array). */
function asBytes(written: unknown): Uint8Array {
  if (written instanceof Uint8Array) return new Uint8Array(written.buffer, written.byteOffset, written.byteLength);
  if (written instanceof ArrayBuffer) return new Uint8Array(written);
  throw new TypeError('exceljs returned no bytes');
}

/** Mistakes in the data that Excel would only report as a damaged file ("We found a problem with some content"). */
function checkData(data: WorkbookData): void {
  const names = new Set<string>();
  for (const table of data.tables) {
    // Excel compares table names and column headers without regard to case.
    const key = table.name.toLowerCase();
    if (names.has(key)) throw new Error(`Two tables are named ${table.name}`);
    names.add(key);
    const headers = new Set(table.header.map((h) => h.toLowerCase()));
    if (headers.size !== table.header.length || headers.has(''))
      throw new Error(`Table ${table.name}: column headers must be unique and non-empty`);
    const rows = table.totalRow ? [...table.rows, table.totalRow] : table.rows;
    if (rows.some((row) => row.length > table.header.length))
      throw new RangeError(`Table ${table.name}: a row has more cells than the table has columns`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// One table

const HEADER_FONT = { name: 'Calibri', size: 11, bold: true };
const CAPTION_FONT = { name: 'Calibri', size: 12, bold: true };

function writeTable(sheet: Worksheet, table: TableData, placement: TablePlacement): void {
  if (table.caption !== undefined && placement.captionRow !== null) {
    const caption = sheet.getCell(placement.captionRow, placement.firstColumn);
    caption.value = table.caption;
    caption.font = CAPTION_FONT;
  }
  // An Excel table cannot be without body rows; placeTables reserves one blank row for an empty table.
  const rows = table.rows.length > 0 ? table.rows : [[]];
  sheet.addTable({
    name: table.name,
    ref: cellAddress(placement.headerRow, placement.firstColumn),
    headerRow: true,
    totalsRow: table.totalRow !== undefined,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: table.header.map((name, index) => tableColumn(name, index, table.totalRow)),
    rows: rows.map((row) => table.header.map((_, index) => cellValue(row[index]))),
  });
  for (let index = 0; index < table.header.length; index++) {
    sheet.getCell(placement.headerRow, placement.firstColumn + index).font = HEADER_FONT;
  }
  if (table.totalRow !== undefined && placement.totalRow !== null) writeTotalRow(sheet, table, placement.totalRow, placement.firstColumn);
  applyNumberFormats(sheet, table, placement);
}

/**
 * The table part describes each total-row cell as a label or a function. A label is written for text; for
 * anything else the column says "none" and the cell itself holds the value (see writeTotalRow).
 */
function tableColumn(name: string, index: number, totalRow: CellInput[] | undefined): TableColumnProperties {
  const column: TableColumnProperties = { name, filterButton: true };
  if (totalRow === undefined) return column;
  const total = totalRow[index];
  if (typeof total === 'string') column.totalsRowLabel = total;
  // exceljs labels the first column "Total" unless told otherwise.
  else if (index === 0) column.totalsRowLabel = '';
  else column.totalsRowFunction = 'none';
  return column;
}

/**
 * exceljs fills the total row from the column definitions only (labels, or its own SUBTOTAL formulas without
 * a cached result, which a reader that does not calculate sees as empty). The declared values are written
 * over them: constants as constants, formulas with their result.
 */
function writeTotalRow(sheet: Worksheet, table: TableData, row: number, firstColumn: number): void {
  for (let index = 0; index < table.header.length; index++) {
    sheet.getCell(row, firstColumn + index).value = cellValue(table.totalRow?.[index]);
  }
}

function applyNumberFormats(sheet: Worksheet, table: TableData, placement: TablePlacement): void {
  const lastRow = placement.totalRow ?? placement.lastBodyRow;
  for (let index = 0; index < table.header.length; index++) {
    const format = table.numberFormats?.[index];
    for (let row = placement.headerRow + 1; row <= lastRow; row++) {
      const cell = sheet.getCell(row, placement.firstColumn + index);
      // A date in a column without a format gets the contract's date format; without one Excel would show
      // (and readers read) the serial number.
      const cellFormat = format ?? (cell.value instanceof Date ? DATE_FORMAT : undefined);
      if (cellFormat !== undefined) cell.numFmt = cellFormat;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Cell values

function cellValue(input: CellInput | undefined): CellValue {
  // An empty string is written as an empty cell: Excel has no way to type one, and it reads as blank.
  if (input === undefined || input === null || input === '') return null;
  if (typeof input === 'number') return finiteNumber(input);
  // Strings stay strings even when they start with "=", "+", "-" or "@": exceljs never parses them.
  if (typeof input === 'string' || typeof input === 'boolean') return input;
  if ('date' in input) return isoDate(input.date);
  if ('error' in input) return errorValue(input.error);
  return formulaValue(input);
}

const ERROR_CODES: readonly CellErrorValue['error'][] = ['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!'];

function errorValue(code: string): CellErrorValue {
  const known = ERROR_CODES.find((c) => c === code);
  if (known === undefined) throw new RangeError(`Not an Excel error value: ${code}`);
  return { error: known };
}

function finiteNumber(value: number): number {
  // exceljs would write "NaN" into the sheet, which Excel reports as a damaged file.
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  return value;
}

function formulaValue(input: { formula: string; result?: number | string }): CellFormulaValue {
  // The file format stores formulas without the leading "=".
  const value: CellFormulaValue = { formula: input.formula.replace(/^=/, '') };
  // Stored as the cached result, so readers that do not calculate (ours included) see the value.
  if (input.result !== undefined) value.result = typeof input.result === 'number' ? finiteNumber(input.result) : input.result;
  return value;
}

/** ISO date as a Date at UTC midnight, which exceljs stores as a whole Excel serial day. */
function isoDate(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${text}`);
  }
  return date;
}

// ---------------------------------------------------------------------------------------------------------
// Column widths and list validations

/** Two tables stacked on one sheet share its columns; each column gets the widest width asked for. */
function setColumnWidths(sheets: Map<string, Worksheet>, tables: TableData[]): void {
  const widths = new Map<Worksheet, Map<number, number>>();
  for (const table of tables) {
    const sheet = sheets.get(table.sheet);
    if (sheet === undefined) continue;
    const sheetWidths = widths.get(sheet) ?? new Map<number, number>();
    widths.set(sheet, sheetWidths);
    table.widths?.forEach((width, index) => {
      if (width !== undefined) sheetWidths.set(index + 1, Math.max(width, sheetWidths.get(index + 1) ?? 0));
    });
  }
  for (const [sheet, sheetWidths] of widths) {
    for (const [column, width] of sheetWidths) sheet.getColumn(column).width = width;
  }
}

function addListValidations(
  sheet: Worksheet,
  table: TableData,
  placement: TablePlacement,
  data: WorkbookData,
  placements: Map<string, TablePlacement>,
): void {
  for (const { source, column, top, bottom } of tableLists(table, placement)) {
    validationsOf(sheet).add(rangeAddress(top, column, bottom, column), listValidation(source, data, placements));
  }
}

/**
 * exceljs's per-sheet validation store, present on every worksheet at run time but not in its type
 * declarations. It is given whole ranges: set cell by cell, exceljs re-merges the cells in text order
 * (B10 < B9) and writes overlapping ranges such as B9:B11 and B10:B11.
 */
interface ValidationStore {
  add(address: string, validation: DataValidation): void;
}

function validationsOf(sheet: Worksheet): ValidationStore {
  const store: unknown = 'dataValidations' in sheet ? sheet.dataValidations : undefined;
  if (!isValidationStore(store)) throw new Error('exceljs worksheet without a dataValidations store');
  return store;
}

function isValidationStore(value: unknown): value is ValidationStore {
  return typeof value === 'object' && value !== null && 'add' in value && typeof value.add === 'function';
}

function listValidation(source: ListSource, data: WorkbookData, placements: Map<string, TablePlacement>): DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: ['values' in source ? inlineList(source.values) : writtenColumnList(source.tableColumn, data, placements)],
    showErrorMessage: true,
    // A warning, not a stop: a value may be typed before its code is added to the source table.
    errorStyle: 'warning',
    errorTitle: LIST_ALERT.title,
    error: LIST_ALERT.message,
  };
}

/** Excel limit on an inline list ("a,b,c"), in characters. */
const MAX_INLINE_LIST = 255;

function inlineList(values: string[]): string {
  if (values.some((v) => v.includes(',')))
    throw new RangeError(`A list value contains a comma, which Excel reads as a separator: ${values.join(' | ')}`);
  const joined = values.join(',');
  if (joined.length > MAX_INLINE_LIST)
    throw new RangeError(`An inline list may hold at most ${MAX_INLINE_LIST} characters: ${joined.slice(0, 40)}…`);
  return `"${joined.replace(/"/g, '""')}"`;
}
