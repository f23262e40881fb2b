/**
 * The generated Handlingsplan sheet conserves the model's totals, every formula's cached result is what the
 * formula gives over the generated cells, and generating never fails with an internal error, whatever the
 * input holds.
 */
import fc from 'fast-check';
import { WorkbookFileError } from '../../src/adapters/port';
import { OutputFileError } from '../../src/adapters/xlsx/errors';
import { renderLayoutIntoPackage } from '../../src/adapters/xlsx/render';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import type { LayoutCell, SheetLayout } from '../../src/core/layout/types';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { parseCell } from '../../src/core/util/brand';
import { validateWorkbook, type ValidationResult } from '../../src/core/validate';
import {
  budgetTotal,
  configureProperties,
  consistentWorkbookArb,
  messyWorkbookArb,
  runs,
  timeout,
  totalFrame,
  type PlanModel,
} from '../support/arbitraries';
import { consistentPlan } from '../support/planBuilder';

configureProperties('layout.test.ts');

const GENERATED_AT = '2024-05-02T10:15:00.000Z';

function layoutFor(result: ValidationResult, year: number): SheetLayout {
  return buildHandlingsplan({
    plan: result.plan,
    year,
    findings: result.findings,
    inputDigest: '0123456789abcd',
    generatedAt: GENERATED_AT,
  });
}

function cellMap(layout: SheetLayout): Map<string, LayoutCell> {
  return new Map(layout.cells.map((c) => [`${c.row}:${c.column}`, c]));
}

/** What a cell adds to a SUM: its number or cached result; text and blanks add nothing (as in Excel). */
function numberAt(cells: Map<string, LayoutCell>, row: number, column: number): number {
  const v = cells.get(`${row}:${column}`)?.value;
  if (v === undefined) return 0;
  return v.kind === 'number' ? v.number : v.kind === 'formula' && typeof v.result === 'number' ? v.result : 0;
}

/**
 * Evaluates the formulas layouts write: `0`, a cell, `SUM(range)`, `SUM(range,range…)`, and sums of those with `+`. Anything else
 * fails the test, so a new kind of formula gets a look before it is trusted.
 */
function evaluate(formula: string, cells: Map<string, LayoutCell>): number {
  let total = 0;
  for (const term of formula.split('+')) {
    const sum = /^SUM\(((?:[A-Z]+\d+:[A-Z]+\d+,)*[A-Z]+\d+:[A-Z]+\d+)\)$/.exec(term);
    if (sum?.[1] !== undefined) {
      // A split table adds ranges of several blocks: SUM(B10:G10,B25:E25).
      for (const range of sum[1].split(',')) {
        const [from = '', to = ''] = range.split(':');
        const a = parseCell(from);
        const b = parseCell(to);
        for (let r = a.row; r <= b.row; r++) for (let c = a.column; c <= b.column; c++) total += numberAt(cells, r, c);
      }
    } else if (/^[A-Z]+\d+$/.test(term)) {
      const p = parseCell(term);
      total += numberAt(cells, p.row, p.column);
    } else if (/^\d+$/.test(term)) {
      total += Number(term);
    } else {
      throw new Error(`unexpected formula ${formula}`);
    }
  }
  return total;
}

function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Formulas whose cached result is not what they give over the layout's cells. */
function formulaProblems(layout: SheetLayout): string[] {
  const cells = cellMap(layout);
  return layout.cells.flatMap((c) => {
    if (c.value.kind !== 'formula') return [];
    const value = evaluate(c.value.formula, cells);
    return typeof c.value.result === 'number' && close(value, c.value.result)
      ? []
      : [`${c.row}:${c.column} ${c.value.formula} = ${value}, cached ${c.value.result}`];
  });
}

function mergesOverlap(layout: SheetLayout): string[] {
  const boxes = layout.merges.map((m) => {
    const [s = m, e = s] = m.split(':');
    return { m, a: parseCell(s), b: parseCell(e) };
  });
  const problems: string[] = [];
  boxes.forEach((x, i) => {
    for (const y of boxes.slice(i + 1)) {
      if (x.a.row <= y.b.row && y.a.row <= x.b.row && x.a.column <= y.b.column && y.a.column <= x.b.column)
        problems.push(`${x.m} overlaps ${y.m}`);
    }
  });
  return problems;
}

function textAt(cells: Map<string, LayoutCell>, row: number, column: number): string | undefined {
  const v = cells.get(`${row}:${column}`)?.value;
  return v?.kind === 'text' ? v.text : undefined;
}

/** The numbers in the rows labelled `label` in column A. */
function rowsLabelled(layout: SheetLayout, label: string): LayoutCell[] {
  const cells = cellMap(layout);
  const rows = new Set(layout.cells.filter((c) => c.column === 1 && textAt(cells, c.row, 1) === label).map((c) => c.row));
  return layout.cells.filter((c) => rows.has(c.row) && c.column > 1);
}

function resultIn(layout: SheetLayout, label: string, column: number): number | undefined {
  const cells = cellMap(layout);
  const row = layout.cells.find((c) => c.column === 1 && textAt(cells, c.row, 1) === label)?.row;
  const v = row === undefined ? undefined : cells.get(`${row}:${column}`)?.value;
  return v?.kind === 'formula' && typeof v.result === 'number' ? v.result : undefined;
}

function grandTarget(model: PlanModel): number {
  return model.targets.flat().reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

test("a consistent plan: budget cells add up to the model total, frame and financing totals are the model's, every formula holds", () => {
  fc.assert(
    fc.property(consistentWorkbookArb, ({ model, rendered }) => {
      const result = validateWorkbook(snapshotFromData(rendered.data));
      const year = model.firstYear + model.planYearIndex;
      const layout = layoutFor(result, year);
      const budgetCells = rowsLabelled(layout, `Budsjett ${year}`).filter((c) => c.value.kind === 'number');
      expect(budgetCells.reduce((sum, c) => sum + (c.value.kind === 'number' ? c.value.number : 0), 0)).toBe(budgetTotal(model));
      expect(resultIn(layout, 'Sum totalt', 4)).toBe(totalFrame(model, model.planYearIndex));
      const financing = resultIn(layout, 'SUM', 4) ?? Number.NaN;
      expect(close(financing, totalFrame(model, model.planYearIndex) / 1_000_000)).toBe(true);
      const jobs = cellMap(layout);
      const jobRow = layout.cells.find((c) => c.column === 1 && textAt(jobs, c.row, 1) === 'Sum arbeidsplasser pr år og totalt')?.row ?? 0;
      expect(jobs.get(`${jobRow}:${2 + model.yearCount}`)?.value).toEqual(
        expect.objectContaining({ kind: 'formula', result: grandTarget(model) }),
      );
      expect(formulaProblems(layout)).toEqual([]);
      expect(mergesOverlap(layout)).toEqual([]);
      // Validated without errors: the banner says so and nothing is marked.
      expect(layout.marks).toEqual([]);
      expect(textAt(jobs, 2, 1)).toBe('Validert 02.05.2024');
    }),
  );
});

test('on a messy workbook the layout is still well formed: formulas hold, merges do not overlap, cells stay in the sheet', () => {
  fc.assert(
    fc.property(messyWorkbookArb, fc.integer({ min: 2019, max: 2027 }), (input, fallbackYear) => {
      const result = validateWorkbook(snapshotFromData(input.data));
      const layout = layoutFor(result, result.year ?? fallbackYear);
      expect(formulaProblems(layout)).toEqual([]);
      expect(mergesOverlap(layout)).toEqual([]);
      for (const c of layout.cells) {
        expect(c.row >= 1 && c.row <= 1_048_576 && c.column >= 1 && c.column <= 16_384).toBe(true);
        if (c.value.kind === 'number') expect(Number.isFinite(c.value.number)).toBe(true);
      }
    }),
  );
});

/**
 * What `handlingsplan generate` does after reading, with a fixed small package to render into: validate, take
 * the year (refused outside the period, as the CLI refuses it), lay out, render. Whatever the tables hold, it
 * ends in a sheet or in an error the CLI reports as the user's, never in an internal error.
 */
test(
  'generating from a messy workbook never fails with an internal error',
  async () => {
    const base = await writeWorkbookData(consistentPlan());
    await fc.assert(
      fc.asyncProperty(messyWorkbookArb, async (input) => {
        const result = validateWorkbook(snapshotFromData(input.data));
        const { year } = result;
        const first = result.plan.program.firstYear?.value;
        const last = result.plan.program.lastYear?.value;
        if (year === null || (first !== undefined && last !== undefined && (year < first || year > last))) return;
        const rendered = await renderLayoutIntoPackage(base, layoutFor(result, year)).then(
          (r) => r.sheet,
          (error: unknown) => {
            if (error instanceof WorkbookFileError || error instanceof OutputFileError) return 'refused';
            throw error;
          },
        );
        expect(rendered).toBe(`Handlingsplan ${year}`);
      }),
      { numRuns: runs(60) },
    );
  },
  timeout(30_000),
);
