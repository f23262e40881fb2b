import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import { NOTES } from '../../src/core/sample/hallingdal';
import type { LayoutCell, SheetLayout } from '../../src/core/layout/types';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';
import { inputDigest } from '../../src/core/digest';
import { columnLetters } from '../../src/core/util/brand';
import { consistentPlan, setCell, snapshot } from '../support/planBuilder';

const GENERATED_AT = '2026-11-27T10:15:00Z';

function layoutFor(data = hallingdalSample()): SheetLayout {
  const snap = snapshotFromData(data);
  const result = validateWorkbook(snap);
  return buildHandlingsplan({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: inputDigest(snap),
    generatedAt: GENERATED_AT,
  });
}

const at = (layout: SheetLayout, ref: string): LayoutCell | undefined => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return layout.cells.find((c) => `${columnLetters(c.column)}${c.row}` === `${m[1]}${m[2]}`);
};
const textAt = (layout: SheetLayout, ref: string) => {
  const v = at(layout, ref)?.value;
  return v?.kind === 'text' ? v.text : undefined;
};
const findText = (layout: SheetLayout, text: string) => layout.cells.find((c) => c.value.kind === 'text' && c.value.text === text);
const rowOf = (layout: SheetLayout, text: string) => findText(layout, text)?.row ?? -1;
const valueAt = (layout: SheetLayout, row: number, column: number): number | undefined => {
  const v = layout.cells.find((c) => c.row === row && c.column === column)?.value;
  return v?.kind === 'number' ? v.number : v?.kind === 'formula' && typeof v.result === 'number' ? v.result : undefined;
};
const formulaAt = (layout: SheetLayout, row: number, column: number) => {
  const v = layout.cells.find((c) => c.row === row && c.column === column)?.value;
  return v?.kind === 'formula' ? v.formula : undefined;
};

test('the sheet is a titled draft when the input has errors', () => {
  const layout = layoutFor();
  expect(layout.sheet).toBe('Handlingsplan 2022');
  expect(textAt(layout, 'A1')).toBe('Handlingsplan 2022 – Sats på Hallingdal');
  expect(textAt(layout, 'A2')).toBe('Utkast – 4 feil i grunnlaget (27.11.2026)');
  expect(layout.marker).toMatchObject({ kind: 'handlingsplan', year: 2022, generatedAt: GENERATED_AT });
  expect(layout.marker.inputDigest).toMatch(/^[0-9a-f]{14}$/);
});

test('a draft lists each error of the input under the tables, with the input cell', () => {
  const layout = layoutFor();
  const header = findText(layout, 'Avvik')!;
  const listed = layout.cells
    .filter((c) => c.row > header.row && c.column === 1 && c.value.kind === 'text')
    .map((c) => (c.value.kind === 'text' ? c.value.text : ''));
  expect(listed).toEqual(['Mål!M15', 'Mål!C20', 'Mål!C21', 'Mål!C24']);
  expect(layout.cells.find((c) => c.row === header.row + 1 && c.column === 4)?.value).toMatchObject({
    kind: 'text',
    text: expect.stringContaining('Forventet 10, faktisk 15') as unknown,
  });
});

test('a consistent input says Validert with the date', () => {
  const data = consistentPlan();
  const layout = layoutFor(data);
  expect(textAt(layout, 'A2')).toBe('Validert 27.11.2026');
  expect(layout.marks).toEqual([]);
  expect(findText(layout, 'Avvik i grunnlaget')).toBeUndefined();
});

test('the thematic table, in two blocks (areas 1–2, then 3–4): budgets per strategy, live area sums, the 3 200 000 total', () => {
  const layout = layoutFor();
  const first = rowOf(layout, 'Budsjett 2022');
  const second = layout.cells.find(
    (c) => c.column === 1 && c.row > first && c.value.kind === 'text' && c.value.text === 'Budsjett 2022',
  )!.row;
  // B..G are strategies A..F in the first block, B..E are G..J in the second, whose F is the Sum column
  expect([2, 3, 4, 5, 6, 7].map((c) => valueAt(layout, first, c))).toEqual([400000, 400000, 400000, 200000, 200000, 400000]);
  expect([2, 3, 4, 5].map((c) => valueAt(layout, second, c))).toEqual([200000, 200000, 400000, 400000]);
  expect(formulaAt(layout, first + 1, 2)).toBe(`SUM(B${first}:C${first})`);
  expect([2, 4].map((c) => valueAt(layout, first + 1, c))).toEqual([800000, 1200000]);
  expect([2, 4].map((c) => valueAt(layout, second + 1, c))).toEqual([400000, 800000]);
  expect(valueAt(layout, second + 1, 6)).toBe(3200000);
  expect(formulaAt(layout, second + 1, 6)).toBe(`SUM(B${first}:G${first},B${second}:E${second})`);
  expect(layout.merges).toContain(`B${first + 1}:C${first + 1}`);
  expect(layout.merges).toContain(`D${first + 1}:G${first + 1}`);
});

test('tiltak and delmål spanning several strategies are merged across them', () => {
  const layout = layoutFor();
  const dialog = findText(layout, 'Dialog med etablerere og bedrifter')!;
  expect(dialog.column).toBe(6); // E
  expect(layout.merges).toContain(`F${dialog.row}:G${dialog.row}`);
  const delmalEF = findText(layout, 'Tre nye bedrifter under etablering. Fem bedriftsutviklingsprosjekt igangsatt')!;
  expect(layout.merges).toContain(`F${delmalEF.row}:G${delmalEF.row}`);
  const gh = findText(layout, 'Tre prosjekter igangsatt, hvorav ett gjennomført')!;
  expect(layout.merges).toContain(`B${gh.row}:C${gh.row}`);
  for (const note of NOTES) expect(findText(layout, `${note.nr}) ${note.text}`)).toBeDefined();
});

test('resultatmål: the model values, live sums over both blocks, and the published declared sums marked where they disagree', () => {
  const layout = layoutFor();
  const rows = layout.cells
    .filter((c) => c.column === 1 && c.value.kind === 'text' && c.value.text === 'Øvrig næringsliv')
    .map((c) => c.row);
  expect(rows).toHaveLength(2);
  const [a = 0, g = 0] = rows;
  expect([2, 3, 4, 5, 6, 7].map((c) => valueAt(layout, a, c))).toEqual([1, 1, 2, 1, 2, 1]);
  expect([2, 3, 4, 5].map((c) => valueAt(layout, g, c))).toEqual([undefined, undefined, 1, 1]);
  expect(formulaAt(layout, g, 6)).toBe(`SUM(B${a}:G${a},B${g}:E${g})`);
  expect(valueAt(layout, g, 6)).toBe(10);
  expect([2, 4].map((c) => valueAt(layout, a + 1, c))).toEqual([10, 19]);
  expect([2, 4, 6].map((c) => valueAt(layout, g + 1, c))).toEqual([0, 6, 35]);
  const marked = layout.marks.map((m) => `${columnLetters(m.column)}${m.row}`).sort();
  expect(marked).toEqual([`B${a + 1}`, `D${a + 1}`, `F${g}`, `F${g + 1}`].sort());
  expect(layout.marks.find((m) => m.row === g)?.note).toContain('Forventet 10, faktisk 15');
});

test('the budget frame and the financing in millions, with live sums', () => {
  const layout = layoutFor();
  const areasRow = rowOf(layout, 'Sum innsatsområder');
  expect(formulaAt(layout, areasRow, 4)).toMatch(/^SUM\(D\d+:D\d+\)$/);
  expect(valueAt(layout, areasRow, 4)).toBe(3600000);
  expect(valueAt(layout, rowOf(layout, 'Administrasjon 1)'), 4)).toBe(500000);
  expect(valueAt(layout, rowOf(layout, 'Sum totalt'), 4)).toBe(4600000);
  expect(valueAt(layout, rowOf(layout, 'Viken fylkeskommune'), 4)).toBe(4);
  expect(valueAt(layout, rowOf(layout, 'kommunene'), 4)).toBeCloseTo(0.6, 10);
  expect(valueAt(layout, rowOf(layout, 'SUM'), 4)).toBeCloseTo(4.6, 10);
});

test('job targets per næring and year with row and column sums', () => {
  const layout = layoutFor();
  const sumRow = rowOf(layout, 'Sum arbeidsplasser pr år og totalt');
  expect([2, 3, 4, 5].map((c) => valueAt(layout, sumRow, c))).toEqual([40, 60, 100, 200]);
  expect(valueAt(layout, rowOf(layout, '4. Øvrig næringsliv'), 5)).toBe(70);
});

test('conserves totals: the generated budget cells add up to the model total', () => {
  const data = setCell(consistentPlan(), 'Budsjett', [2022, 'A'], 'Beløp', 250000);
  const layout = layoutFor(data);
  const budgetRow = rowOf(layout, 'Budsjett 2022');
  const cells = layout.cells.filter((c) => c.row === budgetRow && c.value.kind === 'number');
  const modelTotal = validateWorkbook(snapshot(data))
    .plan.budget.filter((b) => b.year === 2022)
    .reduce((n, b) => n + b.amount.value, 0);
  const supportBudgetRow = layout.cells.filter((c) => c.value.kind === 'text' && c.value.text === 'Budsjett 2022').map((c) => c.row);
  const generated = supportBudgetRow
    .flatMap((r) => layout.cells.filter((c) => c.row === r && c.value.kind === 'number'))
    .reduce((n, c) => n + (c.value.kind === 'number' ? c.value.number : 0), 0);
  expect(cells.length).toBeGreaterThan(0);
  expect(generated).toBe(modelTotal);
});

test('text from cells stays text in the layout, whatever it starts with', () => {
  const data = setCell(consistentPlan(), 'Tiltak', [2022, 'C'], 'Tiltak', '=HYPERLINK("http://example.com","x")');
  const layout = layoutFor(data);
  const cell = findText(layout, '=HYPERLINK("http://example.com","x")');
  expect(cell?.value.kind).toBe('text');
});

test('anchors name each generated table; print setup is landscape A4 fitted to width', () => {
  const layout = layoutFor();
  expect(layout.anchors.map((a) => a.name)).toEqual([
    'HP2022_Strategier',
    'HP2022_Arbeidsplassmal',
    'HP2022_Tematiske',
    'HP2022_Stotteomrader',
    'HP2022_Finansiering',
    'HP2022_Ramme',
    'HP2022_Avvik',
  ]);
  expect(layout.print).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: { from: 1, to: 2 } });
  expect(layout.print.header).toContain('Sats på Hallingdal');
  expect(layout.print.footer).toContain('27.11.2026');
});
