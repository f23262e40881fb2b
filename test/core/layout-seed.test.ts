/**
 * The generated Handlingsplan 2022 against the published plan, figure by figure. Every expected number below
 * is typed from the seed (§2.1, §3, §4), not taken from the generator; cells are found by their labels.
 */
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import type { LayoutCell, SheetLayout } from '../../src/core/layout/types';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';
import { inputDigest } from '../../src/core/digest';
import { cellAddress } from '../../src/core/util/brand';
import { consistentPlan, setCell, snapshot } from '../support/planBuilder';

function build(data = hallingdalSample()): SheetLayout {
  const snap = snapshotFromData(data);
  const result = validateWorkbook(snap);
  return buildHandlingsplan({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: inputDigest(snap),
    generatedAt: '2026-11-27T10:00:00Z',
  });
}

const layout = build();
const cellAt = (row: number, column: number): LayoutCell | undefined => layout.cells.find((c) => c.row === row && c.column === column);
const valueAt = (row: number, column: number): number | null => {
  const v = cellAt(row, column)?.value;
  return v?.kind === 'number' ? v.number : v?.kind === 'formula' && typeof v.result === 'number' ? v.result : null;
};
const formulaAt = (row: number, column: number): string | null => {
  const v = cellAt(row, column)?.value;
  return v?.kind === 'formula' ? v.formula : null;
};
/** Rows whose cell in `column` holds exactly `text`, top to bottom. */
const rowsWith = (text: string, column = 1): number[] =>
  layout.cells.filter((c) => c.column === column && c.value.kind === 'text' && c.value.text === text).map((c) => c.row);
const rowWith = (text: string, column = 1, nth = 0): number => {
  const row = rowsWith(text, column)[nth];
  if (row === undefined) throw new Error(`no "${text}" in column ${column}`);
  return row;
};
const A1 = (row: number, column: number) => cellAddress(row, column);

/**
 * The thematic table is too wide for A4 at readable size, so it prints in blocks of whole areas (1–2, then
 * 3–4, each with the row labels), the last with the Sum column. Cells are found from each strategy's header.
 */
const strategyHeader = (code: string): { row: number; column: number } => {
  const cell = layout.cells.find(
    (c) =>
      c.style?.fill === 'DDEBF7' &&
      c.value.kind === 'text' &&
      c.value.text.startsWith(`${code}. `) &&
      c.row > rowWith('Sum arbeidsplasser pr år og totalt'),
  );
  if (!cell) throw new Error(`no header for strategy ${code}`);
  return { row: cell.row, column: cell.column };
};
/** The first row at or below `from` whose label (column 1) is `text`. */
const rowBelow = (text: string, from: number): number => {
  const row = rowsWith(text).find((r) => r >= from);
  if (row === undefined) throw new Error(`no "${text}" below row ${from}`);
  return row;
};
const budgetAt = (code: string): { row: number; column: number } => {
  const h = strategyHeader(code);
  return { row: rowBelow('Budsjett 2022', h.row), column: h.column };
};

describe('§2.1 job targets per næring and year', () => {
  const seed: [string, number, number, number, number][] = [
    ['1. Opplevelsesnæring', 5, 10, 15, 30],
    ['2. Bygg og anlegg', 10, 15, 25, 50],
    ['3. Industri', 10, 15, 25, 50],
    ['4. Øvrig næringsliv', 15, 20, 35, 70],
  ];
  test.each(seed)('%s: %d / %d / %d, sum %d', (label, y22, y23, y24, sum) => {
    const row = rowWith(label);
    expect([valueAt(row, 2), valueAt(row, 3), valueAt(row, 4)]).toEqual([y22, y23, y24]);
    expect(valueAt(row, 5)).toBe(sum);
    expect(formulaAt(row, 5)).toBe(`SUM(${A1(row, 2)}:${A1(row, 4)})`);
  });
  test('Sum arbeidsplasser pr år og totalt: 40 / 60 / 100 / 200 as column SUMs', () => {
    const row = rowWith('Sum arbeidsplasser pr år og totalt');
    const first = rowWith('1. Opplevelsesnæring');
    expect([2, 3, 4, 5].map((c) => valueAt(row, c))).toEqual([40, 60, 100, 200]);
    for (const c of [2, 3, 4, 5]) expect(formulaAt(row, c)).toBe(`SUM(${A1(first, c)}:${A1(row - 1, c)})`);
  });
});

describe('§3 thematic areas', () => {
  test('printed in two blocks of whole areas, 1–2 and 3–4, each with the row labels', () => {
    expect([strategyHeader('A').row, strategyHeader('F').row]).toEqual([strategyHeader('A').row, strategyHeader('A').row]);
    expect(strategyHeader('G').row).toBe(strategyHeader('J').row);
    expect(strategyHeader('G').row).toBeGreaterThan(strategyHeader('A').row);
    expect(strategyHeader('A').column).toBe(2);
    expect(strategyHeader('G').column).toBe(2);
    for (const code of ['A', 'G']) {
      const h = strategyHeader(code);
      expect(cellAt(h.row, 1)?.value).toEqual({ kind: 'text', text: 'Strategier' });
      expect(rowBelow('Tiltak og prosjekter', h.row)).toBe(h.row + 1);
    }
  });

  test('Buds. 2022 per strategy', () => {
    const seed = { A: 400000, B: 400000, C: 400000, D: 200000, E: 200000, F: 400000, G: 200000, H: 200000, I: 400000, J: 400000 };
    for (const [code, amount] of Object.entries(seed)) {
      const at = budgetAt(code);
      expect({ code, amount: valueAt(at.row, at.column) }).toEqual({ code, amount });
    }
  });

  test('Sum per area 800 000 / 1 200 000 / 400 000 / 800 000, merged over the area, and 3 200 000 in all', () => {
    const areas: [string, string, number][] = [
      ['A', 'B', 800000],
      ['C', 'F', 1200000],
      ['G', 'H', 400000],
      ['I', 'J', 800000],
    ];
    for (const [from, to, sum] of areas) {
      const left = budgetAt(from);
      const right = budgetAt(to);
      const row = left.row + 1;
      expect(valueAt(row, left.column)).toBe(sum);
      expect(formulaAt(row, left.column)).toBe(`SUM(${A1(left.row, left.column)}:${A1(right.row, right.column)})`);
      expect(layout.merges).toContain(`${A1(row, left.column)}:${A1(row, right.column)}`);
    }
    const last = budgetAt('J');
    const first = budgetAt('A');
    expect(valueAt(last.row + 1, last.column + 1)).toBe(3200000);
    expect(formulaAt(last.row + 1, last.column + 1)).toBe(
      `SUM(${A1(first.row, 2)}:${A1(first.row, budgetAt('F').column)},${A1(last.row, 2)}:${A1(last.row, last.column)})`,
    );
  });

  test('resultatmål per næring and strategy, as published (blank where the seed is blank)', () => {
    const seed: Record<string, (number | null)[]> = {
      Opplevelsesnæring: [null, null, 2, null, 1, 2, null, null, null, null],
      'Bygg og anlegg': [2, 2, 1, 1, 1, 1, null, null, 2, null],
      Industri: [2, 2, 2, 1, null, 1, null, null, 2, null],
      'Øvrig næringsliv': [1, 1, 2, 1, 2, 1, null, null, 1, 1],
    };
    const codes = 'ABCDEFGHIJ'.split('');
    for (const [naering, cells] of Object.entries(seed)) {
      const found = codes.map((code) => {
        const h = strategyHeader(code);
        return valueAt(rowBelow(naering, h.row), h.column);
      });
      expect({ naering, cells: found }).toEqual({ naering, cells });
      // the row sum is live, over both blocks; the published declared sums (5, 10, 10, 15) are the validator's business
      const a = rowBelow(naering, strategyHeader('A').row);
      const g = rowBelow(naering, strategyHeader('G').row);
      const j = strategyHeader('J').column;
      expect(formulaAt(g, j + 1)).toBe(`SUM(${A1(a, 2)}:${A1(a, strategyHeader('F').column)},${A1(g, 2)}:${A1(g, j)})`);
    }
  });

  test('the resultatmål Sum row adds each area over the næring rows, merged like the seed', () => {
    for (const [from, to] of [
      ['A', 'B'],
      ['C', 'F'],
      ['G', 'H'],
      ['I', 'J'],
    ] as const) {
      const left = strategyHeader(from);
      const right = strategyHeader(to);
      const first = rowBelow('Opplevelsesnæring', left.row);
      const last = rowBelow('Øvrig næringsliv', left.row);
      const row = last + 1;
      expect(cellAt(row, 1)?.value).toEqual({ kind: 'text', text: 'Sum' });
      expect(formulaAt(row, left.column)).toBe(`SUM(${A1(first, left.column)}:${A1(last, right.column)})`);
      expect(layout.merges).toContain(`${A1(row, left.column)}:${A1(row, right.column)}`);
    }
    const sumColumn = strategyHeader('J').column + 1;
    const first = rowBelow('Opplevelsesnæring', strategyHeader('G').row);
    const last = rowBelow('Øvrig næringsliv', strategyHeader('G').row);
    expect(formulaAt(last + 1, sumColumn)).toBe(`SUM(${A1(first, sumColumn)}:${A1(last, sumColumn)})`);
    expect(valueAt(last + 1, sumColumn)).toBe(35);
  });

  test('area headers merged over their strategies; texts spanning E–F, G–H and I–J merged across them', () => {
    const header = strategyHeader('A').row - 1;
    expect(cellAt(header, 2)?.value).toEqual({ kind: 'text', text: '1. Kompetanse og rekruttering' });
    expect(layout.merges).toContain(`${A1(header, 2)}:${A1(header, 3)}`);
    expect(layout.merges).toContain(`${A1(header, 4)}:${A1(header, 7)}`);
    const spans: [string, string, string][] = [
      ['Dialog med etablerere og bedrifter', 'E', 'F'],
      ['Utvikle og gjennomføre tiltak', 'G', 'H'],
      ['Støtte opp under andre initiativ, feks Jobb i Hallingdal', 'G', 'H'],
      ['Utvikle og gjennomføre tiltak, feks ISO 14001, Miljøfyrtårn mm', 'I', 'J'],
      ['Støtte opp under andre initiativ, feks den grønne dalen', 'I', 'J'],
      ['Tre nye bedrifter under etablering. Fem bedriftsutviklingsprosjekt igangsatt', 'E', 'F'],
      ['Tre prosjekter igangsatt, hvorav ett gjennomført', 'G', 'H'],
      ['Tre prosjekter igangsatt, hvorav ett gjennomført. Fem bedrifter involvert i prosjekter', 'I', 'J'],
    ];
    for (const [text, from, to] of spans) {
      const left = strategyHeader(from);
      const cell = layout.cells.find(
        (c) => c.value.kind === 'text' && c.value.text === text && c.column === left.column && c.row > left.row,
      );
      expect({ text, found: cell !== undefined }).toEqual({ text, found: true });
      expect(layout.merges).toContain(`${A1(cell!.row, left.column)}:${A1(cell!.row, strategyHeader(to).column)}`);
    }
    const single = layout.cells.find((c) => c.value.kind === 'text' && c.value.text === 'Etablere virksomhet');
    expect(single?.column).toBe(strategyHeader('E').column);
    expect(layout.merges.some((m) => m.startsWith(`${A1(single!.row, single!.column)}:`))).toBe(false);
  });
});

describe('§3 support areas', () => {
  test('K 100 000, L 100 000, M 200 000; area sums 200 000 and 200 000; 400 000 in all', () => {
    const row = rowWith('Budsjett 2022', 1, 2);
    expect([valueAt(row, 2), valueAt(row, 3), valueAt(row, 4)]).toEqual([100000, 100000, 200000]);
    expect(valueAt(row + 1, 2)).toBe(200000);
    expect(layout.merges).toContain(`${A1(row + 1, 2)}:${A1(row + 1, 3)}`);
    expect(valueAt(row + 1, 4)).toBe(200000);
    expect(valueAt(row + 1, 5)).toBe(400000);
    expect(formulaAt(row + 1, 5)).toBe(`SUM(${A1(row, 2)}:${A1(row, 4)})`);
  });
});

describe('§4 budget frame and financing', () => {
  test("in the seed's order: the financing before the budget frame", () => {
    expect(rowWith('Finansiering 2022 (tall i millioner)')).toBeLessThan(rowWith('Budsjett 2022', 1, 3));
  });
  test.each([
    ['1. Kompetanse og rekruttering', 800000],
    ['2. Innovasjonskultur', 1200000],
    ['3. Kommunikasjon og samferdsel', 400000],
    ['4. Bærekraft', 800000],
    ['5. Attraktivitet for næringsliv', 200000],
    ['6. Kultur og samfunn', 200000],
    // The seed's markers: the notes under the frame come from the sample's Merknader.
    ['Administrasjon 1)', 500000],
    ['Prosjektledelse/prosjektarbeid 2)', 500000],
  ])('%s: %d', (label, amount) => {
    const rows = rowsWith(label);
    expect(valueAt(rows[rows.length - 1]!, 4)).toBe(amount);
  });
  test('Sum innsatsområder 3 600 000 and Sum totalt 4 600 000, as formulas', () => {
    const areas = rowWith('Sum innsatsområder');
    expect(valueAt(areas, 4)).toBe(3600000);
    expect(formulaAt(areas, 4)).toBe(`SUM(${A1(areas - 6, 4)}:${A1(areas - 1, 4)})`);
    const total = rowWith('Sum totalt');
    expect(valueAt(total, 4)).toBe(4600000);
    expect(formulaAt(total, 4)).toBe(`${A1(areas, 4)}+SUM(${A1(areas + 1, 4)}:${A1(total - 1, 4)})`);
  });
  test("the notes 1) and 2) under the frame, from the sample's Merknader, in the published words", () => {
    const total = rowWith('Sum totalt');
    expect(cellAt(total + 1, 1)?.value).toEqual({
      kind: 'text',
      text: expect.stringMatching(/^1\) Administrasjon\. Administrasjonskostnad anslått til ca 10 % av ramme\./) as unknown,
    });
    expect(cellAt(total + 2, 1)?.value).toEqual({
      kind: 'text',
      text: expect.stringMatching(/^2\) Prosjektarbeid fordelt på innsatsområder\./) as unknown,
    });
  });
  test('financing in millions: 4,0 + 0,6 = 4,6', () => {
    expect(valueAt(rowWith('Viken fylkeskommune'), 4)).toBe(4);
    expect(valueAt(rowWith('kommunene'), 4)).toBeCloseTo(0.6, 12);
    const sum = rowWith('SUM');
    expect(valueAt(sum, 4)).toBeCloseTo(4.6, 12);
    expect(formulaAt(sum, 4)).toBe(`SUM(${A1(sum - 2, 4)}:${A1(sum - 1, 4)})`);
    expect(cellAt(sum - 1, 4)?.style?.numberFormat).toBe('0.0');
  });
});

test('generating twice from the same input gives the same layout', () => {
  expect(build()).toEqual(build());
});

test.each(['=HYPERLINK("http://example.com","x")', '+1+1', '-1+1', '@SUM(A1)', "=cmd|' /C calc'!A0"])(
  'tiltak text %j stays text',
  (text) => {
    const data = setCell(consistentPlan(), 'Tiltak', [2022, 'C'], 'Tiltak', text);
    const result = validateWorkbook(snapshot(data));
    const built = buildHandlingsplan({
      plan: result.plan,
      year: 2022,
      findings: result.findings,
      inputDigest: 'x',
      generatedAt: '2026-11-27T10:00:00Z',
    });
    expect(built.cells.filter((c) => c.value.kind === 'text' && c.value.text === text)).toHaveLength(1);
    expect(built.cells.some((c) => c.value.kind === 'formula' && c.value.formula.includes(text.slice(1)))).toBe(false);
  },
);
