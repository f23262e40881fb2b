/**
 * The second programme (test/fixtures/secondProgramme.ts): validates clean, and its generated sheet holds the
 * figures worked out by hand in the fixture's comment.
 */
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import type { SheetLayout } from '../../src/core/layout/types';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateUseCase } from '../../src/core/usecase';
import { secondProgramme, SECOND } from '../fixtures/secondProgramme';

function run() {
  const snapshot = snapshotFromData(secondProgramme());
  const result = validateUseCase({ snapshot, year: null, today: '2024-06-01' });
  const layout = buildHandlingsplan({
    plan: result.plan,
    year: SECOND.planYear,
    findings: result.findings,
    inputDigest: 'x',
    generatedAt: '2024-06-01T10:00:00Z',
  });
  return { result, layout };
}

test('validates with 0 feil and 0 advarsler, for its plan year 2024; only the register tables it leaves out are noted', () => {
  const { result } = run();
  expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  expect(result.findings.map((f) => `${f.rule} ${f.message.en}`).sort()).toEqual(
    ['Omdisponeringer', 'Prosjekter', 'Rapporter', 'Kommuner', 'Effektindikatorer']
      .map((t) => `structure.missing-table Table "${t}" is missing`)
      .sort()
      .map(
        (x, i, all) =>
          result.findings
            .map((f) => `${f.rule} ${f.message.en}`)
            .sort()
            .find((m) => m.startsWith(all[i] ?? '')) ?? x,
      ),
  );
  expect(result.year).toBe(2024);
  expect(result.plan.strategies.map((s) => s.code)).toEqual(['R1', 'R2', 'I1', 'I2', 'G1', 'G2', 'A1', 'A2']);
  expect(result.plan.resultatmal?.strategyCodes).toEqual(['R1', 'R2', 'I1', 'I2', 'G1', 'G2']);
  expect(result.plan.delmal.map((d) => d.strategies)).toEqual([
    ['R1', 'R2'],
    ['I1', 'I2'],
    ['G1', 'G2'],
    ['A1', 'A2'],
  ]);
  expect(result.plan.tiltak.map((t) => t.strategies.join(' '))).toEqual(['R1 R2', 'I1', 'I2', 'G1 G2', 'A1', 'A2']);
  expect(result.plan.budget.map((b) => b.strategy.value)).toEqual(['R1', 'R2', 'I1', 'I2', 'G1', 'G2', 'A1', 'A2']);
});

function cell(layout: SheetLayout, row: number, column: number) {
  return layout.cells.find((c) => c.row === row && c.column === column)?.value;
}
function value(layout: SheetLayout, row: number, column: number): number | string | undefined {
  const v = cell(layout, row, column);
  if (v?.kind === 'number') return v.number;
  if (v?.kind === 'formula') return v.result;
  if (v?.kind === 'text') return v.text;
  return undefined;
}
function rowsOf(layout: SheetLayout, label: string): number[] {
  return layout.cells.filter((c) => c.column === 1 && c.value.kind === 'text' && c.value.text === label).map((c) => c.row);
}
function rowOf(layout: SheetLayout, label: string, nth = 0): number {
  const row = rowsOf(layout, label)[nth];
  if (row === undefined) throw new Error(`no row labelled ${label}`);
  return row;
}

test('the generated sheet holds the hand-calculated figures', () => {
  const { layout } = run();
  expect(value(layout, 1, 1)).toBe('Handlingsplan 2024 – Omstilling Fjellbygd');
  // §2.1: five næringer × 2023–2026 with row sums, year sums and the period total.
  const header = rowOf(layout, 'Prioriterte næringer/år');
  expect([2, 3, 4, 5, 6].map((c) => value(layout, header, c))).toEqual(['2023', '2024', '2025', '2026', 'Sum']);
  const expectedRows = [
    [3, 4, 5, 6, 18],
    [2, 3, 4, 4, 13],
    [4, 5, 5, 6, 20],
    [1, 1, 2, 2, 6],
    [1, 2, 2, 3, 8],
  ];
  expectedRows.forEach((figures, i) => expect([2, 3, 4, 5, 6].map((c) => value(layout, header + 1 + i, c))).toEqual(figures));
  expect([2, 3, 4, 5, 6].map((c) => value(layout, header + 6, c))).toEqual([11, 15, 18, 21, 65]);
  // §3 thematic: R1 … G2 budgets, area sums and the Sum column; resultatmål sums.
  const budget = rowOf(layout, 'Budsjett 2024');
  expect([2, 3, 4, 5, 6, 7].map((c) => value(layout, budget, c))).toEqual([150000, 100000, 250000, 150000, 200000, 100000]);
  expect([2, 4, 6, 8].map((c) => value(layout, budget + 1, c))).toEqual([250000, 400000, 300000, 950000]);
  const targets = rowOf(layout, 'Resultatmål – arbeidsplasser per næring') + 1;
  expect([0, 1, 2, 3, 4].map((i) => value(layout, targets + i, 8))).toEqual([4, 3, 5, 1, 2]);
  expect([2, 4, 6, 8].map((c) => value(layout, targets + 5, c))).toEqual([4, 6, 5, 15]);
  // Its own notes, with their markers; none of the sample's.
  expect(rowsOf(layout, 'Delmål 2024 1)')).toHaveLength(1);
  expect(value(layout, targets + 6, 1)).toBe('1) Delmålene revideres av styret hvert år.');
  // §3 support: A1 75 000, A2 50 000, 125 000.
  const support = rowOf(layout, 'Budsjett 2024', 1);
  expect([value(layout, support, 2), value(layout, support, 3), value(layout, support + 1, 2), value(layout, support + 1, 4)]).toEqual([
    75000, 50000, 125000, 125000,
  ]);
  // §4: frames, their sums and the financing in millions.
  expect(value(layout, rowOf(layout, 'Sum innsatsområder'), 4)).toBe(1075000);
  expect(value(layout, rowOf(layout, 'Administrasjon 1)'), 4)).toBe(120000);
  expect(value(layout, rowOf(layout, 'Prosjektledelse'), 4)).toBe(105000);
  expect(value(layout, rowOf(layout, 'Sum totalt'), 4)).toBe(1300000);
  expect(value(layout, rowOf(layout, 'Sum totalt') + 1, 1)).toBe('1) Administrasjon dekker daglig leder i 40 % stilling.');
  expect(value(layout, rowOf(layout, 'Vestland fylkeskommune'), 4)).toBe(1);
  expect(value(layout, rowOf(layout, 'Kommunene'), 4)).toBeCloseTo(0.3, 12);
  expect(value(layout, rowOf(layout, 'SUM'), 4)).toBeCloseTo(1.3, 12);
  const texts = layout.cells.flatMap((c) => (c.value.kind === 'text' ? [c.value.text] : []));
  expect(texts.filter((t) => /hallingdal/i.test(t))).toEqual([]);
});
