/**
 * The generated sheets show the frames after the year's reallocations with the moves listed: the demo
 * (100 000 from area 3 to area 1 on 15.09.2022, worked by hand: 800 000 → 900 000 and 400 000 → 300 000), a
 * strategy-named move on the second programme (G2 → I1: area 3 → area 2), the sample without moves (its frame
 * table keeps its one column), and unreadable cells: an unreadable frame is "mangler" in both columns, an
 * unreadable reallocation row is listed with its amount "mangler" and leaves every frame after it incomplete.
 */
import type { CellInput, TableData, WorkbookData } from '../../src/core/contract/tableData';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import { buildStyrerapport } from '../../src/core/layout/styrerapport';
import type { SheetLayout } from '../../src/core/layout/types';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';
import { secondProgramme } from '../fixtures/secondProgramme';

function layouts(data: WorkbookData, year: number): { plan: SheetLayout; report: SheetLayout } {
  const result = validateWorkbook(snapshotFromData(data), { year });
  const input = { plan: result.plan, year, findings: result.findings, inputDigest: 'd', generatedAt: '2026-11-27T10:00:00Z' };
  return { plan: buildHandlingsplan(input), report: buildStyrerapport(input) };
}

function reader(layout: SheetLayout) {
  const value = (row: number, column: number): number | string | null => {
    const v = layout.cells.find((c) => c.row === row && c.column === column)?.value;
    if (!v) return null;
    return v.kind === 'number' ? v.number : v.kind === 'formula' ? v.result : v.kind === 'text' ? v.text.replace(/\u00a0/g, ' ') : null;
  };
  const formula = (row: number, column: number): string | null => {
    const v = layout.cells.find((c) => c.row === row && c.column === column)?.value;
    return v?.kind === 'formula' ? v.formula : null;
  };
  const rowOf = (text: string | RegExp, column = 1, after = 0): number => {
    const cell = layout.cells.find(
      (c) =>
        c.row > after &&
        c.column === column &&
        c.value.kind === 'text' &&
        (typeof text === 'string' ? c.value.text === text : text.test(c.value.text)),
    );
    if (!cell) throw new Error(`no "${String(text)}"`);
    return cell.row;
  };
  /** the values of a row at the given columns */
  const at = (row: number, columns: number[]): (number | string | null)[] => columns.map((c) => value(row, c));
  const note = (row: number, column: number): string | undefined => layout.marks.find((m) => m.row === row && m.column === column)?.note;
  return { value, formula, rowOf, at, note };
}

/** The Handlingsplan's frame table: the Budsjett heading after Finansiering. */
function frameHeader(r: ReturnType<typeof reader>, year: number): number {
  return r.rowOf(`Budsjett ${year}`, 1, r.rowOf(new RegExp(`^Finansiering ${year}`))) + 1;
}

function table(data: WorkbookData, name: string): TableData {
  const found = data.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

/** Sets the cell of `column` in the first row of `name` whose cells include every one of `keys`. */
function setCell(data: WorkbookData, name: string, keys: (string | number)[], column: string, value: CellInput): void {
  const t = table(data, name);
  const row = t.rows.find((cells) => keys.every((k) => cells.includes(k)));
  const index = t.header.indexOf(column);
  if (!row || index < 0) throw new Error(`no ${column} in ${name} at ${keys.join(', ')}`);
  row[index] = value;
}

/** Hallingdal's columns of a move in the Handlingsplan: Dato, Fra, Til, Beløp (under Ramme), Vedtak. */
const PLAN_MOVE = [1, 2, 3, 4, 5];
/** … and in the Styrerapport: Dato, Fra, Til (two columns), Beløp, Vedtak. */
const REPORT_MOVE = [1, 2, 3, 5, 6];
const DEMO_MOVE = ['15.09.2022', '3. Kommunikasjon og samferdsel', '1. Kompetanse og rekruttering', 100000, 'Eksempel: styresak 9/22'];

test('Handlingsplan 2022 of the demo: Ramme and Etter omdisponering, sums over both, the move in a table under the frames', () => {
  const { plan } = layouts(hallingdalDemo(), 2022);
  const r = reader(plan);
  const header = frameHeader(r, 2022);
  expect(r.at(header, [4, 5])).toEqual(['Ramme 2022', 'Etter omdisponering']);
  expect(r.at(r.rowOf(/^1\. /, 1, header), [4, 5])).toEqual([800000, 900000]);
  expect(r.at(r.rowOf(/^2\. /, 1, header), [4, 5])).toEqual([1200000, 1200000]);
  expect(r.at(r.rowOf(/^3\. /, 1, header), [4, 5])).toEqual([400000, 300000]);
  const sumAreas = r.rowOf('Sum innsatsområder', 1, header);
  expect(r.at(sumAreas, [4, 5])).toEqual([3600000, 3600000]);
  expect(r.formula(sumAreas, 5)).toMatch(/^SUM\(E\d+:E\d+\)$/);
  // A cost line is not moved: its figure after is the Ramme cell itself.
  const admin = r.rowOf(/^Administrasjon/, 1, header);
  expect([r.value(admin, 5), r.formula(admin, 5)]).toEqual([500000, `D${admin}`]);
  const total = r.rowOf('Sum totalt', 1, header);
  expect(r.at(total, [4, 5])).toEqual([4600000, 4600000]);
  expect(r.formula(total, 5)).toBe(`E${sumAreas}+SUM(E${admin}:E${total - 1})`);
  const moves = r.rowOf('Omdisponeringer 2022', 1, total);
  expect(r.at(moves + 1, PLAN_MOVE)).toEqual(['Dato', 'Fra', 'Til', 'Beløp', 'Vedtak']);
  expect(r.at(moves + 2, PLAN_MOVE)).toEqual(DEMO_MOVE);
  expect(r.value(moves + 3, 1)).toBeNull();
  // The frame table, its notes and the moves print on one page.
  expect((plan.rowBreaks ?? []).some((b) => b > header - 1 && b <= moves + 2)).toBe(false);
  expect(plan.marks.filter((m) => m.row >= header && m.row <= moves + 2)).toEqual([]);
});

test('Styrerapport 2022 of the demo lists the move under the frames after reallocation', () => {
  const { report } = layouts(hallingdalDemo(), 2022);
  const r = reader(report);
  const sum = r.rowOf('Sum innsatsområder');
  const moves = r.rowOf('Omdisponeringer 2022');
  expect(moves).toBe(sum + 2);
  expect(r.at(moves + 1, REPORT_MOVE)).toEqual(['Dato', 'Fra', 'Til', 'Beløp', 'Vedtak']);
  expect(r.at(moves + 2, REPORT_MOVE)).toEqual(DEMO_MOVE);
  expect(report.merges).toContain(`C${moves + 2}:D${moves + 2}`);
});

test('the sample has no moves: one frame column and no list', () => {
  const { plan, report } = layouts(hallingdalSample(), 2022);
  const r = reader(plan);
  const header = frameHeader(r, 2022);
  expect(r.value(header, 4)).toBe('Ramme 2022');
  expect(r.value(header, 5)).toBeNull();
  expect(() => r.rowOf('Omdisponeringer 2022')).toThrow();
  expect(() => reader(report).rowOf('Omdisponeringer 2022')).toThrow();
});

test('the second programme: a move named by strategies moves their areas’ frames, and says so in both documents', () => {
  const data = secondProgramme();
  data.tables.push({
    name: 'Omdisponeringer',
    sheet: 'Økonomi',
    header: ['Dato', 'Fra', 'Til', 'Beløp', 'Vedtak'],
    rows: [[{ date: '2024-05-02' }, 'g2', 'I1', 40000, 'Sak 4/24']],
  });
  const { plan, report } = layouts(data, 2024);
  const r = reader(plan);
  const header = frameHeader(r, 2024);
  expect(r.at(r.rowOf(/^2\. /, 1, header), [4, 5])).toEqual([400000, 440000]);
  expect(r.at(r.rowOf(/^3\. /, 1, header), [4, 5])).toEqual([300000, 260000]);
  const line = ['02.05.2024', 'strategi G2. Sirkulær økonomi', 'strategi I1. Nyskaping', 40000, 'Sak 4/24'];
  const moves = r.rowOf('Omdisponeringer 2024', 1, header);
  expect(r.at(moves + 2, PLAN_MOVE)).toEqual(line);
  const rr = reader(report);
  expect(rr.at(rr.rowOf('Omdisponeringer 2024') + 2, REPORT_MOVE)).toEqual(line);
  // Another year of the same programme has no moves: no column, no list.
  const other = reader(layouts(data, 2025).plan);
  expect(other.value(frameHeader(other, 2025), 5)).toBeNull();
});

test('an unreadable frame: "mangler" before and after the moves, both sums marked incomplete', () => {
  const data = hallingdalDemo();
  setCell(data, 'Rammer', [2022, 'Innovasjonskultur'], 'Beløp', { error: '#REF!' });
  const r = reader(layouts(data, 2022).plan);
  const header = frameHeader(r, 2022);
  const area2 = r.rowOf(/^2\. /, 1, header);
  expect(r.at(area2, [4, 5])).toEqual(['mangler', 'mangler']);
  expect(r.note(area2, 5)).toMatch(/^Mangler: .+ kan ikke leses/);
  const sumAreas = r.rowOf('Sum innsatsområder', 1, header);
  // The sums leave the missing frame out, and say so: never a total the board would read as whole.
  expect(r.at(sumAreas, [4, 5])).toEqual([2400000, 2400000]);
  for (const c of [4, 5]) expect(r.note(sumAreas, c)).toMatch(/^Ufullstendig sum/);
  expect(r.note(r.rowOf('Sum totalt', 1, header), 5)).toMatch(/^Ufullstendig sum/);
  expect(r.at(r.rowOf(/^3\. /, 1, header), [4, 5])).toEqual([400000, 300000]);
});

test('an unreadable reallocation amount: listed with "mangler", every frame after the moves incomplete, in both documents', () => {
  const data = hallingdalDemo();
  table(data, 'Omdisponeringer').rows.push([{ date: '2022-10-01' }, '2', '4', 'mye', 'Sak 12/22']);
  const { plan, report } = layouts(data, 2022);
  const r = reader(plan);
  const header = frameHeader(r, 2022);
  const area1 = r.rowOf(/^1\. /, 1, header);
  // The readable move still counts; what the unreadable one moved is unknown, so each figure after is incomplete.
  expect(r.at(area1, [4, 5])).toEqual([800000, 900000]);
  expect(r.note(area1, 4)).toBeUndefined();
  expect(r.note(area1, 5)).toMatch(/^Ufullstendig: .+ kan ikke leses/);
  expect(r.note(r.rowOf('Sum innsatsområder', 1, header), 5)).toMatch(/^Ufullstendig sum/);
  expect(r.note(r.rowOf('Sum totalt', 1, header), 4)).toBeUndefined();
  const moves = r.rowOf('Omdisponeringer 2022', 1, header);
  expect(r.at(moves + 2, PLAN_MOVE)).toEqual(DEMO_MOVE);
  expect(r.at(moves + 3, PLAN_MOVE)).toEqual(['01.10.2022', '2', '4', 'mangler', 'Sak 12/22']);
  expect(r.note(moves + 3, 4)).toMatch(/^Mangler: .+ kan ikke leses/);
  const rr = reader(report);
  const listed = rr.rowOf('Omdisponeringer 2022');
  expect(rr.at(listed + 3, REPORT_MOVE)).toEqual(['01.10.2022', '2', '4', 'mangler', 'Sak 12/22']);
  expect(rr.note(rr.rowOf(/^1\. /), 3)).toMatch(/^Ufullstendig/);
});

test('a reallocation row whose date cannot be read may be any year’s: listed, and the frames after it incomplete, in every year', () => {
  const data = secondProgramme();
  data.tables.push({
    name: 'Omdisponeringer',
    sheet: 'Økonomi',
    header: ['Dato', 'Fra', 'Til', 'Beløp', 'Vedtak'],
    rows: [['i høst', 'G2', 'I1', 40000, '']],
  });
  for (const year of [2024, 2025]) {
    const r = reader(layouts(data, year).plan);
    const header = frameHeader(r, year);
    expect(r.value(header, 5)).toBe('Etter omdisponering');
    const area2 = r.rowOf(/^2\. /, 1, header);
    expect(r.note(area2, 5)).toMatch(/^Ufullstendig/);
    const moves = r.rowOf(`Omdisponeringer ${year}`, 1, header);
    expect(r.at(moves + 2, PLAN_MOVE)).toEqual(['mangler', 'G2', 'I1', 'mangler', null]);
  }
});
