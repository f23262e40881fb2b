/**
 * `handlingsplan fix` (rett-opp) as a process: a copy with every quick fix applied in one write, the input
 * never touched, only the named cells changed, clear exit codes.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openXlsxFile, writeWorkbookDataFile } from '../../src/adapters/xlsx/file';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import type { SnapshotCell, WorkbookSnapshot } from '../../src/core/snapshot/types';
import { validateWorkbook } from '../../src/core/validate';
import { consistentPlan, setCell } from '../support/planBuilder';
import { reportsWithJobsAsText } from '../../src/core/sample/scale';
import { expectEachRefused, fileKept, runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'hp-fix-'));

function cli(args: string[]) {
  return runCli(args, { cwd: dir });
}

async function snapshotOf(name: string): Promise<WorkbookSnapshot> {
  return (await openXlsxFile(join(dir, name))).readSnapshot();
}

/** Every table cell by sheet and address. */
function cells(snapshot: WorkbookSnapshot): Map<string, SnapshotCell> {
  const out = new Map<string, SnapshotCell>();
  for (const table of snapshot.tables) {
    for (const cell of [...table.header, ...table.rows.flat(), ...(table.totalRow ?? [])]) out.set(`${table.sheet}!${cell.address}`, cell);
  }
  return out;
}

test('fix writes a copy with the 500 numbers stored as text made numbers; every other cell as it was; the input untouched', async () => {
  await writeWorkbookDataFile(reportsWithJobsAsText(500), join(dir, 'rapporter.xlsx'));
  const kept = fileKept(join(dir, 'rapporter.xlsx'));
  const mtime = statSync(join(dir, 'rapporter.xlsx')).mtimeMs;
  const result = cli(['fix', 'rapporter.xlsx', '-o', 'rettet.xlsx']);
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('Rettet 500 celler i kopien');
  expect(result.stdout).toContain('Igjen: 4 feil');
  // the published plan's four errors have no quick fix: they remain, and say so in the status
  expect(result.status).toBe(1);
  expect(kept.untouched()).toBe(true);
  expect(statSync(join(dir, 'rapporter.xlsx')).mtimeMs).toBe(mtime);

  const old = await snapshotOf('rapporter.xlsx');
  const fixed = await snapshotOf('rettet.xlsx');
  const fixes = validateWorkbook(old).findings.flatMap((f) => (f.fix ? [f.fix] : []));
  expect(fixes).toHaveLength(500);
  const named = new Set(fixes.map((f) => `${f.sheet}!${f.cell}`));
  const a = cells(old);
  const b = cells(fixed);
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [key, cell] of a) {
    if (named.has(key)) expect(b.get(key)).toMatchObject({ kind: 'number', value: 1 });
    else expect({ key, cell: b.get(key) }).toEqual({ key, cell });
  }
  expect(validateWorkbook(fixed).findings.filter((f) => f.rule === 'values.number-as-text')).toEqual([]);
});

test('rett-opp with --rule applies only that rule; exit 0 when no feil is left (a second programme)', async () => {
  const data = setCell(consistentPlan(), 'Budsjett', [2022, 'A'], 'Beløp', '300 000');
  await writeWorkbookDataFile(data, join(dir, 'test.xlsx'));
  const result = cli(['rett-opp', 'test.xlsx', '--rule', 'values.number-as-text', '-o', 'test-rettet.xlsx', '--lang', 'en']);
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('Fixed 1 cell (values.number-as-text) in the copy');
  expect(result.status).toBe(0);
  const fixed = await snapshotOf('test-rettet.xlsx');
  expect(validateWorkbook(fixed).findings).toEqual([]);

  const none = cli(['fix', 'test.xlsx', '--rule', 'budget.total', '-o', 'same.xlsx']);
  expect(none.stdout).toContain('Ingen celler å rette for budget.total');
  expect(none.stdout).toContain('Igjen: 0 feil, 1 advarsler');
  // no feil in the copy (only the warning left unfixed): status 0
  expect(none.status).toBe(0);
});

test('command-line and file errors: exit 2, one line, nothing written', async () => {
  await writeWorkbookDataFile(hallingdalSample(), join(dir, 'sample.xlsx'));
  writeFileSync(join(dir, 'taken.xlsx'), 'x');
  const cases: [string[], RegExp][] = [
    [['fix', 'sample.xlsx'], /trenger -o/],
    [['fix', 'sample.xlsx', '-o', 'sample.xlsx'], /arbeidsboka det leses fra/],
    [['fix', 'sample.xlsx', '-o', 'taken.xlsx'], /finnes allerede; bruk --force/],
    [['fix', 'sample.xlsx', '-o', 'out.txt'], /må slutte på \.xlsx/],
    [['fix', 'sample.xlsx', '--rule', 'values.nope', '-o', 'x.xlsx'], /ukjent regel «values.nope»/],
    [['fix', 'missing.xlsx', '-o', 'y.xlsx'], /missing\.xlsx/],
    [['fix', 'sample.xlsx', '--json', '-o', 'z.xlsx'], /gjelder ikke for «fix»/],
  ];
  expectEachRefused(cases, cli);
  expect(readFileSync(join(dir, 'taken.xlsx'), 'utf8')).toBe('x');
  for (const name of ['x.xlsx', 'y.xlsx', 'z.xlsx', 'out.txt']) expect(existsSync(join(dir, name))).toBe(false);
});
