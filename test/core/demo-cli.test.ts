/**
 * `handlingsplan sample --demo` end to end: the built CLI writes the demo, and the file reads back to the same
 * findings as the demo built in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openXlsxFile } from '../../src/adapters/xlsx/file';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';
import { runCli, type CliResult } from '../support/cli';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'handlingsplan-demo-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]): CliResult {
  return runCli(args, { cwd: dir });
}

test('--help shows the option', () => {
  expect(cli(['--help']).stdout).toContain('--demo');
});

test('writes the demo, which reads back to the same findings as in memory', async () => {
  const result = cli(['sample', '--demo', 'demo.xlsx', '--lang', 'en']);
  expect(result.status).toBe(0);
  expect(result.stdout).toBe(`Wrote the demo workbook (Hallingdal with fictional example projects) to ${join(dir, 'demo.xlsx')}\n`);

  const snapshot = await (await openXlsxFile(join(dir, 'demo.xlsx'))).readSnapshot();
  const strip = (findings: { rule: string; severity: string; sheet: string; cell: string; expected: unknown; actual: unknown }[]) =>
    findings.map(({ rule, severity, sheet, cell, expected, actual }) => ({ rule, severity, sheet, cell, expected, actual }));
  const fromFile = validateWorkbook(snapshot);
  const inMemory = validateWorkbook(snapshotFromData(hallingdalDemo()));
  expect(strip(fromFile.findings)).toEqual(strip(inMemory.findings));
  expect(fromFile.summary).toEqual({ feil: 4, advarsel: 2, info: 15 });
});

test('the plain sample is still written without the register', async () => {
  expect(cli(['sample', 'plain.xlsx']).status).toBe(0);
  const snapshot = await (await openXlsxFile(join(dir, 'plain.xlsx'))).readSnapshot();
  expect(validateWorkbook(snapshot).summary).toEqual({ feil: 4, advarsel: 1, info: 0 });
});
