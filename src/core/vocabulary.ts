import type { Lang, Localized } from './findings/types';

/**
 * The words the command line and the task pane share, in bokmål and English, so both shells speak of the
 * same things the same way: "arbeidsboka" and "fila" (the a-endings of everyday bokmål), never
 * "arbeidsboken"/"filen" in one place and the other form elsewhere (test/core/vocabulary.test.ts holds the
 * sources to that).
 *
 * To add a term, add it here and use it from both shells; to add a command, add its words to COMMAND_WORDS
 * and its help to src/cli/spec.ts.
 */
export const TERMS = {
  workbook: { nb: 'arbeidsbok', en: 'workbook' },
  theWorkbook: { nb: 'arbeidsboka', en: 'the workbook' },
  file: { nb: 'fil', en: 'file' },
  theFile: { nb: 'fila', en: 'the file' },
  findings: { nb: 'funn', en: 'findings' },
  /** The pane's buttons; the CLI's Norwegian command words are their verbs (COMMAND_WORDS). */
  validate: { nb: 'Valider', en: 'Validate' },
  generatePlan: { nb: 'Generer handlingsplan', en: 'Generate action plan' },
  generateReport: { nb: 'Generer styrerapport', en: 'Generate board report' },
  useSample: { nb: 'Bruk eksempelet', en: 'Use the sample' },
  createWorkbook: { nb: 'Opprett / oppdater arbeidsbok', en: 'Create / update workbook' },
  fetchSsb: { nb: 'Hent fra SSB', en: 'Fetch from Statistics Norway' },
  /** followed by the year: **Forbered 2023** */
  prepareYear: { nb: 'Forbered', en: 'Prepare' },
} satisfies Record<string, Localized>;

/**
 * Each CLI command's English name and its Norwegian word. The Norwegian words are the pane's: `valider` is
 * the **Valider** button, `generer` and `rapport` are **Generer handlingsplan** and **Generer styrerapport**,
 * `eksempel` is **Bruk eksempelet**, `ny` a new, empty workbook.
 */
export const COMMAND_WORDS = {
  sample: { nb: 'eksempel', en: 'sample' },
  init: { nb: 'ny', en: 'init' },
  validate: { nb: 'valider', en: 'validate' },
  generate: { nb: 'generer', en: 'generate' },
  report: { nb: 'rapport', en: 'report' },
  /** the pane's **Hent fra SSB** */
  fetchSsb: { nb: 'hent-ssb', en: 'fetch-ssb' },
  /** **Rett opp** / **Rett opp alle** in the pane */
  fix: { nb: 'rett-opp', en: 'fix' },
  /** the pane's **Forbered {år}** */
  nextYear: { nb: 'neste-aar', en: 'next-year' },
} as const satisfies Record<string, Localized>;

export type CommandWord = keyof typeof COMMAND_WORDS;

/** `text` in `lang`, for callers that hold a Localized and a language. */
export function say(text: Localized, lang: Lang): string {
  return lang === 'nb' ? text.nb : text.en;
}
