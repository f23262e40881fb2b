/**
 * fast-check arbitraries for the property tests (test/property) and the settings they run with.
 *
 * - `npm test` runs every property with the fixed seed 42 and 100 runs (fewer where a run writes a file).
 * - `npm run fuzz` sets FUZZ_RUNS=2000: a random seed, printed, and 20 times the runs. FUZZ_SEED repeats a run.
 *
 * Two kinds of workbook come from here: messy ones built from the contract (any subset of tables, columns
 * missing, renamed, reordered or extra, any kind of cell), and consistent plans that add up everywhere,
 * generated as a model and written out in many equivalent ways (header spellings, column order, numbers as
 * Norwegian text, declared sums as formulas, millions, captions, sheets), with every meaningful cell tagged
 * so a test can change one number and know which declared sums it feeds.
 */
import fc from 'fast-check';
import { PROGRAM_FIELDS, TABLES, type ColumnKind, type TableSpec } from '../../src/core/contract/contract';
import type { CellInput, TableData, WorkbookData } from '../../src/core/contract/tableData';
import { normalizeKey } from '../../src/core/text/keys';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import type { GeneratedSheetInfo } from '../../src/core/snapshot/types';

// ---------------------------------------------------------------------------------------------------------
// Settings: fixed under `npm test`, random and printed under `npm run fuzz`

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, not '${raw}'`);
  return value;
}

const DEFAULT_RUNS = 100;
const FUZZ_RUNS = envInteger('FUZZ_RUNS');
/** True under `npm run fuzz` (FUZZ_RUNS set). */
export const FUZZING = FUZZ_RUNS !== undefined;
/** The seed of this test file's properties: 42, FUZZ_SEED, or a random one when fuzzing. */
export const SEED = envInteger('FUZZ_SEED') ?? (FUZZING ? Math.floor(Math.random() * 2 ** 31) : 42);
const SCALE = (FUZZ_RUNS ?? DEFAULT_RUNS) / DEFAULT_RUNS;

/** Sets the seed and run count for every fc.assert of the calling test file; prints the seed when fuzzing. */
export function configureProperties(file: string): void {
  fc.configureGlobal({ seed: SEED, numRuns: FUZZ_RUNS ?? DEFAULT_RUNS });
  if (FUZZING)
    console.log(`${file}: fast-check seed ${SEED}, ${FUZZ_RUNS} runs (repeat: FUZZ_SEED=${SEED} FUZZ_RUNS=${FUZZ_RUNS} npm run fuzz)`);
}

/** Runs for an expensive property: `n` under `npm test`, scaled like the others when fuzzing. */
export function runs(n: number): number {
  return Math.max(1, Math.round(n * Math.max(1, SCALE)));
}

/** A jest timeout that grows with the number of runs when fuzzing. */
export function timeout(ms: number): number {
  return Math.round(ms * Math.max(1, SCALE));
}

// ---------------------------------------------------------------------------------------------------------
// Deterministic choices for presentation (so a mutated plan is laid out exactly like the original)

function hash(seed: number, parts: readonly (string | number)[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const part of parts) {
    const text = `${String(part)}\u0001`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 2654435761) >>> 0;
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function choose<T>(items: readonly T[], seed: number, ...parts: (string | number)[]): T {
  if (items.length === 0) throw new Error('choose from an empty list');
  return items[hash(seed, parts) % items.length] as T;
}

function chance(percent: number, seed: number, ...parts: (string | number)[]): boolean {
  return hash(seed, parts) % 100 < percent;
}

function shuffled<T>(items: readonly T[], seed: number, ...parts: (string | number)[]): T[] {
  return items
    .map((item, i) => ({ item, key: hash(seed, [...parts, i]) }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

// ---------------------------------------------------------------------------------------------------------
// Values

/** Strings a user may type that a spreadsheet could take for a formula; they must stay text everywhere. */
export const INJECTIONS = ['=HYPERLINK("http://example.com","x")', '+1+1', '-1+1', '@SUM(A1)', "=cmd|' /C calc'!A0"] as const;

export const ERROR_VALUES = ['#REF!', '#VALUE!', '#N/A', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!'] as const;

/** Without the characters XML 1.0 cannot hold (control characters, lone surrogates): real cells never contain them. */
function xmlSafe(text: string): string {
  let out = '';
  // for…of walks code points, so a lone surrogate comes out on its own and is dropped.
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x9 || code === 0xa || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000)
      out += ch;
  }
  return out;
}

/** Free text: unicode, emoji, combining marks, RTL, long words, the injection strings. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Kartlegge behov',
    'Starte nettverk',
    'Lage film om regionen',
    'Ærlig, økonomisk og åpen',
    'Rekruttere 10 unge 🚀',
    'e\u0301 combining',
    'שלום עולם',
    '中文文本',
    'x'.repeat(300),
    'Linje 1\nLinje 2',
    ...INJECTIONS,
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map((s) => xmlSafe(s)),
);

/** Text that is not blank (a required text cell). */
export const nonBlankTextArb = textArb.map((s) => (s.trim() === '' ? `tekst ${s.length}` : s));

/** `1 200 000` with the given thousands separator. */
export function grouped(value: number, separator: string): string {
  return String(Math.trunc(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Numbers as finance staff type them as text, readable or not. */
export const norwegianNumberTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '1 200 000 kr',
    '3,6 M',
    '400.000,-',
    'kr 500 000',
    '1\u00a0200\u00a0000',
    '4,0',
    '0,6',
    '\u22121 000',
    '-400',
    'kr -500',
    '12,5',
    '1.5',
    '1 2 3',
    '1.2.3',
    'ti tusen',
    '1e5',
    '0x10',
    'NaN',
    'Infinity',
    '\u0661\u0662\u0663',
    '9'.repeat(400),
    '9'.repeat(30) + ',5',
    '0,000001 M',
  ),
  fc
    .integer({ min: 0, max: 2_000_000_000 })
    .chain((n) =>
      fc.constantFrom(
        `${grouped(n, ' ')} kr`,
        `kr ${grouped(n, '\u00a0')}`,
        `${grouped(n, '.')},-`,
        `${grouped(n, '\u202f')}`,
        String(n),
        `${String(n / 1_000_000).replace('.', ',')} M`,
      ),
    ),
);

/** Any number a cell can hold after reading a file, including what a hostile file can smuggle in. */
export const wildNumberArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.integer({ min: 0, max: 2_000_000_000 }),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    1e-300,
    5e-324,
    0.5,
    1.005,
    2.5,
    1e15,
    2 ** 53 + 2,
    1e300,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NaN,
  ),
);

const isoDateArb: fc.Arbitrary<string> = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Any cell: every kind the snapshot knows, from plausible to hostile. */
export const wildCellArb: fc.Arbitrary<CellInput> = fc.oneof(
  { arbitrary: wildNumberArb, weight: 3 },
  { arbitrary: norwegianNumberTextArb, weight: 2 },
  { arbitrary: textArb, weight: 2 },
  { arbitrary: fc.constantFrom(...ERROR_VALUES).map((error): CellInput => ({ error })), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: isoDateArb.map((date): CellInput => ({ date })), weight: 1 },
  {
    arbitrary: fc
      .record({
        formula: fc.constantFrom('SUM(B2:B4)', '=1/0', 'Budsjett[Beløp]', 'A1&"x"'),
        result: fc.option(fc.oneof(wildNumberArb, textArb), { nil: undefined }),
      })
      .map((f): CellInput => (f.result === undefined ? { formula: f.formula } : { formula: f.formula, result: f.result })),
    weight: 1,
  },
  { arbitrary: fc.constantFrom<CellInput>(null, '', '   ', '\u00a0'), weight: 2 },
);

// ---------------------------------------------------------------------------------------------------------
// Messy workbooks built from the contract

const YEAR_CELLS: fc.Arbitrary<CellInput> = fc.oneof(
  fc.integer({ min: 2019, max: 2027 }),
  fc.integer({ min: 2019, max: 2027 }).map(String),
  fc.constantFrom<CellInput>(1899, 2201, 20222, 2022.5, -2022, 'i fjor'),
);

const CODE_POOL = [
  'A',
  'B',
  'C',
  'D',
  'a',
  'b ',
  'A-B',
  'A–C',
  'E, F',
  'C/D',
  'A og B',
  'ZZ',
  'Sum',
  'SUM',
  'Totalt',
  'Sum innsatsområder',
  'Sum totalt',
  '1',
  '2',
  '3. Innovasjon',
  'Kompetanse',
  'Innovasjon',
  'Tematisk',
  'tematisk',
  'Støtteområde',
  'Stotteomrade',
  'Administrasjon',
  'Industri',
  'Reiseliv',
  'industri',
  'Fylket',
  'Forstudie',
  'P-1',
  'P-2',
];

function plausibleCell(kind: ColumnKind | 'dynamic'): fc.Arbitrary<CellInput> {
  switch (kind) {
    case 'year':
      return YEAR_CELLS;
    case 'count':
    case 'dynamic':
      return fc.oneof(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }).map(String),
        fc.constantFrom<CellInput>(-1, 2.5, 1e9),
      );
    case 'kroner':
      return fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), norwegianNumberTextArb, fc.constantFrom<CellInput>(-100, 0.5, 1e15));
    case 'code':
      return fc.constantFrom<CellInput>(...CODE_POOL);
    case 'date':
      return fc.oneof(
        isoDateArb.map((date): CellInput => ({ date })),
        fc.constantFrom<CellInput>('15.03.2022', '2022-03-15', '31.02.2022', 44_635, 'i går'),
      );
    case 'text':
      return fc.oneof(textArb, fc.constantFrom<CellInput>(...CODE_POOL));
    case 'number':
      return fc.oneof(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        norwegianNumberTextArb,
        fc.constantFrom<CellInput>(0, 1, 12.5, '3,2'),
      );
  }
}

function cellFor(kind: ColumnKind | 'dynamic' | 'any'): fc.Arbitrary<CellInput> {
  if (kind === 'any') return wildCellArb;
  return fc.oneof({ arbitrary: plausibleCell(kind), weight: 3 }, { arbitrary: wildCellArb, weight: 1 });
}

const PROGRAM_FIELD_CELLS: fc.Arbitrary<CellInput> = fc.oneof(
  {
    arbitrary: fc.constantFrom<CellInput>(...Object.values(PROGRAM_FIELDS), 'FORSTE AR', 'siste ar', 'Handlingsplanar', 'Arbeidsplassmal'),
    weight: 4,
  },
  { arbitrary: wildCellArb, weight: 1 },
);
const PROGRAM_VALUE_CELLS: fc.Arbitrary<CellInput> = fc.oneof(
  { arbitrary: YEAR_CELLS, weight: 4 },
  { arbitrary: fc.integer({ min: -5000, max: 100_000 }), weight: 1 },
  { arbitrary: textArb, weight: 1 },
  { arbitrary: wildCellArb, weight: 1 },
);

/** Header spellings the contract accepts, and some it does not. */
function headerVariants(header: string): string[] {
  const ascii = asciiFold(header);
  return [header, header.toUpperCase(), header.toLowerCase(), ascii, ` ${header} `, `${header} (kr)`, `${header} (mill. kr)`, `${header}x`];
}

export function asciiFold(text: string): string {
  return text.replace(/æ/g, 'ae').replace(/Æ/g, 'AE').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/å/g, 'a').replace(/Å/g, 'A');
}

interface MessyColumn {
  header: string;
  kind: ColumnKind | 'dynamic' | 'any';
  /** the contract column it stands for */
  key?: string;
}

function messyColumns(spec: TableSpec): fc.Arbitrary<MessyColumn[]> {
  const contract = spec.columns.map((c) =>
    fc.option(
      fc.constantFrom(...headerVariants(c.header)).map((header): MessyColumn => ({ header, kind: c.kind, key: c.key })),
      { freq: 6, nil: undefined },
    ),
  );
  const dynamicHeaders: fc.Arbitrary<string[]> = spec.yearColumns
    ? fc.array(fc.oneof(fc.integer({ min: 2019, max: 2027 }).map(String), fc.constantFrom(' 2022 ', '20x2', '99999', '2022', '1899')), {
        maxLength: 5,
      })
    : spec.strategyColumns
      ? fc.array(fc.constantFrom('A', 'B', 'C', 'D. Omdømme', 'a', 'ZZ', 'E)', 'Æ', 'Sum'), { maxLength: 5 })
      : fc.constant([]);
  const extras = fc.array(fc.oneof(fc.constantFrom('Merknad', 'Beløp', 'Sum', 'Næring', '', 'År'), textArb), { maxLength: 2 });
  return (
    fc
      .tuple(fc.tuple(...contract), dynamicHeaders, extras)
      .map(([fixed, dynamic, extra]) => [
        ...fixed.filter((c): c is MessyColumn => c !== undefined),
        ...dynamic.map((header): MessyColumn => ({ header, kind: 'dynamic' })),
        ...extra.map((header): MessyColumn => ({ header, kind: 'any' })),
      ])
      // An Excel table has at least one column.
      .map((columns) => (columns.length > 0 ? columns : [{ header: 'Kolonne', kind: 'any' as const }]))
      .chain((columns) => fc.shuffledSubarray(columns, { minLength: columns.length, maxLength: columns.length }))
  );
}

interface MessyTable {
  name: string;
  header: string[];
  rows: CellInput[][];
  totalRow: CellInput[] | undefined;
  caption: boolean;
}

function rowArb(columns: readonly MessyColumn[], program: boolean): fc.Arbitrary<CellInput[]> {
  const cells = columns.map((c) =>
    program && c.key === 'field' ? PROGRAM_FIELD_CELLS : program && c.key === 'value' ? PROGRAM_VALUE_CELLS : cellFor(c.kind),
  );
  // Rows may be short (the rest empty) or blank.
  return fc.oneof({ arbitrary: fc.tuple(...cells), weight: 8 }, { arbitrary: fc.constant(columns.map((): CellInput => null)), weight: 1 });
}

function messyTable(spec: TableSpec): fc.Arbitrary<MessyTable> {
  return messyColumns(spec).chain((columns) => {
    const program = spec.name === TABLES.program.name;
    return fc.record({
      name: fc.constantFrom(spec.name, spec.name.toLowerCase(), spec.name.toUpperCase()),
      header: fc.constant(columns.map((c) => c.header)),
      rows: fc.array(rowArb(columns, program), { maxLength: program ? 10 : 6 }),
      totalRow: fc.option(rowArb(columns, false), { freq: 3, nil: undefined }),
      caption: fc.boolean(),
    });
  });
}

const randomTableArb: fc.Arbitrary<MessyTable> = fc
  .array(fc.oneof(fc.constantFrom('Kolonne', 'Beløp', 'År'), textArb), { minLength: 1, maxLength: 4 })
  .chain((header) =>
    fc.record({
      name: fc.constantFrom('Budsjett', 'budsjett', 'Naeringer', 'Næringer', 'Egen_tabell', 'Tabell1'),
      header: fc.constant(header),
      rows: fc.array(fc.tuple(...header.map(() => wildCellArb)), { maxLength: 4 }),
      totalRow: fc.constant(undefined),
      caption: fc.boolean(),
    }),
  );

const SHEET_POOL = ['Oppsett', 'Mål', 'Budsjett', 'Prosjekter', 'Ærlige tall', 'Data 📊', 'Ωmega', '数据', 'Ark1', 'mål'];

/** A messy workbook and, sometimes, a generated sheet's marker as a reader would find it. */
export interface MessyWorkbook {
  data: WorkbookData;
  generated: GeneratedSheetInfo[];
}

export const messyWorkbookArb: fc.Arbitrary<MessyWorkbook> = fc
  .record({
    sheets: fc.uniqueArray(
      fc.oneof(
        { arbitrary: fc.constantFrom(...SHEET_POOL), weight: 4 },
        { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 31 }).map((s) => xmlSafe(s) || 'Ark'), weight: 1 },
      ),
      { maxLength: 5, selector: (s) => s.toLowerCase() },
    ),
    tables: fc.tuple(...Object.values(TABLES).map((spec) => fc.option(fc.tuple(messyTable(spec), fc.nat()), { freq: 5, nil: undefined }))),
    extra: fc.array(fc.tuple(randomTableArb, fc.nat()), { maxLength: 2 }),
    generated: fc.option(fc.tuple(fc.nat(), fc.integer({ min: 2019, max: 2027 }), fc.constantFrom('0123456789abcd', '')), {
      freq: 4,
      nil: undefined,
    }),
  })
  .map(({ sheets, tables, extra, generated }) => {
    const all = [...tables.filter((t): t is [MessyTable, number] => t !== undefined), ...extra];
    const seen = new Set<string>();
    const data: WorkbookData = { sheets, tables: [] };
    if (sheets.length === 0) return { data, generated: [] };
    for (const [t, at] of all) {
      // Excel refuses two tables of one name (in any case); a file cannot hold them.
      if (seen.has(t.name.toLowerCase())) continue;
      seen.add(t.name.toLowerCase());
      const table: TableData = { name: t.name, sheet: sheets[at % sheets.length] ?? '', header: t.header, rows: t.rows };
      if (t.totalRow) table.totalRow = t.totalRow;
      if (t.caption) table.caption = 'Tabell';
      data.tables.push(table);
    }
    const marker: GeneratedSheetInfo[] = generated
      ? [{ sheet: sheets[generated[0] % sheets.length] ?? '', kind: 'handlingsplan', year: generated[1], inputDigest: generated[2] }]
      : [];
    return { data, generated: marker };
  });

// ---------------------------------------------------------------------------------------------------------
// Consistent plans: a model that adds up, and its many equivalent spellings as tables

const AREA_WORDS = [
  'Kompetanse',
  'Innovasjon',
  'Attraktivitet',
  'Næringsutvikling',
  'Bedriftsutvikling',
  'Samfunn',
  'Omdømme',
  'Grønn omstilling',
  'Reiseliv og kultur',
  'Infrastruktur',
];
const DECOR = ['', ' Æ', ' ø', ' å', ' é', ' ß', ' 中文', ' 🚀', ' ny', ' II'];
const STRATEGY_WORDS = [
  'Rekruttering',
  'Nettverk',
  'Gründere',
  'Kompetanseheving',
  'Omdømme',
  'Stedsutvikling',
  'Digitalisering',
  'Eksport',
  'Markedsføring',
  'Kultur',
  'Ungdom',
];
const NAERING_WORDS = [
  'Reiseliv',
  'Industri',
  'Jord og skog',
  'Bygg og anlegg',
  'Handel',
  'Kreative næringer',
  'Øvrig næringsliv',
  'IKT',
  'Helse',
  'Fiske 🐟',
  'Ærfugl',
];
const COST_POSTS = ['Administrasjon', 'Prosjektledelse/prosjektarbeid', 'Kompetansemidler', 'Reserve', 'Evaluering 🧾'];
const SOURCES = ['Fylkeskommunen', 'Kommunene', 'Staten', 'Næringsfond', 'Private 💰', 'EU-midler'];
const CODES = 'ABCDEFGHIJKL'.split('');

function decorated(words: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...words), fc.constantFrom(...DECOR)).map(([w, d]) => `${w}${d}`);
}

/** Kroner amounts: small, round thousands, round hundred thousands (`3,6 M`), and very large. */
export const amountArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 999 }),
  fc.integer({ min: 0, max: 50_000 }).map((n) => n * 1000),
  fc.integer({ min: 0, max: 10_000 }).map((n) => n * 100_000),
  fc.integer({ min: 0, max: 1_000_000_000_000 }),
);

const countArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 60 }), weight: 5 },
  { arbitrary: fc.integer({ min: 0, max: 1_000_000 }), weight: 1 },
);

export interface PlanModel {
  name: string;
  region: string;
  firstYear: number;
  yearCount: number;
  planYearIndex: number;
  jobGoal: boolean;
  areas: { name: string; thematic: boolean }[];
  /** Each strategy's code is CODES[index]. */
  strategies: { area: number; name: string; description: string }[];
  naeringer: string[];
  /** [year][strategy]: the budget line, or none */
  budget: (number | null)[][];
  costs: { post: string; amounts: number[] }[];
  /** Sources share each year's total by these weights. */
  financing: { source: string; weights: number[] }[];
  /** [næring][year] */
  targets: (number | null)[][];
  /** [næring][strategy] for the plan year; only thematic strategies are written */
  resultatmal: (number | null)[][];
  tiltak: { year: number; strategies: number[]; text: string }[];
  delmal: { year: number; strategies: number[]; text: string; minima: (number | null)[] }[];
  look: Look;
}

/** How the same plan is spelled out as tables; every choice keeps it consistent. */
export interface Look {
  seed: number;
  headerVariants: boolean;
  reorderColumns: boolean;
  shuffleRows: boolean;
  blankRows: boolean;
  extraColumns: boolean;
  textNumbers: boolean;
  formulas: boolean;
  millions: boolean;
  captions: boolean;
  sheets: 'contract' | 'one' | 'spread';
  /** which declared sums exist (each then chosen per cell by the seed): percent */
  declared: number;
}

const lookArb: fc.Arbitrary<Look> = fc.record({
  seed: fc.nat(),
  headerVariants: fc.boolean(),
  reorderColumns: fc.boolean(),
  shuffleRows: fc.boolean(),
  blankRows: fc.boolean(),
  extraColumns: fc.boolean(),
  textNumbers: fc.boolean(),
  formulas: fc.boolean(),
  millions: fc.boolean(),
  captions: fc.boolean(),
  sheets: fc.constantFrom('contract', 'one', 'spread'),
  declared: fc.constantFrom(0, 50, 100),
});

function matrix<T>(rows: number, columns: number, cell: fc.Arbitrary<T>): fc.Arbitrary<T[][]> {
  return fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });
}

function strategyList(count: number): fc.Arbitrary<number[]> {
  return fc.uniqueArray(fc.nat({ max: count - 1 }), { minLength: 1, maxLength: Math.min(3, count) });
}

export const planModelArb: fc.Arbitrary<PlanModel> = fc
  .record({
    areaCount: fc.integer({ min: 1, max: 4 }),
    strategyCount: fc.integer({ min: 1, max: 8 }),
    naeringCount: fc.integer({ min: 1, max: 4 }),
    yearCount: fc.integer({ min: 1, max: 4 }),
    costCount: fc.integer({ min: 0, max: 3 }),
    sourceCount: fc.integer({ min: 1, max: 3 }),
  })
  .chain((n) =>
    fc.record({
      name: nonBlankTextArb,
      region: textArb,
      firstYear: fc.integer({ min: 1990, max: 2150 }),
      yearCount: fc.constant(n.yearCount),
      planYearIndex: fc.nat({ max: n.yearCount - 1 }),
      jobGoal: fc.boolean(),
      areas: fc
        .tuple(
          fc.uniqueArray(decorated(AREA_WORDS), { minLength: n.areaCount, maxLength: n.areaCount, selector: normalizeKey }),
          fc.array(fc.boolean(), { minLength: n.areaCount, maxLength: n.areaCount }),
        )
        .map(([names, thematic]) => names.map((name, i) => ({ name, thematic: thematic[i] ?? true }))),
      strategies: fc.array(fc.record({ area: fc.nat({ max: n.areaCount - 1 }), name: decorated(STRATEGY_WORDS), description: textArb }), {
        minLength: n.strategyCount,
        maxLength: n.strategyCount,
      }),
      naeringer: fc.uniqueArray(decorated(NAERING_WORDS), { minLength: n.naeringCount, maxLength: n.naeringCount, selector: normalizeKey }),
      budget: matrix(n.yearCount, n.strategyCount, fc.option(amountArb, { freq: 5, nil: null })),
      costs: fc
        .tuple(
          fc.shuffledSubarray(COST_POSTS, { minLength: n.costCount, maxLength: n.costCount }),
          matrix(n.costCount, n.yearCount, amountArb),
        )
        .map(([posts, amounts]) => posts.map((post, i) => ({ post, amounts: amounts[i] ?? [] }))),
      financing: fc
        .tuple(
          fc.shuffledSubarray(SOURCES, { minLength: n.sourceCount, maxLength: n.sourceCount }),
          matrix(n.sourceCount, n.yearCount, fc.nat({ max: 10 })),
        )
        .map(([sources, weights]) => sources.map((source, i) => ({ source, weights: weights[i] ?? [] }))),
      targets: matrix(n.naeringCount, n.yearCount, fc.option(countArb, { freq: 6, nil: null })),
      resultatmal: matrix(n.naeringCount, n.strategyCount, fc.option(countArb, { freq: 3, nil: null })),
      tiltak: fc.array(
        fc.record({ year: fc.nat({ max: n.yearCount - 1 }), strategies: strategyList(n.strategyCount), text: nonBlankTextArb }),
        { maxLength: 4 },
      ),
      delmal: fc.array(
        fc.record({
          year: fc.nat({ max: n.yearCount - 1 }),
          strategies: strategyList(n.strategyCount),
          text: nonBlankTextArb,
          minima: fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }), { minLength: 4, maxLength: 4 }),
        }),
        { maxLength: 4 },
      ),
      look: lookArb,
    }),
  );

// ---- the model's figures --------------------------------------------------------------------------------

export function codeOf(strategy: number): string {
  const code = CODES[strategy];
  if (code === undefined) throw new Error(`no code for strategy ${strategy}`);
  return code;
}

export function yearsOf(model: PlanModel): number[] {
  return Array.from({ length: model.yearCount }, (_, i) => model.firstYear + i);
}

export function planYearOf(model: PlanModel): number {
  return model.firstYear + model.planYearIndex;
}

/** An area's frame: what its strategies have in the year. */
function areaFrame(model: PlanModel, yearIndex: number, area: number): number {
  let total = 0;
  model.strategies.forEach((s, i) => {
    if (s.area === area) total += model.budget[yearIndex]?.[i] ?? 0;
  });
  return total;
}

function costTotal(model: PlanModel, yearIndex: number): number {
  return model.costs.reduce((sum, c) => sum + (c.amounts[yearIndex] ?? 0), 0);
}

export function totalFrame(model: PlanModel, yearIndex: number): number {
  return model.areas.reduce((sum, _, a) => sum + areaFrame(model, yearIndex, a), 0) + costTotal(model, yearIndex);
}

/** The sources' amounts for a year: shares of the total by weight, the last taking the remainder. */
function financingAmounts(model: PlanModel, yearIndex: number): number[] {
  const total = totalFrame(model, yearIndex);
  const weights = model.financing.map((f) => f.weights[yearIndex] ?? 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  const amounts = weights.map((w) => (sum === 0 ? 0 : Math.floor((total * w) / sum)));
  const last = amounts.length - 1;
  amounts[last] = total - amounts.slice(0, last).reduce((a, b) => a + b, 0);
  return amounts;
}

/** The budget total of the plan year as the model has it. */
export function budgetTotal(model: PlanModel, yearIndex = model.planYearIndex): number {
  return (model.budget[yearIndex] ?? []).reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

// ---- logical tables ----------------------------------------------------------------------------------------

type Unit = 'kroner' | 'count' | 'year';

interface LogicalCell {
  value: CellInput;
  /** a number to be spelled out (as a number, text, formula or in millions) */
  number?: { value: number; unit: Unit; declared: boolean };
  tag?: string;
}

interface LogicalColumn {
  key: string;
  header: string;
  /** amounts in this column may be written in millions */
  amount?: boolean;
}

interface LogicalTable {
  spec: TableSpec;
  columns: LogicalColumn[];
  rows: Map<string, LogicalCell>[];
  total?: Map<string, LogicalCell>;
  /** keep the row order (strategy ranges such as A-C follow it) */
  fixedOrder?: boolean;
}

function num(value: number, unit: Unit, tag?: string, declared = false): LogicalCell {
  const cell: LogicalCell = { value, number: { value, unit, declared } };
  if (tag !== undefined) cell.tag = tag;
  return cell;
}

function text(value: CellInput, tag?: string): LogicalCell {
  const cell: LogicalCell = { value };
  if (tag !== undefined) cell.tag = tag;
  return cell;
}

function row(entries: Record<string, LogicalCell>): Map<string, LogicalCell> {
  return new Map(Object.entries(entries));
}

function contractColumns(spec: TableSpec, keys: readonly string[] = spec.columns.map((c) => c.key)): LogicalColumn[] {
  return keys.map((key) => {
    const column = spec.columns.find((c) => c.key === key);
    if (!column) throw new Error(`${spec.name} has no column ${key}`);
    const logical: LogicalColumn = { key, header: column.header };
    if (column.kind === 'kroner') logical.amount = true;
    return logical;
  });
}

function strategyText(model: PlanModel, indices: readonly number[], seed: number, salt: string): string {
  const sorted = [...indices].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  const contiguous = sorted.length > 1 && last - first === sorted.length - 1;
  const code = (i: number): string => (chance(20, seed, salt, 'lower', i) ? codeOf(i).toLowerCase() : codeOf(i));
  if (contiguous && chance(60, seed, salt, 'range'))
    return `${code(first)}${choose(['-', '\u2013', ' - '], seed, salt, 'dash')}${code(last)}`;
  return indices.map(code).join(choose([', ', ',', '/', ' og ', ';', ' & '], seed, salt, 'join'));
}

function areaRef(model: PlanModel, area: number, seed: number, salt: string): CellInput {
  const a = model.areas[area];
  if (!a) throw new Error(`no area ${area}`);
  return choose<CellInput>([area + 1, a.name, `${area + 1}. ${a.name}`, String(area + 1)], seed, salt, 'areaRef');
}

function logicalTables(model: PlanModel): LogicalTable[] {
  const { look } = model;
  const seed = look.seed;
  const years = yearsOf(model);
  const planYear = planYearOf(model);
  const declared = (...parts: (string | number)[]): boolean =>
    look.declared === 100 || (look.declared > 0 && chance(look.declared, seed, 'declared', ...parts));
  const tables: LogicalTable[] = [];

  // Program
  const programRows: Map<string, LogicalCell>[] = [];
  const field = (key: keyof typeof PROGRAM_FIELDS): LogicalCell =>
    text(
      look.headerVariants
        ? choose([PROGRAM_FIELDS[key], PROGRAM_FIELDS[key].toUpperCase(), asciiFold(PROGRAM_FIELDS[key])], seed, 'field', key)
        : PROGRAM_FIELDS[key],
    );
  programRows.push(row({ field: field('name'), value: text(model.name) }));
  programRows.push(row({ field: field('region'), value: text(model.region) }));
  programRows.push(row({ field: field('firstYear'), value: num(model.firstYear, 'year') }));
  programRows.push(row({ field: field('lastYear'), value: num(model.firstYear + model.yearCount - 1, 'year') }));
  programRows.push(row({ field: field('planYear'), value: num(planYear, 'year') }));
  const grandTarget = model.targets.flat().reduce<number>((sum, v) => sum + (v ?? 0), 0);
  if (model.jobGoal) programRows.push(row({ field: field('jobGoal'), value: num(grandTarget, 'count', 'goal', true) }));
  tables.push({ spec: TABLES.program, columns: contractColumns(TABLES.program), rows: programRows });

  // Areas, strategies, næringer
  tables.push({
    spec: TABLES.areas,
    columns: contractColumns(TABLES.areas),
    rows: model.areas.map((a, i) =>
      row({
        nr: num(i + 1, 'count'),
        name: text(a.name),
        type: text(choose(a.thematic ? ['Tematisk', 'tematisk', 'TEMATISK'] : ['Støtteområde', 'Stotteomrade', 'støtte'], seed, 'type', i)),
      }),
    ),
  });
  tables.push({
    spec: TABLES.strategies,
    columns: contractColumns(TABLES.strategies),
    rows: model.strategies.map((s, i) =>
      row({
        code: text(chance(15, seed, 'code', i) ? codeOf(i).toLowerCase() : codeOf(i)),
        name: text(s.name),
        area: text(areaRef(model, s.area, seed, `strategy${i}`)),
        description: text(s.description),
      }),
    ),
    fixedOrder: true,
  });
  tables.push({
    spec: TABLES.naeringer,
    columns: contractColumns(TABLES.naeringer),
    rows: model.naeringer.map((name, i) => row({ nr: num(i + 1, 'count'), name: text(name) })),
  });

  // Arbeidsplassmal: Næring, one column per year, Sum; declared year sums in the total row or a "Sum" body row
  const yearColumns: LogicalColumn[] = years.map((y) => ({ key: `y${y}`, header: String(y) }));
  const targetRows = model.naeringer.map((name, n) => {
    const cells: Record<string, LogicalCell> = { naering: text(name) };
    years.forEach((y, yi) => {
      const value = model.targets[n]?.[yi] ?? null;
      cells[`y${y}`] = value === null ? text(null) : num(value, 'count', `target|${n}|${y}`);
    });
    const rowTotal = (model.targets[n] ?? []).reduce<number>((sum, v) => sum + (v ?? 0), 0);
    cells['sum'] = declared('targetRow', n) ? num(rowTotal, 'count', `targetRow|${n}`, true) : text(null);
    return row(cells);
  });
  const totalCells: Record<string, LogicalCell> = {
    naering: text(choose(['Sum', 'SUM', 'Totalt', 'Sum arbeidsplasser'], seed, 'totalLabel')),
  };
  let anyTotal = false;
  years.forEach((y, yi) => {
    if (!declared('targetYear', y)) return;
    anyTotal = true;
    const value = model.targets.reduce<number>((sum, r) => sum + (r[yi] ?? 0), 0);
    totalCells[`y${y}`] = num(value, 'count', `targetYear|${y}`, true);
  });
  if (declared('targetTotal')) {
    anyTotal = true;
    totalCells['sum'] = num(grandTarget, 'count', 'targetTotal', true);
  }
  const jobTargets: LogicalTable = {
    spec: TABLES.jobTargets,
    columns: [...contractColumns(TABLES.jobTargets, ['naering']), ...yearColumns, ...contractColumns(TABLES.jobTargets, ['sum'])],
    rows: targetRows,
  };
  if (anyTotal) {
    if (chance(30, seed, 'totalAsBodyRow')) jobTargets.rows.push(row(totalCells));
    else jobTargets.total = row(totalCells);
  }
  tables.push(jobTargets);

  // Resultatmal for the plan year: one column per thematic strategy; ResultatmalSum per thematic area and in all
  const thematic = model.strategies.map((s, i) => ({ s, i })).filter(({ s }) => model.areas[s.area]?.thematic === true);
  const strategyColumns: LogicalColumn[] = thematic.map(({ s, i }) => ({
    key: `s${i}`,
    header: chance(50, seed, 'rmHeader', i) ? codeOf(i) : `${codeOf(i)}. ${s.name}`,
  }));
  const rmRows = model.naeringer.map((name, n) => {
    const cells: Record<string, LogicalCell> = { year: num(planYear, 'year'), naering: text(name) };
    let rowTotal = 0;
    for (const { s, i } of thematic) {
      const value = model.resultatmal[n]?.[i] ?? null;
      cells[`s${i}`] = value === null ? text(null) : num(value, 'count', `rm|${n}|${codeOf(i)}|${s.area + 1}`);
      rowTotal += value ?? 0;
    }
    cells['sum'] = declared('rmRow', n) ? num(rowTotal, 'count', `rmRow|${n}`, true) : text(null);
    return row(cells);
  });
  tables.push({
    spec: TABLES.resultatmal,
    columns: [
      ...contractColumns(TABLES.resultatmal, ['year', 'naering']),
      ...strategyColumns,
      ...contractColumns(TABLES.resultatmal, ['sum']),
    ],
    rows: rmRows,
  });
  const rmSumRows: Map<string, LogicalCell>[] = [];
  const rmOf = (keep: (strategy: number) => boolean): number =>
    model.naeringer.reduce(
      (sum, _, n) => sum + thematic.filter(({ i }) => keep(i)).reduce((s2, { i }) => s2 + (model.resultatmal[n]?.[i] ?? 0), 0),
      0,
    );
  model.areas.forEach((a, area) => {
    if (!a.thematic || !thematic.some(({ s }) => s.area === area) || !declared('rmArea', area)) return;
    rmSumRows.push(
      row({
        year: num(planYear, 'year'),
        area: text(areaRef(model, area, seed, `rmArea${area}`)),
        jobs: num(
          rmOf((i) => model.strategies[i]?.area === area),
          'count',
          `rmArea|${area + 1}`,
          true,
        ),
      }),
    );
  });
  if (declared('rmTotal'))
    rmSumRows.push(
      row({
        year: num(planYear, 'year'),
        area: text(choose(['Sum', 'SUM', 'Totalt'], seed, 'rmTotalLabel')),
        jobs: num(
          rmOf(() => true),
          'count',
          'rmTotal',
          true,
        ),
      }),
    );
  tables.push({ spec: TABLES.resultatmalSum, columns: contractColumns(TABLES.resultatmalSum), rows: rmSumRows });

  // Delmål and tiltak
  tables.push({
    spec: TABLES.delmal,
    columns: contractColumns(TABLES.delmal),
    rows: model.delmal.map((d, i) => {
      const cells: Record<string, LogicalCell> = {
        year: num(years[d.year] ?? planYear, 'year'),
        strategies: text(strategyText(model, d.strategies, seed, `delmal${i}`)),
        text: text(d.text),
      };
      (['started', 'completed', 'companies', 'newCompanies'] as const).forEach((key, k) => {
        const value = d.minima[k] ?? null;
        cells[key] = value === null ? text(null) : num(value, 'count');
      });
      return row(cells);
    }),
  });
  tables.push({
    spec: TABLES.tiltak,
    columns: contractColumns(TABLES.tiltak),
    rows: model.tiltak.map((t, i) =>
      row({
        year: num(years[t.year] ?? planYear, 'year'),
        strategies: text(strategyText(model, t.strategies, seed, `tiltak${i}`)),
        text: text(t.text),
      }),
    ),
  });

  // Budget, frames, financing: every year; tags only in the plan year, which is the one checked
  const tagIf = (yearIndex: number, tag: string): string | undefined => (yearIndex === model.planYearIndex ? tag : undefined);
  const budgetRows: Map<string, LogicalCell>[] = [];
  const frameRows: Map<string, LogicalCell>[] = [];
  const financingRows: Map<string, LogicalCell>[] = [];
  years.forEach((year, yi) => {
    model.strategies.forEach((s, i) => {
      const amount = model.budget[yi]?.[i] ?? null;
      if (amount === null) return;
      budgetRows.push(
        row({
          year: num(year, 'year', tagIf(yi, `key|budget-year|${codeOf(i)}`)),
          strategy: text(codeOf(i), tagIf(yi, `key|budget-strategy|${codeOf(i)}`)),
          amount: num(amount, 'kroner', tagIf(yi, `budget|${codeOf(i)}|${s.area + 1}`)),
        }),
      );
    });
    model.areas.forEach((_, area) => {
      frameRows.push(
        row({
          year: num(year, 'year', tagIf(yi, `key|frame-year|${area + 1}`)),
          post: text(areaRef(model, area, seed, `post${area}`), tagIf(yi, `key|frame-post|${area + 1}`)),
          amount: num(areaFrame(model, yi, area), 'kroner', tagIf(yi, `frame|${area + 1}`)),
        }),
      );
    });
    const areasTotal = model.areas.reduce((sum, _, area) => sum + areaFrame(model, yi, area), 0);
    if (declared('sumAreas')) {
      frameRows.push(
        row({
          year: num(year, 'year'),
          post: text(choose(['Sum innsatsområder', 'SUM INNSATSOMRÅDER', 'Sum innsatsomrader'], seed, 'sumAreasLabel')),
          amount: num(areasTotal, 'kroner', tagIf(yi, 'sumAreas'), true),
        }),
      );
    }
    model.costs.forEach((c, i) => {
      frameRows.push(
        row({ year: num(year, 'year'), post: text(c.post), amount: num(c.amounts[yi] ?? 0, 'kroner', tagIf(yi, `cost|${i}`)) }),
      );
    });
    if (declared('sumTotal')) {
      frameRows.push(
        row({
          year: num(year, 'year'),
          post: text(choose(['Sum totalt', 'Sum total', 'SUM'], seed, 'sumTotalLabel')),
          amount: num(totalFrame(model, yi), 'kroner', tagIf(yi, 'sumTotal'), true),
        }),
      );
    }
    const amounts = financingAmounts(model, yi);
    model.financing.forEach((f, i) => {
      financingRows.push(
        row({
          year: num(year, 'year', tagIf(yi, `key|fin-year|${i}`)),
          source: text(f.source),
          amount: num(amounts[i] ?? 0, 'kroner', tagIf(yi, `fin|${i}`)),
        }),
      );
    });
    if (declared('finSum')) {
      financingRows.push(
        row({
          year: num(year, 'year'),
          source: text(choose(['Sum', 'SUM', 'Sum finansiering', 'Totalt'], seed, 'finSumLabel')),
          amount: num(totalFrame(model, yi), 'kroner', tagIf(yi, 'finSum'), true),
        }),
      );
    }
  });
  tables.push({ spec: TABLES.budget, columns: contractColumns(TABLES.budget), rows: budgetRows });
  tables.push({ spec: TABLES.frames, columns: contractColumns(TABLES.frames), rows: frameRows });
  tables.push({ spec: TABLES.financing, columns: contractColumns(TABLES.financing), rows: financingRows });
  for (const spec of [TABLES.reallocations, TABLES.projects, TABLES.reports])
    tables.push({ spec, columns: contractColumns(spec), rows: [] });
  return tables;
}

// ---- spelling the logical tables out -----------------------------------------------------------------

/** A change of one tagged number, as a user might make by mistake. */
export interface Mutation {
  tag: string;
  delta: number;
}

export interface RenderedPlan {
  data: WorkbookData;
  /** tag → where the cell stands, as the snapshot (and a file written from the data) has it */
  at: Map<string, { sheet: string; cell: string }>;
  /** tag → the number the model has there (before any mutation) */
  values: Map<string, number>;
  /** tag of the plan year's last financing source in written order (where budget.financing lands without a declared sum) */
  lastSource: string;
}

const EXTRA_HEADERS = ['Merknad', 'Ansvarlig', 'Notater', 'Kontrollert', 'Løpenummer', 'Endret dato'];
const EXTRA_VALUES: readonly CellInput[] = [
  { error: '#REF!' },
  { error: '#N/A' },
  { date: '2022-03-15' },
  { date: '1999-12-31' },
  true,
  false,
  'Merk: =1+1',
  '=SUM(A1:A2)',
  { formula: '1+1', result: 2 },
  { formula: 'A1&"x"', result: 'x' },
  { formula: 'NOW()' },
  12.5,
  -3,
  null,
  'ÆØÅ 🚀',
  0,
];
const SHEET_NAMES = ['Oppsett', 'Mål', 'Budsjett', 'Prosjekter', 'Ærlige tall', 'Data 📊', 'Ωmega', '数据', 'Ark1'];

function headerText(column: LogicalColumn, look: Look, table: string, millions: boolean): string {
  const base = column.header;
  if (millions) return `${base} ${choose(['(mill. kr)', '(MNOK)', '(mill.)'], look.seed, table, 'millions')}`;
  // Year and strategy headers are matched as they are; the contract's own columns in any accepted spelling.
  if (!look.headerVariants || /^\d{4}$/.test(base) || /^[A-L](\.|$)/.test(base)) return base;
  return choose(
    [base, base.toUpperCase(), base.toLowerCase(), asciiFold(base), ` ${base} `, column.amount ? `${base} (kr)` : base],
    look.seed,
    table,
    column.key,
    'header',
  );
}

function numberText(value: number, unit: Unit, millions: boolean, look: Look, salt: string): CellInput {
  if (millions) {
    // Only exact thousandths of a million become text ("0,001"); others stay numbers.
    return value % 1000 === 0
      ? `${String(value / 1_000_000).replace('.', ',')}${choose(['', ' M'], look.seed, salt, 'm')}`
      : value / 1_000_000;
  }
  if (unit !== 'kroner') return choose([String(value), ` ${value} `, grouped(value, '\u00a0')], look.seed, salt, 'count');
  const options = [
    `${grouped(value, ' ')}`,
    `${grouped(value, '\u00a0')} kr`,
    `kr ${grouped(value, ' ')}`,
    `${grouped(value, '.')},-`,
    String(value),
  ];
  if (value > 0 && value % 100_000 === 0) options.push(`${String(value / 1_000_000).replace('.', ',')} M`);
  return choose(options, look.seed, salt, 'kroner');
}

function spell(cell: LogicalCell, look: Look, millions: boolean, mutation: Mutation | undefined, salt: string): CellInput {
  const n = cell.number;
  if (n === undefined) return cell.value;
  const scaled = (v: number): number => (millions && n.unit === 'kroner' ? v / 1_000_000 : v);
  if (mutation !== undefined && cell.tag === mutation.tag) return scaled(n.value + mutation.delta);
  if (n.declared && look.formulas && chance(60, look.seed, salt, 'formula'))
    return { formula: choose(['SUM(C2:C4)', 'SUBTOTAL(109,[Beløp])', 'B2+B3'], look.seed, salt, 'f'), result: scaled(n.value) };
  if (look.textNumbers && chance(30, look.seed, salt, 'text'))
    return numberText(n.value, n.unit, millions && n.unit === 'kroner', look, salt);
  return scaled(n.value);
}

function sheetFor(spec: TableSpec, look: Look): string {
  switch (look.sheets) {
    case 'contract':
      return spec.sheet;
    case 'one':
      return choose(SHEET_NAMES, look.seed, 'oneSheet');
    case 'spread':
      return choose(SHEET_NAMES.slice(0, 3 + (look.seed % 4)), look.seed, 'sheet', spec.name);
  }
}

/**
 * The plan as workbook data, spelled out as `model.look` says; with a mutation, one tagged number is changed
 * (and written as a plain number) while every declared sum keeps the value it had.
 */
export function renderPlan(model: PlanModel, mutation?: Mutation): RenderedPlan {
  const { look } = model;
  const logical = logicalTables(model);
  const data: WorkbookData = { sheets: [], tables: [] };
  const positions = new Map<string, { table: string; row: number | 'total'; column: number }>();
  const values = new Map<string, number>();
  let lastSource = '';
  const optional = new Set<string>([
    TABLES.reallocations.name,
    TABLES.projects.name,
    TABLES.reports.name,
    TABLES.tiltak.name,
    TABLES.delmal.name,
  ]);

  for (const t of logical) {
    const name = t.spec.name;
    if (optional.has(name) && t.rows.length === 0 && chance(40, look.seed, 'omit', name)) continue;
    // Resultatmal's columns beyond the contract's are its strategies: any other is reported (structure.unknown-column).
    const extras: LogicalColumn[] =
      look.extraColumns && name !== TABLES.resultatmal.name && chance(50, look.seed, 'extra', name)
        ? [{ key: 'extra', header: choose(EXTRA_HEADERS, look.seed, 'extraHeader', name) }]
        : [];
    const columns = look.reorderColumns ? shuffled([...t.columns, ...extras], look.seed, 'columns', name) : [...t.columns, ...extras];
    const millions = look.millions && columns.some((c) => c.amount === true) && chance(50, look.seed, 'millions', name);
    let rows = t.fixedOrder || !look.shuffleRows ? [...t.rows] : shuffled(t.rows, look.seed, 'rows', name);
    if (look.blankRows && chance(40, look.seed, 'blank', name))
      rows = [...rows.slice(0, 1), new Map<string, LogicalCell>(), ...rows.slice(1)];
    const spellRow = (cells: Map<string, LogicalCell>, r: number | 'total'): CellInput[] =>
      columns.map((c, ci) => {
        if (c.key === 'extra') return cells.size === 0 ? null : choose(EXTRA_VALUES, look.seed, name, r, 'extraValue');
        const cell = cells.get(c.key);
        if (!cell) return null;
        if (cell.tag !== undefined) {
          positions.set(cell.tag, { table: name, row: r, column: ci });
          if (cell.number) values.set(cell.tag, cell.number.value);
        }
        return spell(cell, look, millions && c.amount === true, mutation, `${name}|${r}|${c.key}`);
      });
    const table: TableData = {
      name,
      sheet: sheetFor(t.spec, look),
      header: columns.map((c) => headerText(c, look, name, millions && c.amount === true)),
      rows: rows.map((cells, r) => spellRow(cells, r)),
      numberFormats: columns.map((c) =>
        c.key === 'extra'
          ? choose([undefined, 'dd.mm.yyyy', '@', '0.00'], look.seed, name, 'extraFormat')
          : c.amount
            ? millions
              ? '0.0'
              : choose(['#,##0', '# ##0', '0'], look.seed, name, 'format')
            : undefined,
      ),
    };
    if (t.total) table.totalRow = spellRow(t.total, 'total');
    if (look.captions && chance(60, look.seed, 'caption', name))
      table.caption = choose([name, `Tabell: ${name}`, 'Ærlige tall 🚀'], look.seed, 'captionText', name);
    if (!data.sheets.includes(table.sheet)) data.sheets.push(table.sheet);
    data.tables.push(table);
    if (name === TABLES.financing.name) {
      for (const cells of rows) {
        const tag = cells.get('amount')?.tag;
        if (tag?.startsWith('fin|')) lastSource = tag;
      }
    }
  }
  if (chance(20, look.seed, 'emptySheet')) data.sheets.push('Tomt ark');

  const snapshot = snapshotFromData(data);
  const at = new Map<string, { sheet: string; cell: string }>();
  for (const [tag, p] of positions) {
    const t = snapshot.tables.find((s) => s.name === p.table);
    const cell = p.row === 'total' ? t?.totalRow?.[p.column] : t?.rows[p.row]?.[p.column];
    if (!t || !cell) throw new Error(`no cell for ${tag}`);
    at.set(tag, { sheet: t.sheet, cell: cell.address });
  }
  return { data, at, values, lastSource };
}

/** Tags of the plan year's numbers a user could change by mistake (parts, not declared sums). */
export function mutationTargets(rendered: RenderedPlan): string[] {
  return [...rendered.values.keys()].filter((tag) => /^(budget|frame|cost|fin|target|rm)\|/.test(tag)).sort();
}

/**
 * Tags of the plan year's key cells — what places a figure rather than the figure itself: a budget line's
 * Strategi and År, an area frame's Post and År, a financing source's År.
 */
export function keyTargets(rendered: RenderedPlan): string[] {
  return [...rendered.at.keys()].filter((tag) => tag.startsWith('key|')).sort();
}

/** A workbook from a consistent plan, as plain data. */
export const consistentWorkbookArb: fc.Arbitrary<{ model: PlanModel; rendered: RenderedPlan }> = planModelArb.map((model) => ({
  model,
  rendered: renderPlan(model),
}));
