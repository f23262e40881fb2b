/**
 * The pure core as the pane uses it, in a lazy chunk of its own ("core"): the parser with its zod schemas,
 * the rules, the layout and template builders. It is loaded as soon as a workbook is read, after the pane
 * has drawn itself, so the first paint does not wait for ~45 KB (gzipped) of validation code.
 */
// First: configures zod before the core's schemas are built.
import './zodConfig';
import { inputDigest } from '../core/digest';
import { buildHandlingsplan } from '../core/layout/handlingsplan';
import { buildStyrerapport } from '../core/layout/styrerapport';
import type { SheetLayout } from '../core/layout/types';
import type { Plan } from '../core/model/plan';
import { parsePlan } from '../core/parse/plan';
import { templateWorkbook } from '../core/sample/template';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import type { WorkbookData } from '../core/contract/tableData';
import { validateWorkbook, type ValidationResult } from '../core/validate';
import type { WorkbookInfo } from './session';

const MAX_PERIOD_YEARS = 20;

export function infoOf(snapshot: WorkbookSnapshot): WorkbookInfo {
  return infoOfPlan(parsePlan(snapshot).plan, snapshot.tables.length);
}

/** The same from a plan already parsed (a validation's), so a check parses the workbook once, not twice. */
export function infoOfPlan(plan: Plan, tableCount: number): WorkbookInfo {
  const { program } = plan;
  const firstYear = program.firstYear?.value ?? null;
  const lastYear = program.lastYear?.value ?? null;
  const planYear = program.planYear?.value ?? null;
  let years: number[] = [];
  if (firstYear !== null && lastYear !== null && lastYear >= firstYear && lastYear - firstYear < MAX_PERIOD_YEARS) {
    years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  }
  if (planYear !== null && !years.includes(planYear)) years = [...years, planYear].sort((a, b) => a - b);
  return {
    programName: program.name?.value ?? null,
    region: program.region?.value ?? null,
    firstYear,
    lastYear,
    planYear,
    years,
    tableCount,
  };
}

export function validate(snapshot: WorkbookSnapshot, year: number | null): ValidationResult {
  return validateWorkbook(snapshot, year === null ? {} : { year });
}

/** The year's Handlingsplan sheet from a snapshot and its validation. */
export function handlingsplanLayout(snapshot: WorkbookSnapshot, result: ValidationResult, year: number, generatedAt: string): SheetLayout {
  return buildHandlingsplan({ plan: result.plan, year, findings: result.findings, inputDigest: inputDigest(snapshot), generatedAt });
}

/** The year's Styrerapport sheet (the board's status report) from a snapshot and its validation. */
export function styrerapportLayout(snapshot: WorkbookSnapshot, result: ValidationResult, year: number, generatedAt: string): SheetLayout {
  return buildStyrerapport({ plan: result.plan, year, findings: result.findings, inputDigest: inputDigest(snapshot), generatedAt });
}

export { checkProjectForm, checkReportForm, formChoices } from '../core/forms/register';
export { fetchFromSsb } from '../core/effekt/fetch';

export function template(firstYear: number, lastYear: number): WorkbookData {
  return templateWorkbook({ firstYear, lastYear });
}
