/**
 * The second programme's generated sheet, recalculated by LibreOffice: the sheet is rendered with every
 * formula's cached result spoiled (-1), LibreOffice is told to recalculate on load, and the figures it computes
 * from the sheet's own formulas are the ones worked out by hand in test/fixtures/secondProgramme.ts.
 * Needs LibreOffice (`apt-get install -y libreoffice-calc`); without it the test is skipped and says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderLayoutIntoPackage } from '../../src/adapters/xlsx/render';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { sheetUseCase } from '../../src/core/usecase';
import { secondProgramme } from '../fixtures/secondProgramme';

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

withLibreOffice('LibreOffice recalculates the generated Handlingsplan 2024 to the hand-calculated figures', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hp-lo-'));
  try {
    const data = secondProgramme();
    const made = sheetUseCase({ snapshot: snapshotFromData(data), year: null, today: '2024-06-15', kind: 'handlingsplan', generatedAt: '2024-06-15T10:00:00Z' });
    if (!made.ok) throw new Error('no sheet');
    // Spoil every cached result: only a real recalculation gives the right figures back.
    const spoiled = { ...made.layout, cells: made.layout.cells.map((c) => (c.value.kind === 'formula' ? { ...c, value: { ...c.value, result: -1 } } : c)) };
    const rendered = await renderLayoutIntoPackage(await writeWorkbookData(data), spoiled);
    writeFileSync(join(dir, 'fjellbygd.xlsx'), rendered.bytes);
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const run = spawnSync(soffice ?? 'soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', CSV_ALL_SHEETS, '--outdir', join(dir, 'out'), join(dir, 'fjellbygd.xlsx')], { encoding: 'utf8', timeout: 240_000 });
    expect(run.status).toBe(0);
    const file = readdirSync(join(dir, 'out')).find((f) => f.includes('Handlingsplan 2024'));
    if (file === undefined) throw new Error(`no CSV for the sheet: ${readdirSync(join(dir, 'out')).join(', ')}`);
    const rows = parseCsv(readFileSync(join(dir, 'out', file), 'utf8'));
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
