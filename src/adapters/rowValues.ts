import { TABLES } from '../core/contract/contract';
import { normalizeHeader, normalizeKey } from '../core/text/keys';
import { WorkbookOperationError, type RowValue } from './port';

/**
 * What both adapters share for appendRow: the row's values checked and matched to the table's columns, the
 * rule for which row is free to write into, and the messages the user sees. Pure, so the .xlsx adapter can
 * use it in the browser without pulling in anything of Office.js.
 */

/** One cell of a new row, checked: text stays text, numbers are finite, dates are Excel serials. */
export type AppendCell = { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'date'; serial: number; iso: string };

/** Excel's limit on the characters in one cell. */
const MAX_CELL_TEXT = 32_767;
const MS_PER_DAY = 86_400_000;
/** Serial 0 in Excel's 1900 date system, as the readers (exceljs, src/adapters/office/cells.ts) count it. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * The cells to write, by the column's index in `header`. Keys are matched to headers as the core matches
 * them (normalizeHeader); a key that matches no column is an error rather than silently dropped, since the
 * user typed a value that would otherwise be lost. Null and '' leave the cell as it is.
 */
export function appendCells(table: string, header: readonly string[], values: Readonly<Record<string, RowValue>>): Map<number, AppendCell> {
  const columns = columnIndex(header);
  const cells = new Map<number, AppendCell>();
  const keyOf = new Map<number, string>();
  for (const [key, value] of Object.entries(values)) {
    const normalized = normalizeHeader(key);
    const index = normalized === '' ? undefined : columns.get(normalized);
    if (index === undefined) throw columnNotFound(table, key);
    const earlier = keyOf.get(index);
    if (earlier !== undefined) throw sameColumn(table, earlier, key);
    keyOf.set(index, key);
    const cell = checkedCell(key, value);
    if (cell !== undefined) cells.set(index, cell);
  }
  if (cells.size === 0) throw emptyRow(table);
  return cells;
}

/** Normalized header → the first column with it (as the core binds a header to its first match). */
function columnIndex(header: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((text, index) => {
    const key = normalizeHeader(text);
    if (key !== '' && !columns.has(key)) columns.set(key, index);
  });
  return columns;
}

function checkedCell(column: string, value: unknown): AppendCell | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') {
    if (value.length > MAX_CELL_TEXT) throw textTooLong(column);
    return { kind: 'text', text: value };
  }
  if (typeof value === 'number') {
    // NaN or Infinity cannot be stored: Excel rejects it, and in a file it makes Excel report damage.
    if (!Number.isFinite(value)) throw notANumber(column, value);
    return { kind: 'number', value };
  }
  if (typeof value === 'object' && 'date' in value && typeof value.date === 'string') {
    const serial = dateSerial(value.date);
    if (serial === undefined) throw notADate(column, value.date);
    return { kind: 'date', serial, iso: value.date };
  }
  // The type rules these out, but values come from a form at run time.
  throw unsupportedValue(column);
}

/** The Excel serial of an ISO date, or undefined for anything that is not a real day from 1900 on. */
export function dateSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2025-02-30 over into March; a real date comes back as itself.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso || Number(m[1]) < 1900) return undefined;
  return (ms - EXCEL_EPOCH) / MS_PER_DAY;
}

// ---------------------------------------------------------------------------------------------------------
// Which row is free

/** What a cell holds, as far as deciding where a row may go is concerned. */
export type CellUse = 'empty' | 'formula' | 'value';

/** Nothing in the row at all: the row below a table must be like this before anything is written there. */
export function rowIsEmpty(uses: readonly CellUse[]): boolean {
  return uses.every((use) => use === 'empty');
}

/**
 * The table's last body row can take the new row when nobody typed anything into it: no constant values,
 * and no formula in a column that would be written. A formula elsewhere is a calculated column, which Excel
 * keeps in the blank row of an empty table; it stays as it is.
 */
export function rowIsFree(uses: readonly CellUse[], written: ReadonlySet<number>): boolean {
  return uses.every((use, index) => use === 'empty' || (use === 'formula' && !written.has(index)));
}

// ---------------------------------------------------------------------------------------------------------
// Addresses and messages

/** `Sheet!A1`, the sheet quoted as Excel shows it when it is not a plain word. */
export function sheetAddress(sheet: string, address: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/** Names from the caller or the workbook, kept to one short line in a message. */
function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

export function tableNotFound(table: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'not-found',
    `Fant ikke tabellen «${shown(table)}» i arbeidsboka. Les arbeidsboka på nytt og prøv igjen.`,
    `Table "${shown(table)}" was not found in the workbook. Read the workbook again and try again.`,
  );
}

export function columnNotFound(table: string, column: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'not-found',
    `Tabellen «${shown(table)}» har ingen kolonne «${shown(column)}».`,
    `Table "${shown(table)}" has no column "${shown(column)}".`,
  );
}

function sameColumn(table: string, first: string, second: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'failed',
    `«${shown(first)}» og «${shown(second)}» er samme kolonne i tabellen «${shown(table)}». Oppgi den bare én gang.`,
    `"${shown(first)}" and "${shown(second)}" are the same column of table "${shown(table)}". Give it only once.`,
  );
}

function emptyRow(table: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'failed',
    `Raden til tabellen «${shown(table)}» har ingen verdier.`,
    `The row for table "${shown(table)}" has no values.`,
  );
}

function notANumber(column: string, value: number): WorkbookOperationError {
  return new WorkbookOperationError(
    'failed',
    `Verdien for «${shown(column)}» er ikke et tall Excel kan lagre (${value}).`,
    `The value for "${shown(column)}" is not a number Excel can store (${value}).`,
  );
}

function notADate(column: string, text: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'failed',
    `Verdien for «${shown(column)}» er ikke en gyldig dato (ÅÅÅÅ-MM-DD): ${shown(text)}`,
    `The value for "${shown(column)}" is not a valid date (YYYY-MM-DD): ${shown(text)}`,
  );
}

function textTooLong(column: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'failed',
    `Teksten for «${shown(column)}» er lengre enn de 32 767 tegnene en celle kan holde.`,
    `The text for "${shown(column)}" is longer than the 32,767 characters a cell can hold.`,
  );
}

function unsupportedValue(column: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'failed',
    `Verdien for «${shown(column)}» er verken tekst, tall eller dato.`,
    `The value for "${shown(column)}" is neither text, a number nor a date.`,
  );
}

/** The row below a table is still taken where a row was to be written (room is made first, so this is a guard). */
export function rowBelowTaken(table: string, sheet: string, cell: string): WorkbookOperationError {
  const where = sheetAddress(sheet, cell);
  return new WorkbookOperationError(
    'failed',
    `Kan ikke legge en rad til tabellen «${shown(table)}»: cellen ${where} rett under tabellen er ikke tom. Flytt innholdet, eller legg til raden i Excel.`,
    `Cannot add a row to table "${shown(table)}": cell ${where} right below the table is not empty. Move what is there, or add the row in Excel.`,
  );
}

export function totalRowInTheWay(table: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'failed',
    `Tabellen «${shown(table)}» har en totalrad, så en rad kan ikke legges til her. Legg til raden i Excel, eller slå av totalraden.`,
    `Table "${shown(table)}" has a total row, so a row cannot be added here. Add the row in Excel, or turn the total row off.`,
  );
}

export function sheetProtected(sheet: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'protected',
    `Arket «${shown(sheet)}» er beskyttet. Opphev beskyttelsen og prøv igjen.`,
    `Sheet "${shown(sheet)}" is protected. Unprotect it and try again.`,
  );
}

/** Excel wrote the row below the table but did not take it in (its automatic table expansion is off). */
export function tableNotExtended(table: string, sheet: string, range: string): WorkbookOperationError {
  const where = sheetAddress(sheet, range);
  return new WorkbookOperationError(
    'failed',
    `Raden ble skrevet i ${where} rett under tabellen «${shown(table)}», men Excel utvidet ikke tabellen (automatisk utvidelse er slått av). Utvid tabellen med Tabellutforming > Endre størrelse på tabell.`,
    `The row was written to ${where} right below table "${shown(table)}", but Excel did not extend the table (automatic expansion is off). Extend it with Table Design > Resize Table.`,
  );
}

/** Why a table cannot take a new column at its right: the first cell there that is not free. */
export interface ColumnBlock {
  /** the cell, as `Sheet!E7` */
  where: string;
  kind: 'value' | 'merged' | 'table';
  /** the other table's name, for `table` */
  other?: string;
}

/**
 * A new column refused (both adapters, all tables or none). In a file the user is pointed to Excel, whose
 * *Opprett / oppdater arbeidsbok* adds the contract's columns; in Excel only to what stands in the way.
 */
export function columnNotAdded(
  table: string,
  header: string,
  why: { nb: string; en: string },
  shell: 'file' | 'excel',
): WorkbookOperationError {
  const hint =
    shell === 'file'
      ? {
          nb: 'Flytt det som står der, eller legg til kolonnen i Excel («Opprett / oppdater arbeidsbok»).',
          en: 'Move what is there, or add the column in Excel ("Opprett / oppdater arbeidsbok").',
        }
      : { nb: 'Flytt det som står der, og prøv igjen. Ingenting er endret.', en: 'Move what is there and try again. Nothing was changed.' };
  return new WorkbookOperationError(
    'failed',
    `Kan ikke legge kolonnen «${shown(header)}» til tabellen «${shown(table)}»: ${why.nb}. ${hint.nb}`,
    `Cannot add the "${shown(header)}" column to table "${shown(table)}": ${why.en}. ${hint.en}`,
  );
}

/** The column refused because of the cell to the table's right that is not free. */
export function columnBlocked(table: string, header: string, block: ColumnBlock, shell: 'file' | 'excel'): WorkbookOperationError {
  const why = {
    value: { nb: 'er ikke tom', en: 'is not empty' },
    merged: { nb: 'er slått sammen med andre celler', en: 'is merged with other cells' },
    table: { nb: `hører til tabellen «${shown(block.other ?? '')}»`, en: `belongs to table "${shown(block.other ?? '')}"` },
  }[block.kind];
  return columnNotAdded(
    table,
    header,
    { nb: `cellen ${block.where} til høyre for tabellen ${why.nb}`, en: `cell ${block.where} to the right of the table ${why.en}` },
    shell,
  );
}

/** The width (characters) the contract gives the column of that header in that table, if it is one of its own. */
export function contractWidth(table: string, header: string): number | undefined {
  const spec = Object.values(TABLES).find((t) => t.name.toLowerCase() === table.toLowerCase());
  return spec?.columns.find((c) => normalizeKey(c.header) === normalizeKey(header))?.width;
}
