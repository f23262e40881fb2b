/**
 * The workbook contract: which tables the add-in reads, on which sheet they are created, and their
 * columns. Tables are found by name wherever they stand and columns by header text, so the sheet is only
 * where `init`/templates put a table.
 */
export type ColumnKind =
  /** free text */
  | 'text'
  /** a code or name that must match reference data */
  | 'code'
  /** a whole number such as jobs or companies */
  | 'count'
  /** an amount in kroner (or millions, when the header says so) */
  | 'kroner'
  | 'year'
  | 'date'
  /** any number, fractions and signs allowed (an indicator's value); the rules judge it by the indicator */
  | 'number';

export interface ColumnSpec {
  key: string;
  header: string;
  kind: ColumnKind;
  required: boolean;
  /** Excel number format used by templates. */
  numberFormat?: string;
  width?: number;
  /** What a form calls the field, in both languages (the register's forms); the header, when only `en` is given. */
  label?: { nb?: string; en: string };
}

export interface TableSpec {
  name: string;
  sheet: string;
  columns: ColumnSpec[];
  /** `Arbeidsplassmal` has one column per programme year between its fixed columns. */
  yearColumns?: { after: string };
  /** `Resultatmal` has one column per thematic strategy, headed by the strategy code. */
  strategyColumns?: { after: string };
  /** Whether templates show the table's total row. */
  totalRow?: boolean;
  /** Templates place it beside the sheet's previous table rather than below (see TableData.beside). */
  beside?: boolean;
}

/**
 * Thousands grouping as Excel stores it: the file says `#,##0` and Excel shows the reader's own separator,
 * so a Norwegian Excel shows `1 200 000`. A literal `# ##0` would only put one space in.
 */
export const KRONER_FORMAT = '#,##0';
export const COUNT_FORMAT = '0';
export const DATE_FORMAT = 'dd.mm.yyyy';

function col<const K extends string, const C extends ColumnKind>(
  key: K,
  header: string,
  kind: C,
  required = true,
  width?: number,
  label?: ColumnSpec['label'],
): ColumnSpec & { key: K; kind: C } {
  const numberFormat =
    kind === 'kroner' ? KRONER_FORMAT : kind === 'count' || kind === 'year' ? COUNT_FORMAT : kind === 'date' ? DATE_FORMAT : undefined;
  const spec: ColumnSpec & { key: K; kind: C } = { key, header, kind, required };
  if (numberFormat) spec.numberFormat = numberFormat;
  if (width !== undefined) spec.width = width;
  if (label !== undefined) spec.label = label;
  return spec;
}

/**
 * `Forslag`: a row the add-in proposed for next year's plan (`neste-aar`, *Forbered {år}*) says so here, with
 * what it was made from; the user empties the cell once the row is decided. Optional: a row without it is decided.
 */
const PROPOSAL_COLUMN = col('proposal', 'Forslag', 'text', false, 24);

export const SHEETS = {
  oppsett: 'Oppsett',
  mal: 'Mål',
  budsjett: 'Budsjett',
  prosjekter: 'Prosjekter',
  effekt: 'Effektmål',
} as const;

export const TABLES = {
  program: {
    name: 'Program',
    sheet: SHEETS.oppsett,
    columns: [col('field', 'Felt', 'text', true, 22), col('value', 'Verdi', 'text', true, 28)],
  },
  areas: {
    name: 'Innsatsomrader',
    sheet: SHEETS.oppsett,
    columns: [col('nr', 'Nr', 'count', true, 6), col('name', 'Innsatsområde', 'text', true, 34), col('type', 'Type', 'code', true, 14)],
  },
  strategies: {
    name: 'Strategier',
    sheet: SHEETS.oppsett,
    columns: [
      col('code', 'Kode', 'code', true, 7),
      col('name', 'Strategi', 'text', true, 34),
      col('area', 'Innsatsområde', 'code', true, 14),
      col('description', 'Beskrivelse', 'text', false, 80),
    ],
  },
  naeringer: {
    name: 'Naeringer',
    sheet: SHEETS.oppsett,
    columns: [col('nr', 'Nr', 'count', true, 6), col('name', 'Næring', 'text', true, 26)],
  },
  notes: {
    name: 'Merknader',
    sheet: SHEETS.oppsett,
    // The notes printed under the generated tables (the seed's 1) and 2)): which table, the note's number, its
    // text, and optionally the row label it belongs to (that label then carries the number, as `Delmål 2022 1)`).
    columns: [
      col('table', 'Tabell', 'code', true, 24),
      col('nr', 'Nr', 'text', true, 6),
      col('text', 'Tekst', 'text', true, 90),
      col('refers', 'Gjelder', 'text', false, 24),
    ],
  },
  jobTargets: {
    name: 'Arbeidsplassmal',
    sheet: SHEETS.mal,
    columns: [col('naering', 'Næring', 'code', true, 26), col('sum', 'Sum', 'count', false, 8)],
    yearColumns: { after: 'naering' },
    totalRow: true,
  },
  resultatmal: {
    name: 'Resultatmal',
    sheet: SHEETS.mal,
    // One column per thematic strategy (headed by its code) follows `naering`; they are matched against the
    // strategy list, so the contract does not name them.
    columns: [col('year', 'År', 'year', true, 7), col('naering', 'Næring', 'code', true, 26), col('sum', 'Sum', 'count', false, 8)],
    strategyColumns: { after: 'naering' },
  },
  resultatmalSum: {
    name: 'ResultatmalSum',
    sheet: SHEETS.mal,
    columns: [
      col('year', 'År', 'year', true, 7),
      col('area', 'Innsatsområde', 'code', true, 26),
      col('jobs', 'Arbeidsplasser', 'count', true, 14),
    ],
  },
  delmal: {
    name: 'Delmal',
    sheet: SHEETS.mal,
    columns: [
      col('year', 'År', 'year', true, 7),
      col('strategies', 'Strategier', 'code', true, 11),
      col('text', 'Delmål', 'text', true, 60),
      col('started', 'Prosjekter igangsatt', 'count', false, 12),
      col('completed', 'Prosjekter gjennomført', 'count', false, 12),
      col('companies', 'Bedrifter involvert', 'count', false, 12),
      col('newCompanies', 'Nye bedrifter', 'count', false, 12),
      PROPOSAL_COLUMN,
    ],
  },
  tiltak: {
    name: 'Tiltak',
    sheet: SHEETS.budsjett,
    columns: [
      col('year', 'År', 'year', true, 7),
      col('strategies', 'Strategier', 'code', true, 11),
      col('text', 'Tiltak', 'text', true, 60),
      PROPOSAL_COLUMN,
    ],
  },
  budget: {
    name: 'Budsjett',
    sheet: SHEETS.budsjett,
    columns: [
      col('year', 'År', 'year', true, 7),
      col('strategy', 'Strategi', 'code', true, 10),
      col('amount', 'Beløp', 'kroner', true, 14),
      PROPOSAL_COLUMN,
    ],
  },
  frames: {
    name: 'Rammer',
    sheet: SHEETS.budsjett,
    columns: [
      col('year', 'År', 'year', true, 7),
      col('post', 'Post', 'code', true, 34),
      col('amount', 'Beløp', 'kroner', true, 14),
      PROPOSAL_COLUMN,
    ],
  },
  financing: {
    name: 'Finansiering',
    sheet: SHEETS.budsjett,
    columns: [
      col('year', 'År', 'year', true, 7),
      col('source', 'Kilde', 'text', true, 28),
      col('amount', 'Beløp', 'kroner', true, 14),
      PROPOSAL_COLUMN,
    ],
  },
  reallocations: {
    name: 'Omdisponeringer',
    sheet: SHEETS.budsjett,
    columns: [
      col('date', 'Dato', 'date', true, 12),
      col('from', 'Fra', 'code', true, 30),
      col('to', 'Til', 'code', true, 30),
      col('amount', 'Beløp', 'kroner', true, 14),
      col('decision', 'Vedtak', 'text', false, 20),
    ],
  },
  // The register: one definition per column. The forms, the demo, the template and the parser take their
  // fields from here, so a column added here is a field of Nytt prosjekt / Ny prosjektlederrapport, a cell of
  // every demo row (which then must say what it holds) and a header of `init` (test/core/columns.test.ts).
  projects: {
    name: 'Prosjekter',
    sheet: SHEETS.prosjekter,
    columns: [
      col('id', 'ProsjektID', 'code', true, 12, { en: 'Project id' }),
      col('name', 'Prosjekt', 'text', true, 34, { nb: 'Prosjektnavn', en: 'Project name' }),
      col('owner', 'Prosjekteier', 'text', false, 24, { en: 'Project owner' }),
      col('strategy', 'Strategi', 'code', true, 10, { en: 'Strategy' }),
      col('naering', 'Næring', 'code', false, 22, { en: 'Næring (industry)' }),
      col('phase', 'PLP-fase', 'code', false, 14, { en: 'PLP phase' }),
      col('status', 'Status', 'code', false, 14, { en: 'Status' }),
      col('decisionDate', 'Vedtaksdato', 'date', false, 12, { en: 'Decision date' }),
      col('granted', 'Innvilget', 'kroner', false, 14, { en: 'Granted' }),
      col('ownFinancing', 'Egenfinansiering', 'kroner', false, 16, { en: 'Own financing' }),
      col('otherFinancing', 'Annen finansiering', 'kroner', false, 16, { en: 'Other financing' }),
    ],
  },
  reports: {
    name: 'Rapporter',
    sheet: SHEETS.prosjekter,
    // Both registers grow a row at a time: side by side, neither blocks the other.
    beside: true,
    columns: [
      col('projectId', 'ProsjektID', 'code', true, 12, { nb: 'Prosjekt', en: 'Project' }),
      col('date', 'Rapportdato', 'date', true, 12, { en: 'Report date' }),
      col('naering', 'Næring', 'code', true, 22, { en: 'Næring (industry)' }),
      col('jobs', 'Nye arbeidsplasser', 'count', true, 12, { en: 'New jobs' }),
      col('companies', 'Bedrifter involvert', 'count', false, 12, { en: 'Companies involved' }),
      col('newCompanies', 'Nye bedrifter', 'count', false, 12, { en: 'New companies' }),
      col('comment', 'Kommentar', 'text', false, 40, { en: 'Comment' }),
    ],
  },
  kommuner: {
    name: 'Kommuner',
    sheet: SHEETS.effekt,
    // The number is a code: kept as text so 0301 keeps its zero.
    columns: [col('nr', 'Kommunenummer', 'code', true, 14), col('name', 'Kommune', 'text', true, 24)],
  },
  indicators: {
    name: 'Effektindikatorer',
    sheet: SHEETS.effekt,
    columns: [
      col('year', 'År', 'year', true, 7),
      col('indicator', 'Indikator', 'code', true, 30),
      // Blank for the whole region; else a kommunenummer (or the kommune's name) from Kommuner.
      col('kommune', 'Kommune', 'code', false, 14),
      col('value', 'Verdi', 'number', true, 12),
      col('source', 'Kilde', 'text', false, 30),
      col('fetched', 'Hentet', 'date', false, 12),
    ],
  },
} as const satisfies Record<string, TableSpec>;

export type TableKey = keyof typeof TABLES;

type ColumnsOf<T extends TableKey> = (typeof TABLES)[T]['columns'][number];

/** The keys of a table's columns, as the contract spells them (`'ownFinancing'`). */
export type ColumnKey<T extends TableKey> = ColumnsOf<T>['key'];

/** The keys of a table's columns of one kind (the register's money columns: `ColumnKeyOfKind<'projects', 'kroner'>`). */
export type ColumnKeyOfKind<T extends TableKey, C extends ColumnKind> = Extract<ColumnsOf<T>, { kind: C }>['key'];

/** What a cell of a column of `kind` holds as plain data: a number, or text (a date as ISO text); null is empty. */
export type KindValue<C extends ColumnKind> = C extends 'kroner' | 'count' | 'year' | 'number' ? number | null : string | null;

/** One row of a table as plain values by column key: every column present, each with its kind's type. */
export type RowValues<T extends TableKey> = { [C in ColumnsOf<T> as C['key']]: KindValue<C['kind']> };

/** The keys of a table's columns of one kind, read from the contract (what the parser and checks loop over). */
export function columnKeysOfKind<T extends TableKey, C extends ColumnKind>(table: T, kind: C): ColumnKeyOfKind<T, C>[] {
  const columns: readonly ColumnSpec[] = TABLES[table].columns;
  return columns.filter((c) => c.kind === kind).map((c) => c.key as ColumnKeyOfKind<T, C>);
}

/** The rows of the `Program` table. */
export const PROGRAM_FIELDS = {
  name: 'Programnavn',
  region: 'Region',
  firstYear: 'Første år',
  lastYear: 'Siste år',
  planYear: 'Handlingsplanår',
  jobGoal: 'Arbeidsplassmål',
} as const;

export const AREA_TYPES = { thematic: 'Tematisk', support: 'Støtteområde' } as const;

/**
 * The generated tables a `Merknader` row may name in its Tabell column, by key; the user types the name (any
 * case, æøå or ae/o/a).
 */
export const NOTE_TABLES = {
  strategies: 'Strategier',
  jobTargets: 'Arbeidsplassmål',
  thematic: 'Tematiske innsatsområder',
  support: 'Støtteområder',
  frame: 'Budsjett',
  financing: 'Finansiering',
} as const;

export type NoteTable = keyof typeof NOTE_TABLES;
