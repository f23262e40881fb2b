import { TABLES, type ColumnKey, type ColumnSpec } from '../contract/contract';

/**
 * What the two register forms hold while the user types: every column of the table as the text typed, empty at
 * the start. The fields are the contract's columns (src/core/contract/contract.ts), so a column added there is a
 * field here. Kept apart from the checks (./register, with zod and the parser) so the form itself stays small.
 */

export type ProjectFormInput = Record<ColumnKey<'projects'>, string>;
export type ReportFormInput = Record<ColumnKey<'reports'>, string>;

/** One empty text per column. */
export function emptyForm<const K extends string>(columns: readonly (ColumnSpec & { key: K })[]): Readonly<Record<K, string>> {
  return Object.fromEntries(columns.map((c) => [c.key, ''])) as Record<K, string>;
}

export const EMPTY_PROJECT: Readonly<ProjectFormInput> = emptyForm(TABLES.projects.columns);

export const EMPTY_REPORT: Readonly<ReportFormInput> = emptyForm(TABLES.reports.columns);

/** How a form shows a column's field: a line of text, a number, a date, one of a list, or a longer text. */
export type FieldInput = 'text' | 'number' | 'date' | 'select' | 'long';

/** A text column this wide (in Excel's character widths) holds sentences: its field is a text area. */
const LONG_TEXT_WIDTH = 40;

/**
 * The field a column gets from its kind. A code is typed like text here; the form offers a list instead where
 * it has one (the workbook's strategies, næringer, projects), and a new project's id is typed.
 */
export function fieldInput(column: ColumnSpec): Exclude<FieldInput, 'select'> {
  switch (column.kind) {
    case 'code':
      return 'text';
    case 'kroner':
    case 'count':
    case 'year':
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'text':
      return (column.width ?? 0) >= LONG_TEXT_WIDTH ? 'long' : 'text';
  }
}

/** The field's label: the form's own word for it when the contract gives one, else the column header. */
export function fieldLabel(column: ColumnSpec, lang: 'nb' | 'en'): string {
  return lang === 'en' ? (column.label?.en ?? column.header) : (column.label?.nb ?? column.header);
}
