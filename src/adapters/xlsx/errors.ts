import { WorkbookFileError } from '../port';

/**
 * The user-facing failures of the .xlsx adapter, each with a one-line message in bokmål and English.
 * Kept in one place so the wording stays consistent and every message is checked for being one line.
 */

/** Technical details (exception texts) may hold newlines or be long; the shells print one line. */
function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Sizes as the user thinks of them; bytes are only shown for tiny limits (tests). */
function formatSize(bytes: number): string {
  const mib = 1024 * 1024;
  if (bytes >= mib) return `${Math.round(bytes / mib)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function notFound(path: string): WorkbookFileError {
  return new WorkbookFileError('not-found', oneLine(`Finner ikke fila: ${path}`), oneLine(`File not found: ${path}`));
}

export function isFolder(path: string): WorkbookFileError {
  return new WorkbookFileError(
    'not-xlsx',
    oneLine(`${path} er en mappe, ikke en Excel-arbeidsbok (.xlsx).`),
    oneLine(`${path} is a folder, not an Excel workbook (.xlsx).`),
  );
}

export function notXlsx(): WorkbookFileError {
  return new WorkbookFileError('not-xlsx', 'Fila er ikke en Excel-arbeidsbok (.xlsx).', 'The file is not an Excel workbook (.xlsx).');
}

export function encrypted(): WorkbookFileError {
  return new WorkbookFileError(
    'encrypted',
    'Arbeidsboka er passordbeskyttet. Fjern passordet i Excel og prøv igjen.',
    'The workbook is password-protected. Remove the password in Excel and try again.',
  );
}

export function legacyFormat(): WorkbookFileError {
  return new WorkbookFileError(
    'legacy-format',
    'Fila er i det gamle Excel-formatet (.xls). Lagre den som .xlsx i Excel og prøv igjen.',
    'The file is in the old Excel format (.xls). Save it as .xlsx in Excel and try again.',
  );
}

/** Spreadsheet formats other programs write, named as their users know them. */
export type OtherFormat = 'ods' | 'fods' | 'numbers' | 'xml2003';

const OTHER_FORMATS: Record<OtherFormat, { nb: string; en: string }> = {
  ods: {
    nb: 'OpenDocument-regneark (.ods, fra LibreOffice eller OpenOffice)',
    en: 'an OpenDocument spreadsheet (.ods, from LibreOffice or OpenOffice)',
  },
  fods: { nb: 'flatt OpenDocument-regneark (.fods)', en: 'a flat OpenDocument spreadsheet (.fods)' },
  numbers: { nb: 'Apple Numbers-dokument (.numbers)', en: 'an Apple Numbers document (.numbers)' },
  xml2003: { nb: 'XML-regneark fra Excel 2003 (.xml)', en: 'an Excel 2003 XML spreadsheet (.xml)' },
};

/** Another program's spreadsheet: the same one-line hint as an old .xls — save it as .xlsx and try again. */
export function otherFormat(format: OtherFormat): WorkbookFileError {
  const name = OTHER_FORMATS[format];
  return new WorkbookFileError(
    'legacy-format',
    `Fila er et ${name.nb}, ikke en Excel-arbeidsbok. Lagre den som .xlsx og prøv igjen.`,
    `The file is ${name.en}, not an Excel workbook. Save it as .xlsx and try again.`,
  );
}

export function corrupt(detail: string): WorkbookFileError {
  const why = oneLine(detail);
  return new WorkbookFileError(
    'corrupt',
    `Arbeidsboka er skadet og kan ikke leses (${why}).`,
    `The workbook is damaged and cannot be read (${why}).`,
  );
}

export function tooLarge(limitBytes: number): WorkbookFileError {
  const limit = formatSize(limitBytes);
  return new WorkbookFileError(
    'too-large',
    `Arbeidsboka er for stor: over ${limit} utpakket.`,
    `The workbook is too large: over ${limit} uncompressed.`,
  );
}

/** Any thrown value as a short text, for the `corrupt` detail. */
export function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'unknown error';
}

export function tableTooLarge(table: string): WorkbookFileError {
  return new WorkbookFileError(
    'too-large',
    oneLine(`Tabellen ${table} er for stor til å leses.`),
    oneLine(`The table ${table} is too large to read.`),
  );
}

/**
 * The output path cannot take the result: it is the input itself, or its extension would make Excel refuse
 * the file. Not a WorkbookFileError (the workbook is fine); it carries both languages the same way, so a
 * shell prints it as one line.
 */
export class OutputFileError extends Error {
  constructor(
    readonly code: 'same-file' | 'wrong-extension',
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'OutputFileError';
  }
}

export function sameFile(path: string): OutputFileError {
  return new OutputFileError(
    'same-file',
    oneLine(`Resultatet kan ikke skrives over arbeidsboka det lages fra: ${path}. Velg et annet filnavn.`),
    oneLine(`The result cannot be written over the workbook it is made from: ${path}. Choose another file name.`),
  );
}

export function plainExtension(path: string): OutputFileError {
  return new OutputFileError(
    'wrong-extension',
    oneLine(`Arbeidsboka har ingen makroer, så resultatet må lagres som .xlsx, ikke ${path}.`),
    oneLine(`The workbook has no macros, so the result must be saved as .xlsx, not ${path}.`),
  );
}

export function macroExtension(path: string): OutputFileError {
  return new OutputFileError(
    'wrong-extension',
    oneLine(`Arbeidsboka har makroer, så resultatet må lagres som .xlsm, ikke ${path}.`),
    oneLine(`The workbook contains macros, so the result must be saved as .xlsm, not ${path}.`),
  );
}
