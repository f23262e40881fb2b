/**
 * The CLI speaks bokmål by default and English when asked (`--lang en` or an English locale), uses the
 * pane's words for its commands, and refuses a --year outside the programme period the same way in every
 * command. Runs `run()` in-process on real files written by the CLI itself.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openXlsxFile } from '../../src/adapters/xlsx/file';
import { parseCommandLine } from '../../src/cli/args';
import { envLang, run, type CliIo } from '../../src/cli/main';
import { COMMANDS } from '../../src/cli/spec';
import { usage } from '../../src/cli/usage';
import { validateWorkbook } from '../../src/core/validate';
import { COMMAND_WORDS } from '../../src/core/vocabulary';
import { TEXTS } from '../../src/taskpane/i18n';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hp-lang-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function capture(extra: Partial<CliIo> = {}): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false, cwd: dir, today: '2026-11-29', ...extra };
  return { io, out, err };
}

async function runCli(argv: string[], extra: Partial<CliIo> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const { io, out, err } = capture(extra);
  const status = await run(argv, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

describe('language', () => {
  test('the help is in bokmål by default, with every command under its Norwegian word', async () => {
    const help = await runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Bruk: handlingsplan <kommando> \[valg\]\n/);
    for (const spec of COMMANDS) expect(help.stdout).toContain(`\n  ${spec.words.nb} `);
    expect(help.stdout).toContain('Avslutningsstatus:');
    expect(help.stdout).not.toMatch(/Usage|Commands|Exit status/);
  });

  test('--lang en and an English locale give the English help; --lang wins over the locale', async () => {
    expect((await runCli(['--help', '--lang', 'en'])).stdout).toMatch(/^Usage: handlingsplan <command> \[options\]\n/);
    expect((await runCli(['--help'], { lang: 'en' })).stdout).toMatch(/^Usage: /);
    expect((await runCli(['--help', '--lang', 'nb'], { lang: 'en' })).stdout).toMatch(/^Bruk: /);
  });

  test('errors follow the same language', async () => {
    expect((await runCli(['frobnicate'])).stderr).toBe('handlingsplan: ukjent kommando «frobnicate» (se handlingsplan --help)\n');
    expect((await runCli(['frobnicate'], { lang: 'en' })).stderr).toBe(
      "handlingsplan: unknown command 'frobnicate' (see handlingsplan --help)\n",
    );
  });

  test.each([
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_GB' }, 'en'],
    [{ LANG: 'en' }, 'en'],
    [{ LANG: 'nb_NO.UTF-8' }, 'nb'],
    [{ LANG: 'C.UTF-8' }, 'nb'],
    [{ LANG: 'POSIX' }, 'nb'],
    [{}, 'nb'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'nb_NO.UTF-8' }, 'nb'],
    [{ LANG: 'nb_NO.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: '' }, 'en'],
  ])('locale %p → %s', (env, lang) => {
    expect(envLang(env)).toBe(lang);
  });

  test('no line of the help is wider than 80 columns, in either language', () => {
    for (const lang of ['nb', 'en'] as const) {
      for (const line of usage(lang).split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    }
  });
});

describe("the pane's words", () => {
  test.each(Object.entries(COMMAND_WORDS))('%s is also run by its Norwegian word', (name, words) => {
    const argv =
      name === 'generate' || name === 'report' || name === 'fetchSsb' || name === 'fix' || name === 'nextYear'
        ? [words.nb, 'a.xlsx', '-o', 'b.xlsx']
        : [words.nb, 'a.xlsx'];
    expect(parseCommandLine(argv).command.kind).toBe(name);
  });

  test("the Norwegian command words are the pane's buttons", () => {
    const nb = TEXTS.nb;
    expect(nb.validate.toLowerCase()).toBe(COMMAND_WORDS.validate.nb);
    expect(nb.generate.toLowerCase().split(' ')[0]).toBe(COMMAND_WORDS.generate.nb);
    expect(nb.report.toLowerCase()).toContain(COMMAND_WORDS.report.nb);
    expect(nb.useSample.toLowerCase()).toContain(COMMAND_WORDS.sample.nb);
  });

  test('one vocabulary: "arbeidsboka" and "fila" everywhere in src, never "arbeidsboken" or "filen"', () => {
    const offenders: string[] = [];
    const walk = (path: string): void => {
      for (const name of readdirSync(path)) {
        const full = join(path, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx|html)$/.test(name) && name !== 'vocabulary.ts') {
          readFileSync(full, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/\b(arbeidsboken|filen|arbeidsbokens)\b/i.test(line)) offenders.push(`${full}:${i + 1}`);
            });
        }
      }
    };
    walk(resolve(__dirname, '..', '..', 'src'));
    expect(offenders).toEqual([]);
  });
});

describe('init', () => {
  test('defaults to this year and the next two', async () => {
    const result = await runCli(['ny', 'ny.xlsx']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const plan = validateWorkbook(await (await openXlsxFile(join(dir, 'ny.xlsx'))).readSnapshot()).plan;
    expect([plan.program.firstYear?.value, plan.program.lastYear?.value]).toEqual([2026, 2028]);
  });

  test('with only --last-year, the three years up to it', async () => {
    await runCli(['init', 'last.xlsx', '--last-year', '2025']);
    const plan = validateWorkbook(await (await openXlsxFile(join(dir, 'last.xlsx'))).readSnapshot()).plan;
    expect([plan.program.firstYear?.value, plan.program.lastYear?.value]).toEqual([2023, 2025]);
  });
});

describe('--year outside the programme period', () => {
  beforeAll(async () => {
    expect((await runCli(['eksempel', 'sats.xlsx', '--force'])).status).toBe(0);
  });

  test.each([
    [['valider', 'sats.xlsx', '--year', '2030']],
    [['validate', 'sats.xlsx', '--year', '2021', '--json']],
    [['generer', 'sats.xlsx', '--year', '2030', '-o', 'ut.xlsx']],
    [['rapport', 'sats.xlsx', '--year', '2030', '-o', 'ut.xlsx']],
  ])('%p: one line, exit 2, nothing written', async (argv) => {
    const result = await runCli(argv);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^handlingsplan: --year \d{4} ligger utenfor programperioden 2022–2024 [^\n]*\n$/);
    expect(readdirSync(dir)).not.toContain('ut.xlsx');
  });

  test('in English too', async () => {
    const result = await runCli(['validate', 'sats.xlsx', '--year', '2030', '--lang', 'en']);
    expect(result.stderr).toMatch(/^handlingsplan: --year 2030 is outside the programme period 2022–2024/);
  });

  test('a year in the period is checked as before', async () => {
    const result = await runCli(['valider', 'sats.xlsx', '--year', '2023', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBeLessThan(2);
  });
});
