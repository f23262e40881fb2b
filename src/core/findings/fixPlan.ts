import { cellAddress, parseCell, rangeAddress, type A1 } from '../util/brand';
import type { QuickFix } from './types';

/**
 * The write plan of "Rett opp alle": many quick fixes as few writes as possible, touching only the cells the
 * fixes name. Cells that follow each other down one column become one run (one range, one command); runs
 * are packed into requests under a byte budget, so Excel on the web's 5 MB request cap is never reached.
 */
export interface FixRun {
  sheet: string;
  /** `D5` or `D5:D5004`: every cell of it is named by a fix */
  range: A1;
  /** one value per row of the range, top to bottom */
  values: number[];
}

export interface FixPlan {
  /** requests, in order; each is sent as one write */
  requests: FixRun[][];
  /** cells the plan writes (each at most once) */
  cells: number;
  /** fixes left out: not a number for one cell, or a second, different value for a cell already planned */
  skipped: QuickFix[];
}

export interface FixPlanOptions {
  /** estimated bytes one request may carry */
  maxRequestBytes: number;
}

/** What a command costs in a request beyond its values (object path, ids, the range address). */
export const RUN_OVERHEAD_BYTES = 200;

export function planFixes(fixes: readonly QuickFix[], options: FixPlanOptions): FixPlan {
  const { cells, skipped } = uniqueCells(fixes);
  const runs = toRuns(cells);
  return { requests: packRuns(runs, options.maxRequestBytes), cells: cells.length, skipped };
}

/** Estimated request bytes of a run: its overhead and its values as JSON. */
export function runBytes(run: FixRun): number {
  let bytes = RUN_OVERHEAD_BYTES + run.sheet.length * 2;
  for (const value of run.values) bytes += String(value).length + 3;
  return bytes;
}

interface PlannedCell {
  sheet: string;
  row: number;
  column: number;
  value: number;
}

function isApplicable(fix: QuickFix): boolean {
  return fix.kind === 'set-number' && Number.isFinite(fix.value) && !fix.cell.includes(':');
}

/** One entry per cell; a repeated fix with the same value is harmless, a conflicting one is skipped. */
function uniqueCells(fixes: readonly QuickFix[]): { cells: PlannedCell[]; skipped: QuickFix[] } {
  const seen = new Map<string, number>();
  const cells: PlannedCell[] = [];
  const skipped: QuickFix[] = [];
  for (const fix of fixes) {
    if (!isApplicable(fix)) {
      skipped.push(fix);
      continue;
    }
    const key = `${fix.sheet}!${fix.cell}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      if (earlier !== fix.value) skipped.push(fix);
      continue;
    }
    seen.set(key, fix.value);
    const { row, column } = parseCell(fix.cell);
    cells.push({ sheet: fix.sheet, row, column, value: fix.value });
  }
  return { cells, skipped };
}

/** Sorted by sheet (in first-seen order), column and row; adjacent rows of one column join a run. */
function toRuns(cells: readonly PlannedCell[]): FixRun[] {
  const sheetOrder = new Map<string, number>();
  for (const cell of cells) if (!sheetOrder.has(cell.sheet)) sheetOrder.set(cell.sheet, sheetOrder.size);
  const sorted = [...cells].sort(
    (a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.column - b.column || a.row - b.row,
  );
  const runs: FixRun[] = [];
  let start: PlannedCell | undefined;
  let values: number[] = [];
  let last: PlannedCell | undefined;
  const close = (): void => {
    if (start && last) runs.push({ sheet: start.sheet, range: rangeAddress(start.row, start.column, last.row, last.column), values });
  };
  for (const cell of sorted) {
    const continues = last !== undefined && cell.sheet === last.sheet && cell.column === last.column && cell.row === last.row + 1;
    if (!continues) {
      close();
      start = cell;
      values = [];
    }
    values.push(cell.value);
    last = cell;
  }
  close();
  return runs;
}

/**
 * Runs in order, in requests of at most `budget` estimated bytes. A run too large for one request is split
 * into parts that fit, so no request is ever over the budget.
 */
function packRuns(runs: readonly FixRun[], budget: number): FixRun[][] {
  const requests: FixRun[][] = [];
  let current: FixRun[] = [];
  let size = 0;
  for (const whole of runs) {
    for (const run of splitRun(whole, budget)) {
      const bytes = runBytes(run);
      if (current.length > 0 && size + bytes > budget) {
        requests.push(current);
        current = [];
        size = 0;
      }
      current.push(run);
      size += bytes;
    }
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

function splitRun(run: FixRun, budget: number): FixRun[] {
  if (runBytes(run) <= budget || run.values.length === 1) return [run];
  const top = parseCell(run.range.split(':')[0] ?? run.range);
  const parts: FixRun[] = [];
  let offset = 0;
  while (offset < run.values.length) {
    let size = RUN_OVERHEAD_BYTES + run.sheet.length * 2;
    let end = offset;
    while (end < run.values.length) {
      const bytes = String(run.values[end]).length + 3;
      if (end > offset && size + bytes > budget) break;
      size += bytes;
      end += 1;
    }
    const values = run.values.slice(offset, end);
    parts.push({ sheet: run.sheet, range: rangeAddress(top.row + offset, top.column, top.row + end - 1, top.column), values });
    offset = end;
  }
  return parts;
}

/** The cells of a one-column run, top to bottom (`D5:D7` → D5, D6, D7). */
export function runCells(run: Pick<FixRun, 'range'>): A1[] {
  const [start = run.range, end = start] = run.range.split(':');
  const top = parseCell(start);
  const bottom = parseCell(end);
  const cells: A1[] = [];
  for (let row = top.row; row <= bottom.row; row++) cells.push(cellAddress(row, top.column));
  return cells;
}

/** The fixes a plan writes: those it did not skip, in their order. */
export function plannedFixes(fixes: readonly QuickFix[], plan: Pick<FixPlan, 'skipped'>): QuickFix[] {
  const skipped = new Set(plan.skipped);
  return fixes.filter((fix) => !skipped.has(fix));
}

export interface Verified {
  /** fixes whose cell still holds the text it held when validated: these may be written */
  unchanged: QuickFix[];
  /** cells (one per sheet and cell) that hold something else now: left as they are, and counted for the user */
  changed: number;
}

/**
 * Which fixes still apply: a cell someone has typed into since Valider (another text, a number, nothing) is
 * not overwritten with a number worked out from what it held before. `current` gives what the cell holds
 * now: its text, or undefined when it holds no text (a number, empty, an error, or no such cell).
 */
export function stillAsValidated(fixes: readonly QuickFix[], current: (sheet: string, cell: A1) => string | undefined): Verified {
  const unchanged: QuickFix[] = [];
  const changedCells = new Set<string>();
  for (const fix of fixes) {
    if (current(fix.sheet, fix.cell) === fix.text) unchanged.push(fix);
    else changedCells.add(`${fix.sheet}!${fix.cell}`);
  }
  return { unchanged, changed: changedCells.size };
}
