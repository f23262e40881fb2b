/**
 * One use case, every shell. The CLI, the pane in Excel and the standalone page call these functions with the
 * same inputs — the workbook snapshot, the year asked for, today's date, the settings — and get the same
 * findings and layouts. Shells read the clock and the workbook; nothing here does.
 */
import { inputDigest } from './digest';
import { buildHandlingsplan } from './layout/handlingsplan';
import { buildStyrerapport } from './layout/styrerapport';
import type { SheetLayout } from './layout/types';
import type { ValidationSettings } from './settings';
import type { WorkbookSnapshot } from './snapshot/types';
import { validateWorkbook, type ValidationResult } from './validate';

export interface UseCaseInput {
  snapshot: WorkbookSnapshot;
  /** the year asked for; null: the workbook's Handlingsplanår */
  year: number | null;
  /**
   * today's date, ISO `YYYY-MM-DD`, for the rules that depend on whether a year is over; null only where a
   * shell truly has no date (the rules then take no year as over)
   */
  today: string | null;
  /** limits other than the defaults (adminShareMax, adminPosts) */
  settings?: Partial<Omit<ValidationSettings, 'year' | 'today'>>;
}

/** The findings for the workbook and year. */
export function validateUseCase(input: UseCaseInput): ValidationResult {
  const settings: Partial<ValidationSettings> = { ...input.settings };
  if (input.today !== null) settings.today = input.today;
  if (input.year !== null) settings.year = input.year;
  return validateWorkbook(input.snapshot, settings);
}

export type SheetKind = 'handlingsplan' | 'styrerapport';

export interface SheetRequest extends UseCaseInput {
  kind: SheetKind;
  /** ISO date-time of generation, recorded on the sheet */
  generatedAt: string;
}

/** Why no sheet could be laid out: no year to lay out, or a year outside the programme period. */
export type SheetProblem = { kind: 'no-year' } | { kind: 'outside-period'; year: number; first: number; last: number };

export type SheetOutcome =
  | { ok: true; result: ValidationResult; year: number; layout: SheetLayout }
  | { ok: false; result: ValidationResult; problem: SheetProblem };

/**
 * Validates and lays out the year's Handlingsplan (or the board's Styrerapport) from the same snapshot. Errors
 * in the input do not stop it: the board may need a draft, and the sheet says so.
 */
export function sheetUseCase(request: SheetRequest): SheetOutcome {
  const result = validateUseCase(request);
  const year = result.year;
  if (year === null) return { ok: false, result, problem: { kind: 'no-year' } };
  const first = result.plan.program.firstYear?.value;
  const last = result.plan.program.lastYear?.value;
  if (first !== undefined && last !== undefined && (year < first || year > last))
    return { ok: false, result, problem: { kind: 'outside-period', year, first, last } };
  const input = {
    plan: result.plan,
    year,
    findings: result.findings,
    inputDigest: inputDigest(request.snapshot),
    generatedAt: request.generatedAt,
  };
  const layout = request.kind === 'styrerapport' ? buildStyrerapport(input) : buildHandlingsplan(input);
  return { ok: true, result, year, layout };
}

/** Today's date in the shell's local time zone, as the rules want it. */
export function isoDateOf(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
