import { parseArgs } from 'node:util';
import type { Lang } from '../core/findings/types';
import { cliError } from './errors';
import { COMMAND_BY_WORD, GLOBAL_OPTIONS, OPTIONS, commandSpec, type CommandName as SpecCommandName, type OptionName } from './spec';

/** What the command line asks for, after every argument was checked. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  /** No command at all: show the usage, but as a failure. */
  | { kind: 'none' }
  /** `demo`: the sample plus a fictional project register (only present when asked for). */
  | { kind: 'sample'; out: string; force: boolean; demo?: boolean }
  | { kind: 'init'; out: string; force: boolean; firstYear?: number; lastYear?: number }
  | { kind: 'validate'; file: string; year?: number; json: boolean; all: boolean }
  /** `pdf`: also the generated sheet alone as a PDF next to the copy (only present when asked for). */
  | { kind: 'generate'; file: string; out: string; force: boolean; year?: number; pdf?: boolean }
  | { kind: 'report'; file: string; out: string; force: boolean; year?: number; pdf?: boolean }
  | { kind: 'fetchSsb'; file: string; out: string; force: boolean }
  | { kind: 'fix'; file: string; out: string; force: boolean; rule?: string; year?: number }
  | { kind: 'nextYear'; file: string; out: string; force: boolean; year?: number };

export interface Invocation {
  lang: Lang;
  command: Command;
}

type CommandName = SpecCommandName;

/** Raw option values as typed, before they are checked against the command. */
interface RawOptions {
  values: Map<OptionName, string | true>;
  positionals: string[];
}

/** The options as parseArgs takes them: type and short name only. */
const PARSE_OPTIONS: Record<string, { type: 'boolean' | 'string'; short?: string }> = Object.fromEntries(
  Object.entries(OPTIONS).map(([name, spec]) => [name, 'short' in spec ? { type: spec.type, short: spec.short } : { type: spec.type }]),
);

function isOptionName(name: string): name is OptionName {
  return Object.prototype.hasOwnProperty.call(OPTIONS, name);
}

/**
 * Splits argv into options and positionals. parseArgs runs non-strict with tokens so that every complaint
 * (unknown option, missing value) is ours and can be said in bokmål as well as English.
 */
function readOptions(argv: string[]): RawOptions {
  const { tokens } = parseArgs({ args: argv, options: PARSE_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const values = new Map<OptionName, string | true>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (!isOptionName(token.name)) {
      throw cliError(
        `ukjent valg «${token.rawName}» (se handlingsplan --help)`,
        `unknown option '${token.rawName}' (see handlingsplan --help)`,
      );
    }
    values.set(token.name, optionValue(token.name, token.rawName, token.value, token.inlineValue));
  }
  return { values, positionals };
}

function optionValue(name: OptionName, rawName: string, value: string | undefined, inline: boolean | undefined): string | true {
  if (OPTIONS[name].type === 'boolean') {
    if (value !== undefined) throw cliError(`«${rawName}» tar ingen verdi`, `'${rawName}' takes no value`);
    return true;
  }
  // No value of ours starts with '-': `--year --json` means the year was forgotten, not that it is "--json".
  if (value === undefined || (!inline && value.startsWith('-'))) {
    throw cliError(`«${rawName}» mangler verdi`, `'${rawName}' needs a value`);
  }
  return value;
}

/**
 * The language is settled first, so every later complaint can be made in it. An invalid `--lang` is itself
 * reported in bokmål, the default.
 */
function readLang(raw: RawOptions, fallback: Lang): Lang {
  const value = raw.values.get('lang');
  if (value === undefined) return fallback;
  if (value === 'nb' || value === 'en') return value;
  throw cliError(`ukjent språk «${String(value)}» (bruk nb eller en)`, `unknown language '${String(value)}' (use nb or en)`);
}

/**
 * Reads the language even from a command line that is otherwise wrong (an unknown option, a missing file
 * name), so the complaint about it comes in the language the user asked for. Falls back to bokmål.
 */
export function peekLang(argv: string[], fallback: Lang = 'nb'): Lang {
  const { tokens } = parseArgs({ args: argv, options: PARSE_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  let lang: Lang = fallback;
  for (const token of tokens) {
    if (token.kind === 'option' && token.name === 'lang' && (token.value === 'nb' || token.value === 'en')) lang = token.value;
  }
  return lang;
}

/** The command word as the user typed it (`valider`, `validate`), for messages about it. */
function typedWord(raw: RawOptions): string {
  return raw.positionals[0] ?? '';
}

function checkOptionsFor(command: CommandName, raw: RawOptions): void {
  const typed = typedWord(raw);
  const allowed = new Set<OptionName>([...GLOBAL_OPTIONS, ...commandSpec(command).options]);
  for (const name of raw.values.keys()) {
    if (!allowed.has(name)) {
      throw cliError(`valget «--${name}» gjelder ikke for «${typed}»`, `option '--${name}' does not apply to '${typed}'`);
    }
  }
}

/** One positional argument after the command: the workbook file. */
function fileArgument(raw: RawOptions): string {
  const command = typedWord(raw);
  const rest = raw.positionals.slice(1);
  if (rest.length === 0) throw cliError(`«${command}» mangler filnavn`, `'${command}' needs a file name`);
  if (rest.length > 1) {
    throw cliError(
      `for mange argumenter til «${command}»: ${rest.slice(1).join(' ')}`,
      `too many arguments for '${command}': ${rest.slice(1).join(' ')}`,
    );
  }
  const [file = ''] = rest;
  if (file.trim() === '') throw cliError(`«${command}» mangler filnavn`, `'${command}' needs a file name`);
  return file;
}

/** A four-digit year; anything else is a typo the user should see rather than a silent default. */
function yearOption(raw: RawOptions, name: 'year' | 'first-year' | 'last-year'): number | undefined {
  const value = raw.values.get(name);
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (!/^\d{4}$/.test(text)) {
    throw cliError(`«--${name}» må være et årstall med fire sifre, ikke «${text}»`, `'--${name}' must be a four-digit year, not '${text}'`);
  }
  return Number(text);
}

function sampleCommand(raw: RawOptions): Command {
  const command: Command = { kind: 'sample', out: fileArgument(raw), force: raw.values.has('force') };
  if (raw.values.has('demo')) command.demo = true;
  return command;
}

function initCommand(raw: RawOptions): Command {
  const firstYear = yearOption(raw, 'first-year');
  const lastYear = yearOption(raw, 'last-year');
  if (firstYear !== undefined && lastYear !== undefined && lastYear < firstYear) {
    throw cliError(`siste år (${lastYear}) er før første år (${firstYear})`, `last year (${lastYear}) is before first year (${firstYear})`);
  }
  const command: Command = { kind: 'init', out: fileArgument(raw), force: raw.values.has('force') };
  if (firstYear !== undefined) command.firstYear = firstYear;
  if (lastYear !== undefined) command.lastYear = lastYear;
  return command;
}

function validateCommand(raw: RawOptions): Command {
  return withYear<Extract<Command, { kind: 'validate' }>>(
    { kind: 'validate', file: fileArgument(raw), json: raw.values.has('json'), all: raw.values.has('all') },
    raw,
  );
}

/** What every command that writes a copy takes: the workbook, `-o` (required: the input is never overwritten) and --force. */
function copyTarget(raw: RawOptions): { file: string; out: string; force: boolean } {
  const out = raw.values.get('output');
  if (out === undefined || out === true || out.trim() === '') {
    const typed = typedWord(raw);
    throw cliError(
      `«${typed}» trenger -o <ut.xlsx>: arbeidsboka det leses fra, skrives aldri over`,
      `'${typed}' needs -o <out.xlsx>: the workbook it reads is never overwritten`,
    );
  }
  return { file: fileArgument(raw), out, force: raw.values.has('force') };
}

/** The command with --year set when it was given. */
function withYear<T extends { year?: number }>(command: T, raw: RawOptions): T {
  const year = yearOption(raw, 'year');
  if (year !== undefined) command.year = year;
  return command;
}

function generateCommand(raw: RawOptions, kind: 'generate' | 'report'): Command {
  const command = withYear<Extract<Command, { kind: 'generate' | 'report' }>>({ kind, ...copyTarget(raw) }, raw);
  if (raw.values.has('pdf')) command.pdf = true;
  return command;
}

function fixCommand(raw: RawOptions): Command {
  const command: Extract<Command, { kind: 'fix' }> = { kind: 'fix', ...copyTarget(raw) };
  const rule = raw.values.get('rule');
  if (typeof rule === 'string') command.rule = rule.trim();
  return withYear(command, raw);
}

function fetchSsbCommand(raw: RawOptions): Command {
  return { kind: 'fetchSsb', ...copyTarget(raw) };
}

function nextYearCommand(raw: RawOptions): Command {
  return withYear<Extract<Command, { kind: 'nextYear' }>>({ kind: 'nextYear', ...copyTarget(raw) }, raw);
}

function namedCommand(name: CommandName, raw: RawOptions): Command {
  checkOptionsFor(name, raw);
  switch (name) {
    case 'sample':
      return sampleCommand(raw);
    case 'init':
      return initCommand(raw);
    case 'validate':
      return validateCommand(raw);
    case 'generate':
    case 'report':
      return generateCommand(raw, name);
    case 'fetchSsb':
      return fetchSsbCommand(raw);
    case 'fix':
      return fixCommand(raw);
    case 'nextYear':
      return nextYearCommand(raw);
  }
}

/** Turns argv (without node and the script) into an invocation, or throws a CliError saying what is wrong. */
export function parseCommandLine(argv: string[], fallbackLang: Lang = 'nb'): Invocation {
  const raw = readOptions(argv);
  const lang = readLang(raw, fallbackLang);
  // --help and --version win over everything else, so `handlingsplan validate --help` shows help, not an error.
  if (raw.values.has('help')) return { lang, command: { kind: 'help' } };
  if (raw.values.has('version')) return { lang, command: { kind: 'version' } };
  const [first] = raw.positionals;
  if (first === undefined) return { lang, command: { kind: 'none' } };
  const name = COMMAND_BY_WORD.get(first)?.name;
  if (name === undefined) {
    throw cliError(`ukjent kommando «${first}» (se handlingsplan --help)`, `unknown command '${first}' (see handlingsplan --help)`);
  }
  return { lang, command: namedCommand(name, raw) };
}
