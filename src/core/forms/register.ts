import { z } from 'zod';
import { TABLES, type ColumnKey, type ColumnSpec } from '../contract/contract';
import { headerOf } from '../template/template';
import { PLP_PHASES, PROJECT_STATUSES } from '../count/projectRegister';
import type { Localized } from '../findings/types';
import { normalizeHeader, normalizeKey } from '../text/keys';
import { parseNorwegianNumber } from '../parse/number';
import { parsePlan } from '../parse/plan';
import { cellText } from '../parse/table';
import { EMPTY_PROJECT, EMPTY_REPORT, type ProjectFormInput, type ReportFormInput } from './fields';

export type { ProjectFormInput, ReportFormInput } from './fields';
import type { WorkbookSnapshot } from '../snapshot/types';

/**
 * The two register forms of the task pane, Nytt prosjekt and Ny prosjektlederrapport, without any UI: what
 * their dropdowns offer (read from the workbook's own tables), and the check of what the user typed, field by
 * field with zod, giving either a message per field or one row for the table, keyed by the contract's column
 * headers and typed (text, whole kroner, counts, ISO dates). Nothing here writes; the pane hands the row to
 * the port's appendRow.
 */

/** A value for one cell of the new row: text, a number, an ISO date, or null for an empty cell. */
export type FormValue = string | number | { date: string } | null;

export interface FormChoices {
  /** existing projects, for the report's dropdown; ids as typed */
  projects: { id: string; name: string; naering: string | null; granted: number | null }[];
  /** every ProsjektID already in the table, including rows the parser could not read whole */
  takenIds: string[];
  strategies: { code: string; name: string }[];
  naeringer: string[];
  phases: readonly string[];
  statuses: readonly string[];
  /** the programme period, for every date of the register (decision and report dates) */
  period: { first: number; last: number } | null;
  /** which of the two tables the workbook has (a form for a missing table cannot add a row) */
  hasProjects: boolean;
  hasReports: boolean;
}

export function formChoices(snapshot: WorkbookSnapshot): FormChoices {
  const { plan } = parsePlan(snapshot);
  const first = plan.program.firstYear?.value;
  const last = plan.program.lastYear?.value;
  return {
    projects: plan.projects.map((p) => ({
      id: p.id.value,
      name: p.name,
      naering: p.naering?.value ?? null,
      granted: p.granted?.value ?? null,
    })),
    takenIds: columnTexts(snapshot, TABLES.projects.name, headerOf(TABLES.projects, 'id')),
    strategies: plan.strategies.map((s) => ({ code: s.code, name: s.name })),
    naeringer: plan.naeringer.map((n) => n.name),
    phases: PLP_PHASES,
    statuses: PROJECT_STATUSES,
    period: first !== undefined && last !== undefined && last >= first ? { first, last } : null,
    hasProjects: hasTable(snapshot, TABLES.projects.name),
    hasReports: hasTable(snapshot, TABLES.reports.name),
  };
}

function hasTable(snapshot: WorkbookSnapshot, name: string): boolean {
  return snapshot.tables.some((t) => t.name.toLowerCase() === name.toLowerCase());
}

function columnTexts(snapshot: WorkbookSnapshot, table: string, header: string): string[] {
  const found = snapshot.tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
  const index = found?.header.findIndex((c) => normalizeHeader(cellText(c)) === normalizeHeader(header)) ?? -1;
  if (found === undefined || index < 0) return [];
  return found.rows.map((row) => cellText(row[index])).filter((typed) => typed.trim() !== '');
}

// ---------------------------------------------------------------------------------------------------------
// What the user typed, and what comes out

export type FieldErrors<K extends string> = Partial<Record<K, Localized>>;

export type FormCheck<K extends string> =
  /** `projectId`: the project the new row is about, for telling the user */
  { ok: true; table: string; projectId: string; row: Record<string, FormValue> } | { ok: false; errors: FieldErrors<K> };

/** Why a field was refused; each has a text in both languages (see MESSAGES). */
type Problem =
  | 'required'
  | 'notNumber'
  | 'negative'
  | 'notWhole'
  | 'notDate'
  | 'duplicateId'
  | 'unknownStrategy'
  | 'unknownNaering'
  | 'unknownPhase'
  | 'unknownStatus'
  | 'unknownProject'
  | 'outsidePeriod'
  | 'tooLong';

/** Excel keeps at most this many characters in a cell. */
const MAX_TEXT = 32_767;

export const text = z.string().trim().max(MAX_TEXT, 'tooLong');
export const requiredText = text.min(1, 'required');

/** An amount or a count, typed the Norwegian way (`1 200 000`, `400.000,-`); empty is null. */
export function wholeNumber(required: boolean) {
  return z.string().transform((typed, ctx): number | null => {
    const trimmed = typed.trim();
    if (trimmed === '') {
      if (required) ctx.addIssue({ code: 'custom', message: 'required' });
      return null;
    }
    const parsed = parseNorwegianNumber(trimmed);
    if (!parsed.ok || !Number.isFinite(parsed.value)) ctx.addIssue({ code: 'custom', message: 'notNumber' });
    else if (parsed.value < 0) ctx.addIssue({ code: 'custom', message: 'negative' });
    else if (!Number.isInteger(parsed.value)) ctx.addIssue({ code: 'custom', message: 'notWhole' });
    else return parsed.value;
    return null;
  });
}

/** A date from a date field (`YYYY-MM-DD`) or typed the Norwegian way (`19.08.2025`); empty is null. */
export function dateField(required: boolean) {
  return z.string().transform((typed, ctx): string | null => {
    const trimmed = typed.trim();
    if (trimmed === '') {
      if (required) ctx.addIssue({ code: 'custom', message: 'required' });
      return null;
    }
    const iso = isoDate(trimmed);
    if (iso === null) ctx.addIssue({ code: 'custom', message: 'notDate' });
    return iso;
  });
}

function isoDate(typed: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed) ?? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(typed);
  if (m === null) return null;
  const [year, month, day] = typed.includes('-') ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

/** One of the offered values (compared as the core compares codes); returns it as the workbook spells it. */
function oneOf(options: readonly string[], problem: Problem, required: boolean) {
  return z.string().transform((typed, ctx): string | null => {
    const trimmed = typed.trim();
    if (trimmed === '') {
      if (required) ctx.addIssue({ code: 'custom', message: 'required' });
      return null;
    }
    const known = options.find((o) => normalizeKey(o) === normalizeKey(trimmed));
    if (known === undefined) ctx.addIssue({ code: 'custom', message: problem });
    return known ?? null;
  });
}

/** Every date of the register lies in the programme period (a decision in 2030 of a 2022–2024 programme is a typo). */
function inPeriodOf(choices: FormChoices): (date: string | null) => boolean {
  return (date) =>
    date === null ||
    choices.period === null ||
    (Number(date.slice(0, 4)) >= choices.period.first && Number(date.slice(0, 4)) <= choices.period.last);
}

/**
 * The check of a field from its column alone: text (required or not), a whole number, a date in the programme
 * period. A code column without a list of its own is checked as text.
 */
function columnCheck(column: ColumnSpec, choices: FormChoices): z.ZodType<unknown, string> {
  switch (column.kind) {
    case 'kroner':
    case 'count':
    case 'year':
    case 'number':
      return wholeNumber(column.required);
    case 'date':
      return dateField(column.required).refine(inPeriodOf(choices), 'outsidePeriod');
    case 'code':
    case 'text':
      return column.required ? requiredText : text;
  }
}

/** One check per column of the table: the column's own check unless `special` says more (a list, a unique id). */
function formSchema(columns: readonly ColumnSpec[], choices: FormChoices, special: Readonly<Record<string, z.ZodType<unknown, string>>>) {
  return z.object(Object.fromEntries(columns.map((c) => [c.key, special[c.key] ?? columnCheck(c, choices)])));
}

function projectSchema(choices: FormChoices) {
  const taken = new Set(choices.takenIds.map(normalizeKey));
  const special: Partial<Record<ColumnKey<'projects'>, z.ZodType<unknown, string>>> = {
    id: requiredText.refine((id) => !taken.has(normalizeKey(id)), 'duplicateId'),
    strategy: oneOf(
      choices.strategies.map((s) => s.code),
      'unknownStrategy',
      true,
    ),
    naering: oneOf(choices.naeringer, 'unknownNaering', false),
    phase: oneOf(choices.phases, 'unknownPhase', false).transform(capitalised),
    status: oneOf(choices.statuses, 'unknownStatus', false).transform(capitalised),
  };
  return formSchema(TABLES.projects.columns, choices, special);
}

function reportSchema(choices: FormChoices) {
  const special: Partial<Record<ColumnKey<'reports'>, z.ZodType<unknown, string>>> = {
    projectId: oneOf(
      choices.projects.map((p) => p.id),
      'unknownProject',
      true,
    ),
    naering: oneOf(choices.naeringer, 'unknownNaering', true),
  };
  return formSchema(TABLES.reports.columns, choices, special);
}

/** Checks a new project (fields not given are empty); the row is keyed by the Prosjekter table's headers. */
export function checkProjectForm(input: Readonly<Partial<ProjectFormInput>>, choices: FormChoices): FormCheck<keyof ProjectFormInput> {
  const parsed = projectSchema(choices).safeParse({ ...EMPTY_PROJECT, ...input });
  if (!parsed.success) return { ok: false, errors: fieldErrors<keyof ProjectFormInput>(parsed.error, choices) };
  return {
    ok: true,
    table: TABLES.projects.name,
    projectId: textOf(parsed.data['id']),
    row: cellsOf(TABLES.projects.columns, parsed.data),
  };
}

/** Checks a project leader's report (fields not given are empty); the row is keyed by the Rapporter table's headers. */
export function checkReportForm(input: Readonly<Partial<ReportFormInput>>, choices: FormChoices): FormCheck<keyof ReportFormInput> {
  const parsed = reportSchema(choices).safeParse({ ...EMPTY_REPORT, ...input });
  if (!parsed.success) return { ok: false, errors: fieldErrors<keyof ReportFormInput>(parsed.error, choices) };
  return {
    ok: true,
    table: TABLES.reports.name,
    projectId: textOf(parsed.data['projectId']),
    row: cellsOf(TABLES.reports.columns, parsed.data),
  };
}

/** A checked text field's value ('' when empty). */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The checked fields as the new row's cells, by header: a date column gets a date, empty text no cell at all. */
function cellsOf(columns: readonly ColumnSpec[], checked: Readonly<Record<string, unknown>>): Record<string, FormValue> {
  const values: Record<string, FormValue> = {};
  for (const column of columns) {
    const value = checked[column.key];
    if (typeof value === 'number') values[column.key] = value;
    else if (typeof value === 'string' && value !== '') values[column.key] = column.kind === 'date' ? { date: value } : value;
  }
  return rowOf(columns, values);
}

/** `forstudie` → `Forstudie`, as the register is usually typed. */
function capitalised(value: string | null): string | null {
  return value === null ? null : value.charAt(0).toUpperCase() + value.slice(1);
}

/** Values by column key → values by the contract's header, leaving out empty cells (nothing to write). */
export function rowOf(columns: readonly { key: string; header: string }[], values: Record<string, FormValue>): Record<string, FormValue> {
  const row: Record<string, FormValue> = {};
  for (const column of columns) {
    const value = values[column.key];
    if (value !== undefined && value !== null) row[column.header] = value;
  }
  return row;
}

function fieldErrors<K extends string>(error: z.ZodError, choices: FormChoices): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || errors[field as K] !== undefined) continue;
    errors[field as K] = message(issue.message as Problem, choices);
  }
  return errors;
}

function message(problem: Problem, choices: FormChoices): Localized {
  const period = choices.period;
  switch (problem) {
    case 'required':
      return { nb: 'Må fylles ut.', en: 'Required.' };
    case 'notNumber':
      return { nb: 'Skriv et tall, f.eks. 250 000.', en: 'Enter a number, e.g. 250 000.' };
    case 'negative':
      return { nb: 'Kan ikke være negativt.', en: 'Cannot be negative.' };
    case 'notWhole':
      return { nb: 'Må være et helt tall.', en: 'Must be a whole number.' };
    case 'notDate':
      return { nb: 'Skriv en dato, f.eks. 15.09.2022.', en: 'Enter a date, e.g. 15.09.2022.' };
    case 'duplicateId':
      return { nb: 'Det finnes allerede et prosjekt med denne ID-en.', en: 'A project with this id already exists.' };
    case 'unknownStrategy':
      return { nb: 'Velg en strategi fra tabellen Strategier.', en: 'Choose a strategy from the Strategier table.' };
    case 'unknownNaering':
      return { nb: 'Velg en næring fra tabellen Naeringer.', en: 'Choose a næring from the Naeringer table.' };
    case 'unknownPhase':
      return { nb: 'Velg forstudie, forprosjekt eller hovedprosjekt.', en: 'Choose forstudie, forprosjekt or hovedprosjekt.' };
    case 'unknownStatus':
      return { nb: 'Velg en status fra lista.', en: 'Choose a status from the list.' };
    case 'unknownProject':
      return { nb: 'Velg et prosjekt fra tabellen Prosjekter.', en: 'Choose a project from the Prosjekter table.' };
    case 'outsidePeriod':
      return period === null
        ? { nb: 'Datoen er utenfor programperioden.', en: 'The date is outside the programme period.' }
        : {
            nb: `Datoen må være i programperioden ${period.first}–${period.last}.`,
            en: `The date must be within the programme period ${period.first}–${period.last}.`,
          };
    case 'tooLong':
      return { nb: 'Teksten er for lang for en celle.', en: 'The text is too long for a cell.' };
  }
}
