import type { NextYearOutcome } from '../core/nextYear';
import type { AppendOutcome, RenderOutcome, TemplateOutcome, WorkbookPort } from '../adapters/port';
import type { SsbFetchSummary } from '../core/effekt/fetch';
import type { StatisticsPort } from '../core/effekt/ssb';
import type { FieldErrors, FormChoices } from '../core/forms/register';
import type { FramePreview, ReallocationChoices, ReallocationFormInput } from '../core/forms/reallocation';
import type { SheetLayout } from '../core/layout/types';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import type { SheetKind } from '../core/usecase';
import type { ValidationResult } from '../core/validate';
import type { WorkbookInfo } from './coreChunk';
import { PaneError } from './errors';

/**
 * What the pane does with a workbook, on top of the port and the core and without any UI, so it reads (and
 * tests) as the steps the user's buttons stand for. Every step reads the workbook again: the user may have
 * typed in Excel since the last one. The core itself comes in a lazy chunk (./coreChunk).
 */

type Core = typeof import('./coreChunk');
let core: Promise<Core> | null = null;

/** Loads the core chunk once; a failed load (e.g. the network dropped) may be retried. */
export function loadCore(): Promise<Core> {
  core ??= import(/* webpackChunkName: "core" */ './coreChunk').catch((error: unknown) => {
    core = null;
    throw error;
  });
  return core;
}

/** Hent fra SSB: the core's one use case for it, with the core chunk. */
export async function fetchIndicators(port: WorkbookPort, statistics: StatisticsPort, today: string): Promise<SsbFetchSummary> {
  const c = await loadCore();
  return c.fetchFromSsb(port, statistics, today);
}

/** Forbered {år}: the core's one use case for next year's plan, with the core chunk. */
export async function prepareYear(port: WorkbookPort, year: number): Promise<NextYearOutcome> {
  const c = await loadCore();
  return c.prepareNextYear(port, year);
}

/** What the header and the year picker show. */
// Defined where the lazily loaded core builds it; a type only, so the pane's first chunk does not grow.
export type { WorkbookInfo };

export async function readInfo(port: WorkbookPort): Promise<WorkbookInfo> {
  const [snapshot, c] = await Promise.all([port.readSnapshot(), loadCore()]);
  return c.infoOf(snapshot);
}

/** The year to start with: Handlingsplanår when the workbook has it, else the first of the period. */
export function defaultYear(info: WorkbookInfo): number | null {
  return info.planYear ?? info.years[0] ?? null;
}

export interface Checked {
  snapshot: WorkbookSnapshot;
  result: ValidationResult;
  info: WorkbookInfo;
}

/**
 * Validates the workbook as it is now for `year`, with `now`'s date as today (whether a year is over changes
 * what some rules say): the same use case, with the same inputs, as the CLI.
 */
export async function check(port: WorkbookPort, year: number | null, now: Date = new Date()): Promise<Checked> {
  const [snapshot, c] = await Promise.all([port.readSnapshot(), loadCore()]);
  const result = c.validateUseCase({ snapshot, year, today: c.isoDateOf(now) });
  return { snapshot, result, info: c.infoOfPlan(result.plan, snapshot.tables.length) };
}

export interface Generated extends Checked {
  layout: SheetLayout;
  outcome: RenderOutcome;
}

export type { SheetKind };

/**
 * Validates, builds the year's Handlingsplan (or the board's Styrerapport) from the same snapshot and
 * renders it.
 */
export async function generate(port: WorkbookPort, year: number | null, now: Date, kind: SheetKind = 'handlingsplan'): Promise<Generated> {
  const [snapshot, c] = await Promise.all([port.readSnapshot(), loadCore()]);
  const made = c.sheetUseCase({ snapshot, year, today: c.isoDateOf(now), kind, generatedAt: now.toISOString() });
  if (!made.ok) {
    const problem = made.problem;
    if (problem.kind === 'no-year') throw new PaneError((t) => t.noYear);
    throw new PaneError((t) => t.yearOutsidePeriod(problem));
  }
  const outcome = await port.renderLayout(made.layout);
  return { snapshot, result: made.result, info: c.infoOf(snapshot), layout: made.layout, outcome };
}

// ---------------------------------------------------------------------------------------------------------
// The register forms

export type FormKind = 'project' | 'report';

/** What a form's dropdowns offer, read from the workbook as it is now. */
export async function readChoices(port: WorkbookPort): Promise<FormChoices> {
  const [snapshot, c] = await Promise.all([port.readSnapshot(), loadCore()]);
  return c.formChoices(snapshot);
}

export type Submitted =
  /** `projectId`: the project the new row is about */
  { ok: true; outcome: AppendOutcome; projectId: string } | { ok: false; errors: FieldErrors<string> };

/**
 * Checks a form against the workbook as it is now (another user may have added the same project id since
 * the form opened) and, when everything is right, appends its one row. Nothing is written otherwise.
 */
export async function submitForm(port: WorkbookPort, kind: FormKind, values: Readonly<Record<string, string>>): Promise<Submitted> {
  const [choices, c] = await Promise.all([readChoices(port), loadCore()]);
  const checked = kind === 'project' ? c.checkProjectForm(values, choices) : c.checkReportForm(values, choices);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const outcome = await port.appendRow(checked.table, checked.row);
  return { ok: true, outcome, projectId: checked.projectId };
}

// ---------------------------------------------------------------------------------------------------------
// Ny omdisponering

/** What the reallocation form offers, and the frames it shows, read from the workbook as it is now. */
export async function readReallocationChoices(port: WorkbookPort): Promise<ReallocationChoices> {
  const [snapshot, c] = await Promise.all([port.readSnapshot(), loadCore()]);
  return c.reallocationChoices(snapshot);
}

/** The frames before and after the move typed so far (the core is loaded by the time the form is open). */
export async function reallocationPreviewer(): Promise<
  (input: Partial<ReallocationFormInput>, choices: ReallocationChoices) => FramePreview | null
> {
  const c = await loadCore();
  return c.previewReallocation;
}

export type SubmittedReallocation = { ok: true; outcome: AppendOutcome; what: string } | { ok: false; errors: FieldErrors<string> };

/**
 * Checks a reallocation against the frames as they are now (a colleague may have moved money since the
 * form opened) and appends its one row to Omdisponeringer when nothing refuses it.
 */
export async function submitReallocation(port: WorkbookPort, values: Readonly<Record<string, string>>): Promise<SubmittedReallocation> {
  const [choices, c] = await Promise.all([readReallocationChoices(port), loadCore()]);
  const checked = c.checkReallocationForm(values, choices);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const outcome = await port.appendRow(checked.table, checked.row);
  return { ok: true, outcome, what: checked.projectId };
}

export interface Templated {
  outcome: TemplateOutcome;
  firstYear: number;
  lastYear: number;
}

/**
 * Creates the contract's missing sheets, tables and columns, for the workbook's period when it has one,
 * else for three years from `now`'s year.
 */
export async function createTemplate(port: WorkbookPort, info: WorkbookInfo | null, now: Date): Promise<Templated> {
  const first = info?.firstYear ?? null;
  const last = info?.lastYear ?? null;
  const known = first !== null && last !== null && last >= first;
  const firstYear = known ? first : now.getFullYear();
  const lastYear = known ? last : firstYear + 2;
  const c = await loadCore();
  const outcome = await port.createTemplate(c.template(firstYear, lastYear));
  return { outcome, firstYear, lastYear };
}
