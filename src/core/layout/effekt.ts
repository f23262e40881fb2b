import {
  changeOf,
  effektSummary,
  hasFigures,
  type Change,
  type EffektSummary,
  type Figure,
  type IndicatorSummary,
} from '../effekt/summary';
import type { IndicatorDef } from '../effekt/indicators';
import type { Plan } from '../model/plan';
import { rangeAddress } from '../util/brand';
import { address, type Grid } from './grid';
import { sectionTitle } from './sheet';
import { missingCell } from './unknownCells';
import { STYLE } from './styles';
import type { CellStyle, ChartSeries, LayoutChart } from './types';

/**
 * §2.4 *Effektmål* in the generated sheets: in the Styrerapport how the region has moved since the baseline
 * (a table per year, the change, a compact kommune table, a line chart per indicator family), in the
 * Handlingsplan the job goal and the list of indicators with their latest figures. A year without a figure
 * says *ingen data* in grey; a figure that could not be read says *mangler*, marked, like every unknown input.
 */

export const NO_DATA_TEXT = 'ingen data';
export const PARTIAL_TEXT = 'ufullstendig';
const GREY = '808080';
export const NO_DATA_STYLE: CellStyle = { border: true, italic: true, color: GREY, horizontal: 'center', vertical: 'top' };
const PERCENT: CellStyle = { border: true, numberFormat: '0.0 %', horizontal: 'right', vertical: 'top' };
const YEAR: CellStyle = { border: true, numberFormat: '0', horizontal: 'center', vertical: 'top' };
const NOTE_STYLE: CellStyle = { ...STYLE.note, color: '404040' };

/** How a figure of this kind is shown: counts and placings whole, shares with one decimal. */
export function figureFormat(def: IndicatorDef, values: readonly number[] = []): string {
  if (def.kind === 'count' || def.kind === 'rank') return '#,##0';
  if (def.kind === 'number' && values.every((v) => Number.isInteger(v))) return '#,##0';
  return '#,##0.0';
}

function valueStyle(def: IndicatorDef, values: readonly number[]): CellStyle {
  return { border: true, numberFormat: figureFormat(def, values), horizontal: 'right', vertical: 'top' };
}

function knownValues(s: IndicatorSummary): number[] {
  const all = [...s.region.values(), ...s.kommuner.flatMap((k) => [...k.byYear.values()])];
  return all.flatMap((f) => (f.kind === 'value' ? [f.value] : []));
}

/** Writes one figure at (row, column); true when it is a known number. */
function writeFigure(grid: Grid, row: number, column: number, figure: Figure, style: CellStyle): boolean {
  switch (figure.kind) {
    case 'value':
      grid.number(row, column, figure.value, style, figure.at.length === 1 ? figure.at[0] : undefined);
      return true;
    case 'missing':
      missingCell(grid, row, column, figure.cells, style);
      return false;
    case 'partial':
      grid.text(row, column, PARTIAL_TEXT, NO_DATA_STYLE);
      return false;
    case 'none':
      grid.text(row, column, NO_DATA_TEXT, NO_DATA_STYLE);
      return false;
  }
}

/**
 * The three change cells (latest year, change, change in %) at `column`…`column + 2`. With the baseline and
 * the latest value both in this sheet (`cells`), the change is a live formula over them.
 */
function writeChange(
  grid: Grid,
  row: number,
  column: number,
  def: IndicatorDef,
  change: Change,
  cells: { base: number; latest: (year: number) => number } | undefined,
  style: CellStyle,
): void {
  if (change.kind === 'none') {
    for (let c = column; c < column + 3; c++) grid.text(row, c, '–', NO_DATA_STYLE);
    return;
  }
  if (change.kind === 'unknown') {
    for (let c = column; c < column + 3; c++) {
      if (change.cells.length > 0) missingCell(grid, row, c, change.cells, style);
      else grid.text(row, c, PARTIAL_TEXT, NO_DATA_STYLE);
    }
    return;
  }
  grid.number(row, column, change.to, YEAR);
  const base = cells ? address(row, cells.base) : undefined;
  const latest = cells ? address(row, cells.latest(change.to)) : undefined;
  if (base !== undefined && latest !== undefined) grid.formula(row, column + 1, `${latest}-${base}`, change.absolute, style);
  else grid.number(row, column + 1, change.absolute, style);
  // A placing's change in per cent says nothing (from 120th to 110th is not "8 % better").
  if (def.kind === 'rank' || change.relative === null) grid.text(row, column + 2, '–', { ...NO_DATA_STYLE, horizontal: 'right' });
  else if (base !== undefined && latest !== undefined)
    grid.formula(row, column + 2, `IF(${base}=0,"–",(${latest}-${base})/${base})`, change.relative, PERCENT);
  else grid.number(row, column + 2, change.relative, PERCENT);
}

function noteRow(grid: Grid, row: number, lastColumn: number, text: string): void {
  grid.text(row, 1, text, NOTE_STYLE);
  grid.merge(row, 1, row, lastColumn);
}

/** The columns the Styrerapport's Effektmål table takes: the label, a year each from the baseline, three for the change. */
export function effektColumns(plan: Plan, year: number): number {
  const summary = effektSummary(plan, year);
  return summary === undefined || !summary.hasData ? 1 : summary.years.length + 4;
}

// ---- Styrerapport -----------------------------------------------------------------------------------------

export interface EffektSection {
  /** the last row written */
  end: number;
  charts: LayoutChart[];
  /** rows that belong together on a printed page */
  blocks: { top: number; bottom: number }[];
  /** the region table's rows (header to last indicator), for an anchor; undefined when there is none */
  table?: { top: number; bottom: number; right: number };
}

const CHART_ROWS = 15;
const LINE_COLORS = ['1F4E79', 'C55A11', '548235'];

/**
 * The Styrerapport's *Effektmål* from `start`: the region's figure per indicator and year from the baseline,
 * the change since then, the kommuner's latest figures, and a line chart per family that has figures. A
 * workbook without indicators gets one line saying so.
 */
export function effektStyrerapport(grid: Grid, plan: Plan, year: number, start: number, lastColumn: number): EffektSection {
  const summary = effektSummary(plan, year);
  if (summary === undefined || !summary.hasData) {
    sectionTitle(grid, start, 'Effektmål');
    const why =
      summary === undefined
        ? 'programperioden (Første år og Siste år i Program) er ikke kjent'
        : 'arbeidsboka har ingen kommuner eller effektindikatorer (tabellene Kommuner og Effektindikatorer)';
    noteRow(grid, start + 1, lastColumn, `Ingen effektmål å vise: ${why}.`);
    return { end: start + 1, charts: [], blocks: [{ top: start, bottom: start + 1 }] };
  }
  const region = regionTable(grid, summary, start, lastColumn);
  const blocks = [{ top: start, bottom: region.end }];
  let row = region.end;
  const perKommune = kommuneTable(grid, summary, row + 2);
  if (perKommune !== undefined) {
    blocks.push({ top: row + 2, bottom: perKommune });
    row = perKommune;
  }
  const charts = effektCharts(grid, summary, row + 2, lastColumn);
  for (let i = 0; i < charts.length; i += 2) {
    const top = charts[i]?.placement.top ?? row;
    blocks.push({ top, bottom: top + CHART_ROWS - 1 });
  }
  const end = charts.length > 0 ? Math.max(...charts.map((c) => c.placement.bottom)) : row;
  return { end, charts, blocks, table: { top: region.header, bottom: region.last, right: region.right } };
}

function regionTable(
  grid: Grid,
  summary: EffektSummary,
  start: number,
  lastColumn: number,
): { header: number; last: number; end: number; right: number } {
  const { baseline, years } = summary;
  sectionTitle(grid, start, `Effektmål – regionens utvikling siden grunnlagsåret ${baseline}`);
  const header = start + 1;
  const changeColumn = 2 + years.length;
  const right = changeColumn + 2;
  grid.text(header, 1, 'Indikator', STYLE.header);
  years.forEach((y, i) => grid.text(header, 2 + i, y === baseline ? `${y} (grunnlag)` : String(y), STYLE.header));
  grid.text(header, changeColumn, 'Siste år', STYLE.header);
  grid.text(header, changeColumn + 1, `Endring fra ${baseline}`, STYLE.header);
  grid.text(header, changeColumn + 2, 'Endring %', STYLE.header);
  let row = header + 1;
  for (const s of summary.indicators) {
    grid.text(row, 1, s.def.name, STYLE.label);
    if (!hasFigures(s)) {
      // An indicator nobody has measured yet: one grey line, not a row of failures.
      grid.text(row, 2, NO_DATA_TEXT, NO_DATA_STYLE);
      grid.styleBlock(row, 2, row, right, NO_DATA_STYLE);
      grid.merge(row, 2, row, right);
      row += 1;
      continue;
    }
    const style = valueStyle(s.def, knownValues(s));
    const numeric = new Set<number>();
    years.forEach((y, i) => {
      if (writeFigure(grid, row, 2 + i, s.region.get(y) ?? { kind: 'none' }, style)) numeric.add(y);
    });
    const change = changeOf(s.region, baseline);
    const cells =
      change.kind === 'known' && numeric.has(change.from) && numeric.has(change.to)
        ? { base: 2, latest: (y: number) => 2 + years.indexOf(y) }
        : undefined;
    writeChange(grid, row, changeColumn, s.def, change, cells, style);
    row += 1;
  }
  const last = row - 1;
  const notes = regionNotes(summary);
  notes.forEach((text, i) => noteRow(grid, row + i, Math.max(lastColumn, right), text));
  return { header, last, end: row + notes.length - 1, right };
}

function regionNotes(summary: EffektSummary): string[] {
  const notes = [
    `Regionens tall: raden for hele regionen (Kommune tom) når den finnes, ellers summen av kommunene for antall — bare når alle kommunene har et tall (ellers «${PARTIAL_TEXT}»). Andeler og plasseringer summeres ikke. Endringen går fra grunnlagsåret til siste år med tall.`,
  ];
  if (summary.indicators.some((s) => s.def.kind === 'rank' && hasFigures(s)))
    notes.push('Kommune-NM: lavere plassering er bedre, så en negativ endring er en forbedring.');
  const sources = [...new Set(summary.indicators.flatMap((s) => s.sources))];
  if (sources.length > 0) notes.push(`Kilder: ${sources.join('; ')}.`);
  return notes;
}

/** Per kommune: the baseline, the latest year's figure and the change; undefined when no kommune has a figure. */
function kommuneTable(grid: Grid, summary: EffektSummary, start: number): number | undefined {
  const withKommuner = summary.indicators.filter((s) => s.kommuner.length > 0);
  if (withKommuner.length === 0) return undefined;
  const { baseline } = summary;
  grid.text(start, 1, 'Per kommune', { ...STYLE.section, size: 11 });
  const header = start + 1;
  ['Indikator', 'Kommune', `${baseline} (grunnlag)`, 'Siste tall', 'Siste år', `Endring fra ${baseline}`, 'Endring %'].forEach((label, i) =>
    grid.text(header, 1 + i, label, STYLE.header),
  );
  let row = header + 1;
  for (const s of withKommuner) {
    const first = row;
    const style = valueStyle(s.def, knownValues(s));
    for (const k of s.kommuner) {
      grid.text(row, 2, `${k.kommune.nr} ${k.kommune.name}`, STYLE.text);
      const baseNumeric = writeFigure(grid, row, 3, k.byYear.get(baseline) ?? { kind: 'none' }, style);
      const change = changeOf(k.byYear, baseline);
      const latest = change.kind === 'known' ? k.byYear.get(change.to) : latestFigure(k.byYear, baseline);
      const latestNumeric = latest !== undefined && writeFigure(grid, row, 4, latest, style);
      if (latest === undefined) grid.text(row, 4, NO_DATA_TEXT, NO_DATA_STYLE);
      // Siste år, Endring, Endring % in columns 5–7; the change is live over columns 3 and 4.
      writeChange(grid, row, 5, s.def, change, baseNumeric && latestNumeric ? { base: 3, latest: () => 4 } : undefined, style);
      row += 1;
    }
    grid.text(first, 1, s.def.name, STYLE.label);
    grid.styleBlock(first, 1, row - 1, 1, STYLE.label);
    grid.merge(first, 1, row - 1, 1);
  }
  return row - 1;
}

function latestFigure(byYear: ReadonlyMap<number, Figure>, baseline: number): Figure | undefined {
  return [...byYear].filter(([y, f]) => y > baseline && f.kind !== 'none').sort((a, b) => b[0] - a[0])[0]?.[1];
}

/**
 * One line chart per indicator family with a figure for the region, two side by side. Excel plots a text
 * cell in a line as 0, so the charts do not point at the table (where a year without data says so in words):
 * each chart's figures are written into the cells the chart covers, a year without a figure left empty, which
 * every chart draws as a gap.
 */
function effektCharts(grid: Grid, summary: EffektSummary, start: number, lastColumn: number): LayoutChart[] {
  const families = new Map<string, IndicatorSummary[]>();
  for (const s of summary.indicators) {
    if (![...s.region.values()].some((f) => f.kind === 'value')) continue;
    families.set(s.def.family, [...(families.get(s.def.family) ?? []), s]);
  }
  const half = Math.max(4, Math.floor(lastColumn / 2));
  const charts: LayoutChart[] = [];
  [...families].forEach(([family, members], i) => {
    const top = start + Math.floor(i / 2) * (CHART_ROWS + 1);
    const left = i % 2 === 0 ? 1 : half + 1;
    const right = i % 2 === 0 ? half : Math.max(lastColumn, half * 2);
    charts.push(familyChart(grid, summary, family, members.slice(0, right - left), top, left, right));
  });
  return charts;
}

/** The figures a chart draws, written in the cells it covers (small and grey: only a moved chart shows them). */
export const CHART_DATA: CellStyle = { size: 9, color: 'A6A6A6' };

function familyChart(
  grid: Grid,
  summary: EffektSummary,
  family: string,
  members: readonly IndicatorSummary[],
  top: number,
  left: number,
  right: number,
): LayoutChart {
  const { years } = summary;
  const first = top + 1;
  const last = top + years.length;
  years.forEach((y, i) => grid.text(first + i, left, String(y), CHART_DATA));
  const series = members.map((s, j): ChartSeries => {
    const column = left + 1 + j;
    grid.text(top, column, s.def.name, CHART_DATA);
    const values = years.map((y, i) => {
      const f = s.region.get(y);
      if (f?.kind !== 'value') return Number.NaN;
      grid.number(first + i, column, f.value, { ...CHART_DATA, numberFormat: figureFormat(s.def, knownValues(s)) });
      return f.value;
    });
    return {
      name: s.def.name,
      range: rangeAddress(first, column, last, column),
      values,
      color: LINE_COLORS[j % LINE_COLORS.length] ?? '1F4E79',
    };
  });
  return {
    name: `Effekt_${family.replace(/[^\p{L}\p{N}]+/gu, '_')}`,
    kind: 'line',
    title: `${family} i regionen`,
    categories: { range: rangeAddress(first, left, last, left), labels: years.map(String) },
    series,
    placement: { top, left, bottom: top + CHART_ROWS - 1, right },
  };
}

// ---- Handlingsplan ----------------------------------------------------------------------------------------

/**
 * §2.4 in the Handlingsplan from `start`: the job goal for the period (a live reference to the generated job
 * table's total when there is one) and the indicators measured, each with its latest figure for the region.
 */
export function effektHandlingsplan(
  grid: Grid,
  plan: Plan,
  year: number,
  start: number,
  lastColumn: number,
  jobTotal: { row: number; column: number } | undefined,
): number {
  sectionTitle(grid, start, 'Effektmål');
  let row = start + 1;
  row = goalRow(grid, plan, row, lastColumn, jobTotal) + 1;
  const summary = effektSummary(plan, year);
  if (summary === undefined || !summary.hasData) {
    noteRow(grid, row, lastColumn, 'Ingen effektindikatorer er registrert i arbeidsboka (tabellene Kommuner og Effektindikatorer).');
    return row;
  }
  noteRow(
    grid,
    row,
    lastColumn,
    `Effektene måles med disse årlige indikatorene, for hele regionen, fra grunnlagsåret ${summary.baseline}:`,
  );
  row += 1;
  const sourceColumn = lastColumn;
  const yearColumn = lastColumn - 1;
  const valueColumn = lastColumn - 2;
  grid.text(row, 1, 'Indikator', STYLE.header);
  grid.text(row, 2, 'Hva den måler', STYLE.header);
  grid.styleBlock(row, 2, row, valueColumn - 1, STYLE.header);
  grid.merge(row, 2, row, valueColumn - 1);
  grid.text(row, valueColumn, 'Siste tall', STYLE.header);
  grid.text(row, yearColumn, 'År', STYLE.header);
  grid.text(row, sourceColumn, 'Kilde', STYLE.header);
  row += 1;
  for (const s of summary.indicators) {
    grid.text(row, 1, s.def.name, STYLE.label);
    grid.text(row, 2, s.def.description || 'programmets egen indikator', STYLE.text);
    grid.styleBlock(row, 2, row, valueColumn - 1, STYLE.text);
    grid.merge(row, 2, row, valueColumn - 1);
    const latest = [...s.region].filter(([, f]) => f.kind !== 'none').sort((a, b) => b[0] - a[0])[0];
    if (latest === undefined) {
      grid.text(row, valueColumn, NO_DATA_TEXT, NO_DATA_STYLE);
      grid.text(row, yearColumn, '–', NO_DATA_STYLE);
    } else {
      writeFigure(grid, row, valueColumn, latest[1], valueStyle(s.def, knownValues(s)));
      grid.number(row, yearColumn, latest[0], YEAR);
    }
    grid.text(row, sourceColumn, s.sources.join('; ') || '–', STYLE.text);
    row += 1;
  }
  return row - 1;
}

function goalRow(grid: Grid, plan: Plan, row: number, lastColumn: number, jobTotal: { row: number; column: number } | undefined): number {
  const first = plan.program.firstYear?.value;
  const last = plan.program.lastYear?.value;
  const period = first !== undefined && last !== undefined ? ` i perioden ${first}–${last}` : '';
  const region = plan.program.region?.value;
  grid.text(row, 1, 'Direkte effekt', STYLE.label);
  const goal = plan.program.jobGoal;
  const totalValue = jobTotal ? numberIn(grid, jobTotal.row, jobTotal.column) : undefined;
  if (jobTotal && totalValue !== undefined) grid.formula(row, 2, address(jobTotal.row, jobTotal.column), totalValue, STYLE.totalCount);
  else if (goal) grid.number(row, 2, goal.value, STYLE.totalCount, goal);
  else grid.text(row, 2, 'ikke satt', NO_DATA_STYLE);
  const text = `nye arbeidsplasser${region ? ` i ${region}` : ''}${period}${jobTotal ? ' (summen av arbeidsplassmålene per næring over)' : ''}.`;
  grid.text(row, 3, jobTotal || goal ? text : `Programmet har ikke satt noe arbeidsplassmål${period}.`, STYLE.text);
  grid.styleBlock(row, 3, row, lastColumn, STYLE.text);
  grid.merge(row, 3, row, lastColumn);
  return row;
}

function numberIn(grid: Grid, row: number, column: number): number | undefined {
  const v = grid.cells.get(`${row}:${column}`)?.value;
  return v?.kind === 'number' ? v.number : v?.kind === 'formula' && typeof v.result === 'number' ? v.result : undefined;
}
