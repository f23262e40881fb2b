import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkbookFileError } from '../adapters/port';
import type { Lang } from '../core/findings/types';
import { parseCommandLine, peekLang, type Command } from './args';
import { CliError, oneLine } from './errors';
import { EXIT_OK, EXIT_UNUSABLE, type CliIo } from './io';
import { usage } from './usage';

export type { CliIo } from './io';

/**
 * Runs one command line (without `node` and the script name) and returns the exit status. Never throws:
 * every failure becomes one line on stderr and status 2, so callers need no error handling of their own.
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const fallback = io.lang ?? 'nb';
  let lang: Lang = peekLang(argv, fallback);
  try {
    const invocation = parseCommandLine(argv, fallback);
    lang = invocation.lang;
    return await dispatch(invocation.command, io, lang);
  } catch (error) {
    return reportFailure(error, io, lang);
  }
}

function dispatch(command: Command, io: CliIo, lang: Lang): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.stdout(usage(lang));
      return Promise.resolve(EXIT_OK);
    case 'version':
      io.stdout(`handlingsplan ${readVersion()}\n`);
      return Promise.resolve(EXIT_OK);
    case 'none':
      // Asked for nothing: the usage is the answer, but on stderr and as a failure so scripts notice.
      io.stderr(usage(lang));
      return Promise.resolve(EXIT_UNUSABLE);
    // Each command loads its code when it runs: --help and --version need none of the .xlsx libraries.
    case 'sample':
      return import('./commands/write').then((m) => m.sampleCommand(command, io, lang));
    case 'init':
      return import('./commands/write').then((m) => m.initCommand(command, templateOptions(command, currentYear(io)), io, lang));
    case 'validate':
      return import('./commands/validate').then((m) => m.validateCommand(command, io, lang));
    case 'generate':
    case 'report':
      return import('./commands/generate').then((m) => m.generateCommand(command, io, lang));
    case 'fetchSsb':
      return import('./commands/fetchSsb').then((m) => m.fetchSsbCommand(command, io, lang));
    case 'fix':
      return import('./commands/fix').then((m) => m.fixCommand(command, io, lang));
    case 'nextYear':
      return import('./commands/nextYear').then((m) => m.nextYearCommand(command, io, lang));
  }
}

/**
 * A new programme starts now: without years, the period is this year and the next two. With only
 * `--last-year`, the template counts back from it (a three-year period).
 */
function templateOptions(command: Extract<Command, { kind: 'init' }>, thisYear: number): { firstYear?: number; lastYear?: number } {
  const options: { firstYear?: number; lastYear?: number } = {};
  if (command.firstYear !== undefined) options.firstYear = command.firstYear;
  if (command.lastYear !== undefined) options.lastYear = command.lastYear;
  if (command.firstYear === undefined && command.lastYear === undefined) options.firstYear = thisYear;
  return options;
}

/** The year of the shell's today (local calendar), else of the clock. */
function currentYear(io: CliIo): number {
  const fromToday = io.today === undefined ? NaN : Number(io.today.slice(0, 4));
  return Number.isInteger(fromToday) ? fromToday : new Date().getFullYear();
}

/**
 * The language the environment asks for when there is no `--lang`: English for an English locale (the
 * first of LC_ALL, LC_MESSAGES, LANG that is set, as POSIX orders them), bokmål for anything else —
 * Norwegian, C, POSIX or unset.
 */
export function envLang(env: NodeJS.ProcessEnv): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return /^en(_|\.|@|$)/i.test(value) ? 'en' : 'nb';
  }
  return 'nb';
}

/** Expected failures get their own message; anything else is a bug, reported as such. */
function reportFailure(error: unknown, io: CliIo, lang: Lang): number {
  if (error instanceof CliError) {
    io.stderr(`handlingsplan: ${oneLine(error.in(lang))}\n`);
  } else if (error instanceof WorkbookFileError) {
    io.stderr(`handlingsplan: ${oneLine(lang === 'nb' ? error.nb : error.en)}\n`);
  } else {
    // An empty message would leave the line saying nothing; the error's name at least hints at the kind.
    const message = error instanceof Error ? error.message || error.name : String(error);
    io.stderr(`handlingsplan: ${lang === 'nb' ? 'intern feil' : 'internal error'}: ${oneLine(message)}\n`);
    if (io.debug === true && error instanceof Error && error.stack !== undefined) io.stderr(`${error.stack}\n`);
  }
  return EXIT_UNUSABLE;
}

/** From package.json, found relative to this file: dist/cli/ when built, src/cli/ under ts-jest. */
function readVersion(): string {
  const text = readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8');
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') return parsed.version;
  return 'unknown';
}

/** Colour only for a terminal, unless the user says otherwise (https://no-color.org, FORCE_COLOR). */
export function wantsColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return isTTY;
}

/** Local date, not UTC: in Norway, 00:30 on 1 January is already the new year. */
export function localIsoDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The process entry point used by bin/handlingsplan.js. Sets process.exitCode rather than calling
 * process.exit(), so output still buffered for a pipe is written in full before Node exits.
 */
export function runFromProcess(): void {
  // A reader that goes away (`handlingsplan validate x.xlsx | head`) is not an error of ours.
  // Any other write failure still must not end in a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.exitCode = EXIT_UNUSABLE;
  });
  const io: CliIo = {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    color: wantsColor(process.env, process.stdout.isTTY === true),
    cwd: process.cwd(),
    debug: process.env['HANDLINGSPLAN_DEBUG'] === '1',
    lang: envLang(process.env),
    today: localIsoDate(new Date()),
    now: new Date().toISOString(),
  };
  const ssbApi = process.env['HANDLINGSPLAN_SSB_API'];
  if (ssbApi !== undefined && ssbApi !== '') io.ssbApi = ssbApi;
  run(process.argv.slice(2), io).then(
    (status) => {
      process.exitCode = status;
    },
    // run() never rejects; this is the last guard so a bug there still ends in one line and status 2.
    (error: unknown) => {
      process.stderr.write(`handlingsplan: ${io.lang === 'en' ? 'internal error' : 'intern feil'}: ${oneLine(String(error))}\n`);
      process.exitCode = EXIT_UNUSABLE;
    },
  );
}
