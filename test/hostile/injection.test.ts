/**
 * Formula injection: texts a user (or a file from elsewhere) puts into the input workbook that a spreadsheet
 * could take for formulas — `=HYPERLINK(…)`, `+1+1`, `-1+1`, `@SUM(A1)`, `=cmd|' /C calc'!A0` — go through
 * `handlingsplan generate` (as a process) and come out as plain text: inline strings with no <f>, shown
 * with the quote prefix, and read back by exceljs as strings.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook, ValueType } from 'exceljs';
import JSZip from 'jszip';
import { openXlsxFile, writeWorkbookDataFile } from '../../src/adapters/xlsx/file';
import type { CellInput, TableData, WorkbookData } from '../../src/core/contract/tableData';
import { INJECTIONS } from '../support/arbitraries';
import { consistentPlan } from '../support/planBuilder';
import { measureCli } from './cli';

const [HYPERLINK = '', PLUS = '', MINUS = '', AT = '', DDE = ''] = INJECTIONS;

function table(data: WorkbookData, name: string): TableData {
  const found = data.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

function setColumn(t: TableData, header: string, values: CellInput[]): void {
  const index = t.header.indexOf(header);
  t.rows.forEach((row, i) => {
    if (values[i] !== undefined) row[index] = values[i] ?? null;
  });
}

function rename(data: WorkbookData, from: string, to: string): void {
  for (const t of data.tables) for (const row of t.rows) row.forEach((cell, i) => (cell === from ? (row[i] = to) : undefined));
}

/** The consistent plan with injection strings in every free-text place the board's sheet shows. */
function plan(): WorkbookData {
  const data = consistentPlan();
  setColumn(table(data, 'Program'), 'Verdi', [HYPERLINK]);
  setColumn(table(data, 'Strategier'), 'Beskrivelse', [HYPERLINK, PLUS, MINUS, DDE]);
  const tiltak = table(data, 'Tiltak');
  setColumn(tiltak, 'Tiltak', [HYPERLINK, PLUS, MINUS]);
  // And a real formula in the input: only its cached text may reach the board's sheet.
  tiltak.rows.push(
    [2022, 'A', AT],
    [2022, 'C', DDE],
    [2022, 'B', { formula: 'HYPERLINK("http://example.com","Se lenke")', result: 'Se lenke' }],
  );
  const delmal = table(data, 'Delmal');
  setColumn(delmal, 'Delmål', [AT, DDE]);
  delmal.rows.push(
    [2022, 'A', HYPERLINK, null, null, null, null],
    [2022, 'B', PLUS, null, null, null, null],
    [2022, 'C', MINUS, null, null, null, null],
  );
  // A næring and a financing source named like formulas, everywhere they are named.
  rename(data, 'Reiseliv', PLUS);
  rename(data, 'Kommunene', MINUS);
  // An unknown næring in the resultatmål: its error message, with the text in it, is listed on the sheet.
  table(data, 'Resultatmal').rows.push([2022, DDE, null, null, null, null]);
  return data;
}

interface SheetCell {
  ref: string;
  attributes: string;
  formula: string | undefined;
  text: string | undefined;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function cellsOf(sheetXml: string): SheetCell[] {
  return [...sheetXml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((m) => {
    const body = m[3] ?? '';
    const formula = /<f>([\s\S]*?)<\/f>/.exec(body)?.[1];
    const runs = [...body.matchAll(/<t(?: [^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1] ?? ''));
    return {
      ref: m[1] ?? '',
      attributes: m[2] ?? '',
      formula: formula === undefined ? undefined : unescapeXml(formula),
      text: runs.length > 0 ? runs.join('') : undefined,
    };
  });
}

let dir: string;
let sheetXml: string;
let stylesXml: string;
let output: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hp-injection-'));
  await writeWorkbookDataFile(plan(), join(dir, 'input.xlsx'));
  const run = await measureCli(['generate', 'input.xlsx', '-o', 'styret.xlsx'], dir);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  output = join(dir, 'styret.xlsx');
  const before = await JSZip.loadAsync(readFileSync(join(dir, 'input.xlsx')));
  const after = await JSZip.loadAsync(readFileSync(output));
  const added = Object.keys(after.files).filter((name) => !(name in before.files));
  expect(added).toHaveLength(1);
  sheetXml = (await after.file(added[0] ?? '')?.async('string')) ?? '';
  stylesXml = (await after.file('xl/styles.xml')?.async('string')) ?? '';
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('every injection string stands on the sheet as an inline string cell without <f>', () => {
  const cells = cellsOf(sheetXml);
  for (const injection of INJECTIONS) {
    const exact = cells.filter((c) => c.text === injection);
    expect({ injection, found: exact.length > 0 }).toEqual({ injection, found: true });
    for (const c of exact) {
      expect(c.attributes).toContain('t="inlineStr"');
      expect(c.formula).toBeUndefined();
    }
  }
  // Inside longer texts too (the title, the listed error): text, never a formula.
  for (const c of cells.filter((x) => INJECTIONS.some((i) => x.text?.includes(i) === true))) expect(c.formula).toBeUndefined();
});

test('a formula in the input reaches the sheet as the text it showed, not as a formula', () => {
  const cells = cellsOf(sheetXml);
  expect(cells.filter((c) => c.text === 'Se lenke')).toEqual([
    expect.objectContaining({ formula: undefined, attributes: expect.stringContaining('t="inlineStr"') as unknown }),
  ]);
  expect(sheetXml).not.toContain('Se lenke")');
});

test("the only formulas are the sheet's own sums over its cells", () => {
  const formulas = cellsOf(sheetXml).flatMap((c) => (c.formula === undefined ? [] : [c.formula]));
  expect(formulas.length).toBeGreaterThan(0);
  for (const f of formulas) expect(f).toMatch(/^(SUM\([A-Z]+\d+:[A-Z]+\d+\)|[A-Z]+\d+|0)(\+SUM\([A-Z]+\d+:[A-Z]+\d+\))*$/);
});

test('a text that starts like a formula is shown with the quote prefix, as Excel does for typed text', () => {
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
  const starting = cellsOf(sheetXml).filter((c) => /^[=+\-@]/.test(c.text ?? ''));
  expect(starting.length).toBeGreaterThanOrEqual(INJECTIONS.length);
  for (const c of starting) {
    const style = Number(/\ss="(\d+)"/.exec(c.attributes)?.[1] ?? Number.NaN);
    expect({ cell: c.ref, quotePrefix: xfs[style]?.includes('quotePrefix="1"') }).toEqual({ cell: c.ref, quotePrefix: true });
  }
});

test('exceljs reads them as plain strings, and the input tables still hold them as text', async () => {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(output);
  const sheet = workbook.getWorksheet('Handlingsplan 2022');
  if (!sheet) throw new Error('no generated sheet');
  const seen = new Set<string>();
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      // The cells a merge covers repeat its first cell's value; that one is checked itself.
      if (cell.type === ValueType.Merge) return;
      if (cell.type === ValueType.Formula)
        expect(INJECTIONS.some((i) => String(cell.formula).includes(i.replace(/^[=+\-@]/, '')))).toBe(false);
      if (typeof cell.value === 'string' && (INJECTIONS as readonly string[]).includes(cell.value)) {
        expect(cell.type).toBe(ValueType.String);
        seen.add(cell.value);
      }
    }),
  );
  expect([...seen].sort()).toEqual([...INJECTIONS].sort());

  const snapshot = await (await openXlsxFile(output)).readSnapshot();
  const texts = snapshot.tables.filter((t) => t.name === 'Tiltak' || t.name === 'Delmal').flatMap((t) => t.rows.flat());
  for (const injection of INJECTIONS) {
    const cell = texts.find((c) => c.value === injection);
    expect(cell).toEqual(expect.objectContaining({ kind: 'text', value: injection }));
    expect(cell?.formula).toBeUndefined();
  }
});
