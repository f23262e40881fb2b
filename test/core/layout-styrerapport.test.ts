/**
 * Styrerapport 2022 for `sample --demo`, figure by figure. The expected numbers are worked out by hand from
 * the demo's register (src/core/sample/demo.ts):
 *   reports 2022: EKS-01 Øvrig 2, EKS-02 Bygg 3, EKS-03 Industri 1, EKS-08 Øvrig 1; EKS-06 Opplevelse 1 has
 *   no grant and does not count → Opplevelse 0, Bygg 3, Industri 1, Øvrig 3, in all 7 of 40;
 *   grants decided 2022: A 300 000, B 200 000, C 100 000, M 100 000 = 700 000 (EKS-07 was refused: 0);
 *   own + other of those: 275 000 + 75 000 = 350 000 → 0,50 per krone; over the period (+ EKS-04 150 000,
 *   EKS-05 250 000 with 175 000 + 225 000 more) 750 000 / 1 100 000;
 *   the reallocation of 100 000 from area 3 to area 1 gives frames 900 000 and 300 000;
 *   portfolio: forstudie 3 (søkt, avsluttet, avslått), forprosjekt 3 (avsluttet, aktiv, aktiv), hovedprosjekt 2.
 */
import { buildStyrerapport, delmalStatus } from '../../src/core/layout/styrerapport';
import type { SheetLayout } from '../../src/core/layout/types';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';

function build(generatedAt = '2026-11-27T10:00:00Z'): SheetLayout {
  const result = validateWorkbook(snapshotFromData(hallingdalDemo()));
  return buildStyrerapport({ plan: result.plan, year: 2022, findings: result.findings, inputDigest: 'd', generatedAt });
}

const layout = build();
const value = (row: number, column: number): number | string | null => {
  const v = layout.cells.find((c) => c.row === row && c.column === column)?.value;
  if (!v) return null;
  return v.kind === 'number' ? v.number : v.kind === 'formula' ? v.result : v.kind === 'text' ? v.text : null;
};
const rowOf = (text: string, column = 1): number => {
  const cell = layout.cells.find((c) => c.column === column && c.value.kind === 'text' && c.value.text === text);
  if (!cell) throw new Error(`no "${text}"`);
  return cell.row;
};

test('jobs per næring: target and gross jobs reported in 2022, with shares', () => {
  const expected: [string, number, number][] = [
    ['Opplevelsesnæring', 5, 0],
    ['Bygg og anlegg', 10, 3],
    ['Industri', 10, 1],
    ['Øvrig næringsliv', 15, 3],
  ];
  for (const [naering, target, reported] of expected) {
    const row = rowOf(naering);
    expect({ naering, target: value(row, 3), reported: value(row, 4), share: value(row, 5) }).toEqual({
      naering,
      target,
      reported,
      share: reported / target,
    });
  }
  const sum = rowOf('Sum');
  expect([value(sum, 3), value(sum, 4), value(sum, 5)]).toEqual([40, 7, 7 / 40]);
  expect(layout.cells.find((c) => c.row === sum && c.column === 4)?.value).toMatchObject({
    kind: 'formula',
    formula: expect.stringMatching(/^SUM\(D\d+:D\d+\)$/) as unknown,
  });
  expect(layout.cells.some((c) => c.value.kind === 'text' && c.value.text.includes('EKS-06'))).toBe(true);
});

test('budget after reallocation against grants, per strategy and area', () => {
  const area1 = rowOf('1. Kompetanse og rekruttering');
  expect(value(area1, 3)).toBe(900000);
  expect(value(rowOf('3. Kommunikasjon og samferdsel'), 3)).toBe(300000);
  const a = rowOf('A. Rekruttering', 2);
  expect([value(a, 5), value(a, 8)]).toEqual([300000, 1]);
  expect(value(rowOf('B. Kompetanse', 2), 5)).toBe(200000);
  expect(value(rowOf('C. Proaktivt arbeid', 2), 5)).toBe(100000);
  expect(value(rowOf('M. Bostedsattraktivitet', 2), 5)).toBe(100000);
  expect(value(rowOf('G. Mobilitet', 2), 5)).toBe(0);
  const total = rowOf('Sum innsatsområder');
  expect([value(total, 3), value(total, 5)]).toEqual([3600000, 700000]);
  expect(value(total, 6)).toBe((value(total, 4) as number) - 700000);
});

test('leverage: own and other financing per granted krone', () => {
  const year = rowOf('Vedtatt i 2022');
  expect([value(year, 3), value(year, 4), value(year, 5), value(year, 6), value(year, 7)]).toEqual([700000, 275000, 75000, 0.5, 4]);
  const all = rowOf('Hele perioden');
  expect([value(all, 3), value(all, 4), value(all, 5)]).toEqual([1100000, 450000, 300000]);
  expect(value(all, 6)).toBeCloseTo(750000 / 1100000, 12);
});

test('projects by PLP phase and status', () => {
  expect(value(rowOf('Forstudie'), 8)).toBe(3);
  expect(value(rowOf('Forprosjekt'), 8)).toBe(3);
  expect(value(rowOf('Hovedprosjekt'), 8)).toBe(2);
});

test('delmål status: not yet during the year, missed once it is over, met when the register shows it', () => {
  const c = rowOf('C');
  expect(value(c, 7)).toBe('Nådd');
  expect(value(rowOf('D'), 7)).toBe('Ikke nådd');
  const during = build('2022-06-01T10:00:00Z');
  expect(during.cells.find((x) => x.row === rowOf('D') && x.column === 7)?.value).toEqual({ kind: 'text', text: 'Ikke ennå' });
  const ref = { sheet: 'S', cell: 'A1' as never };
  expect(
    delmalStatus(
      { year: 2022, strategies: ['A'], text: 't', minima: {}, minimaAt: {}, ref },
      { started: 0, completed: 0, companies: 0, newCompanies: 0 },
      true,
    ),
  ).toBe('Uten måltall');
});

test("marked as the add-in's own board report, landscape A4 fitted to width", () => {
  expect(layout.sheet).toBe('Styrerapport 2022');
  expect(layout.marker).toMatchObject({ kind: 'styrerapport', year: 2022 });
  expect(layout.print).toMatchObject({ orientation: 'landscape', fitToWidth: true });
  expect(value(2, 1)).toBe('Utkast – 4 feil i grunnlaget (27.11.2026)');
});

test("the chart compares target and reported jobs per næring, from its own cells under it (the table's figures)", () => {
  expect(layout.charts).toHaveLength(1);
  const chart = layout.charts![0]!;
  const naeringer = ['Opplevelsesnæring', 'Bygg og anlegg', 'Industri', 'Øvrig næringsliv'];
  expect(chart.kind).toBe('clusteredColumn');
  expect(chart.categories.labels).toEqual(naeringer);
  expect(chart.series.map((s) => [s.name, s.values])).toEqual([
    ['Mål 2022', [5, 10, 10, 15]],
    ['Rapportert 2022', [0, 3, 1, 3]],
  ]);
  const first = rowOf('Opplevelsesnæring');
  const last = rowOf('Øvrig næringsliv');
  expect(chart.categories.range).toBe(`A${first}:A${last}`);
  // Excel draws a text cell ("mangler") as 0: the series refer to the figures written under the chart.
  const top = chart.placement.top + 1;
  expect(chart.series.map((s) => s.range)).toEqual([`C${top}:C${top + 3}`, `D${top}:D${top + 3}`]);
  expect([3, 4].map((column) => [0, 1, 2, 3].map((i) => value(top + i, column)))).toEqual([
    [5, 10, 10, 15],
    [0, 3, 1, 3],
  ]);
  expect([3, 4].map((column) => [0, 1, 2, 3].map((i) => value(first + i, column)))).toEqual([
    [5, 10, 10, 15],
    [0, 3, 1, 3],
  ]);
  // The chart sits below the jobs table and above the grants, which start a new page.
  const grants = rowOf('Budsjett og innvilget per strategi 2022');
  expect(chart.placement.top).toBeGreaterThan(rowOf('Sum'));
  expect(chart.placement.bottom).toBeLessThan(grants);
  expect(layout.rowBreaks).toContain(grants);
});

test('a register without næringer or reports gets no chart (nothing to draw)', () => {
  const data = hallingdalDemo();
  const empty = { ...data, tables: data.tables.map((t) => (t.name === 'Naeringer' || t.name === 'Rapporter' ? { ...t, rows: [] } : t)) };
  const result = validateWorkbook(snapshotFromData(empty));
  const bare = buildStyrerapport({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: 'd',
    generatedAt: '2026-11-27T10:00:00Z',
  });
  expect(bare.charts).toBeUndefined();
});

describe('before the first report (the plain sample: no projects, no reports)', () => {
  const plain = (() => {
    const result = validateWorkbook(snapshotFromData(hallingdalSample()), { today: '2026-11-27' });
    // 2026: the year 2022 is long over, which is when "Ikke nådd" used to appear
    return buildStyrerapport({
      plan: result.plan,
      year: 2022,
      findings: result.findings,
      inputDigest: 'p',
      generatedAt: '2026-11-27T10:00:00Z',
    });
  })();
  const texts = plain.cells.flatMap((c) =>
    c.value.kind === 'text' ? [c.value.text] : c.value.kind === 'formula' && typeof c.value.result === 'string' ? [c.value.result] : [],
  );
  const at = (row: number, column: number) => plain.cells.find((c) => c.row === row && c.column === column);
  const rowIn = (text: string): number => {
    const cell = plain.cells.find((c) => c.column === 1 && c.value.kind === 'text' && c.value.text === text);
    if (!cell) throw new Error(`no "${text}"`);
    return cell.row;
  };

  test('no delmål is "Ikke nådd": each says "Ingen rapporter ennå", in a neutral cell', () => {
    expect(texts).not.toContain('Ikke nådd');
    const statuses = plain.cells.filter((c) => c.column === 7 && c.value.kind === 'text' && c.value.text === 'Ingen rapporter ennå');
    expect(statuses).toHaveLength(10);
    for (const cell of statuses) expect(cell.style?.fill).toBeUndefined();
  });

  test('nothing is red', () => {
    const red = plain.cells.filter((c) => c.style?.fill === 'FFC7CE' || c.style?.color === '9C0006');
    // the banner says the input has errors (a draft); no figure or status of the report is marked
    expect(red.filter((c) => c.row > 2)).toEqual([]);
  });

  test('ratios whose denominator is 0 print "–", as live formulas', () => {
    const vedtatt = rowIn('Vedtatt i 2022');
    expect(at(vedtatt, 6)?.value).toEqual({
      kind: 'formula',
      formula: `IF(C${vedtatt}=0,"–",(D${vedtatt}+E${vedtatt})/C${vedtatt})`,
      result: '–',
    });
    expect(at(vedtatt + 1, 6)?.value).toMatchObject({ result: '–' });
    expect(texts).not.toContain('0.00');
    // budgets are there, nothing granted: 0 % used is a true figure, not an undefined one
    const a = plain.cells.find((c) => c.column === 2 && c.value.kind === 'text' && c.value.text.startsWith('A. '))!;
    expect(at(a.row, 7)?.value).toMatchObject({ result: 0 });
  });

  test('the jobs table says no reports have come in yet', () => {
    expect(texts.some((t) => t.startsWith('Ingen prosjektlederrapporter for 2022 ennå'))).toBe(true);
  });

  test('the "Utløste midler" header ends where its data ends', () => {
    const header = rowIn('Vedtak');
    const headerColumns = plain.cells.filter((c) => c.row === header).map((c) => c.column);
    const dataColumns = plain.cells.filter((c) => c.row === header + 1).map((c) => c.column);
    expect(Math.max(...headerColumns)).toBe(Math.max(...dataColumns));
    const anchor = plain.anchors.find((a) => a.name === 'SR2022_Utlost')!;
    expect(anchor.range.endsWith(`G${header + 2}`)).toBe(true);
  });
});
