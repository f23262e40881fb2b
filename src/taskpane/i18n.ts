import type { Lang, Localized, Severity } from '../core/findings/types';
import { TERMS } from '../core/vocabulary';
import { formatCount } from './format';
import { SAMPLE_PROGRAMME, SAMPLE_YEAR } from '../core/sample/names';

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
  waitingForExcel: (seconds: number) => `Venter på Excel … (${seconds} s)`,
  excelNoAnswerTitle: 'Excel svarer ikke',
  excelNoAnswer:
    'Handlingsplan fikk ikke kontakt med Excel (Office.js svarte ikke innen ett minutt). Sjekk nettforbindelsen og last inn tillegget på nytt.',
  reload: 'Last inn på nytt',
  // actions
  validate: TERMS.validate.nb,
  generate: TERMS.generatePlan.nb,
  createTemplate: TERMS.createWorkbook.nb,
  report: TERMS.generateReport.nb,
  fetchSsb: TERMS.fetchSsb.nb,
  ssbTitle: 'Effektindikatorer fra SSB',
  prepareYear: (year: number) => `${TERMS.prepareYear.nb} ${year}`,
  nextYearTitle: (year: number) => `Neste års plan: ${year}`,
  registerLabel: 'Prosjektregister',
  newProject: 'Nytt prosjekt',
  newReport: 'Ny prosjektlederrapport',
  newReallocation: 'Ny omdisponering',
  budgetGroupLabel: 'Rammer',
  reallocation: {
    title: 'Ny omdisponering',
    intro:
      'Flytter midler fra ett innsatsområde (eller en strategi) til et annet etter vedtak i styret. Legger til én rad nederst i tabellen Omdisponeringer; summen av rammene endres ikke.',
    from: 'Fra',
    to: 'Til',
    sideHint: 'En strategi flytter rammen til strategiens innsatsområde.',
    areas: 'Innsatsområder',
    strategies: 'Strategier',
    amount: 'Beløp',
    date: 'Dato',
    decision: 'Vedtak',
    decisionHint: 'Styrets sak eller vedtak, f.eks. Styresak 12/22.',
    framesTitle: (year: number) => `Rammer ${year} før og etter`,
    framesNone: 'Velg dato, fra, til og beløp for å se rammene før og etter.',
    area: 'Innsatsområde',
    before: 'Før',
    after: 'Etter',
    total: 'Sum',
  },
  appendedReallocation: (what: string, table: string, where: string) =>
    `Omdisponeringen ${what} er lagt til i tabellen ${table} (${where}).`,
  reallocationBudgetReminder: 'Flytt også strategienes beløp i Budsjett, så de passer til rammene etter omdisponeringen.',
  live: {
    label: 'Kontroller mens du skriver',
    hint: 'Validerer på nytt når dere tar en pause i tabellene, også når andre skriver. Lagres i arbeidsboka.',
    unsupported: 'Denne Excel-versjonen melder ikke fra om endringer (ExcelApi 1.7 mangler): bruk Valider.',
    needsExcel: 'Kontroll mens du skriver krever Excel. Her validerer du med Valider.',
    count: (feil: number, advarsel: number) =>
      `${formatCount(feil)} feil · ${formatCount(advarsel)} ${advarsel === 1 ? 'advarsel' : 'advarsler'}`,
    changes: (added: number, fixed: number) =>
      `${formatCount(added)} ${added === 1 ? 'nytt' : 'nye'} · ${formatCount(fixed)} rettet siden forrige kontroll`,
    after: (edits: number, remote: number) =>
      `Kontrollert etter ${formatCount(edits)} ${edits === 1 ? 'endring' : 'endringer'}${remote > 0 ? ` (${formatCount(remote)} fra andre)` : ''}.`,
  },
  form: {
    projectTitle: 'Nytt prosjekt',
    reportTitle: 'Ny prosjektlederrapport',
    projectIntro: 'Legger til én rad nederst i tabellen Prosjekter.',
    reportIntro: 'Legger til én rad nederst i tabellen Rapporter. Arbeidsplassene telles brutto for året rapporten gjelder.',
    idHint: 'En ID som ikke er brukt før, f.eks. P-2023-04.',
    kronerHint: 'Hele kroner, f.eks. 250 000.',
    noGrantHint: 'Prosjektet har ikke fått innvilget støtte: arbeidsplassene telles ikke før det har det.',
    periodHint: (first: number, last: number) => `Innenfor programperioden ${first}–${last}.`,
    jobsHint: 'Nye arbeidsplasser i perioden rapporten gjelder, også om de senere forsvinner.',
    choose: 'Velg …',
    add: 'Legg til',
    cancel: 'Avbryt',
  },
  openWorkbook: 'Åpne arbeidsbok',
  openOther: 'Åpne en annen',
  useSample: TERMS.useSample.nb,
  useDemo: 'Eksempel med prosjekter',
  chooseFile: 'Velg en .xlsx-fil',
  dropHint: 'eller slipp en .xlsx-fil her',
  dropActive: 'Slipp fila for å åpne den',
  standaloneIntro: `Åpne arbeidsboka med programmets tabeller, eller prøv med ${SAMPLE_PROGRAMME}s handlingsplan for ${SAMPLE_YEAR}.`,
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
    report: 'Lager styrerapporten …',
    form: 'Leser prosjektregisteret …',
    append: 'Legger til raden …',
    ssb: 'Henter fra SSB …',
    reallocation: 'Leser rammene …',
    live: 'Kontrollerer endringene …',
    nextYear: 'Forbereder neste år …',
  },
  // year
  year: 'År',
  yearHelp: (planYear: number | null) =>
    planYear === null ? 'Året som valideres og genereres.' : `Handlingsplanår i arbeidsboka: ${planYear}.`,
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
  fixAll: (n: number) => `Rett opp alle ${formatCount(n)}`,
  fixAllLabel: (n: number, title: string) => `Rett opp alle ${formatCount(n)}: ${title}`,
  showAll: (n: number) => `Vis alle ${formatCount(n)}`,
  showFewer: 'Vis færre',
  moreCells: (n: number) => `og ${formatCount(n)} til`,
  listLabel: (severity: string, findings: number, groups: number) =>
    `${severity}: ${formatCount(findings)} funn i ${formatCount(groups)} ${groups === 1 ? 'gruppe' : 'grupper'}`,
  listHint: 'Piltastene opp og ned flytter mellom funnene; Home og End går til første og siste.',
  fixedMany: (n: number, what: string, changedSince = 0) =>
    `Rettet ${formatCount(n)} ${n === 1 ? 'celle' : 'celler'} (${what}).${changedSince === 0 ? '' : ` ${formatCount(changedSince)} ${changedSince === 1 ? 'celle var endret' : 'celler var endret'} siden Valider og ble ikke rørt.`} Validert på nytt.`,
  rowContext: (table: string) => `Raden i tabellen ${table}`,
  rowContextNone: 'Cellen står ikke i en tabell.',
  // results
  summary: (counts: Record<Severity, number>, year: number | null) =>
    `${year === null ? 'Validert' : `Validert for ${year}`}: ${listCounts(counts, 'nb')}.`,
  allGood: (year: number | null) => (year === null ? 'Alt stemmer.' : `Alt stemmer for ${year}.`),
  resultTitle: { ok: 'Ingen feil', warn: 'Ingen feil, men se på advarslene', error: 'Noe stemmer ikke' },
  fixed: (where: string) => `Rettet ${where}. Validert på nytt.`,
  fixChangedSince: (where: string) => `${where} er endret siden Valider og ble ikke rørt. Validert på nytt.`,
  selectedInExcel: (where: string) => `Markerte ${where} i Excel.`,
  generatedTitle: 'Handlingsplanen er laget',
  reportReadyTitle: 'Styrerapporten er laget',
  appendedTitle: 'Raden er lagt til',
  appendedProject: (id: string, table: string, where: string) => `Prosjektet ${id} er lagt til i tabellen ${table} (${where}).`,
  appendedReport: (id: string, table: string, where: string) => `Rapporten for ${id} er lagt til i tabellen ${table} (${where}).`,
  appendedDownload: 'Endringen er bare i kopien her i nettleseren: last ned arbeidsboka for å beholde den.',
  downloadWorkbook: 'Last ned arbeidsboka',
  goToRow: 'Gå til raden',
  missingTable: (table: string, excel: boolean) =>
    `Arbeidsboka har ingen tabell ${table}.${excel ? ' Velg «Opprett / oppdater arbeidsbok» for å lage den.' : ''}`,
  noProjectsYet: 'Det er ingen prosjekter i tabellen Prosjekter å rapportere på. Legg til prosjektet først.',
  formRefusedTitle: 'Rett opp skjemaet',
  formRefused: (count: number) => `${formatCount(count)} felt må rettes før raden kan legges til. Ingenting er skrevet.`,
  printSetupSkipped:
    'Excel godtok ikke utskriftsoppsettet (liggende A4, sidehode og sideskift); arket er komplett, men må settes opp for utskrift for hånd.',
  generatedExcel: (sheet: string) => `Arket «${sheet}» er laget.`,
  generatedReplaced: 'Det erstattet forrige versjon av arket.',
  generatedRenamed: (wanted: string, sheet: string) => `Du har et eget ark som heter «${wanted}», så den nye fikk navnet «${sheet}».`,
  generatedDraft: (errors: number) => `Arket er merket som utkast: ${formatCount(errors)} feil i grunnlaget er markert.`,
  generatedDownload: (sheet: string, file: string) =>
    `Arket «${sheet}» ligger i en kopi av arbeidsboka: ${file}. Originalfila er ikke endret.`,
  downloadAgain: 'Last ned igjen',
  goToSheet: 'Gå til arket',
  noYear: 'Velg et år, eller fyll inn Handlingsplanår i tabellen Program, før du genererer.',
  yearOutsidePeriod: (p: { year: number; first: number; last: number }) =>
    `${p.year} ligger utenfor programperioden ${p.first}–${p.last}. Velg et år i perioden.`,
  templateTitle: 'Arbeidsboka er oppdatert',
  templateCreated: (sheets: string[], tables: string[], columns: string[]) =>
    [
      sheets.length > 0 ? `Nye ark: ${sheets.join(', ')}.` : '',
      tables.length > 0 ? `Nye tabeller: ${tables.join(', ')}.` : '',
      columns.length > 0 ? `Nye kolonner: ${columns.join(', ')}.` : '',
    ]
      .filter((s) => s !== '')
      .join(' '),
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
  waitingForExcel: (seconds) => `Waiting for Excel … (${seconds} s)`,
  excelNoAnswerTitle: 'Excel does not answer',
  excelNoAnswer:
    'Handlingsplan could not reach Excel (Office.js did not answer within a minute). Check the network connection and load the add-in again.',
  reload: 'Load again',
  validate: TERMS.validate.en,
  generate: TERMS.generatePlan.en,
  createTemplate: TERMS.createWorkbook.en,
  report: TERMS.generateReport.en,
  fetchSsb: TERMS.fetchSsb.en,
  ssbTitle: 'Effect indicators from Statistics Norway',
  prepareYear: (year) => `${TERMS.prepareYear.en} ${year}`,
  nextYearTitle: (year) => `Next year's plan: ${year}`,
  registerLabel: 'Project register',
  newProject: 'New project',
  newReport: 'New project leader report',
  newReallocation: 'New reallocation',
  budgetGroupLabel: 'Frames',
  reallocation: {
    title: 'New reallocation',
    intro:
      'Moves money from one focus area (or strategy) to another after a board decision. Adds one row at the bottom of the Omdisponeringer table; the total of the frames does not change.',
    from: 'From',
    to: 'To',
    sideHint: "A strategy moves its focus area's frame.",
    areas: 'Focus areas',
    strategies: 'Strategies',
    amount: 'Amount',
    date: 'Date',
    decision: 'Decision',
    decisionHint: "The board's case or decision, e.g. Styresak 12/22.",
    framesTitle: (year: number) => `Frames ${year} before and after`,
    framesNone: 'Choose date, from, to and amount to see the frames before and after.',
    area: 'Focus area',
    before: 'Before',
    after: 'After',
    total: 'Total',
  },
  appendedReallocation: (what: string, table: string, where: string) =>
    `The reallocation ${what} was added to the table ${table} (${where}).`,
  reallocationBudgetReminder: "Move the strategies' amounts in Budsjett too, so they fit the frames after the reallocation.",
  live: {
    label: 'Check while typing',
    hint: 'Validates again when typing in the tables pauses, also when others type. Stored in the workbook.',
    unsupported: 'This version of Excel does not report changes (ExcelApi 1.7 is missing): use Validate.',
    needsExcel: 'Checking while typing needs Excel. Here, use Validate.',
    count: (feil: number, advarsel: number) =>
      `${formatCount(feil)} ${feil === 1 ? 'error' : 'errors'} · ${formatCount(advarsel)} ${advarsel === 1 ? 'warning' : 'warnings'}`,
    changes: (added: number, fixed: number) => `${formatCount(added)} new · ${formatCount(fixed)} fixed since the last check`,
    after: (edits: number, remote: number) =>
      `Checked after ${formatCount(edits)} ${edits === 1 ? 'change' : 'changes'}${remote > 0 ? ` (${formatCount(remote)} by others)` : ''}.`,
  },
  form: {
    projectTitle: 'New project',
    reportTitle: 'New project leader report',
    projectIntro: 'Adds one row at the bottom of the Prosjekter table.',
    reportIntro: 'Adds one row at the bottom of the Rapporter table. Jobs are counted gross, for the year the report is dated.',
    idHint: 'An id not used before, e.g. P-2023-04.',
    kronerHint: 'Whole kroner, e.g. 250 000.',
    noGrantHint: 'The project has no grant: its jobs do not count until it has one.',
    periodHint: (first, last) => `Within the programme period ${first}–${last}.`,
    jobsHint: 'New jobs in the period the report covers, even if they disappear later.',
    choose: 'Choose …',
    add: 'Add',
    cancel: 'Cancel',
  },
  openWorkbook: 'Open workbook',
  openOther: 'Open another',
  useSample: TERMS.useSample.en,
  useDemo: 'Sample with projects',
  chooseFile: 'Choose an .xlsx file',
  dropHint: 'or drop an .xlsx file here',
  dropActive: 'Drop the file to open it',
  standaloneIntro: `Open the workbook with the programme's tables, or try ${SAMPLE_PROGRAMME}'s ${SAMPLE_YEAR} action plan.`,
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
    report: 'Building the board report …',
    form: 'Reading the project register …',
    append: 'Adding the row …',
    ssb: 'Fetching from Statistics Norway …',
    reallocation: 'Reading the frames …',
    live: 'Checking the changes …',
    nextYear: 'Preparing next year …',
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
  fixAll: (n) => `Fix all ${formatCount(n)}`,
  fixAllLabel: (n, title) => `Fix all ${formatCount(n)}: ${title}`,
  showAll: (n) => `Show all ${formatCount(n)}`,
  showFewer: 'Show fewer',
  moreCells: (n) => `and ${formatCount(n)} more`,
  listLabel: (severity, findings, groups) =>
    `${severity}: ${formatCount(findings)} findings in ${formatCount(groups)} ${groups === 1 ? 'group' : 'groups'}`,
  listHint: 'The up and down arrow keys move between the findings; Home and End go to the first and the last.',
  fixedMany: (n, what, changedSince = 0) =>
    `Fixed ${formatCount(n)} ${n === 1 ? 'cell' : 'cells'} (${what}).${changedSince === 0 ? '' : ` ${formatCount(changedSince)} ${changedSince === 1 ? 'cell had' : 'cells had'} changed since Valider and ${changedSince === 1 ? 'was' : 'were'} left as ${changedSince === 1 ? 'it was' : 'they were'}.`} Validated again.`,
  rowContext: (table) => `The row in table ${table}`,
  rowContextNone: 'The cell is not in a table.',
  summary: (counts, year) => `${year === null ? 'Validated' : `Validated for ${year}`}: ${listCounts(counts, 'en')}.`,
  allGood: (year) => (year === null ? 'Everything adds up.' : `Everything adds up for ${year}.`),
  resultTitle: { ok: 'No errors', warn: 'No errors, but look at the warnings', error: 'Something does not add up' },
  fixed: (where) => `Fixed ${where}. Validated again.`,
  fixChangedSince: (where) => `${where} had changed since Valider and was left as it was. Validated again.`,
  selectedInExcel: (where) => `Selected ${where} in Excel.`,
  generatedTitle: 'The action plan is ready',
  reportReadyTitle: 'The board report is ready',
  appendedTitle: 'The row is added',
  appendedProject: (id, table, where) => `Project ${id} is added to the ${table} table (${where}).`,
  appendedReport: (id, table, where) => `The report for ${id} is added to the ${table} table (${where}).`,
  appendedDownload: 'The change is only in the copy here in the browser: download the workbook to keep it.',
  downloadWorkbook: 'Download the workbook',
  goToRow: 'Go to the row',
  missingTable: (table, excel) => `The workbook has no ${table} table.${excel ? ' Choose "Create / update workbook" to make it.' : ''}`,
  noProjectsYet: 'There are no projects in the Prosjekter table to report on. Add the project first.',
  formRefusedTitle: 'Correct the form',
  printSetupSkipped:
    'Excel did not accept the print setup (landscape A4, header and page breaks); the sheet is complete, but must be set up for printing by hand.',
  formRefused: (count) =>
    `${formatCount(count)} ${count === 1 ? 'field needs' : 'fields need'} correcting before the row can be added. Nothing was written.`,
  generatedExcel: (sheet) => `Sheet "${sheet}" is ready.`,
  generatedReplaced: 'It replaced the previous version of the sheet.',
  generatedRenamed: (wanted, sheet) => `You have a sheet of your own named "${wanted}", so the new one is named "${sheet}".`,
  generatedDraft: (errors) =>
    `The sheet is marked as a draft: ${formatCount(errors)} ${errors === 1 ? 'error' : 'errors'} in the input are marked.`,
  generatedDownload: (sheet, file) => `Sheet "${sheet}" is in a copy of the workbook: ${file}. The original file is not changed.`,
  downloadAgain: 'Download again',
  goToSheet: 'Go to the sheet',
  noYear: 'Choose a year, or fill in Handlingsplanår in the Program table, before generating.',
  yearOutsidePeriod: (p) => `${p.year} is outside the programme period ${p.first}–${p.last}. Choose a year in the period.`,
  templateTitle: 'The workbook is updated',
  templateCreated: (sheets, tables, columns) =>
    [
      sheets.length > 0 ? `New sheets: ${sheets.join(', ')}.` : '',
      tables.length > 0 ? `New tables: ${tables.join(', ')}.` : '',
      columns.length > 0 ? `New columns: ${columns.join(', ')}.` : '',
    ]
      .filter((s) => s !== '')
      .join(' '),
  templateNothing: 'All the tables were already there; nothing was changed.',
  templatePeriod: (first, last) => `The tables are made for the period ${first}–${last}.`,
  opened: (name) => `Opened ${name}.`,
  notXlsx: 'That is not an .xlsx file. Save the workbook as an Excel Workbook (.xlsx) and try again.',
  tooBig: (mb) => `The file is larger than ${formatCount(mb)} MB and cannot be opened here.`,
  errorTitle: 'That did not work',
  unexpected: 'Something unexpected went wrong. Try again; if it happens again, save the workbook and restart the add-in.',
  noTables: "Found none of the programme's tables in the workbook.",
  noTablesExcel: 'Found none of the programme\'s tables in the workbook. Choose "Create / update workbook" to make them.',
};

export const TEXTS: Readonly<Record<Lang, Texts>> = { nb, en };

/** A text to show later, in whatever language is chosen by then. */
export type Say = (t: Texts) => string;

/** A text from the core or an adapter, which comes in both languages. */
export function localized(text: Localized): Say {
  return (t) => (t.lang === 'nb' ? text.nb : text.en);
}

/** "4 feil og 1 advarsel": the severities that occur (no "og 0 info"); all three zero is said by allGood. */
export function listCounts(counts: Record<Severity, number>, lang: Lang): string {
  const t = lang === 'nb' ? nb : en;
  const present = (['feil', 'advarsel', 'info'] as const).filter((s) => counts[s] > 0);
  const parts = present.map((s) => `${formatCount(counts[s])} ${counts[s] === 1 ? t.severityOne[s] : t.severityMany[s]}`);
  if (parts.length <= 1) return parts[0] ?? `0 ${t.severityMany.feil}`;
  const and = lang === 'nb' ? 'og' : 'and';
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1] ?? ''}`;
}
