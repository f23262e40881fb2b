/**
 * The input tables of the workbook contract as plain data, empty and ready to fill in (`handlingsplan init`),
 * and the building blocks the samples fill. Headers, number formats and widths come from the
 * contract's column specs; this file adds captions, dynamic year/strategy columns and list validations.
 */
import { PROGRAM_FIELDS, AREA_TYPES, SHEETS, TABLES, type TableKey, type TableSpec } from '../contract/contract';
import { emptyTable, type CellInput, type ListSource, type TableData, type WorkbookData } from '../contract/tableData';

/** Caption written above each table, in Norwegian. */
export const TABLE_CAPTIONS: Readonly<Record<TableKey, string>> = {
  program: 'Programoppsett',
  areas: 'Innsatsområder',
  strategies: 'Strategier',
  naeringer: 'Næringer',
  notes: 'Merknader under tabellene i handlingsplanen',
  jobTargets: 'Arbeidsplassmål per næring og år',
  resultatmal: 'Resultatmål per strategi og næring',
  resultatmalSum: 'Oppgitte summer for resultatmål per innsatsområde',
  delmal: 'Delmål',
  tiltak: 'Tiltak og prosjekter',
  budget: 'Budsjett per strategi',
  frames: 'Rammer',
  financing: 'Finansiering',
  reallocations: 'Omdisponeringer',
  projects: 'Prosjekter',
  reports: 'Prosjektlederrapporter',
  kommuner: 'Kommunene i regionen',
  indicators: 'Effektindikatorer (tom Kommune = hele regionen)',
};

/** Tables in the order they are written: the contract's order, which already groups them by sheet. */
export const TABLE_ORDER = Object.keys(TABLES) as TableKey[];

/** When no period is given: the seed's period. The core reads no clock, so the CLI passes the year it wants. */
export const DEFAULT_FIRST_YEAR = 2022;
/** A restructuring programme's plan period is normally three years (2022–2024 in the seed). */
export const DEFAULT_PERIOD_YEARS = 3;
/** Longest period a template accepts; a longer one is almost certainly a typo. */
const MAX_PERIOD_YEARS = 20;

export interface TemplateOptions {
  firstYear?: number;
  /** Defaults to `firstYear` + 2 (a three-year period). */
  lastYear?: number;
  /** Codes of the thematic strategies: one `Resultatmal` column each. Defaults to none. */
  strategyCodes?: string[];
}

/** The programme period and the strategy columns the tables are built for. */
export interface TableLayout {
  years: number[];
  strategyCodes: string[];
}

export type ContractTables = Record<TableKey, TableData>;

/** The header text of a contract column, looked up by key so no header is ever retyped. */
export function headerOf(spec: TableSpec, key: string): string {
  const column = spec.columns.find((c) => c.key === key);
  if (!column) throw new Error(`Table ${spec.name} has no column '${key}'`);
  return column.header;
}

function columnIndex(table: TableData, header: string): number {
  const index = table.header.indexOf(header);
  if (index < 0) throw new Error(`Table ${table.name} has no header '${header}'`);
  return index;
}

function setList(table: TableData, spec: TableSpec, key: string, source: ListSource): void {
  const lists: (ListSource | undefined)[] = table.lists ?? table.header.map(() => undefined);
  lists[columnIndex(table, headerOf(spec, key))] = source;
  table.lists = lists;
}

/** Excel's text format: what is typed stays as typed. */
const TEXT_FORMAT = '@';

function setFormat(table: TableData, spec: TableSpec, key: string, format: string): void {
  const formats = table.numberFormats ?? table.header.map(() => undefined);
  formats[columnIndex(table, headerOf(spec, key))] = format;
  table.numberFormats = formats;
}

function tableColumn(table: TableSpec, key: string): ListSource {
  return { tableColumn: { table: table.name, column: headerOf(table, key) } };
}

/**
 * One row of `table` in header order: `cells` by contract column key, `dynamic` by header text (the year
 * columns of `Arbeidsplassmal`, the strategy columns of `Resultatmal`). Columns not given stay empty (null).
 */
export function rowOf(
  table: TableData,
  spec: TableSpec,
  cells: Record<string, CellInput>,
  dynamic: Record<string, CellInput> = {},
): CellInput[] {
  const row: CellInput[] = table.header.map(() => null);
  for (const [key, value] of Object.entries(cells)) row[columnIndex(table, headerOf(spec, key))] = value;
  for (const [header, value] of Object.entries(dynamic)) row[columnIndex(table, header)] = value;
  return row;
}

/**
 * One row of `table` from plain values by column key (`RowValues`): each value written as its column's kind
 * says — a date column's ISO text as a date, everything else as it is, null as an empty cell.
 */
export function typedRowOf(table: TableData, spec: TableSpec, values: Readonly<Record<string, string | number | null>>): CellInput[] {
  const cells: Record<string, CellInput> = {};
  for (const column of spec.columns) {
    const value = values[column.key];
    if (value === undefined) continue;
    cells[column.key] = column.kind === 'date' && typeof value === 'string' ? { date: value } : value;
  }
  return rowOf(table, spec, cells);
}

function checkYear(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1900 || value > 9999) {
    throw new RangeError(`${what} må være et helt årstall, ikke ${value}`);
  }
  return value;
}

/** Resolves the template options into the years of the period and the strategy column headers. */
export function resolveLayout(options: TemplateOptions = {}): TableLayout {
  const span = DEFAULT_PERIOD_YEARS - 1;
  const firstYear = checkYear(
    options.firstYear ?? (options.lastYear !== undefined ? options.lastYear - span : DEFAULT_FIRST_YEAR),
    'Første år',
  );
  const lastYear = checkYear(options.lastYear ?? firstYear + span, 'Siste år');
  if (lastYear < firstYear) throw new RangeError(`Siste år (${lastYear}) er før første år (${firstYear})`);
  if (lastYear - firstYear + 1 > MAX_PERIOD_YEARS) {
    throw new RangeError(`Perioden ${firstYear}–${lastYear} er lengre enn ${MAX_PERIOD_YEARS} år`);
  }
  const years: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) years.push(year);

  const strategyCodes = (options.strategyCodes ?? []).map((code) => code.trim());
  // A strategy code becomes a column header of Resultatmal: it must be non-empty, unique and not clash
  // with the table's fixed headers.
  const fixed = new Set(TABLES.resultatmal.columns.map((c) => c.header.toLowerCase()));
  const seen = new Set<string>();
  for (const code of strategyCodes) {
    const folded = code.toLowerCase();
    if (code === '') throw new RangeError('En strategikode kan ikke være tom');
    if (seen.has(folded)) throw new RangeError(`Strategikoden '${code}' er oppgitt to ganger`);
    if (fixed.has(folded)) throw new RangeError(`Strategikoden '${code}' kolliderer med en fast kolonne i Resultatmal`);
    seen.add(folded);
  }
  return { years, strategyCodes };
}

/**
 * Every contract table, empty, with captions, number formats, widths and list validations. Each call
 * returns fresh objects, so callers may fill them in place.
 */
export function contractTables(layout: TableLayout): ContractTables {
  const yearHeaders = layout.years.map(String);
  const tables = {} as ContractTables;
  for (const key of TABLE_ORDER) {
    const spec: TableSpec = TABLES[key];
    const extra = spec.yearColumns ? yearHeaders : spec.strategyColumns ? layout.strategyCodes : [];
    tables[key] = emptyTable(spec, extra, TABLE_CAPTIONS[key]);
  }

  const yearList: ListSource = { values: yearHeaders };
  const strategyCode = tableColumn(TABLES.strategies, 'code');
  const naeringName = tableColumn(TABLES.naeringer, 'name');

  setList(tables.areas, TABLES.areas, 'type', { values: [AREA_TYPES.thematic, AREA_TYPES.support] });
  setList(tables.strategies, TABLES.strategies, 'area', tableColumn(TABLES.areas, 'nr'));
  setList(tables.jobTargets, TABLES.jobTargets, 'naering', naeringName);
  setList(tables.resultatmal, TABLES.resultatmal, 'year', yearList);
  setList(tables.resultatmal, TABLES.resultatmal, 'naering', naeringName);
  setList(tables.resultatmalSum, TABLES.resultatmalSum, 'year', yearList);
  setList(tables.delmal, TABLES.delmal, 'year', yearList);
  setList(tables.tiltak, TABLES.tiltak, 'year', yearList);
  setList(tables.budget, TABLES.budget, 'year', yearList);
  setList(tables.budget, TABLES.budget, 'strategy', strategyCode);
  setList(tables.frames, TABLES.frames, 'year', yearList);
  setList(tables.financing, TABLES.financing, 'year', yearList);
  setList(tables.projects, TABLES.projects, 'strategy', strategyCode);
  setList(tables.projects, TABLES.projects, 'naering', naeringName);
  setList(tables.reports, TABLES.reports, 'naering', naeringName);
  setList(tables.indicators, TABLES.indicators, 'kommune', tableColumn(TABLES.kommuner, 'nr'));
  // A kommunenummer is a code: stored as text, so 0301 keeps its leading zero.
  setFormat(tables.kommuner, TABLES.kommuner, 'nr', TEXT_FORMAT);
  setFormat(tables.indicators, TABLES.indicators, 'kommune', TEXT_FORMAT);

  // Arbeidsplassmal's total row holds the declared year sums; the template leaves them for the user to type.
  const jobTargets = tables.jobTargets;
  jobTargets.totalRow = rowOf(jobTargets, TABLES.jobTargets, { naering: 'Sum' });
  return tables;
}

/** The workbook holding `tables`: sheets in contract order, tables in contract order. */
export function workbookOf(tables: ContractTables): WorkbookData {
  return { sheets: Object.values(SHEETS), tables: TABLE_ORDER.map((key) => tables[key]) };
}

/** The input tables, empty and ready to fill in, for the given period and thematic strategy codes. */
export function templateWorkbook(options: TemplateOptions = {}): WorkbookData {
  const layout = resolveLayout(options);
  const tables = contractTables(layout);
  tables.program.rows = programRows(tables.program, layout);
  return workbookOf(tables);
}

/**
 * The Program table's rows with their labels, and the period the template was made for, so the user only
 * types the name and region (and the job goal, if the programme has one).
 */
function programRows(table: TableData, layout: TableLayout): CellInput[][] {
  const first = layout.years[0] ?? null;
  const last = layout.years[layout.years.length - 1] ?? null;
  const values: Record<keyof typeof PROGRAM_FIELDS, CellInput> = {
    name: null,
    region: null,
    firstYear: first,
    lastYear: last,
    planYear: first,
    jobGoal: null,
  };
  return (Object.keys(PROGRAM_FIELDS) as (keyof typeof PROGRAM_FIELDS)[]).map((key) =>
    rowOf(table, TABLES.program, { field: PROGRAM_FIELDS[key], value: values[key] }),
  );
}
