/**
 * `handlingsplan generate` as a process: the board's sheet lands in a new file, the input file is never
 * touched, every part of the input package survives, and the result reads back as generated and current.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { openXlsxFile, writeWorkbookDataFile } from '../../src/adapters/xlsx/file';
import { openXlsxPort } from '../../src/adapters/xlsx/port';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { parseCell } from '../../src/core/util/brand';
import { validateWorkbook } from '../../src/core/validate';
import { consistentPlan } from '../support/planBuilder';
import { fileKept, runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'hp-generate-'));

function cli(args: string[]) {
  return runCli(args, { cwd: dir });
}

async function parts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (file) out.set(name, Buffer.from(await file.async('uint8array')).toString('base64'));
  }
  return out;
}

const CHANGED_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);

test('generate writes a draft of the sample to a new file and leaves the input byte for byte as it was', async () => {
  const input = join(dir, 'sample.xlsx');
  await writeWorkbookDataFile(hallingdalSample(), input);
  const kept = fileKept(input);
  const mtime = statSync(input).mtimeMs;
  const result = cli(['generate', 'sample.xlsx', '--year', '2022', '-o', 'board.xlsx']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Skrev arket «Handlingsplan 2022»');
  expect(result.stdout).toContain('Utkast: 4 feil');
  expect(kept.untouched()).toBe(true);
  expect(statSync(input).mtimeMs).toBe(mtime);

  // every part of the input is still there, unchanged, except the four the sheet must be registered in
  const inputParts = await parts(input);
  const outputParts = await parts(join(dir, 'board.xlsx'));
  for (const [name, content] of inputParts) {
    expect(outputParts.has(name)).toBe(true);
    if (!CHANGED_PARTS.has(name)) expect({ name, same: outputParts.get(name) === content }).toEqual({ name, same: true });
  }

  // the output reads back: same tables, the sheet marked as generated from this very input, so not stale
  const snapshot = await (await openXlsxFile(join(dir, 'board.xlsx'))).readSnapshot();
  expect(snapshot.sheets).toEqual(['Oppsett', 'Mål', 'Budsjett', 'Prosjekter', 'Effektmål', 'Handlingsplan 2022']);
  expect(snapshot.generated).toEqual([expect.objectContaining({ sheet: 'Handlingsplan 2022', kind: 'handlingsplan', year: 2022 })]);
  const validation = validateWorkbook(snapshot);
  expect(validation.findings.filter((f) => f.rule === 'staleness.generated-stale')).toEqual([]);
  expect(validation.summary.feil).toBe(4);
});

test('after the input changes, the generated sheet is reported as stale; generating again replaces it', async () => {
  const input = join(dir, 'plan.xlsx');
  await writeWorkbookDataFile(consistentPlan(), input);
  expect(cli(['generate', 'plan.xlsx', '-o', 'plan-board.xlsx']).status).toBe(0);
  const port = await openXlsxPort(readFileSync(join(dir, 'plan-board.xlsx')));
  expect(validateWorkbook(await port.readSnapshot()).findings).toEqual([]);
  // change one budget figure in the generated workbook's input tables (as a user would in Excel)
  const snapshot = await port.readSnapshot();
  const budget = snapshot.tables.find((t) => t.name === 'Budsjett');
  const cell = budget?.rows[0]?.[2];
  expect(cell?.kind).toBe('number');
  await port.writeRows('Budsjett', { update: [{ row: parseCell(cell!.address).row, values: { Beløp: 250000 } }], append: [] });
  const stale = validateWorkbook(await port.readSnapshot()).findings.filter((f) => f.rule === 'staleness.generated-stale');
  expect(stale).toEqual([expect.objectContaining({ sheet: 'Handlingsplan 2022', cell: 'A1', severity: 'advarsel' })]);
});

test('generate refuses to write over its input, over an existing file without --force, and without -o', async () => {
  const input = join(dir, 'x.xlsx');
  await writeWorkbookDataFile(consistentPlan(), input);
  const same = cli(['generate', 'x.xlsx', '-o', 'x.xlsx']);
  expect(same.status).toBe(2);
  expect(same.stderr).toMatch(/^handlingsplan: [^\n]+\n$/);
  expect(cli(['generate', 'x.xlsx', '-o', 'y.xlsx']).status).toBe(0);
  const exists = cli(['generate', 'x.xlsx', '-o', 'y.xlsx']);
  expect(exists.status).toBe(2);
  expect(exists.stderr).toContain('--force');
  expect(cli(['generate', 'x.xlsx', '-o', 'y.xlsx', '--force']).status).toBe(0);
  expect(cli(['generate', 'x.xlsx']).status).toBe(2);
  expect(cli(['generate', 'x.xlsx', '--year', '2031', '-o', 'z.xlsx']).status).toBe(2);
  expect(cli(['generate', 'missing.xlsx', '-o', 'z.xlsx']).status).toBe(2);
});

test('report writes the board status report for the demo register: gross jobs, grants, marked as generated', async () => {
  expect(cli(['sample', '--demo', 'demo.xlsx']).status).toBe(0);
  const result = cli(['report', 'demo.xlsx', '--year', '2022', '-o', 'demo-report.xlsx']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('«Styrerapport 2022»');
  const snapshot = await (await openXlsxFile(join(dir, 'demo-report.xlsx'))).readSnapshot();
  expect(snapshot.generated).toEqual([expect.objectContaining({ sheet: 'Styrerapport 2022', kind: 'styrerapport', year: 2022 })]);
  const workbook = new Workbook();
  await workbook.xlsx.load(new Uint8Array(readFileSync(join(dir, 'demo-report.xlsx'))).buffer);
  const sheet = workbook.getWorksheet('Styrerapport 2022');
  const cells: { label: string; row: number }[] = [];
  sheet?.eachRow((row, number) => {
    const value = row.getCell(1).value;
    cells.push({ label: typeof value === 'string' ? value : '', row: number });
  });
  const sumRow = cells.find((c) => c.label === 'Sum')?.row ?? 0;
  // worked out by hand from the demo: 7 gross jobs in 2022 against a target of 40
  expect(sheet?.getCell(sumRow, 3).value).toMatchObject({ formula: expect.stringMatching(/^SUM/) as unknown, result: 40 });
  expect(sheet?.getCell(sumRow, 4).value).toMatchObject({ result: 7 });
  // The chart of target against reported jobs per næring: one chart part, its reported series 0, 3, 1, 3.
  const zip = await JSZip.loadAsync(readFileSync(join(dir, 'demo-report.xlsx')));
  const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  expect(charts).toHaveLength(1);
  const chart = await zip.file(charts[0] ?? '')?.async('string');
  const reported = [...(chart ?? '').matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])),
  );
  expect(reported).toEqual([
    [5, 10, 10, 15],
    [0, 3, 1, 3],
  ]);
});

test('a workbook with macros (.xlsm) gets its copy as .xlsm; the extension has to match what the package is', async () => {
  const plain = join(dir, 'plain-for-macros.xlsx');
  await writeWorkbookDataFile(hallingdalSample(), plain);
  const zip = await JSZip.loadAsync(readFileSync(plain));
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  zip.file('[Content_Types].xml', types.replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml'));
  writeFileSync(join(dir, 'makro.xlsm'), await zip.generateAsync({ type: 'uint8array' }));

  const ok = cli(['generate', 'makro.xlsm', '-o', 'makro-styret.xlsm']);
  expect(ok.stderr).toBe('');
  expect(ok.status).toBe(0);
  const written = await JSZip.loadAsync(readFileSync(join(dir, 'makro-styret.xlsm')));
  expect(await written.file('[Content_Types].xml')?.async('string')).toContain('macroEnabled.main+xml');

  const asXlsx = cli(['generate', 'makro.xlsm', '-o', 'makro-styret.xlsx']);
  expect([asXlsx.status, asXlsx.stderr.trim()]).toEqual([2, expect.stringContaining('må lagres som .xlsm') as unknown]);
  const plainAsXlsm = cli(['generate', 'plain-for-macros.xlsx', '-o', 'plain.xlsm']);
  expect([plainAsXlsm.status, plainAsXlsm.stderr.trim()]).toEqual([2, expect.stringContaining('må lagres som .xlsx') as unknown]);
  expect(existsSync(join(dir, 'makro-styret.xlsx')) || existsSync(join(dir, 'plain.xlsm'))).toBe(false);
});
