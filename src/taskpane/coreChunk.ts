/**
 * The pure core as the pane uses it, in a lazy chunk of its own ("core"): the parser with its zod schemas,
 * the rules, the layout and template builders. It is loaded as soon as a workbook is read, after the pane
 * has drawn itself, so the first paint does not wait for ~45 KB (gzipped) of validation code.
 */
// First: configures zod before the core's schemas are built.
import './zodConfig';
import type { Plan } from '../core/model/plan';
import { parsePlanOnce } from '../core/parse/plan';
import { hallingdalDemo } from '../core/sample/demo';
import { hallingdalSample } from '../core/sample/hallingdal';
import { templateWorkbook } from '../core/template/template';
import { snapshotFromData } from '../core/snapshot/fromTableData';
import { SamplePort } from './hosts/samplePort';
import type { PackagePort, SampleKind } from './host';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import type { WorkbookData } from '../core/contract/tableData';

const MAX_PERIOD_YEARS = 20;

export interface WorkbookInfo {
  programName: string | null;
  region: string | null;
  firstYear: number | null;
  lastYear: number | null;
  planYear: number | null;
  /** the years to choose from: the programme period, else the plan year alone */
  years: number[];
  /** how many of the workbook's tables the reader found */
  tableCount: number;
}

export function infoOf(snapshot: WorkbookSnapshot): WorkbookInfo {
  return infoOfPlan(parsePlanOnce(snapshot).plan, snapshot.tables.length);
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

/** The core's one use case, as every shell calls it (src/core/usecase.ts). */
export { isoDateOf, sheetUseCase, validateUseCase } from '../core/usecase';

export { checkProjectForm, checkReportForm, formChoices } from '../core/forms/register';
export { checkReallocationForm, previewReallocation, reallocationChoices } from '../core/forms/reallocation';
export { fetchFromSsb } from '../core/effekt/fetch';
export { nextYearProblemText, nextYearSummary, prepareNextYear } from '../core/nextYear';

/** The built-in sample, shown from its data before any .xlsx is made (see hosts/samplePort). */
export function samplePort(kind: SampleKind, makePackage: () => Promise<PackagePort>): SamplePort {
  return new SamplePort(kind === 'demo' ? hallingdalDemo() : hallingdalSample(), snapshotFromData, makePackage);
}

export function template(firstYear: number, lastYear: number): WorkbookData {
  return templateWorkbook({ firstYear, lastYear });
}
