/**
 * The second programme's generated sheet, recalculated by LibreOffice: the sheet is rendered with every
 * formula's cached result spoiled (-1), LibreOffice is told to recalculate on load, and the figures it computes
 * from the sheet's own formulas are the ones worked out by hand in test/fixtures/secondProgramme.ts.
 * In the same run, the `init` template's dropdown lists are evaluated after codes were added to the tables they
 * list (Strategier, Næringer …): each shows the codes added later; and a Styrerapport whose inputs could not all
 * be read sums what is known ("mangler" never breaks a total).
 * Needs LibreOffice (`apt-get install -y libreoffice-calc`); without it the tests are skipped and say so.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { openXlsxPort } from '../../src/adapters/xlsx/port';
import { renderLayoutIntoPackage } from '../../src/adapters/xlsx/render';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { TABLES } from '../../src/core/contract/contract';
import type { LayoutCell } from '../../src/core/layout/types';
import { templateWorkbook } from '../../src/core/template/template';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { sheetUseCase } from '../../src/core/usecase';
import { SECOND, secondProgramme } from '../fixtures/secondProgramme';
import { setCell } from '../support/planBuilder';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
const withLibreOffice = soffice === undefined ? test.skip : test;
if (soffice === undefined) console.warn('LibreOffice is not installed: the recalculation test of the second programme is skipped.');

/** Calc recalculates every formula of an .xlsx on load (never trusting the cached results). */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Every sheet as CSV (raw values, UTF-8, one file per sheet). */
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * Three files go through one LibreOffice run (it is the slow part): the second programme with its generated
 * Handlingsplan; the `init` template after codes were added to its tables, with a sheet that evaluates the
 * template's own dropdown formulas; and a Styrerapport over unreadable cells.
 */
const dir = mkdtempSync(join(tmpdir(), 'hp-lo-'));
let converted: { status: number | null; stderr: string } = { status: null, stderr: 'not run' };
/** The template's list formulas that follow a table column, and the codes added to that column. */
let lists: { formula: string; added: string[] }[] = [];

/** Every list validation's formula in the package (all sheets), decoded. */
async function listFormulas(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const formulas = new Set<string>();
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    for (const m of xml.matchAll(/<dataValidation\b([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)) {
      if (/\btype="list"/.test(m[1] ?? ''))
        formulas.add(
          (m[2] ?? '')
            .replace(/&quot;/g, '"')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&amp;/g, '&'),
        );
    }
  }
  return [...formulas];
}

/** Codes a user would add to the column (a strategy code with digits, a næring), else two plain ones. */
function codesFor(table: string, column: string): string[] {
  if (table === TABLES.strategies.name) return ['R1', 'G2'];
  if (table === TABLES.naeringer.name) return ['Havbruk', 'Reiseliv'];
  return [`${column} 1`, `${column} 2`];
}

/**
 * The template as `init` writes it; then two rows added to every table a dropdown lists (the table grows, as
 * when the user types below it); then a sheet whose cells evaluate each dropdown's own formula.
 */
async function templateWithAddedCodes(): Promise<Uint8Array> {
  const port = await openXlsxPort(await writeWorkbookData(templateWorkbook({ firstYear: SECOND.firstYear, lastYear: SECOND.lastYear })));
  const formulas = (await listFormulas(port.toBytes())).filter((f) => f.startsWith('INDIRECT('));
  lists = [];
  for (const formula of formulas) {
    const m = /^INDIRECT\("([^"[]+)\[([^\]]+)\]"\)$/.exec(formula);
    if (!m) throw new Error(`not a table column: ${formula}`);
    const [table, column] = [m[1] ?? '', m[2] ?? ''];
    const added = codesFor(table, column);
    for (const code of added) await port.appendRow(table, { [column]: code });
    lists.push({ formula, added });
  }
  // TEXTJOIN is _xlfn.-prefixed in a file, as Excel writes it.
  const cells: LayoutCell[] = lists.map((l, i) => ({
    row: i + 1,
    column: 1,
    value: { kind: 'formula', formula: `_xlfn.TEXTJOIN(",",TRUE,${l.formula})`, result: 'ikke beregnet' },
  }));
  await port.renderLayout({
    sheet: 'Lister',
    cells,
    merges: [],
    columnWidths: [],
    rowHeights: [],
    anchors: [],
    marks: [],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true, header: '', footer: '' },
    marker: { kind: 'handlingsplan', year: SECOND.firstYear, inputDigest: 'lister', generatedAt: '2024-06-15T10:00:00Z' },
  });
  return port.toBytes();
}

/** The Styrerapport of the second programme with a #REF! in I1's budget line and in area 2's frame, results spoiled. */
async function brokenStyrerapport(): Promise<Uint8Array> {
  const data = setCell(
    setCell(secondProgramme(), 'Budsjett', [2024, 'I1'], 'Beløp', { error: '#REF!' }),
    'Rammer',
    [2024, '2. Innovasjon'],
    'Beløp',
    { error: '#REF!' },
  );
  const made = sheetUseCase({
    snapshot: snapshotFromData(data),
    year: null,
    today: '2024-06-15',
    kind: 'styrerapport',
    generatedAt: '2024-06-15T10:00:00Z',
  });
  if (!made.ok) throw new Error('no sheet');
  const spoiled = {
    ...made.layout,
    cells: made.layout.cells.map((c) => (c.value.kind === 'formula' ? { ...c, value: { ...c.value, result: -1 } } : c)),
  };
  return (await renderLayoutIntoPackage(await writeWorkbookData(data), spoiled)).bytes;
}

beforeAll(async () => {
  if (soffice === undefined) return;
  const data = secondProgramme();
  const made = sheetUseCase({
    snapshot: snapshotFromData(data),
    year: null,
    today: '2024-06-15',
    kind: 'handlingsplan',
    generatedAt: '2024-06-15T10:00:00Z',
  });
  if (!made.ok) throw new Error('no sheet');
  // Spoil every cached result: only a real recalculation gives the right figures back.
  const spoiled = {
    ...made.layout,
    cells: made.layout.cells.map((c) => (c.value.kind === 'formula' ? { ...c, value: { ...c.value, result: -1 } } : c)),
  };
  const rendered = await renderLayoutIntoPackage(await writeWorkbookData(data), spoiled);
  writeFileSync(join(dir, 'fjellbygd.xlsx'), rendered.bytes);
  writeFileSync(join(dir, 'mal.xlsx'), await templateWithAddedCodes());
  writeFileSync(join(dir, 'brudd.xlsx'), await brokenStyrerapport());
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const run = spawnSync(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      CSV_ALL_SHEETS,
      '--outdir',
      join(dir, 'out'),
      join(dir, 'fjellbygd.xlsx'),
      join(dir, 'mal.xlsx'),
      join(dir, 'brudd.xlsx'),
    ],
    { encoding: 'utf8', timeout: 240_000 },
  );
  converted = { status: run.status, stderr: run.stderr };
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csvOf(prefix: string, sheet: string): string[][] {
  expect(converted).toMatchObject({ status: 0 });
  const file = readdirSync(join(dir, 'out')).find((f) => f.startsWith(prefix) && f.includes(sheet));
  if (file === undefined) throw new Error(`no CSV for ${sheet}: ${readdirSync(join(dir, 'out')).join(', ')}`);
  return parseCsv(readFileSync(join(dir, 'out', file), 'utf8'));
}

withLibreOffice('LibreOffice recalculates the generated Handlingsplan 2024 to the hand-calculated figures', () => {
  const rows = csvOf('fjellbygd', 'Handlingsplan 2024');
  const rowOf = (label: string, nth = 0): string[] => {
    const found = rows.filter((r) => r[0] === label)[nth];
    if (!found) throw new Error(`no row ${label}`);
    return found;
  };
  const numbers = (row: string[], columns: number[]) => columns.map((c) => Number(row[c - 1]));
  // §2.1: row sums, year sums and the period total.
  const header = rows.findIndex((r) => r[0] === 'Prioriterte næringer/år');
  expect([1, 2, 3, 4, 5].map((i) => Number(rows[header + i]?.[5]))).toEqual([18, 13, 20, 6, 8]);
  expect(numbers(rowOf('Sum arbeidsplasser pr år og totalt'), [2, 3, 4, 5, 6])).toEqual([11, 15, 18, 21, 65]);
  // §3: area sums and the total of the thematic budget; the support areas' sum.
  const thematic = rows.findIndex((r) => r[0] === 'Budsjett 2024');
  expect(numbers(rows[thematic + 1] ?? [], [2, 4, 6, 8])).toEqual([250000, 400000, 300000, 950000]);
  const resultatmal = rows.findIndex((r) => r[0] === 'Resultatmål – arbeidsplasser per næring') + 1;
  expect([0, 1, 2, 3, 4].map((i) => Number(rows[resultatmal + i]?.[7]))).toEqual([4, 3, 5, 1, 2]);
  expect(numbers(rows[resultatmal + 5] ?? [], [2, 4, 6, 8])).toEqual([4, 6, 5, 15]);
  const support = rows.map((r, i) => (r[0] === 'Budsjett 2024' ? i : -1)).filter((i) => i >= 0)[1] ?? -1;
  expect(numbers(rows[support + 1] ?? [], [2, 4])).toEqual([125000, 125000]);
  // §4: the frame's sums and the financing in millions.
  expect(Number(rowOf('Sum innsatsområder')[3])).toBe(1075000);
  expect(Number(rowOf('Sum totalt')[3])).toBe(1300000);
  expect(Number(rowOf('SUM')[3])).toBeCloseTo(1.3, 9);
});

withLibreOffice("the template's dropdowns, evaluated by LibreOffice after codes were added to their tables, list those codes", () => {
  const rows = csvOf('mal', 'Lister');
  // Strategier[Kode] and Næringer[Næring] at least, each dropdown that follows a table.
  expect(lists.map((l) => l.formula)).toEqual(
    expect.arrayContaining([`INDIRECT("${TABLES.strategies.name}[Kode]")`, `INDIRECT("${TABLES.naeringer.name}[Næring]")`]),
  );
  expect(lists.map((l, i) => ({ formula: l.formula, list: rows[i]?.[0] }))).toEqual(
    lists.map((l) => ({ formula: l.formula, list: l.added.join(',') })),
  );
});

withLibreOffice('a Styrerapport with unreadable inputs recalculates to the totals over what is known, never #VALUE!', () => {
  const rows = csvOf('brudd', 'Styrerapport 2024');
  const row = (label: string, column = 0): string[] => rows.find((r) => r[column] === label) ?? [];
  // I1: budget, remainder and share are "mangler"; area 2 is I2 alone; the frames' total leaves area 2's out.
  expect(row('I1. Nyskaping', 1).slice(3, 7)).toEqual(['mangler', '0', 'mangler', 'mangler']);
  expect(row('2. Innovasjon').slice(2, 6)).toEqual(['mangler', '150000', '0', '150000']);
  expect(row('Sum innsatsområder').slice(2, 6)).toEqual(['675000', '825000', '0', '825000']);
});
