import { WorkbookOperationError } from '../port';
import { EXCEL_API, type ExcelRun, type RequirementCheck } from './run';

/**
 * Every rejection from Excel becomes a WorkbookOperationError with one line in bokmål and one in English, so
 * the task pane never shows a raw RichApi.Error. Excel's error codes say *what* failed but not *where*: an
 * AccessDenied may be a protected sheet, a protected workbook or a read-only file, so that one code is
 * diagnosed with a follow-up read of the sheets the operation wrote to.
 */

const UNSUPPORTED_CODES = new Set([
  'ApiNotFound',
  'ApiNotAvailable',
  'NotImplemented',
  'UnsupportedFeature',
  'UnsupportedOperation',
  'UnsupportedSheet',
]);
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit']);
const PERMISSION_CODES = new Set(['Unauthenticated', 'PermissionDenied']);

export function protectedSheet(sheet: string): WorkbookOperationError {
  return new WorkbookOperationError(
    'protected',
    `Arket «${sheet}» er beskyttet. Opphev beskyttelsen og prøv igjen.`,
    `Sheet "${sheet}" is protected. Unprotect it and try again.`,
  );
}

export function protectedWorkbook(): WorkbookOperationError {
  return new WorkbookOperationError(
    'protected',
    'Arbeidsbokas struktur er beskyttet, så ark kan ikke legges til eller slettes. Opphev beskyttelsen og prøv igjen.',
    'The workbook structure is protected, so sheets cannot be added or deleted. Unprotect it and try again.',
  );
}

/**
 * MergedRangeConflict: Microsoft documents it as "a table can't overlap with another table, a PivotTable
 * report, query results, merged cells, or an XML Map" — not merged cells alone, so the message names them all.
 */
export function mergedConflict(): WorkbookOperationError {
  return new WorkbookOperationError(
    'merged-conflict',
    'Noe står i veien der Handlingsplan skal skrive: sammenslåtte celler, en pivottabell, resultater fra en spørring eller en annen tabell. Flytt det, eller opphev sammenslåingen, og prøv igjen.',
    'Something is in the way where Handlingsplan must write: merged cells, a PivotTable, query results or another table. Move it, or unmerge the cells, and try again.',
  );
}

/**
 * A new table over an existing one: Excel says InvalidArgument from TableCollection.add (office-js #1199;
 * its message is localised, so the failing member in debugInfo tells it from other invalid arguments).
 */
export function tableOverlap(): WorkbookOperationError {
  return new WorkbookOperationError(
    'table-overlap',
    'En annen tabell står der den nye tabellen skal ligge. Flytt den og prøv igjen.',
    'Another table is where the new table must go. Move it and try again.',
  );
}

/** The member that failed, from a RichApi error's debugInfo (`TableCollection.add`), when there is one. */
export function errorLocation(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('debugInfo' in error)) return '';
  const info: unknown = error.debugInfo;
  if (typeof info !== 'object' || info === null || !('errorLocation' in info)) return '';
  return typeof info.errorLocation === 'string' ? info.errorLocation : '';
}

export function noPermission(): WorkbookOperationError {
  return new WorkbookOperationError(
    'permission',
    'Du har ikke tillatelse til å endre denne arbeidsboka (den kan være åpnet skrivebeskyttet).',
    'You do not have permission to change this workbook (it may be open read-only).',
  );
}

export function unsupported(): WorkbookOperationError {
  return new WorkbookOperationError(
    'unsupported',
    'Denne versjonen av Excel støtter ikke det tillegget trenger her. Oppdater Excel eller bruk Excel på nettet.',
    'This version of Excel does not support what the add-in needs here. Update Excel or use Excel on the web.',
  );
}

export function busy(): WorkbookOperationError {
  return new WorkbookOperationError(
    'busy',
    'Excel er opptatt med redigering av en celle. Trykk Enter eller Esc og prøv igjen.',
    'Excel is busy editing a cell. Press Enter or Esc and try again.',
  );
}

export function notFound(sheet: string | undefined): WorkbookOperationError {
  return sheet === undefined
    ? new WorkbookOperationError(
        'not-found',
        'Fant ikke det som skulle endres i arbeidsboka. Les arbeidsboka på nytt og prøv igjen.',
        'What was to be changed is no longer in the workbook. Read the workbook again and try again.',
      )
    : new WorkbookOperationError(
        'not-found',
        `Fant ikke arket «${sheet}». Les arbeidsboka på nytt og prøv igjen.`,
        `Sheet "${sheet}" was not found. Read the workbook again and try again.`,
      );
}

export function tooLarge(): WorkbookOperationError {
  return new WorkbookOperationError(
    'failed',
    'Det er for mye data til å sende til eller fra Excel på én gang.',
    'There is too much data to send to or from Excel at once.',
  );
}

export function failed(message: string): WorkbookOperationError {
  const line = oneLine(message) || 'ukjent feil';
  return new WorkbookOperationError(
    'failed',
    `Excel kunne ikke fullføre handlingen: ${line}`,
    `Excel could not complete the operation: ${line}`,
  );
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** The `code` of a RichApi.Error (or anything shaped like one). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}

export interface ErrorScope {
  /** sheets the operation read or wrote, by name, that existed when it started */
  sheets: readonly string[];
}

/** Maps a rejection to the port's error. Needs `run` only to diagnose AccessDenied. */
export async function toOperationError(
  error: unknown,
  scope: ErrorScope,
  run: ExcelRun,
  isSupported: RequirementCheck,
): Promise<WorkbookOperationError> {
  if (error instanceof WorkbookOperationError) return error;
  const code = errorCode(error);
  if (code === 'AccessDenied') return diagnoseAccessDenied(scope, run, isSupported);
  if (code === 'MergedRangeConflict') return mergedConflict();
  if (code === 'InvalidArgument' && /^Table(Collection)?\.add$/.test(errorLocation(error))) return tableOverlap();
  if (code === 'InvalidOperationInCellEditMode') return busy();
  if (code === 'ItemNotFound') return notFound(scope.sheets.length === 1 ? scope.sheets[0] : undefined);
  if (code !== undefined && UNSUPPORTED_CODES.has(code)) return unsupported();
  if (code !== undefined && PERMISSION_CODES.has(code)) return noPermission();
  if (code !== undefined && PAYLOAD_CODES.has(code)) return tooLarge();
  // A ReferenceError such as "Excel is not defined" means there is no Excel API to talk to.
  if (error instanceof ReferenceError) return unsupported();
  return failed(errorMessage(error));
}

/**
 * Which protection refused the write: a protected sheet among those the operation touched, else the
 * workbook's structure (ExcelApi 1.7), else no permission at all. Two more round trips, on this error path only:
 * the sheets that exist, then their protection.
 */
async function diagnoseAccessDenied(scope: ErrorScope, run: ExcelRun, isSupported: RequirementCheck): Promise<WorkbookOperationError> {
  try {
    return await run(async (context) => {
      const all = context.workbook.worksheets.load('items/name');
      await context.sync();
      const wanted = new Set(scope.sheets.map((s) => s.toLowerCase()));
      const sheets = all.items
        .filter((s) => wanted.has(s.name.toLowerCase()))
        .map((s) => ({ name: s.name, protection: s.protection.load('protected') }));
      const workbook = isSupported(EXCEL_API.workbookProtection) ? context.workbook.protection.load('protected') : undefined;
      await context.sync();
      const locked = sheets.find((s) => s.protection.protected);
      if (locked !== undefined) return protectedSheet(locked.name);
      return workbook?.protected === true ? protectedWorkbook() : noPermission();
    });
  } catch {
    // The diagnosis itself was refused: nothing more specific can be said.
    return noPermission();
  }
}
