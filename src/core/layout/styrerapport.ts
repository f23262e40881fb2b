import {
  countForDelmal,
  countJobs,
  delmalUnknowns,
  grantsPerStrategy,
  grantTotals,
  PHASE_KEYS,
  projectsByPhaseAndStatus,
  STATUS_KEYS,
  type DelmalCount,
} from '../count';
import type { Delmal, Plan, UnknownFigure } from '../model/plan';
import { normalizeKey } from '../text/keys';
import { framesAfterReallocations } from '../count/reallocations';
import { formatDate, yearIsOver } from '../text/dates';
import { writeMoves, type MoveColumns } from './reallocations';
import { rangeAddress } from '../util/brand';
import { PAGE_WIDTH } from './fit';
import { address, Grid } from './grid';
import { CHART_DATA, effektColumns, effektStyrerapport } from './effekt';
import { banner, printedSheet, sectionTitle, type SheetInput } from './sheet';
import { STYLE } from './styles';
import type { Anchor, CellStyle, LayoutChart, SheetLayout } from './types';
import {
  incompleteCell,
  MISSING_TEXT,
  lostAreaFrame,
  lostBudget,
  lostGrants,
  lostJobTargets,
  lostReallocations,
  lostReportedJobs,
  markMissing,
  missingCell,
  unknownGrantIds,
  unplacedBudget,
  unplacedFrames,
} from './unknownCells';

/** The same input as the Handlingsplan; `generatedAt` also decides whether the year is over for delmål. */
/** Sheet name defaults to `Styrerapport {year}`. */
export type StyrerapportInput = SheetInput;

const PERCENT: CellStyle = { border: true, numberFormat: '0 %', horizontal: 'right', vertical: 'top' };
const PERCENT_TOTAL: CellStyle = { ...PERCENT, bold: true, fill: 'F2F2F2' };
const LAST_COLUMN = 8;
/** Least widths in characters: codes, names and delmål texts, then the figures; the text widens them. */
const MIN_WIDTHS = [12, 30, 11, 11, 11, 11, 11, 11];
/** A dash, not 0 %, for a share of nothing: no target, no budget, no grant yet. */
export const UNDEFINED_RATIO = '–';

export function styrerapportSheetName(year: number): string {
  return `Styrerapport ${year}`;
}

/**
 * The board's status report for one year: jobs against targets per næring (gross, from the project leaders'
 * reports of supported projects), budgets against grants per strategy, delmål against the register,
 * leverage, and the portfolio by PLP phase and status. Numbers are the model's; totals and shares are live
 * formulas over the generated cells.
 */
export function buildStyrerapport(input: StyrerapportInput): SheetLayout {
  const { plan, year } = input;
  const sheet = input.sheet ?? styrerapportSheetName(year);
  const grid = new Grid();
  const anchors: Anchor[] = [];
  const blocks: { top: number; bottom: number }[] = [];
  const errors = input.findings.filter((f) => f.severity === 'feil').length;
  const name = plan.program.name?.value ?? '';
  // The Effektmål table has a column per year from the baseline: a long period widens the sheet.
  const lastColumn = Math.max(LAST_COLUMN, effektColumns(plan, year));
  grid.text(1, 1, name ? `Styrerapport ${year} – ${name}` : `Styrerapport ${year}`, STYLE.title);
  grid.merge(1, 1, 1, lastColumn);
  grid.height(1, 24);
  const date = formatDate(input.generatedAt);
  banner(grid, errors, input.generatedAt, lastColumn);

  const ctx: Ctx = { grid, plan, year, anchors, today: input.generatedAt };
  const jobs = jobsTable(ctx, 4);
  const chart = jobsChart(ctx, jobs, jobs.end + 2);
  // Grants start the second page, delmål, leverage and the portfolio the third.
  // A line under the chart may say that columns are missing from it.
  const chartEnd = chart ? chart.placement.bottom + (ctx.grid.cells.has(`${chart.placement.bottom + 1}:1`) ? 1 : 0) : jobs.end;
  const grantsPage = chartEnd + 2;
  blocks.push({ top: 4, bottom: grantsPage - 2 });
  let row = grantsTable(ctx, grantsPage);
  blocks.push({ top: grantsPage, bottom: row });
  const delmalPage = row + 2;
  row = delmalTable(ctx, delmalPage);
  blocks.push({ top: delmalPage, bottom: row });
  const leverage = row + 2;
  row = leverageTable(ctx, leverage);
  blocks.push({ top: leverage, bottom: row });
  const portfolio = row + 2;
  row = portfolioTable(ctx, portfolio);
  blocks.push({ top: portfolio, bottom: row });
  const effekt = effektStyrerapport(grid, plan, year, row + 2, lastColumn);
  blocks.push(...effekt.blocks);
  if (effekt.table) anchor(ctx, 'Effektmal', effekt.table.top, effekt.table.bottom, effekt.table.right);
  const charts = [...(chart ? [chart] : []), ...effekt.charts];
  // Unknown is unknown here too: unreadable inputs are "mangler", the totals over them marked incomplete.
  const marks = markMissing(grid);
  return {
    sheet,
    ...printedSheet(
      grid,
      { minimum: new Map(MIN_WIDTHS.map((w, i) => [i + 1, w])), lastColumn, width: PAGE_WIDTH * 0.96 },
      { blocks, forced: [grantsPage, delmalPage] },
      { header: `${name || 'Styrerapport'} – Styrerapport ${year}`, footer: `Generert ${date} · side &P av &N` },
    ),
    anchors,
    marker: { kind: 'styrerapport', year, inputDigest: input.inputDigest, generatedAt: input.generatedAt },
    ...(charts.length > 0 ? { charts } : {}),
    marks,
  };
}

interface Ctx {
  grid: Grid;
  plan: Plan;
  year: number;
  anchors: Anchor[];
  today: string;
}

function section(ctx: Ctx, row: number, title: string): void {
  sectionTitle(ctx.grid, row, title);
}

/** Header cells; an empty label widens the one before it (merged), as the first two columns share a label. */
function headerRow(ctx: Ctx, row: number, labels: string[]): void {
  labels.forEach((label, i) => ctx.grid.text(row, 1 + i, label, STYLE.header));
  if (labels[1] === '') ctx.grid.merge(row, 1, row, 2);
}

function anchor(ctx: Ctx, name: string, top: number, bottom: number, right: number): void {
  ctx.anchors.push({ name: `SR${ctx.year}_${name}`, range: rangeAddress(top, 1, Math.max(top, bottom), right) });
}

/** `IF(target=0,"–",reported/target)`: a share that never divides by zero, and says so when it cannot be had. */
function share(grid: Grid, row: number, column: number, part: number, whole: number, style: CellStyle): void {
  const p = address(row, part);
  const w = address(row, whole);
  const value = numberAt(grid, row, whole) === 0 ? UNDEFINED_RATIO : ratio(grid, row, part, whole);
  grid.formula(row, column, `IF(${w}=0,"${UNDEFINED_RATIO}",${p}/${w})`, value, { ...style, horizontal: 'right' });
}

function numberAt(grid: Grid, row: number, column: number): number {
  const v = grid.cells.get(`${row}:${column}`)?.value;
  return v?.kind === 'number' ? v.number : v?.kind === 'formula' && typeof v.result === 'number' ? v.result : 0;
}

function ratio(grid: Grid, row: number, part: number, whole: number): number {
  const w = numberAt(grid, row, whole);
  return w === 0 ? 0 : numberAt(grid, row, part) / w;
}

function columnSum(grid: Grid, row: number, column: number, top: number, bottom: number, style: CellStyle): void {
  let total = 0;
  for (let r = top; r <= bottom; r++) total += numberAt(grid, r, column);
  grid.formula(row, column, bottom >= top ? `SUM(${address(top, column)}:${address(bottom, column)})` : '0', total, style);
}

// ---- jobs ------------------------------------------------------------------------------------------

/** The rows of the jobs table: one per næring from `first` to `last`, and the table's last row. */
interface JobsRows {
  first: number;
  last: number;
  end: number;
}

function jobsTable(ctx: Ctx, start: number): JobsRows {
  const { grid, plan, year } = ctx;
  section(ctx, start, `Arbeidsplasser per næring (brutto, fra prosjektlederrapporter) ${year}`);
  const header = start + 1;
  headerRow(ctx, header, [
    'Næring',
    '',
    `Mål ${year}`,
    `Rapportert ${year}`,
    'Andel nådd',
    'Mål hittil i perioden',
    'Rapportert hittil',
    'Andel hittil',
  ]);
  const jobs = countJobs(plan);
  let row = header + 1;
  const first = row;
  for (const n of jobs.naeringer) {
    const target = plan.jobTargets?.rows.find((t) => normalizeKey(t.naering.value) === normalizeKey(n.naering));
    const targetYear = target?.byYear.get(year)?.value ?? 0;
    let targetToDate = 0;
    for (const [y, cell] of target?.byYear ?? []) if (y <= year) targetToDate += cell.value;
    grid.text(row, 1, n.naering, STYLE.label);
    grid.styleBlock(row, 1, row, 2, STYLE.label);
    grid.merge(row, 1, row, 2);
    const lost = target?.byYear.has(year) === true ? [] : lostJobTargets(plan, n.naering, (y) => y === year);
    if (lost.length > 0) missingCell(grid, row, 3, lost, STYLE.count);
    else grid.number(row, 3, targetYear, STYLE.count);
    grid.number(row, 4, n.perYear.get(year) ?? 0, STYLE.count);
    incompleteCell(
      grid,
      row,
      4,
      lostReportedJobs(plan, n.naering, (y) => y === year),
    );
    if (lost.length > 0) missingCell(grid, row, 5, lost, PERCENT);
    else share(grid, row, 5, 4, 3, PERCENT);
    grid.number(row, 6, targetToDate, STYLE.count);
    incompleteCell(
      grid,
      row,
      6,
      lostJobTargets(plan, n.naering, (y) => y <= year),
    );
    grid.number(row, 7, n.toDate.get(year) ?? 0, STYLE.count);
    incompleteCell(
      grid,
      row,
      7,
      lostReportedJobs(plan, n.naering, (y) => y <= year),
    );
    share(grid, row, 8, 7, 6, PERCENT);
    row += 1;
  }
  const last = row - 1;
  grid.text(row, 1, 'Sum', STYLE.totalLabel);
  grid.styleBlock(row, 1, row, 2, STYLE.totalLabel);
  grid.merge(row, 1, row, 2);
  for (const c of [3, 4, 6, 7]) columnSum(grid, row, c, first, last, STYLE.totalCount);
  // A target row whose næring cannot be read may be any næring's: the target totals are incomplete.
  incompleteCell(
    grid,
    row,
    3,
    lostJobTargets(plan, null, (y) => y === year),
  );
  incompleteCell(
    grid,
    row,
    6,
    lostJobTargets(plan, null, (y) => y <= year),
  );
  incompleteCell(
    grid,
    row,
    4,
    lostReportedJobs(plan, null, (y) => y === year),
  );
  incompleteCell(
    grid,
    row,
    7,
    lostReportedJobs(plan, null, (y) => y <= year),
  );
  share(grid, row, 5, 4, 3, PERCENT_TOTAL);
  share(grid, row, 8, 7, 6, PERCENT_TOTAL);
  anchor(ctx, 'Arbeidsplasser', header, row, LAST_COLUMN);
  if (!hasReports(plan, year)) {
    row += 1;
    grid.text(
      row,
      1,
      `Ingen prosjektlederrapporter for ${year} ennå: rapporterte arbeidsplasser telles når rapportene kommer inn.`,
      STYLE.note,
    );
    grid.merge(row, 1, row, LAST_COLUMN);
  }
  // A report whose project's grant cannot be read is not said to lack one: its næring's figure is marked instead.
  const grantUnknown = unknownGrantIds(plan);
  const excluded = jobs.excluded.filter((e) => !grantUnknown.has(normalizeKey(e.projectId)));
  if (excluded.length > 0) {
    row += 1;
    const text = `Ikke medregnet: ${excluded.length} rapport(er) for prosjekter uten innvilget støtte eller ukjent prosjekt (${excluded.map((e) => e.projectId).join(', ')}).`;
    grid.text(row, 1, text, STYLE.note);
    grid.merge(row, 1, row, LAST_COLUMN);
  }
  return { first, last, end: row };
}

const CHART_ROWS = 18;
const TARGET_COLOR = '9DC3E6';
const REPORTED_COLOR = '1F4E79';

/**
 * Target against reported jobs per næring for the year. Excel draws a text cell in a column series as 0, so the
 * chart does not point at the table (where an unreadable target says "mangler"): its figures are written into
 * the cells it covers, and a figure the table shows as missing or incomplete is left empty there — a gap in the
 * chart, never a column of 0 or of a partial count. A line under the chart says so when there is a gap.
 */
function jobsChart(ctx: Ctx, rows: JobsRows, start: number): LayoutChart | undefined {
  const { grid, year } = ctx;
  if (rows.last < rows.first) return undefined;
  // The chart carries its own title; a section heading above it would only repeat it.
  const title = `Mål og rapporterte arbeidsplasser per næring ${year}`;
  const count = rows.last - rows.first + 1;
  const first = start + 1;
  const last = start + count;
  const bottom = Math.max(start + CHART_ROWS - 1, last + 1);
  let gaps = 0;
  const column = (c: number): number[] =>
    Array.from({ length: count }, (_, i) => {
      const key = `${rows.first + i}:${c}`;
      if (grid.missing.has(key) || grid.incomplete.has(key)) {
        gaps += 1;
        return Number.NaN;
      }
      const value = numberAt(grid, rows.first + i, c);
      grid.number(first + i, c, value, CHART_DATA);
      return value;
    });
  const labels = Array.from({ length: count }, (_, i) => {
    const v = grid.cells.get(`${rows.first + i}:1`)?.value;
    return v?.kind === 'text' ? v.text : '';
  });
  const span = (c: number) => rangeAddress(first, c, last, c);
  const series = [
    { name: `Mål ${year}`, range: span(3), values: column(3), color: TARGET_COLOR },
    { name: `Rapportert ${year}`, range: span(4), values: column(4), color: REPORTED_COLOR },
  ];
  if (gaps > 0) {
    grid.text(
      bottom + 1,
      1,
      'Søyler som mangler i diagrammet: tallet kan ikke leses eller er ufullstendig (se «mangler» og merkede celler i tabellen).',
      STYLE.note,
    );
    grid.merge(bottom + 1, 1, bottom + 1, LAST_COLUMN);
  }
  return {
    name: 'Arbeidsplasser',
    kind: 'clusteredColumn',
    title,
    valueAxisTitle: 'Arbeidsplasser',
    categories: { range: rangeAddress(rows.first, 1, rows.last, 1), labels },
    series,
    placement: { top: start, left: 1, bottom, right: 4 },
  };
}

// ---- budget and grants --------------------------------------------------------------------------------

function grantsTable(ctx: Ctx, start: number): number {
  const { grid, plan, year } = ctx;
  section(ctx, start, `Budsjett og innvilget per strategi ${year}`);
  const header = start + 1;
  headerRow(ctx, header, [
    'Innsatsområde / strategi',
    '',
    'Ramme etter omdisponering',
    'Budsjett',
    'Innvilget',
    'Gjenstår',
    'Andel brukt',
    'Prosjekter',
  ]);
  const grants = new Map(grantsPerStrategy(plan, year).map((g) => [g.strategy, g]));
  const frames = framesAfterReallocations(plan, year);
  let row = header + 1;
  const areaRows: number[] = [];
  for (const area of plan.areas) {
    const strategies = plan.strategies.filter((s) => s.area === area.nr);
    const areaRow = row;
    areaRows.push(areaRow);
    grid.text(areaRow, 1, `${area.nr}. ${area.name}`, STYLE.totalLabel);
    grid.styleBlock(areaRow, 1, areaRow, 2, STYLE.totalLabel);
    grid.merge(areaRow, 1, areaRow, 2);
    row += 1;
    const first = row;
    for (const s of strategies) {
      const g = grants.get(s.code);
      grid.text(row, 1, '', STYLE.text);
      grid.text(row, 2, `${s.code}. ${s.name}`, STYLE.text);
      grid.text(row, 3, '', STYLE.kroner);
      const lost = g?.budget === null ? lostBudget(plan, year, s.code) : [];
      if (lost.length > 0) missingCell(grid, row, 4, lost, STYLE.kroner);
      else grid.number(row, 4, g?.budget ?? 0, STYLE.kroner);
      // No readable line: one whose strategy cannot be read may be this strategy's.
      if (g?.budget == null) incompleteCell(grid, row, 4, unplacedBudget(plan, year, [area.nr]));
      grid.number(row, 5, g?.granted ?? 0, STYLE.kroner);
      // A grant that cannot be read leaves the strategy's granted sum and its count of projects incomplete.
      for (const c of [5, 8]) incompleteCell(grid, row, c, lostGrants(plan, year, s.code));
      if (lost.length > 0) {
        // What remains of an unknown budget, and the share used of it, are unknown too.
        missingCell(grid, row, 6, lost, STYLE.kroner);
        missingCell(grid, row, 7, lost, PERCENT);
      } else {
        grid.formula(row, 6, `${address(row, 4)}-${address(row, 5)}`, (g?.budget ?? 0) - (g?.granted ?? 0), STYLE.kroner);
        share(grid, row, 7, 5, 4, PERCENT);
      }
      grid.number(row, 8, g?.projects ?? 0, STYLE.count);
      row += 1;
    }
    const last = row - 1;
    const lostFrame = frames.has(area.nr) ? [] : [...lostAreaFrame(plan, year, area.nr), ...unplacedFrames(plan, year, ['area'])];
    if (lostFrame.length > 0) missingCell(grid, areaRow, 3, lostFrame, STYLE.totalKroner);
    else grid.number(areaRow, 3, frames.get(area.nr) ?? 0, STYLE.totalKroner);
    incompleteCell(grid, areaRow, 3, lostFrame.length > 0 ? [] : lostReallocations(plan, year));
    for (const c of [4, 5, 6, 8]) columnSum(grid, areaRow, c, first, last, c === 8 ? STYLE.totalCount : STYLE.totalKroner);
    // A budget line whose strategy or year cannot be read may be this area's.
    for (const c of [4, 6]) incompleteCell(grid, areaRow, c, unplacedBudget(plan, year, [area.nr]));
    share(grid, areaRow, 7, 5, 4, PERCENT_TOTAL);
  }
  grid.text(row, 1, 'Sum innsatsområder', STYLE.totalLabel);
  grid.styleBlock(row, 1, row, 2, STYLE.totalLabel);
  grid.merge(row, 1, row, 2);
  for (const c of [3, 4, 5, 6, 8]) {
    const total = areaRows.reduce((n, r) => n + numberAt(grid, r, c), 0);
    // SUM, not +: an area's frame may be "mangler", which SUM leaves out (and the mark says so).
    grid.formula(
      row,
      c,
      areaRows.length > 0 ? `SUM(${areaRows.map((r) => address(r, c)).join(',')})` : '0',
      total,
      c === 8 ? STYLE.totalCount : STYLE.totalKroner,
    );
  }
  share(grid, row, 7, 5, 4, PERCENT_TOTAL);
  anchor(ctx, 'Budsjett', header, row, LAST_COLUMN);
  // The frames after reallocations come from the year's moves: they are listed under the table, a row apart.
  const moves: MoveColumns = { date: [1, 1], from: [2, 2], to: [3, 4], amount: 5, decision: [6, LAST_COLUMN] };
  const listed = writeMoves(grid, row + 2, moves, plan, year);
  return listed === row + 2 ? row : listed - 1;
}

// ---- delmål -----------------------------------------------------------------------------------------------

const MINIMA = [
  ['started', 'igangsatt'],
  ['completed', 'gjennomført'],
  ['companies', 'bedrifter involvert'],
  ['newCompanies', 'nye bedrifter'],
] as const;

type DelmalStatus = 'Nådd' | 'Ikke ennå' | 'Ikke nådd' | 'Uten måltall' | 'Ingen rapporter ennå' | 'Kan ikke vurderes';

/**
 * A delmål's status. Before the register has any report for the year nothing can be judged: the status says
 * so, neutrally, rather than "Ikke nådd" — unless the projects alone already show it reached. A minimum not
 * reached by a count that misses an unreadable project or report (`unknown`) cannot be judged either; one
 * reached is reached (what is missing could only add to the count).
 */
export function delmalStatus(
  delmal: Delmal,
  counted: DelmalCount,
  yearOver: boolean,
  reported = true,
  unknown: ReadonlySet<keyof DelmalCount> = new Set(),
): DelmalStatus {
  const set = MINIMA.filter(([key]) => delmal.minima[key] !== undefined);
  if (set.length === 0) return 'Uten måltall';
  const unmet = set.filter(([key]) => counted[key] < (delmal.minima[key] ?? 0));
  if (unmet.length === 0) return 'Nådd';
  // Every minimum must be reached: one that is surely not decides it; only unknown ones leave it open.
  if (unmet.every(([key]) => unknown.has(key))) return 'Kan ikke vurderes';
  if (!reported) return 'Ingen rapporter ennå';
  return yearOver ? 'Ikke nådd' : 'Ikke ennå';
}

/** Whether any project leader's report is dated in `year`. */
function hasReports(plan: Plan, year: number): boolean {
  return plan.reports.some((r) => r.date.value.startsWith(String(year)));
}

/** `2 igangsatt, 5 bedrifter involvert`; a count in `unknown` is `mangler` (a partial count is not shown). */
function minimaText(
  values: Partial<Record<(typeof MINIMA)[number][0], number>>,
  keys: readonly (typeof MINIMA)[number][0][],
  unknown: ReadonlySet<string> = new Set(),
): string {
  return MINIMA.filter(([key]) => keys.includes(key))
    .map(([key, label]) => (unknown.has(key) ? `${label}: ${MISSING_TEXT}` : `${values[key] ?? 0} ${label}`))
    .join(', ');
}

function delmalTable(ctx: Ctx, start: number): number {
  const { grid, plan, year } = ctx;
  section(ctx, start, `Delmål ${year}`);
  const header = start + 1;
  headerRow(ctx, header, ['Strategier', 'Delmål', 'Måltall', '', 'Registrert', '', 'Status', '']);
  for (const [from, to] of [
    [3, 4],
    [5, 6],
    [7, 8],
  ])
    grid.merge(header, from!, header, to!);
  const over = yearIsOver(year, ctx.today);
  const reported = hasReports(plan, year);
  let row = header + 1;
  for (const d of plan.delmal.filter((x) => x.year === year)) {
    const counted = countForDelmal(plan, d.strategies, year);
    const keys = MINIMA.filter(([key]) => d.minima[key] !== undefined).map(([key]) => key);
    const lost = delmalUnknowns(plan, d.strategies, year);
    const unknown = new Set(keys.filter((key) => lost[key].length > 0));
    const status = delmalStatus(d, counted, over, reported, unknown);
    grid.text(row, 1, d.strategies.join(', '), STYLE.label);
    grid.text(row, 2, d.text, STYLE.text);
    grid.text(row, 3, keys.length > 0 ? minimaText(d.minima, keys) : '–', STYLE.text);
    grid.styleBlock(row, 3, row, 4, STYLE.text);
    grid.merge(row, 3, row, 4);
    grid.text(row, 5, keys.length > 0 ? minimaText(counted, keys, unknown) : '–', STYLE.text);
    grid.styleBlock(row, 5, row, 6, STYLE.text);
    grid.merge(row, 5, row, 6);
    // The register's figures that cannot be read are named in the cell's note, and in the status's when they decide it.
    const behind: UnknownFigure[] = [...unknown].flatMap((key) => lost[key]);
    incompleteCell(grid, row, 5, behind);
    if (status === 'Kan ikke vurderes') incompleteCell(grid, row, 7, behind);
    const statusStyle: CellStyle =
      status === 'Nådd'
        ? { ...STYLE.text, fill: 'E2EFDA', bold: true }
        : status === 'Ikke nådd'
          ? { ...STYLE.text, ...STYLE.marked, bold: true }
          : STYLE.text;
    grid.text(row, 7, status, statusStyle);
    grid.styleBlock(row, 7, row, 8, statusStyle);
    grid.merge(row, 7, row, 8);
    row += 1;
  }
  anchor(ctx, 'Delmal', header, row - 1, LAST_COLUMN);
  return row - 1;
}

// ---- leverage and portfolio -----------------------------------------------------------------------------

function leverageTable(ctx: Ctx, start: number): number {
  const { grid, plan, year } = ctx;
  section(ctx, start, 'Utløste midler (egenfinansiering og annen finansiering per innvilget krone)');
  const header = start + 1;
  headerRow(ctx, header, ['Vedtak', '', 'Innvilget', 'Egenfinansiering', 'Annen finansiering', 'Utløst per krone', 'Prosjekter']);
  let row = header + 1;
  for (const [label, totals, of] of [
    [`Vedtatt i ${year}`, grantTotals(plan, year), year],
    ['Hele perioden', grantTotals(plan), undefined],
  ] as const) {
    grid.text(row, 1, label, STYLE.label);
    grid.styleBlock(row, 1, row, 2, STYLE.label);
    grid.merge(row, 1, row, 2);
    grid.number(row, 3, totals.granted, STYLE.kroner);
    grid.number(row, 4, totals.own, STYLE.kroner);
    grid.number(row, 5, totals.other, STYLE.kroner);
    const c = address(row, 3);
    grid.formula(
      row,
      6,
      `IF(${c}=0,"${UNDEFINED_RATIO}",(${address(row, 4)}+${address(row, 5)})/${c})`,
      totals.granted === 0 ? UNDEFINED_RATIO : (totals.own + totals.other) / totals.granted,
      { ...STYLE.kroner, numberFormat: '0.00' },
    );
    grid.number(row, 7, totals.projects, STYLE.count);
    // A project whose grant cannot be read is not counted at all; one whose financing cannot be read, without it.
    const grants = lostGrants(plan, of);
    for (const c of [3, 4, 5, 7]) incompleteCell(grid, row, c, grants);
    incompleteCell(grid, row, 4, lostGrants(plan, of, undefined, 'ownFinancing'));
    incompleteCell(grid, row, 5, lostGrants(plan, of, undefined, 'otherFinancing'));
    row += 1;
  }
  anchor(ctx, 'Utlost', header, row - 1, 7);
  return row - 1;
}

const PHASE_LABEL: Record<string, string> = {
  forstudie: 'Forstudie',
  forprosjekt: 'Forprosjekt',
  hovedprosjekt: 'Hovedprosjekt',
  ukjent: 'Ukjent fase',
};

function portfolioTable(ctx: Ctx, start: number): number {
  const { grid, plan } = ctx;
  section(ctx, start, 'Prosjekter etter PLP-fase og status');
  const header = start + 1;
  const portfolio = projectsByPhaseAndStatus(plan);
  const statuses = STATUS_KEYS.filter((s) => s !== 'ukjent' || portfolio.byStatus.ukjent > 0);
  headerRow(ctx, header, [
    'PLP-fase',
    '',
    ...statuses.map((s) => (s === 'ukjent' ? 'Ukjent status' : s[0]!.toUpperCase() + s.slice(1))),
    'Sum',
  ]);
  const sumColumn = 3 + statuses.length;
  let row = header + 1;
  const first = row;
  for (const phase of PHASE_KEYS.filter((p) => p !== 'ukjent' || portfolio.byPhase.ukjent > 0)) {
    grid.text(row, 1, PHASE_LABEL[phase] ?? phase, STYLE.label);
    grid.styleBlock(row, 1, row, 2, STYLE.label);
    grid.merge(row, 1, row, 2);
    statuses.forEach((status, i) => grid.number(row, 3 + i, portfolio.counts[phase][status], STYLE.count));
    grid.formula(row, sumColumn, `SUM(${address(row, 3)}:${address(row, sumColumn - 1)})`, portfolio.byPhase[phase], STYLE.totalCount);
    row += 1;
  }
  const last = row - 1;
  grid.text(row, 1, 'Sum', STYLE.totalLabel);
  grid.styleBlock(row, 1, row, 2, STYLE.totalLabel);
  grid.merge(row, 1, row, 2);
  for (let c = 3; c <= sumColumn; c++) columnSum(grid, row, c, first, last, STYLE.totalCount);
  // A project row that cannot be read is in no phase or status here: every total may miss it.
  const unread = plan.unknowns.filter((u) => u.what.table === 'projects' && u.what.field === 'row');
  for (let c = 3; c <= sumColumn; c++) incompleteCell(grid, row, c, unread);
  anchor(ctx, 'Prosjekter', header, row, sumColumn);
  return row;
}
