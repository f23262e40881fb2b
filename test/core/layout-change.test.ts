/**
 * The generated Handlingsplan's budget change from the year before, per strategy: by hand on the sample with a
 * 2023 budget, the first year of the period saying it has no year before, and the second programme, whose
 * workbook holds no budget for the year before its plan year.
 */
import { inputDigest } from '../../src/core/digest';
import { TABLES } from '../../src/core/contract/contract';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import type { SheetLayout } from '../../src/core/layout/types';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';
import { secondProgramme } from '../fixtures/secondProgramme';

function layoutFor(data: WorkbookData, year: number): SheetLayout {
  const snap = snapshotFromData(data);
  const result = validateWorkbook(snap, { year });
  return buildHandlingsplan({
    plan: result.plan,
    year,
    findings: result.findings,
    inputDigest: inputDigest(snap),
    generatedAt: '2026-11-30T00:00:00Z',
  });
}

/** The change row's cells of every block, by the strategy header above them ("A. Rekruttering" → its value). */
function changes(layout: SheetLayout, label: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const text = (row: number, column: number) => {
    const v = layout.cells.find((c) => c.row === row && c.column === column)?.value;
    return v?.kind === 'text' ? v.text : undefined;
  };
  for (const labelCell of layout.cells.filter((c) => c.column === 1 && c.value.kind === 'text' && c.value.text === label)) {
    const headerRow =
      layout.cells
        .filter((c) => c.column === 1 && c.row < labelCell.row && c.value.kind === 'text' && c.value.text === 'Strategier')
        .map((c) => c.row)
        .sort((a, b) => b - a)[0] ?? 0;
    for (const cell of layout.cells.filter((c) => c.row === labelCell.row && c.column > 1)) {
      const head = text(headerRow, cell.column) ?? `col${cell.column}`;
      out.set(
        head.split('.')[0] ?? head,
        cell.value.kind === 'number'
          ? cell.value.number
          : cell.value.kind === 'formula'
            ? { formula: cell.value.formula, result: cell.value.result }
            : cell.value.kind === 'text'
              ? cell.value.text
              : null,
      );
    }
  }
  return out;
}

test('2023 against 2022 on the sample, by hand: A 500 000 − 400 000, M without a 2023 line − 200 000, the rest as before', () => {
  const data = hallingdalSample();
  const budget = data.tables.find((t) => t.name === TABLES.budget.name);
  if (!budget) throw new Error('no Budsjett');
  const lines: [string, number][] = [
    ['A', 500_000],
    ['B', 400_000],
    ['C', 400_000],
    ['D', 200_000],
    ['E', 200_000],
    ['F', 400_000],
    ['G', 200_000],
    ['H', 200_000],
    ['I', 400_000],
    ['J', 400_000],
    ['K', 100_000],
    ['L', 100_000],
  ];
  for (const [code, amount] of lines) budget.rows.push([2023, code, amount, null]);
  const found = changes(layoutFor(data, 2023), 'Endring fra 2022');
  expect(found.get('A')).toBe(100_000);
  for (const code of ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'])
    expect({ code, change: found.get(code) }).toEqual({ code, change: 0 });
  expect(found.get('M')).toBe(-200_000);
  // each table's Sum column adds the change as a live formula: the thematic areas +100 000 over both blocks, the
  // support areas −200 000
  expect([...found.values()].filter((v) => typeof v === 'object' && v !== null)).toEqual([
    { formula: expect.stringMatching(/^SUM\([A-Z]+\d+:[A-Z]+\d+,[A-Z]+\d+:[A-Z]+\d+\)$/) as unknown, result: 100_000 },
    { formula: expect.stringMatching(/^SUM\(B\d+:D\d+\)$/) as unknown, result: -200_000 },
  ]);
});

test('the first year of the period says there is no year before it, rather than a change from 0', () => {
  const layout = layoutFor(hallingdalSample(), 2022);
  const texts = [...changes(layout, 'Endring fra 2021').values()];
  expect(texts.length).toBeGreaterThan(0);
  expect(new Set(texts.filter((t) => t !== '' && t !== null))).toEqual(
    new Set(['Første år i perioden: ingen budsjett for 2021 å sammenligne med']),
  );
  expect(texts.some((t) => typeof t === 'number')).toBe(false);
});

test('the second programme: 2024 with no 2023 budget in the workbook says so', () => {
  const texts = [...changes(layoutFor(secondProgramme(), 2024), 'Endring fra 2023').values()].filter((t) => t !== '' && t !== null);
  expect(new Set(texts)).toEqual(new Set(['Ingen budsjett for 2023 i arbeidsboka å sammenligne med']));
});
