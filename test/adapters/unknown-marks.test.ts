/**
 * Never a confident false figure, in the board's documents: on the second programme, one unreadable input cell
 * is "mangler" (marked, with a note naming the cell) in the generated Handlingsplan and Styrerapport, and every
 * total that depends on it is marked incomplete — also when the cell cannot be placed at all (a #REF! in a
 * budget line's Strategi), where every area sum it could belong to is. Rendered through both adapters (the
 * .xlsx file read back by exceljs, Office.js against the Excel double), the marks arrive as the cells' notes.
 */
import { Workbook } from 'exceljs';
import { OfficeWorkbook } from '../../src/adapters/office';
import { renderLayoutIntoPackage } from '../../src/adapters/xlsx/render';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import type { CellInput, WorkbookData } from '../../src/core/contract/tableData';
import type { Finding } from '../../src/core/findings/types';
import type { SheetLayout } from '../../src/core/layout/types';
import { notesByCell } from '../../src/core/layout/notes';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { sheetUseCase, type SheetKind } from '../../src/core/usecase';
import { cellAddress } from '../../src/core/util/brand';
import { secondProgramme } from '../fixtures/secondProgramme';
import { createExcelDouble } from '../../src/adapters/office/double';
import { addressOf, setCell } from '../support/planBuilder';

const TODAY = '2024-06-15';

function broken(table: string, key: CellInput[], column: string): { data: WorkbookData; cell: string } {
  const at = addressOf(secondProgramme(), table, key, column);
  const data = setCell(secondProgramme(), table, key, column, { error: '#REF!' });
  return { data, cell: `${at.sheet}!${at.cell}` };
}

function generate(data: WorkbookData, kind: SheetKind): { layout: SheetLayout; findings: Finding[] } {
  const made = sheetUseCase({ snapshot: snapshotFromData(data), year: null, today: TODAY, kind, generatedAt: `${TODAY}T10:00:00Z` });
  if (!made.ok) throw new Error('no sheet');
  return { layout: made.layout, findings: made.result.findings };
}

const valueAt = (layout: SheetLayout, row: number, column: number) => layout.cells.find((c) => c.row === row && c.column === column)?.value;
const textAt = (layout: SheetLayout, row: number, column: number): string | undefined => {
  const v = valueAt(layout, row, column);
  return v?.kind === 'text' ? v.text : undefined;
};
/** The row whose column `column` (default 1) is `label`; `nth` counts from 0. */
function rowOf(layout: SheetLayout, label: string, nth = 0, column = 1): number {
  const row = layout.cells.filter((c) => c.column === column && c.value.kind === 'text' && c.value.text === label).map((c) => c.row)[nth];
  if (row === undefined) throw new Error(`no row ${label}`);
  return row;
}
/** `row:column` of every cell with a note starting with `prefix`. */
const marked = (layout: SheetLayout, prefix: string): string[] =>
  layout.marks.filter((m) => m.note.startsWith(prefix)).map((m) => `${m.row}:${m.column}`);
const noteOf = (layout: SheetLayout, row: number, column: number): string =>
  layout.marks
    .filter((m) => m.row === row && m.column === column)
    .map((m) => m.note)
    .join('\n');

describe("a #REF! in a budget line's Strategi: the line belongs to no known strategy, so no area sum is complete", () => {
  const { data, cell } = broken('Budsjett', [2024, 'I1'], 'Strategi');

  test("rules: one error at the cell; every area frame not checked (it could be any area's); no expected value from the rest", () => {
    const { findings } = generate(data, 'handlingsplan');
    const frameAt = (post: CellInput) => {
      const a = addressOf(data, 'Rammer', [2024, post], 'Beløp');
      return `${a.sheet}!${a.cell}`;
    };
    expect(findings.filter((f) => f.severity === 'feil').map((f) => `${f.rule} @ ${f.sheet}!${f.cell}`)).toEqual([
      `values.error-value @ ${cell}`,
    ]);
    const notChecked = findings.filter((f) => f.rule === 'values.not-checked');
    expect(notChecked.map((f) => `${f.sheet}!${f.cell}`).sort()).toEqual(
      ['Rekruttering og kompetanse', '2. Innovasjon', 3, 'Attraktivitet'].map(frameAt).sort(),
    );
    for (const f of notChecked) expect(f.message.nb).toContain(cell);
    expect(findings.filter((f) => f.rule.startsWith('budget.'))).toEqual([]);
  });

  test("Handlingsplan: every area sum and both tables' Sum columns are marked incomplete, naming the cell", () => {
    const { layout } = generate(data, 'handlingsplan');
    const thematic = rowOf(layout, 'Budsjett 2024') + 1;
    const support = rowOf(layout, 'Budsjett 2024', 1) + 1;
    // Thematic: areas 1 (R1 R2, from column 2), 2 (I1 I2, 4), 3 (G1 G2, 6) and the Sum column 8; support: area 4 and Sum (4).
    expect(marked(layout, 'Ufullstendig')).toEqual(
      expect.arrayContaining([`${thematic}:2`, `${thematic}:4`, `${thematic}:6`, `${thematic}:8`, `${support}:2`, `${support}:4`]),
    );
    expect(noteOf(layout, thematic, 8)).toBe(`Ufullstendig sum: ${cell} kan ikke leses og er ikke med.`);
    // The thematic total over what is known: 950 000 less I1's 250 000.
    expect(valueAt(layout, thematic, 8)).toMatchObject({ kind: 'formula', result: 700000 });
    expect(layout.cells.find((c) => c.row === thematic && c.column === 8)?.style?.fill).toBe('FFC7CE');
    // I1 has no readable line now: its blank is not taken for "no budget" either.
    expect(noteOf(layout, thematic - 1, 4)).toBe(`Ufullstendig: ${cell} kan ikke leses og kan høre til her.`);
  });

  test("Styrerapport: every area's budget and remainder, and the totals over them, are marked incomplete", () => {
    const { layout } = generate(data, 'styrerapport');
    const areaRows = ['1. Rekruttering og kompetanse', '2. Innovasjon', '3. Grønn vekst', '4. Attraktivitet'].map((label) =>
      rowOf(layout, label),
    );
    const total = rowOf(layout, 'Sum innsatsområder');
    const incomplete = marked(layout, 'Ufullstendig');
    for (const row of [...areaRows, total]) expect(incomplete).toEqual(expect.arrayContaining([`${row}:4`, `${row}:6`, `${row}:7`]));
    expect(noteOf(layout, areaRows[1]!, 4)).toContain(cell);
    // I1, without a readable line, shows 0 marked as possibly incomplete, and so do its remainder and share.
    const i1 = rowOf(layout, 'I1. Nyskaping', 0, 2);
    expect(valueAt(layout, i1, 4)).toEqual({ kind: 'number', number: 0 });
    expect([4, 6, 7].map((c) => noteOf(layout, i1, c) !== '')).toEqual([true, true, true]);
    // The frames and the grants do not depend on the budget.
    expect(incomplete.filter((k) => k.endsWith(':3') || k.endsWith(':5'))).toEqual([]);
  });
});

describe('Styrerapport: an unreadable input is "mangler", and what depends on it incomplete', () => {
  test("a #REF! budget amount: the strategy's budget, remainder and share are missing; its area and the total incomplete", () => {
    const { data, cell } = broken('Budsjett', [2024, 'I1'], 'Beløp');
    const { layout } = generate(data, 'styrerapport');
    const line = rowOf(layout, 'I1. Nyskaping', 0, 2);
    expect([4, 6, 7].map((c) => textAt(layout, line, c))).toEqual(['mangler', 'mangler', 'mangler']);
    expect(noteOf(layout, line, 4)).toBe(`Mangler: ${cell} kan ikke leses. Tallet er ikke med i summene.`);
    const area2 = rowOf(layout, '2. Innovasjon');
    const total = rowOf(layout, 'Sum innsatsområder');
    expect(marked(layout, 'Ufullstendig').filter((k) => !k.endsWith(':8'))).toEqual(
      [4, 6, 7].flatMap((c) => [`${area2}:${c}`]).concat([4, 6, 7].map((c) => `${total}:${c}`)),
    );
    // Area 2's budget is what can be read, I2's 150 000, and it says it is incomplete.
    expect(valueAt(layout, area2, 4)).toMatchObject({ kind: 'formula', result: 150000 });
  });

  test("a #REF! area frame: the frame is missing and the frames' total incomplete", () => {
    const { data, cell } = broken('Rammer', [2024, '2. Innovasjon'], 'Beløp');
    const { layout } = generate(data, 'styrerapport');
    const area2 = rowOf(layout, '2. Innovasjon');
    const total = rowOf(layout, 'Sum innsatsområder');
    expect(textAt(layout, area2, 3)).toBe('mangler');
    expect(noteOf(layout, area2, 3)).toContain(cell);
    expect(marked(layout, 'Ufullstendig')).toEqual([`${total}:3`]);
    // The total is SUM over the areas, so the missing frame leaves it out rather than breaking it (#VALUE!).
    expect(valueAt(layout, total, 3)).toMatchObject({
      kind: 'formula',
      formula: expect.stringMatching(/^SUM\(C\d+(,C\d+){3}\)$/) as unknown,
      result: 675000,
    });
  });

  test("a #REF! job target: the year's target and share are missing; the target to date, its share and the sums incomplete", () => {
    const { data, cell } = broken('Arbeidsplassmal', ['Reiseliv'], '2024');
    const { layout } = generate(data, 'styrerapport');
    const reiseliv = rowOf(layout, 'Reiseliv');
    const sum = rowOf(layout, 'Sum');
    expect([3, 5].map((c) => textAt(layout, reiseliv, c))).toEqual(['mangler', 'mangler']);
    expect(noteOf(layout, reiseliv, 3)).toContain(cell);
    // To date: 2023's 2 without 2024's unknown 3.
    expect(valueAt(layout, reiseliv, 6)).toEqual({ kind: 'number', number: 2 });
    expect(marked(layout, 'Ufullstendig')).toEqual([`${reiseliv}:6`, `${reiseliv}:8`, ...[3, 5, 6, 8].map((c) => `${sum}:${c}`)]);
    // The other næringer's figures stand.
    expect(valueAt(layout, rowOf(layout, 'Havbruk'), 3)).toEqual({ kind: 'number', number: 4 });
  });
});

describe('both adapters write the marks as notes on the generated Styrerapport', () => {
  const { data, cell } = broken('Budsjett', [2024, 'I1'], 'Beløp');
  const { layout } = generate(data, 'styrerapport');
  const expected = notesByCell(layout.marks);

  test('the .xlsx file, read back by exceljs: "mangler" with its note, the incomplete totals with theirs', async () => {
    const rendered = await renderLayoutIntoPackage(await writeWorkbookData(data), layout);
    const workbook = new Workbook();
    await workbook.xlsx.load(rendered.bytes.slice().buffer);
    const sheet = workbook.getWorksheet(layout.sheet);
    const noteText = (note: unknown): string =>
      typeof note === 'string'
        ? note
        : note !== null && typeof note === 'object' && 'texts' in note && Array.isArray(note.texts)
          ? note.texts.map((t: { text?: string }) => t.text ?? '').join('')
          : '';
    expect(expected.length).toBeGreaterThan(6);
    for (const n of expected) expect(noteText(sheet?.getCell(n.row, n.column).note)).toContain(n.text);
    const line = rowOf(layout, 'I1. Nyskaping', 0, 2);
    expect(sheet?.getCell(line, 4).value).toBe('mangler');
    expect(noteText(sheet?.getCell(line, 4).note)).toContain(cell);
  });

  test('Office.js (the Excel double): the same notes on the same cells', async () => {
    const double = createExcelDouble({ data, apiVersion: '1.18' });
    const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
    await port.renderLayout(layout);
    expect(expected.length).toBeGreaterThan(6);
    const notes = double.sheet(layout.sheet).notes;
    expect(new Set(notes.keys())).toEqual(new Set(expected.map((n) => cellAddress(n.row, n.column))));
    for (const n of expected) expect(notes.get(cellAddress(n.row, n.column))).toContain(n.text);
  });
});
