import type { Localized } from '../core/findings/types';
import { COMMAND_WORDS } from '../core/vocabulary';
import { SAMPLE_PROGRAMME, SAMPLE_YEAR } from '../core/sample/names';

/**
 * The command line in one place: every option and every command, with the help text the usage is printed
 * from (src/cli/usage.ts) and the lists the parser checks against (src/cli/args.ts). To add a command or an
 * option: add it here (its words in both languages), then its parsing in args.ts and its run in main.ts.
 */

/** An option as parseArgs sees it, and as the usage shows it. */
export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** the value's placeholder in the usage (`ÅÅÅÅ`, `FIL`) */
  value?: Localized;
  help: Localized;
}

const YEAR_VALUE: Localized = { nb: 'ÅÅÅÅ', en: 'YYYY' };

export const OPTIONS = {
  help: { type: 'boolean', short: 'h', help: { nb: 'Vis denne hjelpen.', en: 'Show this help.' } },
  version: { type: 'boolean', help: { nb: 'Vis versjonen.', en: 'Show the version.' } },
  lang: {
    type: 'string',
    value: { nb: 'nb|en', en: 'nb|en' },
    help: {
      nb: 'Språk for hjelp og meldinger: nb (bokmål, standard) eller en. Uten --lang gjelder en engelsk LANG (en_*).',
      en: 'Language of help and messages: nb (bokmål, the default) or en. Without --lang, an English LANG (en_*) means en.',
    },
  },
  force: { type: 'boolean', help: { nb: 'Skriv over fila om den finnes.', en: 'Overwrite the file if it exists.' } },
  'first-year': {
    type: 'string',
    value: YEAR_VALUE,
    help: { nb: 'Første år i programperioden (standard: i år).', en: 'First year of the programme period (default: this year).' },
  },
  'last-year': {
    type: 'string',
    value: YEAR_VALUE,
    help: { nb: 'Siste år i perioden (standard: første år + 2).', en: 'Last year of the period (default: first year + 2).' },
  },
  year: {
    type: 'string',
    value: YEAR_VALUE,
    help: {
      nb: 'Året som kontrolleres (standard: Handlingsplanår i arbeidsboka); må ligge i programperioden.',
      en: "The year to check (default: the workbook's Handlingsplanår); must be in the programme period.",
    },
  },
  json: { type: 'boolean', help: { nb: 'Skriv ett JSON-objekt i stedet for tekst.', en: 'Print one JSON object instead of text.' } },
  all: {
    type: 'boolean',
    help: {
      nb: 'List hvert funn på egen linje (uten: funn av samme regel i samme tabellkolonne er én gruppe med de første cellene, som i panelet).',
      en: 'List every finding on a line of its own (without it: findings of one rule in one table column are one group with its first cells, as in the pane).',
    },
  },
  output: {
    type: 'string',
    short: 'o',
    value: { nb: 'FIL', en: 'FILE' },
    help: { nb: 'Hvor kopien skrives (må ikke finnes, eller --force).', en: 'Where to write the copy (must not exist, or --force).' },
  },
  demo: {
    type: 'boolean',
    help: {
      nb: 'Ta med et oppdiktet prosjektregister (prosjekter som heter «Eksempel: …», rapporter, en omdisponering).',
      en: 'Add a fictional project register (projects named "Eksempel: ...", reports, a reallocation).',
    },
  },
  pdf: {
    type: 'boolean',
    help: {
      nb: 'Skriv også det nye arket alene som PDF ved siden av kopien (<ut>.pdf). Krever LibreOffice; uten det: i Excel, Fil → Eksporter.',
      en: 'Also write the new sheet alone as a PDF next to the copy (<out>.pdf). Needs LibreOffice; without it: in Excel, File → Export.',
    },
  },
  rule: {
    type: 'string',
    value: { nb: 'REGEL', en: 'RULE' },
    help: {
      nb: 'Bare rettingene til denne regelen (f.eks. values.number-as-text).',
      en: "Only this rule's fixes (e.g. values.number-as-text).",
    },
  },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** Options every command accepts. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['help', 'version', 'lang'];

export type CommandName = keyof typeof COMMAND_WORDS;

export interface CommandSpec {
  name: CommandName;
  /** the English name and the Norwegian word; both are accepted */
  words: Localized;
  /** older or other words that also run the command (not shown in the usage) */
  aliases?: readonly string[];
  /** what follows the command word in the usage line */
  args: Localized;
  help: Localized;
  options: readonly OptionName[];
  /** a command's own wording of an option's help, where the general one does not fit */
  optionHelp?: Partial<Record<OptionName, Localized>>;
}

/** The arguments of a command that writes a new workbook, reads one, or reads one and writes a copy. */
const WRITES_NEW: Localized = { nb: '<ut.xlsx>', en: '<out.xlsx>' };
const READS: Localized = { nb: '<fil.xlsx>', en: '<file.xlsx>' };
const WRITES_COPY: Localized = { nb: '<fil.xlsx> -o <ut.xlsx>', en: '<file.xlsx> -o <out.xlsx>' };

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'sample',
    words: COMMAND_WORDS.sample,
    args: WRITES_NEW,
    help: {
      nb: `Skriv eksempelarbeidsboka: ${SAMPLE_PROGRAMME}s handlingsplan for ${SAMPLE_YEAR}.`,
      en: `Write the sample workbook: ${SAMPLE_PROGRAMME}'s ${SAMPLE_YEAR} action plan.`,
    },
    options: ['demo', 'force'],
  },
  {
    name: 'init',
    words: COMMAND_WORDS.init,
    args: WRITES_NEW,
    help: {
      nb: 'Skriv en tom arbeidsbok med programmets tabeller, klar til utfylling.',
      en: "Write an empty workbook with the programme's tables, ready to fill in.",
    },
    options: ['first-year', 'last-year', 'force'],
  },
  {
    name: 'validate',
    words: COMMAND_WORDS.validate,
    aliases: ['kontroller'],
    args: READS,
    help: { nb: 'Kontroller arbeidsboka og list funnene.', en: 'Check the workbook and list the findings.' },
    options: ['year', 'json', 'all'],
  },
  {
    name: 'generate',
    words: COMMAND_WORDS.generate,
    args: WRITES_COPY,
    help: {
      nb: 'Skriv en kopi av arbeidsboka med styrets ark «Handlingsplan {år}». Fila det leses fra skrives aldri; en arbeidsbok med makroer kopieres til .xlsm.',
      en: 'Write a copy of the workbook with the board\'s "Handlingsplan {year}" sheet. The file read is never written; a workbook with macros is copied to an .xlsm.',
    },
    options: ['year', 'output', 'force', 'pdf'],
    optionHelp: {
      year: {
        nb: 'Året handlingsplanen gjelder (standard: Handlingsplanår); må ligge i programperioden.',
        en: 'Year of the plan (default: Handlingsplanår); must be in the programme period.',
      },
    },
  },
  {
    name: 'report',
    words: COMMAND_WORDS.report,
    args: WRITES_COPY,
    help: {
      nb: 'Det samme med styrets statusrapport «Styrerapport {år}»: arbeidsplasser mot mål, innvilget mot budsjett, delmål, utløst kapital, prosjekter.',
      en: 'The same with the board\'s status report "Styrerapport {year}": jobs against targets, grants against budgets, delmål, leverage, projects.',
    },
    options: ['year', 'output', 'force', 'pdf'],
    optionHelp: {
      year: {
        nb: 'Året rapporten gjelder (standard: Handlingsplanår); må ligge i programperioden.',
        en: 'Year of the report (default: Handlingsplanår); must be in the programme period.',
      },
    },
  },
  {
    name: 'fetchSsb',
    words: COMMAND_WORDS.fetchSsb,
    args: WRITES_COPY,
    help: {
      nb: 'Skriv en kopi av arbeidsboka med tallene SSB publiserer for kommunene i Kommuner (folkemengde, folkemengde 20–39 år, sysselsatte etter arbeidssted, nyetablerte foretak) fra utgangsåret, i Effektindikatorer. Rader du har skrevet selv, endres aldri. Kilde: SSB, CC BY 4.0.',
      en: 'Write a copy of the workbook with the figures Statistics Norway publishes for the kommuner in Kommuner (population, population 20–39, employed by place of work, new enterprises) from the baseline year, in Effektindikatorer. Rows you typed are never changed. Source: SSB, CC BY 4.0.',
    },
    options: ['output', 'force'],
  },
  {
    name: 'fix',
    words: COMMAND_WORDS.fix,
    args: WRITES_COPY,
    help: {
      nb: 'Skriv en kopi av arbeidsboka med alle hurtigrettingene gjort (tall lagret som tekst blir tall), i én skriving. Fila det leses fra skrives aldri. Statuskoden er kopiens.',
      en: 'Write a copy of the workbook with every quick fix applied (numbers stored as text become numbers), in one write. The file read is never written. The exit status is that of the copy.',
    },
    options: ['rule', 'year', 'output', 'force'],
  },
  {
    name: 'nextYear',
    words: COMMAND_WORDS.nextYear,
    aliases: ['neste-år', 'forbered'],
    args: WRITES_COPY,
    help: {
      nb: 'Skriv en kopi av arbeidsboka med neste års rader lagt til (pane: «Forbered {år}»): budsjett per strategi med årets ramme fordelt etter andelene året før, tiltak og delmål kopiert, resultatmål med årets arbeidsplassmål, rammer og finansiering fra perioden — alle merket som forslag i kolonnen Forslag. Ingenting som finnes, endres; to ganger legger ikke til noe mer.',
      en: "Write a copy of the workbook with next year's rows added (pane: \"Forbered {year}\"): a budget per strategy with the year's frame split by the year before's shares, measures and sub-goals copied, result targets with the year's job targets, frames and financing from the period — all marked as proposals in the Forslag column. Nothing there is changed; running it twice adds nothing more.",
    },
    options: ['year', 'output', 'force'],
    optionHelp: {
      year: {
        nb: 'Året som forberedes (standard: året etter Handlingsplanår); må ligge i programperioden, etter første år.',
        en: 'The year to prepare (default: the year after Handlingsplanår); must be in the programme period, after its first year.',
      },
    },
  },
];

/** Every word that names a command (English, Norwegian, aliases), to the command. */
// A Map, not an object literal: a lookup of "constructor" must find nothing.
export const COMMAND_BY_WORD: ReadonlyMap<string, CommandSpec> = new Map(
  COMMANDS.flatMap((spec) => [spec.words.en, spec.words.nb, ...(spec.aliases ?? [])].map((word) => [word, spec] as const)),
);

export function commandSpec(name: CommandName): CommandSpec {
  const spec = COMMANDS.find((c) => c.name === name);
  if (spec === undefined) throw new Error(`no spec for command ${name}`);
  return spec;
}
