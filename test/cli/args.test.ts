import { parseCommandLine, peekLang } from '../../src/cli/args';
import { CliError } from '../../src/cli/errors';
import { run, wantsColor, localIsoDate, type CliIo } from '../../src/cli/main';

function failure(argv: string[]): CliError {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error(`no failure for ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  test('commands, their Norwegian aliases and options', () => {
    expect(parseCommandLine(['validate', 'a.xlsx'])).toEqual({
      lang: 'nb',
      command: { kind: 'validate', file: 'a.xlsx', json: false, all: false },
    });
    expect(parseCommandLine(['kontroller', 'a.xlsx', '--year=2023', '--json', '--lang', 'en'])).toEqual({
      lang: 'en',
      command: { kind: 'validate', file: 'a.xlsx', json: true, all: false, year: 2023 },
    });
    expect(parseCommandLine(['--lang', 'en', 'eksempel', 'out.xlsx', '--force'])).toEqual({
      lang: 'en',
      command: { kind: 'sample', out: 'out.xlsx', force: true },
    });
    expect(parseCommandLine(['ny', 'out.xlsx', '--first-year', '2025'])).toEqual({
      lang: 'nb',
      command: { kind: 'init', out: 'out.xlsx', force: false, firstYear: 2025 },
    });
  });

  test('help and version win over everything else', () => {
    expect(parseCommandLine(['validate', '--help']).command).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h']).command).toEqual({ kind: 'help' });
    expect(parseCommandLine(['--version']).command).toEqual({ kind: 'version' });
    expect(parseCommandLine([]).command).toEqual({ kind: 'none' });
  });

  test('a file name that starts with a dash after --', () => {
    expect(parseCommandLine(['validate', '--', '-odd.xlsx']).command).toEqual({
      kind: 'validate',
      file: '-odd.xlsx',
      json: false,
      all: false,
    });
    expect(parseCommandLine(['validate', 'a.xlsx', '--all']).command).toEqual({ kind: 'validate', file: 'a.xlsx', json: false, all: true });
  });

  test.each([
    [['constructor'], 'ukjent kommando «constructor» (se handlingsplan --help)'],
    [['validate'], '«validate» mangler filnavn'],
    [['validate', 'a.xlsx', 'b.xlsx'], 'for mange argumenter til «validate»: b.xlsx'],
    [['validate', 'a.xlsx', '--year'], '«--year» mangler verdi'],
    [['validate', 'a.xlsx', '--year', '--json'], '«--year» mangler verdi'],
    [['validate', 'a.xlsx', '--year', '20x2'], '«--year» må være et årstall med fire sifre, ikke «20x2»'],
    [['validate', 'a.xlsx', '--json=yes'], '«--json» tar ingen verdi'],
    [['validate', 'a.xlsx', '--force'], 'valget «--force» gjelder ikke for «validate»'],
    [['validate', 'a.xlsx', '-x'], 'ukjent valg «-x» (se handlingsplan --help)'],
    [['init', 'a.xlsx', '--first-year', '2024', '--last-year', '2023'], 'siste år (2023) er før første år (2024)'],
    [['validate', 'a.xlsx', '--lang', 'xx'], 'ukjent språk «xx» (bruk nb eller en)'],
  ])('%p fails: %s', (argv, nb) => {
    expect(failure(argv).in('nb')).toBe(nb);
  });

  test('peekLang finds --lang even on a command line that is otherwise wrong', () => {
    expect(peekLang(['validate', '--bogus', '--lang', 'en'])).toBe('en');
    expect(peekLang(['validate', '--lang', 'xx'])).toBe('nb');
    expect(peekLang([])).toBe('nb');
  });
});

describe('run', () => {
  function capture(): { io: CliIo; out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false, cwd: '/nonexistent-dir' }, out, err };
  }

  test('an argument error in English when asked for', async () => {
    const { io, out, err } = capture();
    await expect(run(['validate', '--bogus', '--lang', 'en'], io)).resolves.toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual(["handlingsplan: unknown option '--bogus' (see handlingsplan --help)\n"]);
  });

  test('--help goes to stdout with status 0', async () => {
    const { io, out, err } = capture();
    await expect(run(['--help'], io)).resolves.toBe(0);
    expect(out.join('')).toContain('Bruk: handlingsplan');
    expect(err).toEqual([]);
  });
});

describe('wantsColor', () => {
  test.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
  ])('%p, isTTY %p → %p', (env, isTTY, expected) => {
    expect(wantsColor(env, isTTY)).toBe(expected);
  });
});

test('localIsoDate uses the local calendar day', () => {
  expect(localIsoDate(new Date(2024, 0, 1, 0, 30))).toBe('2024-01-01');
});
