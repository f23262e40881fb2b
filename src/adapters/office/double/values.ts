import { invalidArgument } from './errors';
import { isoToSerial, type Bounds, type CellState, type SheetState, heightOf, widthOf } from './state';

/**
 * What Excel makes of a value written through `range.values` / `range.formulas` (en-US parsing, as Excel on
 * the web does for API input), and what a range read returns. This is the part that decides whether a text
 * stays text, so it follows Excel closely:
 *  - a string in a cell formatted `@` (Text) is stored as typed;
 *  - a leading apostrophe forces text and is not part of the value;
 *  - `=…` is a formula; `+…`, `-…` and `@…` that are not plain numbers become formulas too;
 *  - plain numbers (`123`, `-5`, `1,200`, `1.5e3`), `TRUE`/`FALSE`, ISO and US dates are converted;
 *  - anything else (`19-8-2025`, `1 200 000`) stays text.
 */

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export type Input = number | string | boolean | null | undefined;

/** Writes one input into a cell; `null`/`undefined` leave the cell as it is (Office.js semantics). */
export function writeInput(cell: CellState, input: unknown, location: string): void {
  if (input === null || input === undefined) return;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalidArgument(`not a finite number: ${input}`, location);
    setConstant(cell, 'Double', input);
    return;
  }
  if (typeof input === 'boolean') {
    setConstant(cell, 'Boolean', input);
    return;
  }
  if (typeof input !== 'string') throw invalidArgument(`unsupported cell value ${JSON.stringify(input)}`, location);
  writeString(cell, input);
}

function setConstant(cell: CellState, type: CellState['type'], value: CellState['value']): void {
  cell.type = type;
  cell.value = value;
  delete cell.formula;
  delete cell.quotePrefix;
}

function writeString(cell: CellState, text: string): void {
  if (text === '') return setConstant(cell, 'Empty', null);
  if (cell.numberFormat === '@') return setConstant(cell, 'String', text);
  if (text.startsWith("'")) {
    setConstant(cell, 'String', text.slice(1));
    cell.quotePrefix = true;
    return;
  }
  const number = parseNumber(text);
  if (number !== undefined) return setConstant(cell, 'Double', number);
  if (text.startsWith('=') && text.length > 1) return setFormula(cell, text);
  if (/^[+\-@]/.test(text) && text.length > 1) return setFormula(cell, `=${text}`);
  if (/^(true|false)$/i.test(text)) return setConstant(cell, 'Boolean', text.toLowerCase() === 'true');
  const date = parseDate(text);
  if (date !== undefined) {
    setConstant(cell, 'Double', date.serial);
    if (cell.numberFormat === undefined) cell.numberFormat = date.format;
    return;
  }
  if (PERCENT.test(text)) {
    setConstant(cell, 'Double', Number(text.slice(0, -1)) / 100);
    if (cell.numberFormat === undefined) cell.numberFormat = '0%';
    return;
  }
  setConstant(cell, 'String', text);
}

/** A formula the double does not calculate: it reads as empty until a test seeds its result. */
function setFormula(cell: CellState, formula: string): void {
  cell.type = 'Empty';
  cell.value = null;
  cell.formula = formula;
  delete cell.quotePrefix;
}

function parseNumber(text: string): number | undefined {
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (GROUPED_NUMBER.test(text)) return Number(text.replace(/,/g, ''));
  return undefined;
}

function parseDate(text: string): { serial: number; format: string } | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), 'yyyy-mm-dd');
  const us = US_DATE.exec(text);
  if (us) return validDate(Number(us[3]), Number(us[1]), Number(us[2]), 'm/d/yyyy');
  return undefined;
}

function validDate(year: number, month: number, day: number, format: string): { serial: number; format: string } | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { serial: isoToSerial(date.toISOString().slice(0, 10)), format };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** Excel refuses to read more cells than this in one request. */
export const MAX_READ_CELLS = 5_000_000;

export function valueOf(cell: CellState | undefined): number | string | boolean {
  if (cell === undefined || cell.value === null) return '';
  return cell.value;
}

export function formulaOf(cell: CellState | undefined): number | string | boolean {
  return cell?.formula ?? valueOf(cell);
}

export function numberFormatOf(cell: CellState | undefined): string {
  return cell?.numberFormat ?? 'General';
}

export function valueTypeOf(cell: CellState | undefined): string {
  return cell?.type ?? 'Empty';
}

/** A 2-D read of one cell property over a range. */
export function readGrid<V>(sheet: SheetState, bounds: Bounds, read: (cell: CellState | undefined) => V, location: string): V[][] {
  if (heightOf(bounds) * widthOf(bounds) > MAX_READ_CELLS) throw invalidArgument(`more than ${MAX_READ_CELLS} cells in one read`, location);
  const rows: V[][] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    const row: V[] = [];
    for (let c = bounds.left; c <= bounds.right; c++) row.push(read(sheet.cell(r, c)));
    rows.push(row);
  }
  return rows;
}

/**
 * Calls `write` for each cell of `bounds` with its input: a 2-D array must match the range exactly; a single
 * value is written to every cell (both as Office.js allows).
 */
export function forEachInput(
  bounds: Bounds,
  input: unknown,
  location: string,
  write: (row: number, column: number, value: unknown) => void,
): void {
  const height = heightOf(bounds);
  const width = widthOf(bounds);
  if (!Array.isArray(input)) {
    for (let r = bounds.top; r <= bounds.bottom; r++) for (let c = bounds.left; c <= bounds.right; c++) write(r, c, input);
    return;
  }
  const rows: unknown[] = input;
  if (rows.length !== height || !rows.every((row) => Array.isArray(row) && row.length === width)) {
    throw invalidArgument(`the array is not ${height}×${width} like the range`, location);
  }
  rows.forEach((row, i) => (row as unknown[]).forEach((value, j) => write(bounds.top + i, bounds.left + j, value)));
}
