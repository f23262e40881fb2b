import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkbookFileError } from '../adapters/port';
import type { Lang } from '../core/findings/types';
import { parseCommandLine, peekLang, type Command } from './args';
import { initCommand, sampleCommand } from './commands/write';
import { validateCommand } from './commands/validate';
import { generateCommand } from './commands/generate';
import { CliError, oneLine } from './errors';
import { EXIT_OK, EXIT_UNUSABLE, type CliIo } from './io';
import { USAGE } from './usage';

export type { CliIo } from './io';

/**
 * Runs one command line (without `node` and the script name) and returns the exit status. Never throws:
 * every failure becomes one line on stderr and status 2, so callers need no error handling of their own.
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let lang: Lang = peekLang(argv);
  try {
    const invocation = parseCommandLine(argv);
    lang = invocation.lang;
    return await dispatch(invocation.command, io, lang);
  } catch (error) {
    return reportFailure(error, io, lang);
  }
}

function dispatch(command: Command, io: CliIo, lang: Lang): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.stdout(USAGE);
      return Promise.resolve(EXIT_OK);
    case 'version':
      io.stdout(`handlingsplan ${readVersion()}\n`);
      return Promise.resolve(EXIT_OK);
    case 'none':
      // Asked for nothing: the usage is the answer, but on stderr and as a failure so scripts notice.
      io.stderr(USAGE);
      return Promise.resolve(EXIT_UNUSABLE);
    case 'sample':
      return sampleCommand(command, io, lang);
    case 'init':
      return initCommand(command, templateOptions(command), io, lang);
    case 'validate':
      return validateCommand(command, io, lang);
    case 'generate':
    case 'report':
      return generateCommand(command, io, lang);
  }
}

function templateOptions(command: Extract<Command, { kind: 'init' }>): { firstYear?: number; lastYear?: number } {
  const options: { firstYear?: number; lastYear?: number } = {};
  if (command.firstYear !== undefined) options.firstYear = command.firstYear;
  if (command.lastYear !== undefined) options.lastYear = command.lastYear;
  return options;
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
    today: localIsoDate(new Date()),
    now: new Date().toISOString(),
  };
  run(process.argv.slice(2), io).then(
    (status) => {
      process.exitCode = status;
    },
    // run() never rejects; this is the last guard so a bug there still ends in one line and status 2.
    (error: unknown) => {
      process.stderr.write(`handlingsplan: intern feil: ${oneLine(String(error))}\n`);
      process.exitCode = EXIT_UNUSABLE;
    },
  );
}
