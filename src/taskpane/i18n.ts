import type { Lang, Localized, Severity } from '../core/findings/types';
import { formatCount } from './format';

export type { Lang };

/**
 * Every text the pane shows, in bokmål (the default) and English. Components take `t` from here and never
 * hold words of their own; texts from the workbook and the core's findings come with both languages already.
 */
const nb = {
  lang: 'nb' as Lang,
  htmlLang: 'nb',
  appName: 'Handlingsplan',
  tagline: 'Kontroll av budsjett, rammer og mål',
  noProgramName: 'Programnavn mangler',
  period: (first: number, last: number) => `Programperiode ${first}–${last}`,
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  loading: 'Laster …',
  // actions
  validate: 'Valider',
  generate: 'Generer handlingsplan',
  createTemplate: 'Opprett / oppdater arbeidsbok',
  openWorkbook: 'Åpne arbeidsbok',
  openOther: 'Åpne en annen',
  useSample: 'Bruk eksempelet',
  chooseFile: 'Velg en .xlsx-fil',
  dropHint: 'eller slipp en .xlsx-fil her',
  dropActive: 'Slipp fila for å åpne den',
  standaloneIntro: 'Åpne arbeidsboka med programmets tabeller, eller prøv med Sats på Hallingdals handlingsplan for 2022.',
  standalonePrivacy: 'Fila blir i nettleseren og endres ikke. En generert handlingsplan lastes ned som en ny fil.',
  dropZoneLabel: 'Åpne en arbeidsbok',
  actionsLabel: 'Handlinger',
  // progress
  busy: {
    load: 'Leser arbeidsboka …',
    open: 'Åpner arbeidsboka …',
    sample: 'Lager eksempelet …',
    validate: 'Validerer …',
    fix: 'Retter opp …',
    select: 'Viser cellen …',
    generate: 'Lager handlingsplanen …',
    template: 'Oppretter tabeller …',
  },
  // year
  year: 'År',
  yearHelp: (planYear: number | null) => (planYear === null ? 'Året som valideres og genereres.' : `Handlingsplanår i arbeidsboka: ${planYear}.`),
  // findings
  findingsHeading: 'Funn',
  severity: { feil: 'Feil', advarsel: 'Advarsler', info: 'Info' } satisfies Record<Severity, string>,
  severityOne: { feil: 'feil', advarsel: 'advarsel', info: 'info' } satisfies Record<Severity, string>,
  severityMany: { feil: 'feil', advarsel: 'advarsler', info: 'info' } satisfies Record<Severity, string>,
  countIn: (n: number, sheet: string) => `${formatCount(n)} på arket ${sheet}`,
  expected: 'Forventet',
  actual: 'Faktisk',
  empty: '(tom)',
  goTo: 'Gå til',
  fix: 'Rett opp',
  fixLabel: (label: string, where: string) => `Rett opp ${where}: ${label}`,
  rowContext: (table: string) => `Raden i tabellen ${table}`,
  rowContextNone: 'Cellen står ikke i en tabell.',
  // results
  summary: (counts: Record<Severity, number>, year: number | null) =>
    `${year === null ? 'Validert' : `Validert for ${year}`}: ${listCounts(counts, 'nb')}.`,
  allGood: (year: number | null) => (year === null ? 'Alt stemmer.' : `Alt stemmer for ${year}.`),
  resultTitle: { ok: 'Ingen feil', warn: 'Ingen feil, men se på advarslene', error: 'Noe stemmer ikke' },
  fixed: (where: string) => `Rettet ${where}. Validert på nytt.`,
  selectedInExcel: (where: string) => `Markerte ${where} i Excel.`,
  generatedTitle: 'Handlingsplanen er laget',
  generatedExcel: (sheet: string) => `Arket «${sheet}» er laget.`,
  generatedReplaced: 'Det erstattet forrige versjon av arket.',
  generatedRenamed: (wanted: string, sheet: string) => `Du har et eget ark som heter «${wanted}», så den nye fikk navnet «${sheet}».`,
  generatedDraft: (errors: number) => `Arket er merket som utkast: ${formatCount(errors)} feil i grunnlaget er markert.`,
  generatedDownload: (sheet: string, file: string) => `Arket «${sheet}» ligger i en kopi av arbeidsboka: ${file}. Originalfila er ikke endret.`,
  downloadAgain: 'Last ned igjen',
  goToSheet: 'Gå til arket',
  noYear: 'Velg et år, eller fyll inn Handlingsplanår i tabellen Program, før du genererer.',
  templateTitle: 'Arbeidsboka er oppdatert',
  templateCreated: (sheets: string[], tables: string[], columns: string[]) =>
    [
      sheets.length > 0 ? `Nye ark: ${sheets.join(', ')}.` : '',
      tables.length > 0 ? `Nye tabeller: ${tables.join(', ')}.` : '',
      columns.length > 0 ? `Nye kolonner: ${columns.join(', ')}.` : '',
    ].filter((s) => s !== '').join(' '),
  templateNothing: 'Alle tabellene fantes allerede; ingenting ble endret.',
  templatePeriod: (first: number, last: number) => `Tabellene er laget for perioden ${first}–${last}.`,
  opened: (name: string) => `Åpnet ${name}.`,
  notXlsx: 'Det er ikke en .xlsx-fil. Lagre arbeidsboka som Excel-arbeidsbok (.xlsx) og prøv igjen.',
  tooBig: (mb: number) => `Fila er større enn ${formatCount(mb)} MB og kan ikke åpnes her.`,
  errorTitle: 'Det gikk ikke',
  unexpected: 'Noe uventet gikk galt. Prøv igjen; hvis det skjer igjen, lagre arbeidsboka og start tillegget på nytt.',
  noTables: 'Fant ingen av programmets tabeller i arbeidsboka.',
  noTablesExcel: 'Fant ingen av programmets tabeller i arbeidsboka. Velg «Opprett / oppdater arbeidsbok» for å lage dem.',
};

export type Texts = typeof nb;

const en: Texts = {
  lang: 'en',
  htmlLang: 'en',
  appName: 'Handlingsplan',
  tagline: 'Checks budgets, frames and targets',
  noProgramName: 'Programme name missing',
  period: (first, last) => `Programme period ${first}–${last}`,
  switchLanguage: 'Norsk',
  switchLanguageLabel: 'Bytt til norsk',
  loading: 'Loading …',
  validate: 'Validate',
  generate: 'Generate action plan',
  createTemplate: 'Create / update workbook',
  openWorkbook: 'Open workbook',
  openOther: 'Open another',
  useSample: 'Use the sample',
  chooseFile: 'Choose an .xlsx file',
  dropHint: 'or drop an .xlsx file here',
  dropActive: 'Drop the file to open it',
  standaloneIntro: "Open the workbook with the programme's tables, or try Sats på Hallingdal's 2022 action plan.",
  standalonePrivacy: 'The file stays in your browser and is not changed. A generated action plan is downloaded as a new file.',
  dropZoneLabel: 'Open a workbook',
  actionsLabel: 'Actions',
  busy: {
    load: 'Reading the workbook …',
    open: 'Opening the workbook …',
    sample: 'Making the sample …',
    validate: 'Validating …',
    fix: 'Fixing …',
    select: 'Showing the cell …',
    generate: 'Building the action plan …',
    template: 'Creating tables …',
  },
  year: 'Year',
  yearHelp: (planYear) => (planYear === null ? 'The year to validate and generate.' : `Action plan year in the workbook: ${planYear}.`),
  findingsHeading: 'Findings',
  severity: { feil: 'Errors', advarsel: 'Warnings', info: 'Info' },
  severityOne: { feil: 'error', advarsel: 'warning', info: 'info' },
  severityMany: { feil: 'errors', advarsel: 'warnings', info: 'info' },
  countIn: (n, sheet) => `${formatCount(n)} on sheet ${sheet}`,
  expected: 'Expected',
  actual: 'Actual',
  empty: '(empty)',
  goTo: 'Go to',
  fix: 'Fix',
  fixLabel: (label, where) => `Fix ${where}: ${label}`,
  rowContext: (table) => `The row in table ${table}`,
  rowContextNone: 'The cell is not in a table.',
  summary: (counts, year) => `${year === null ? 'Validated' : `Validated for ${year}`}: ${listCounts(counts, 'en')}.`,
  allGood: (year) => (year === null ? 'Everything adds up.' : `Everything adds up for ${year}.`),
  resultTitle: { ok: 'No errors', warn: 'No errors, but look at the warnings', error: 'Something does not add up' },
  fixed: (where) => `Fixed ${where}. Validated again.`,
  selectedInExcel: (where) => `Selected ${where} in Excel.`,
  generatedTitle: 'The action plan is ready',
  generatedExcel: (sheet) => `Sheet "${sheet}" is ready.`,
  generatedReplaced: 'It replaced the previous version of the sheet.',
  generatedRenamed: (wanted, sheet) => `You have a sheet of your own named "${wanted}", so the new one is named "${sheet}".`,
  generatedDraft: (errors) => `The sheet is marked as a draft: ${formatCount(errors)} ${errors === 1 ? 'error' : 'errors'} in the input are marked.`,
  generatedDownload: (sheet, file) => `Sheet "${sheet}" is in a copy of the workbook: ${file}. The original file is not changed.`,
  downloadAgain: 'Download again',
  goToSheet: 'Go to the sheet',
  noYear: 'Choose a year, or fill in Handlingsplanår in the Program table, before generating.',
  templateTitle: 'The workbook is updated',
  templateCreated: (sheets, tables, columns) =>
    [
      sheets.length > 0 ? `New sheets: ${sheets.join(', ')}.` : '',
      tables.length > 0 ? `New tables: ${tables.join(', ')}.` : '',
      columns.length > 0 ? `New columns: ${columns.join(', ')}.` : '',
    ].filter((s) => s !== '').join(' '),
  templateNothing: 'All the tables were already there; nothing was changed.',
  templatePeriod: (first, last) => `The tables are made for the period ${first}–${last}.`,
  opened: (name) => `Opened ${name}.`,
  notXlsx: 'That is not an .xlsx file. Save the workbook as an Excel Workbook (.xlsx) and try again.',
  tooBig: (mb) => `The file is larger than ${formatCount(mb)} MB and cannot be opened here.`,
  errorTitle: 'That did not work',
  unexpected: 'Something unexpected went wrong. Try again; if it happens again, save the workbook and restart the add-in.',
  noTables: "Found none of the programme's tables in the workbook.",
  noTablesExcel: "Found none of the programme's tables in the workbook. Choose \"Create / update workbook\" to make them.",
};

export const TEXTS: Readonly<Record<Lang, Texts>> = { nb, en };

/** A text to show later, in whatever language is chosen by then. */
export type Say = (t: Texts) => string;

/** A text from the core or an adapter, which comes in both languages. */
export function localized(text: Localized): Say {
  return (t) => (t.lang === 'nb' ? text.nb : text.en);
}

function listCounts(counts: Record<Severity, number>, lang: Lang): string {
  const t = lang === 'nb' ? nb : en;
  const parts = (['feil', 'advarsel', 'info'] as const).map((s) => `${formatCount(counts[s])} ${counts[s] === 1 ? t.severityOne[s] : t.severityMany[s]}`);
  const and = lang === 'nb' ? 'og' : 'and';
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1] ?? ''}`;
}
