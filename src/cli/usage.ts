import type { Lang, Localized } from '../core/findings/types';
import { say } from '../core/vocabulary';
import { COMMANDS, GLOBAL_OPTIONS, OPTIONS, type CommandSpec, type OptionName } from './spec';

/**
 * The usage text, printed from the command and option specs in src/cli/spec.ts (add commands there, not
 * here). In bokmål by default; each command is shown under the word of the language asked for, with the
 * other language's word beside it — both run it.
 */

const WIDTH = 80;
const OPTION_INDENT = 6;
const OPTION_COLUMN = 26;

const TEXT = {
  usage: { nb: 'Bruk: handlingsplan <kommando> [valg]', en: 'Usage: handlingsplan <command> [options]' },
  intro: {
    nb: 'Kontrollerer budsjett, rammer og mål i handlingsplanen til et regionalt omstillingsprogram, ført i Excel-tabeller, og lager styrets formaterte ark av dem.',
    en: "Checks the budget, frames and targets of a regional restructuring programme's action plan (handlingsplan) kept in Excel tables, and generates the board's formatted sheets from them.",
  },
  commands: {
    nb: 'Kommandoer (det norske og det engelske ordet virker begge):',
    en: 'Commands (the English and the Norwegian word both work):',
  },
  global: { nb: 'Valg for alle kommandoer:', en: 'Options for every command:' },
  severities: { nb: 'Funn er feil, advarsel eller info.', en: 'Findings are feil (error), advarsel (warning) or info.' },
  exit: { nb: 'Avslutningsstatus:', en: 'Exit status:' },
  exit0: { nb: 'ingen funn med alvorlighet feil', en: 'no finding of severity feil' },
  exit1: { nb: 'minst ett funn med alvorlighet feil', en: 'at least one finding of severity feil' },
  exit2: { nb: 'fila kan ikke brukes, eller kommandolinjen er feil', en: 'the file cannot be used, or the command line is wrong' },
  example: { nb: 'Eksempel:', en: 'Example:' },
} satisfies Record<string, Localized>;

/** Greedy word wrap of `text` into lines of at most `width` characters, each starting with `indent`. */
function wrap(text: string, indent: number, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && indent + line.length + 1 + word.length > width) {
      lines.push(' '.repeat(indent) + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(' '.repeat(indent) + line);
  return lines;
}

function optionLabel(name: OptionName, lang: Lang): string {
  const spec = OPTIONS[name];
  const short = 'short' in spec ? `-${spec.short}, ` : '';
  const value = 'value' in spec ? ` ${say(spec.value, lang)}` : '';
  return `${short}--${name}${value}`;
}

/** `      --year ÅÅÅÅ           Året som …`, the help wrapped under its own column. */
function optionLines(name: OptionName, help: Localized, lang: Lang, indent = OPTION_INDENT): string[] {
  const label = ' '.repeat(indent) + optionLabel(name, lang);
  const body = wrap(say(help, lang), OPTION_COLUMN);
  const [first = '', ...rest] = body;
  if (label.length + 1 < OPTION_COLUMN) return [label.padEnd(OPTION_COLUMN) + first.trimStart(), ...rest];
  return [label, ...body];
}

function commandLines(spec: CommandSpec, lang: Lang): string[] {
  const other: Lang = lang === 'nb' ? 'en' : 'nb';
  const lines = [`  ${say(spec.words, lang)} ${say(spec.args, lang)}   (${say(spec.words, other)})`, ...wrap(say(spec.help, lang), 6)];
  for (const name of spec.options) lines.push(...optionLines(name, spec.optionHelp?.[name] ?? OPTIONS[name].help, lang));
  return lines;
}

export function usage(lang: Lang): string {
  const lines: string[] = [say(TEXT.usage, lang), '', ...wrap(say(TEXT.intro, lang), 0), '', say(TEXT.commands, lang)];
  for (const spec of COMMANDS) lines.push(...commandLines(spec, lang), '');
  lines.push(say(TEXT.global, lang));
  for (const name of GLOBAL_OPTIONS) lines.push(...optionLines(name, OPTIONS[name].help, lang, 2));
  lines.push('', say(TEXT.severities, lang), '', say(TEXT.exit, lang));
  lines.push(`  0  ${say(TEXT.exit0, lang)}`, `  1  ${say(TEXT.exit1, lang)}`, `  2  ${say(TEXT.exit2, lang)}`);
  lines.push(
    '',
    say(TEXT.example, lang),
    lang === 'nb'
      ? '  handlingsplan eksempel out/sats.xlsx && handlingsplan valider out/sats.xlsx'
      : '  handlingsplan sample out/sats.xlsx && handlingsplan validate out/sats.xlsx',
  );
  return `${lines.join('\n')}\n`;
}
