/**
 * The sample workbook: the published 2022 action plan (handlingsplan) of *Sats på Hallingdal*, copied into
 * code. Every figure and text is as published — including the resultatmål table whose declared sums do not
 * add up (Øvrig næringsliv's cells add up to 10, its declared sum is 15; the area sums 13/21/0/6 are not the
 * column sums either). Never "correct" it: finding those differences is the validator's job.
 *
 * Section numbers (§2.1, §2.3, §3, §4) refer to the published plan.
 */
import { AREA_TYPES, NOTE_TABLES, PROGRAM_FIELDS, TABLES } from '../contract/contract';
import type { CellInput, WorkbookData } from '../contract/tableData';
import { SAMPLE_PROGRAMME, SAMPLE_REGION } from './names';
import { contractTables, headerOf, rowOf, workbookOf } from '../template/template';

const YEAR = 2022;
const FIRST_YEAR = 2022;
const LAST_YEAR = 2024;

type AreaType = (typeof AREA_TYPES)[keyof typeof AREA_TYPES];

/** §2.3/§4: the innsatsområder, 1–4 thematic, 5–6 support. */
const AREAS: readonly { nr: number; name: string; type: AreaType }[] = [
  { nr: 1, name: 'Kompetanse og rekruttering', type: AREA_TYPES.thematic },
  { nr: 2, name: 'Innovasjonskultur', type: AREA_TYPES.thematic },
  { nr: 3, name: 'Kommunikasjon og samferdsel', type: AREA_TYPES.thematic },
  { nr: 4, name: 'Bærekraft', type: AREA_TYPES.thematic },
  { nr: 5, name: 'Attraktivitet for næringsliv', type: AREA_TYPES.support },
  { nr: 6, name: 'Kultur og samfunn', type: AREA_TYPES.support },
];

/** §2.3: code, the bold title without its trailing dot, area number, and the text after the title verbatim. */
const STRATEGIES: readonly { code: string; name: string; area: number; description: string }[] = [
  {
    code: 'A',
    name: 'Rekruttering',
    area: 1,
    description: 'Sikre næringslivet tilgang til kompetent arbeidskraft gjennom å utvikle og sette i gang fellestiltak',
  },
  {
    code: 'B',
    name: 'Kompetanse',
    area: 1,
    description:
      'Økt konkurransekraft gjennom kompetanseutvikling som strategisk verktøy. Avdekke kompetansebehov og bidra til at behov dekkes gjennom ulike tiltak',
  },
  {
    code: 'C',
    name: 'Proaktivt arbeid',
    area: 2,
    description:
      'Proaktivt arbeid mot eksisterende bedrifter for å avdekke utviklingspotensial og mulige knoppskytinger samt identifisere utviklingsprosjekter',
  },
  // "kompetansmiljø" is spelled so in the published plan.
  {
    code: 'D',
    name: 'Nettverk og klynger',
    area: 2,
    description: 'Økt konkurransekraft gjennom å etablere relevant nettverk og samarbeid med eksterne nærings- og kompetansmiljø',
  },
  {
    code: 'E',
    name: 'Gründere og nyetablerere',
    area: 2,
    description: 'Støtte opp under konkrete bedriftsutviklingsprosjekter fra gründere og nyetablerere – uavhengig av bransje',
  },
  {
    code: 'F',
    name: 'Bedriftsrettede tiltak',
    area: 2,
    description: 'Støtte ulike bedriftsrettede tiltak med utgangspunkt i ideer fra bedriftene',
  },
  {
    code: 'G',
    name: 'Mobilitet',
    area: 3,
    description: 'Legge til rette for prosesser og tiltak som øker mobiliteten i regionen og inn/ut av regionen',
  },
  {
    code: 'H',
    name: 'Logistikk',
    area: 3,
    description: 'Legge til rette for prosesser og tiltak som bedrer forutsetningene for effektiv varetransport i og til/fra regionen',
  },
  { code: 'I', name: 'Grønn kompetanse', area: 4, description: 'Bygge kompetanse, dele erfaringer og jobbe i nettverk' },
  { code: 'J', name: 'Grønn konkurransekraft', area: 4, description: 'Utvikle grønn konkurransekraft i næringslivet i Hallingdal' },
  {
    code: 'K',
    name: 'Arbeid for å tiltrekke seg bedrifter',
    area: 5,
    description:
      'Godt og profesjonelt informasjonsarbeid for å tiltrekke seg bedrifter/institusjoner som vil etablere seg eller etablere aktivitet i Hallingdal',
  },
  {
    code: 'L',
    name: 'Næringsattraktivitet',
    area: 5,
    description:
      'Bidra til å sette i gang og drive prosesser som utvikler attraktivitet for næringslivet, herunder også samling og styrking av næringsapparatet',
  },
  {
    code: 'M',
    name: 'Bostedsattraktivitet',
    area: 6,
    description: 'Bidra til å sette i gang og drive prosesser som utvikler bosteds- og besøksattraktivitet',
  },
];

const OPPLEVELSE = 'Opplevelsesnæring';
const BYGG = 'Bygg og anlegg';
const INDUSTRI = 'Industri';
const OVRIG = 'Øvrig næringsliv';

/** §2.1: the prioritised næringer, numbered as published. */
const NAERINGER: readonly string[] = [OPPLEVELSE, BYGG, INDUSTRI, OVRIG];

/** §2.1: gross job targets per næring for 2022, 2023, 2024 and the declared sum. */
const JOB_TARGETS: readonly { naering: string; perYear: readonly number[]; sum: number }[] = [
  { naering: OPPLEVELSE, perYear: [5, 10, 15], sum: 30 },
  { naering: BYGG, perYear: [10, 15, 25], sum: 50 },
  { naering: INDUSTRI, perYear: [10, 15, 25], sum: 50 },
  { naering: OVRIG, perYear: [15, 20, 35], sum: 70 },
];
/** §2.1: "Sum arbeidsplasser pr år og totalt", as published (typed constants, not formulas). */
const JOB_TARGET_TOTALS: readonly number[] = [40, 60, 100];
const JOB_TARGET_GRAND_TOTAL = 200;

/**
 * §3 "Resultat mål": jobs per thematic strategy (A–J) and næring for 2022 with the declared sum per næring.
 * Blank cells in the plan are left out (empty, not 0). The seed labels the rows "Opplevelse" and
 * "Øvrig n.liv"; the full names from Naeringer are used so the codes match. Øvrig næringsliv's cells
 * (1+1+2+1+2+1+1+1) add up to 10 but its declared sum is 15, and all cells add up to 35 against the
 * declared 40: kept as published.
 */
const RESULTATMAL: readonly { naering: string; cells: Readonly<Record<string, number>>; sum: number }[] = [
  { naering: OPPLEVELSE, cells: { C: 2, E: 1, F: 2 }, sum: 5 },
  { naering: BYGG, cells: { A: 2, B: 2, C: 1, D: 1, E: 1, F: 1, I: 2 }, sum: 10 },
  { naering: INDUSTRI, cells: { A: 2, B: 2, C: 2, D: 1, F: 1, I: 2 }, sum: 10 },
  { naering: OVRIG, cells: { A: 1, B: 1, C: 2, D: 1, E: 2, F: 1, I: 1, J: 1 }, sum: 15 },
];

/** §3 "Sum" row under the resultatmål: the declared sum per thematic area (footnote 2) and the total. */
const RESULTATMAL_AREA_SUMS: readonly { area: number; jobs: number }[] = [
  { area: 1, jobs: 13 },
  { area: 2, jobs: 21 },
  { area: 3, jobs: 0 },
  { area: 4, jobs: 6 },
];
const RESULTATMAL_TOTAL = 40;

interface Delmal {
  strategies: string;
  text: string;
  started?: number;
  completed?: number;
  companies?: number;
  newCompanies?: number;
}

/**
 * §3 "Delmål 2022", thematic and support tables. A text that spans several strategy columns in the plan
 * (E–F, G–H, I–J) is one row for the range. The minima are what the text states; readings that are not
 * literal are explained per row.
 */
const DELMAL: readonly Delmal[] = [
  // "hvorav ett gjennomført": one of the two started is also completed; "prosj." = prosjekter.
  {
    strategies: 'A',
    text: 'To prosjekter igangsatt, hvorav ett gjennomført. Fem bedrifter involvert i prosj.',
    started: 2,
    completed: 1,
    companies: 5,
  },
  {
    strategies: 'B',
    text: 'To prosjekter igangsatt, hvorav ett gjennomført. Fem bedrifter involvert i prosj.',
    started: 2,
    completed: 1,
    companies: 5,
  },
  // Two projects named: the forstudie is to be completed ("gj.ført"), the forprosjekt started. Read as
  // one project started (the forprosjekt) and one completed (the forstudie).
  { strategies: 'C', text: 'Forstudie SMB-utvikling gj.ført, forprosjekt startet opp', started: 1, completed: 1 },
  { strategies: 'D', text: 'Ett prosjekt gjennomført', completed: 1 },
  // "under etablering": three companies being established count as new companies; a
  // bedriftsutviklingsprosjekt is a project, so five started.
  { strategies: 'E-F', text: 'Tre nye bedrifter under etablering. Fem bedriftsutviklingsprosjekt igangsatt', started: 5, newCompanies: 3 },
  { strategies: 'G-H', text: 'Tre prosjekter igangsatt, hvorav ett gjennomført', started: 3, completed: 1 },
  {
    strategies: 'I-J',
    text: 'Tre prosjekter igangsatt, hvorav ett gjennomført. Fem bedrifter involvert i prosjekter',
    started: 3,
    completed: 1,
    companies: 5,
  },
  // "Jobbet med minimum ett case": working on a case is read as at least one project started.
  { strategies: 'K', text: 'Jobbet med minimum ett case knyttet til å tiltrekke seg bedrifter til Hallingdal', started: 1 },
  // "tiltak/prosjekt gjennomført": a measure or project completed counts as one project completed.
  { strategies: 'L', text: 'Minimum ett tiltak/prosjekt gjennomført', completed: 1 },
  { strategies: 'M', text: 'Minimum ett tiltak/prosjekt gjennomført', completed: 1 },
];

/**
 * §3 "Tiltak og prosjekter", thematic and support tables: two lines per strategy group, grouped by strategy
 * in the plan's column order, each strategy's first line before its second. A text spanning several
 * strategy columns is one row for the range ("Dialog med etablerere og bedrifter" spans E–F, while the
 * second line has "Etablere virksomhet" under E and "Etablere prosjekter" under F).
 */
const TILTAK: readonly { strategies: string; text: string }[] = [
  { strategies: 'A', text: 'Identifisere og gjennomføre tiltak' },
  { strategies: 'A', text: 'Støtte opp under andre initiativ' },
  { strategies: 'B', text: 'Avdekke behov, dekke behov, gjennomføre tiltak' },
  { strategies: 'B', text: 'Støtte opp under andre initiativ' },
  { strategies: 'C', text: 'Forstudie SMB-utvikling' },
  { strategies: 'C', text: 'Forprosjekt SMB-utvikling' },
  { strategies: 'D', text: 'Identifisere og gjennomføre tiltak' },
  { strategies: 'D', text: 'Forprosjekt Bedriftsnettverk' },
  { strategies: 'E-F', text: 'Dialog med etablerere og bedrifter' },
  { strategies: 'E', text: 'Etablere virksomhet' },
  { strategies: 'F', text: 'Etablere prosjekter' },
  { strategies: 'G-H', text: 'Utvikle og gjennomføre tiltak' },
  { strategies: 'G-H', text: 'Støtte opp under andre initiativ, feks Jobb i Hallingdal' },
  { strategies: 'I-J', text: 'Utvikle og gjennomføre tiltak, feks ISO 14001, Miljøfyrtårn mm' },
  { strategies: 'I-J', text: 'Støtte opp under andre initiativ, feks den grønne dalen' },
  { strategies: 'K', text: 'Utarbeide plan for arbeidet med å tiltrekke seg bedrifter' },
  { strategies: 'K', text: 'Utvikle og gjennomføre ulike tiltak' },
  { strategies: 'L', text: 'Gjennomføre forstudie på samordning av næringsapparatet' },
  { strategies: 'L', text: 'Utvikle og gjennomføre ulike tiltak' },
  { strategies: 'M', text: 'Utvikle og gjennomføre tiltak' },
  // The published support table repeats "Ikke konkretisert" in a stray extra column to the right of M,
  // under no strategy; it is the same placeholder, so it is included once, for M.
  { strategies: 'M', text: 'Ikke konkretisert' },
];

/** §3 "Buds. 2022" per strategy, in kroner (published as "400.000,-"). */
const BUDGET: readonly { strategy: string; amount: number }[] = [
  { strategy: 'A', amount: 400_000 },
  { strategy: 'B', amount: 400_000 },
  { strategy: 'C', amount: 400_000 },
  { strategy: 'D', amount: 200_000 },
  { strategy: 'E', amount: 200_000 },
  { strategy: 'F', amount: 400_000 },
  { strategy: 'G', amount: 200_000 },
  { strategy: 'H', amount: 200_000 },
  { strategy: 'I', amount: 400_000 },
  { strategy: 'J', amount: 400_000 },
  { strategy: 'K', amount: 100_000 },
  { strategy: 'L', amount: 100_000 },
  { strategy: 'M', amount: 200_000 },
];

/** §4 "Budsjett 2022", line by line: the frame per area (named as in Innsatsomrader), its declared sum, cost lines, the declared total. */
const FRAMES: readonly { post: string; amount: number }[] = [
  { post: 'Kompetanse og rekruttering', amount: 800_000 },
  { post: 'Innovasjonskultur', amount: 1_200_000 },
  { post: 'Kommunikasjon og samferdsel', amount: 400_000 },
  { post: 'Bærekraft', amount: 800_000 },
  { post: 'Attraktivitet for næringsliv', amount: 200_000 },
  { post: 'Kultur og samfunn', amount: 200_000 },
  { post: 'Sum innsatsområder', amount: 3_600_000 },
  { post: 'Administrasjon', amount: 500_000 },
  { post: 'Prosjektledelse/prosjektarbeid', amount: 500_000 },
  { post: 'Sum totalt', amount: 4_600_000 },
];

/** §4 "Ramme og finansiering 2022", in millions ("tall i millioner"), with the declared sum. */
const FINANCING_MILLIONS: readonly { source: string; amount: number }[] = [
  { source: 'Viken fylkeskommune', amount: 4.0 },
  { source: 'kommunene', amount: 0.6 },
  { source: 'Sum', amount: 4.6 },
];
/** The header suffix that tells the parser an amount column is in millions. */
const MILLIONS_SUFFIX = ' (mill. kr)';
const MILLIONS_FORMAT = '0.0';

/**
 * §2.4 measures the region: Hallingdal's six kommuner with the numbers they have had since 1 January 2024,
 * when Viken was split and they went back to Buskerud (33xx; 3040–3046 in Viken 2020–2023). No indicator
 * values: the plan publishes none, and the sample invents no figures (they come from SSB or the user).
 */
const KOMMUNER: readonly { nr: string; name: string }[] = [
  { nr: '3320', name: 'Flå' },
  { nr: '3322', name: 'Nesbyen' },
  { nr: '3324', name: 'Gol' },
  { nr: '3326', name: 'Hemsedal' },
  { nr: '3328', name: 'Ål' },
  { nr: '3330', name: 'Hol' },
];

/**
 * The published plan's notes, verbatim: 1) and 2) under the thematic areas table (§3), 1) and 2) under the
 * budget frame (§4), each with the row label that carries its number.
 */
export const NOTES: readonly { table: string; nr: string; text: string; refers: string }[] = [
  {
    table: NOTE_TABLES.thematic,
    nr: '1',
    text: 'Delmål er delvis konkrete målsettinger, delvis aktivitetsmål, altså et uttrykk for ønskelig aktivitet nødvendig for å nå det overordnede arbeidsplassmålet.',
    refers: 'Delmål',
  },
  {
    table: NOTE_TABLES.thematic,
    nr: '2',
    text: 'Måltall for arbeidsplasser er knyttet til de viktigste næringer i Hallingdal, men her er forsøkt illustrert de tematiske innsatsområdenes innflytelse på måloppnåelse.',
    refers: 'Resultatmål',
  },
  {
    table: NOTE_TABLES.frame,
    nr: '1',
    // "ramme., tilsvarende" is punctuated so in the published plan.
    text: 'Administrasjon. Administrasjonskostnad anslått til ca 10 % av ramme., tilsvarende kr 500.000,-. Dekker drift og ledelse av programorganisasjonen, styrearbeid, rapportering, husleie og andre driftskostnader.',
    refers: 'Administrasjon',
  },
  {
    table: NOTE_TABLES.frame,
    nr: '2',
    text: 'Prosjektarbeid fordelt på innsatsområder. Prosjektrettet arbeid fra programleder – initielt arbeid, prosjektutvikling og oppfølging av prosjekter. Anslått til ca 10 % av rammen, tilsvarende kr 500.000',
    refers: 'Prosjektledelse/prosjektarbeid',
  },
];

/** Codes of the thematic strategies: the columns of Resultatmal. */
function thematicStrategyCodes(): string[] {
  const thematic = new Set(AREAS.filter((a) => a.type === AREA_TYPES.thematic).map((a) => a.nr));
  return STRATEGIES.filter((s) => thematic.has(s.area)).map((s) => s.code);
}

function optional(value: number | undefined): CellInput {
  return value ?? null;
}

/** The sample workbook: Sats på Hallingdal's 2022 action plan in the contract's tables. A fresh copy each call. */
export function hallingdalSample(): WorkbookData {
  const years: number[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) years.push(year);
  const tables = contractTables({ years, strategyCodes: thematicStrategyCodes() });

  const program: [string, CellInput][] = [
    [PROGRAM_FIELDS.name, SAMPLE_PROGRAMME],
    [PROGRAM_FIELDS.region, SAMPLE_REGION],
    [PROGRAM_FIELDS.firstYear, FIRST_YEAR],
    [PROGRAM_FIELDS.lastYear, LAST_YEAR],
    [PROGRAM_FIELDS.planYear, YEAR],
    [PROGRAM_FIELDS.jobGoal, JOB_TARGET_GRAND_TOTAL],
  ];
  for (const [field, value] of program) tables.program.rows.push(rowOf(tables.program, TABLES.program, { field, value }));

  for (const a of AREAS) tables.areas.rows.push(rowOf(tables.areas, TABLES.areas, { nr: a.nr, name: a.name, type: a.type }));

  for (const s of STRATEGIES) {
    tables.strategies.rows.push(
      rowOf(tables.strategies, TABLES.strategies, { code: s.code, name: s.name, area: s.area, description: s.description }),
    );
  }

  for (const n of NOTES)
    tables.notes.rows.push(rowOf(tables.notes, TABLES.notes, { table: n.table, nr: n.nr, text: n.text, refers: n.refers }));

  NAERINGER.forEach((name, i) => tables.naeringer.rows.push(rowOf(tables.naeringer, TABLES.naeringer, { nr: i + 1, name })));

  const yearCells = (values: readonly number[]): Record<string, CellInput> =>
    Object.fromEntries(years.map((y, i) => [String(y), values[i] ?? null]));
  for (const t of JOB_TARGETS) {
    tables.jobTargets.rows.push(rowOf(tables.jobTargets, TABLES.jobTargets, { naering: t.naering, sum: t.sum }, yearCells(t.perYear)));
  }
  tables.jobTargets.totalRow = rowOf(
    tables.jobTargets,
    TABLES.jobTargets,
    { naering: 'Sum', sum: JOB_TARGET_GRAND_TOTAL },
    yearCells(JOB_TARGET_TOTALS),
  );

  for (const r of RESULTATMAL) {
    tables.resultatmal.rows.push(rowOf(tables.resultatmal, TABLES.resultatmal, { year: YEAR, naering: r.naering, sum: r.sum }, r.cells));
  }

  for (const s of RESULTATMAL_AREA_SUMS) {
    tables.resultatmalSum.rows.push(rowOf(tables.resultatmalSum, TABLES.resultatmalSum, { year: YEAR, area: s.area, jobs: s.jobs }));
  }
  tables.resultatmalSum.rows.push(
    rowOf(tables.resultatmalSum, TABLES.resultatmalSum, { year: YEAR, area: 'Sum', jobs: RESULTATMAL_TOTAL }),
  );

  for (const d of DELMAL) {
    tables.delmal.rows.push(
      rowOf(tables.delmal, TABLES.delmal, {
        year: YEAR,
        strategies: d.strategies,
        text: d.text,
        started: optional(d.started),
        completed: optional(d.completed),
        companies: optional(d.companies),
        newCompanies: optional(d.newCompanies),
      }),
    );
  }

  for (const t of TILTAK)
    tables.tiltak.rows.push(rowOf(tables.tiltak, TABLES.tiltak, { year: YEAR, strategies: t.strategies, text: t.text }));

  for (const b of BUDGET)
    tables.budget.rows.push(rowOf(tables.budget, TABLES.budget, { year: YEAR, strategy: b.strategy, amount: b.amount }));

  for (const f of FRAMES) tables.frames.rows.push(rowOf(tables.frames, TABLES.frames, { year: YEAR, post: f.post, amount: f.amount }));

  const financing = tables.financing;
  for (const f of FINANCING_MILLIONS)
    financing.rows.push(rowOf(financing, TABLES.financing, { year: YEAR, source: f.source, amount: f.amount }));
  // The plan gives financing in millions: the amount header says so, and the format shows one decimal.
  const amountHeader = headerOf(TABLES.financing, 'amount');
  const amountIndex = financing.header.indexOf(amountHeader);
  financing.header[amountIndex] = amountHeader + MILLIONS_SUFFIX;
  if (financing.numberFormats) financing.numberFormats[amountIndex] = MILLIONS_FORMAT;

  for (const k of KOMMUNER) tables.kommuner.rows.push(rowOf(tables.kommuner, TABLES.kommuner, { nr: k.nr, name: k.name }));

  // Omdisponeringer, Prosjekter, Rapporter and Effektindikatorer: the plan has none; the tables stay empty.
  return workbookOf(tables);
}
