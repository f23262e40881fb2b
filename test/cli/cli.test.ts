/**
 * End-to-end tests of the built command-line tool: each runs `node bin/handlingsplan.js` as its own process,
 * exactly as a user or CI would, and looks only at exit status, stdout, stderr and the files written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeWorkbookDataFile } from '../../src/adapters/xlsx/file';
import { fileKept, runCli, type CliResult } from '../support/cli';
import { filledTemplate } from '../support/planBuilder';

const ROOT = resolve(__dirname, '..', '..');
const FINDING_KEYS = ['rule', 'severity', 'sheet', 'cell', 'message', 'expected', 'actual'];

interface JsonReport {
  findings: {
    rule: string;
    severity: 'feil' | 'advarsel' | 'info';
    sheet: string;
    cell: string;
    message: string;
    expected: unknown;
    actual: unknown;
  }[];
  summary: { feil: number; advarsel: number; info: number };
}

let dir: string;

function cli(args: string[], extraEnv: Record<string, string> = {}): CliResult {
  return runCli(args, { cwd: dir, env: extraEnv });
}

function parseReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

/** A failure the user can act on: status 2, nothing on stdout, exactly one line on stderr, no stack trace. */
function expectOneLineFailure(result: CliResult): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^handlingsplan: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

function expectCountsMatch(report: JsonReport): void {
  const counts = { feil: 0, advarsel: 0, info: 0 };
  for (const f of report.findings) counts[f.severity] += 1;
  expect(report.summary).toEqual(counts);
  expect(Object.keys(report.summary)).toEqual(['feil', 'advarsel', 'info']);
}

beforeAll(() => {
  // The tests exercise the shipped binary; jest's globalSetup (test/support/buildCli.js) built dist/.
  dir = mkdtempSync(join(tmpdir(), 'handlingsplan-cli-'));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('help and version', () => {
  test('--help prints the usage on stdout and exits 0', () => {
    const result = cli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Bruk: handlingsplan <kommando>');
    for (const command of ['eksempel', 'ny', 'valider', 'generer', 'rapport', 'sample', 'init', 'validate', '--json', '--lang', '--force'])
      expect(result.stdout).toContain(command);
    expect(result.stderr).toBe('');
  });

  test('-h after a command also prints the usage', () => {
    expect(cli(['validate', '-h']).status).toBe(0);
  });

  test('no arguments prints the usage on stderr and exits 2', () => {
    const result = cli([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Bruk: handlingsplan');
  });

  test('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = cli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`handlingsplan ${version}\n`);
  });
});

describe('sample', () => {
  test('writes the sample workbook and says where', () => {
    const result = cli(['sample', 'hallingdal.xlsx']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(join(dir, 'hallingdal.xlsx'));
    // An .xlsx is a zip file.
    expect(readFileSync(join(dir, 'hallingdal.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('refuses to overwrite an existing file without --force and leaves it unchanged', () => {
    const path = join(dir, 'existing.xlsx');
    expect(cli(['sample', 'existing.xlsx']).status).toBe(0);
    const kept = fileKept(path);
    const result = cli(['sample', 'existing.xlsx']);
    expectOneLineFailure(result);
    expect(result.stderr).toContain('--force');
    expect(kept.untouched()).toBe(true);
  });

  test('never touches a file of the user that happens to have the name', () => {
    const path = join(dir, 'mine.xlsx');
    writeFileSync(path, 'my own data');
    expectOneLineFailure(cli(['sample', 'mine.xlsx']));
    expect(readFileSync(path, 'utf8')).toBe('my own data');
  });

  test('--force overwrites', () => {
    const path = join(dir, 'forced.xlsx');
    writeFileSync(path, 'old');
    expect(cli(['sample', 'forced.xlsx', '--force']).status).toBe(0);
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('a folder that does not exist is a one-line failure', () => {
    expectOneLineFailure(cli(['sample', join('no', 'such', 'folder', 'x.xlsx')]));
  });

  test('an output name that is not .xlsx is refused', () => {
    expectOneLineFailure(cli(['sample', 'plan.txt']));
    expect(existsSync(join(dir, 'plan.txt'))).toBe(false);
  });
});

describe('validate the sample', () => {
  beforeAll(() => {
    if (!existsSync(join(dir, 'sample.xlsx'))) expect(cli(['sample', 'sample.xlsx']).status).toBe(0);
  });

  test('exits 1 and reports the resultatmål that do not add up, under the sheet Mål', () => {
    const result = cli(['validate', 'sample.xlsx']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('sample.xlsx: kontrollert år 2022');
    expect(lines).toContain('Mål');
    expect(result.stdout).toMatch(/^ {2}FEIL +[A-Z]+\d+ +Resultatmål 2022/m);
    expect(result.stdout).toMatch(/^Sammendrag: [1-9]\d* feil, \d+ (advarsel|advarsler), \d+ info$/m);
    // Not a terminal and no FORCE_COLOR: no escape codes.
    expect(result.stdout).not.toContain('\u001b[');
  });

  test('--json prints one object with the seven keys per finding and matching counts', () => {
    const result = cli(['validate', 'sample.xlsx', '--json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const report = parseReport(result.stdout);
    expect(Object.keys(report)).toEqual(['findings', 'summary']);
    expect(report.summary.feil).toBeGreaterThan(0);
    for (const finding of report.findings) {
      expect(Object.keys(finding)).toEqual(FINDING_KEYS);
      expect(typeof finding.message).toBe('string');
    }
    expectCountsMatch(report);
    // Øvrig næringsliv's published sum is 15; its cells add up to less.
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'targets.resultatmal-row-sum', severity: 'feil', sheet: 'Mål', actual: 15 }),
    );
  });

  test('--lang en prints English labels and messages', () => {
    const result = cli(['validate', 'sample.xlsx', '--lang', 'en']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('sample.xlsx: year checked 2022');
    expect(result.stdout).toMatch(/^ {2}ERROR +[A-Z]+\d+ +Result targets 2022/m);
    expect(result.stdout).not.toMatch(/\bFEIL\b|ADVARSEL/);
    expect(result.stdout).toMatch(/^Summary: \d+ errors?, \d+ warnings?, \d+ info$/m);
  });

  test('--json --lang en gives English messages, same findings', () => {
    const nb = parseReport(cli(['validate', 'sample.xlsx', '--json']).stdout);
    const en = parseReport(cli(['validate', 'sample.xlsx', '--json', '--lang=en']).stdout);
    expect(en.findings.map((f) => f.rule)).toEqual(nb.findings.map((f) => f.rule));
    expect(en.findings.find((f) => f.rule === 'targets.resultatmal-row-sum')?.message).toMatch(/^Result targets/);
    expect(en.summary).toEqual(nb.summary);
  });

  test('FORCE_COLOR colours the severity labels; NO_COLOR keeps them plain', () => {
    expect(cli(['validate', 'sample.xlsx'], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[31mFEIL\u001b[0m');
    expect(cli(['validate', 'sample.xlsx'], { NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
});

describe('init and a consistent plan', () => {
  test('init writes an empty template that validates to some valid JSON', () => {
    const path = join(dir, 'template.xlsx');
    const init = cli(['init', 'template.xlsx', '--first-year', '2022', '--last-year', '2024']);
    expect(init.status).toBe(0);
    expect(existsSync(path)).toBe(true);
    const kept = fileKept(path);
    expectOneLineFailure(cli(['init', 'template.xlsx']));
    expect(kept.untouched()).toBe(true);

    const result = cli(['validate', 'template.xlsx', '--json']);
    expect([0, 1]).toContain(result.status);
    expectCountsMatch(parseReport(result.stdout));
  });

  test('init refuses a period that ends before it starts', () => {
    expectOneLineFailure(cli(['init', 'backwards.xlsx', '--first-year', '2024', '--last-year', '2022']));
    expect(existsSync(join(dir, 'backwards.xlsx'))).toBe(false);
  });

  test('a filled-in template that adds up validates with exit 0', async () => {
    await writeWorkbookDataFile(filledTemplate(), join(dir, 'consistent.xlsx'));
    const result = cli(['validate', 'consistent.xlsx', '--json']);
    const report = parseReport(result.stdout);
    // Show the findings when this fails: they say which rule disagrees with the plan.
    expect(report.findings.filter((f) => f.severity === 'feil')).toEqual([]);
    expect(result.status).toBe(0);
    expectCountsMatch(report);
  });

  test('amounts are grouped with a space in nb and in en (one way to write numbers)', async () => {
    await writeWorkbookDataFile(filledTemplate({ fylkeskommunen: 700_000 }), join(dir, 'underfunded.xlsx'));
    const nb = cli(['validate', 'underfunded.xlsx']);
    expect(nb.status).toBe(1);
    expect(nb.stdout).toContain('(forventet 1 100 000, faktisk 1 000 000)');
    const en = cli(['validate', 'underfunded.xlsx', '--lang', 'en']);
    expect(en.stdout).toContain('(expected 1 100 000, actual 1 000 000)');
  });
});

describe('unusable input: exit 2, one line on stderr, no stack trace', () => {
  test('a missing file', () => {
    expectOneLineFailure(cli(['validate', 'missing.xlsx']));
    expectOneLineFailure(cli(['validate', 'missing.xlsx', '--json']));
  });

  test('a text file renamed .xlsx', () => {
    writeFileSync(join(dir, 'text.xlsx'), 'Dette er ikke et regneark.\n');
    expectOneLineFailure(cli(['validate', 'text.xlsx']));
  });

  test('a truncated xlsx', () => {
    if (!existsSync(join(dir, 'sample.xlsx'))) expect(cli(['sample', 'sample.xlsx']).status).toBe(0);
    const bytes = readFileSync(join(dir, 'sample.xlsx'));
    writeFileSync(join(dir, 'truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectOneLineFailure(cli(['validate', 'truncated.xlsx']));
  });

  test('an unknown command', () => {
    const result = cli(['frobnicate']);
    expectOneLineFailure(result);
    expect(result.stderr).toContain('frobnicate');
  });

  test('--lang xx', () => {
    const result = cli(['validate', 'sample.xlsx', '--lang', 'xx']);
    expectOneLineFailure(result);
    expect(result.stderr).toContain('xx');
  });

  test('wrong arguments', () => {
    expectOneLineFailure(cli(['validate']));
    expectOneLineFailure(cli(['validate', 'a.xlsx', 'b.xlsx']));
    expectOneLineFailure(cli(['validate', 'a.xlsx', '--year', '22']));
    expectOneLineFailure(cli(['validate', 'a.xlsx', '--year']));
    expectOneLineFailure(cli(['validate', 'a.xlsx', '--bogus']));
    expectOneLineFailure(cli(['sample', 'a.xlsx', '--json']));
  });

  test('the reason is in the chosen language', () => {
    expect(cli(['validate', 'missing.xlsx', '--lang', 'en']).stderr).not.toBe(cli(['validate', 'missing.xlsx']).stderr);
    expect(cli(['frobnicate', '--lang', 'en']).stderr).toBe("handlingsplan: unknown command 'frobnicate' (see handlingsplan --help)\n");
  });
});
