import type { IndicatorRow, Kommune, Plan, Ref, UnknownFigure } from '../model/plan';
import { normalizeKey } from '../text/keys';
import { baselineYear, DOCUMENTED_INDICATORS, indicatorDef, indicatorKey, resolveKommune, type IndicatorDef } from './indicators';

/**
 * What the region's effect indicators (§2.4) say, year by year from the baseline, as plain values for the
 * generated sheets. A figure is known, missing (its cell could not be read), incomplete (a sum over the
 * region's kommuner lacks some) or simply not there — never a 0 standing in for any of the last three.
 */
export type Figure =
  | { kind: 'value'; value: number; at: Ref[] }
  | { kind: 'none' }
  /** a cell that holds it could not be read */
  | { kind: 'missing'; cells: UnknownFigure[] }
  /** a region sum that lacks some kommuner */
  | { kind: 'partial'; have: number; of: number };

export interface KommuneSeries {
  kommune: Kommune;
  byYear: Map<number, Figure>;
}

export interface IndicatorSummary {
  def: IndicatorDef;
  /** the region's figure per year of `EffektSummary.years` */
  region: Map<number, Figure>;
  /** the kommuner with at least one figure (value or missing) */
  kommuner: KommuneSeries[];
  /** the Kilde texts of its rows, in the workbook's order */
  sources: string[];
}

export interface EffektSummary {
  /** the year before the period */
  baseline: number;
  /** the baseline through the period's last year (or the report year when the period is not known) */
  years: number[];
  indicators: IndicatorSummary[];
  /** the region has kommuner or indicator rows at all (a workbook without the tables has neither) */
  hasData: boolean;
}

/** The change of a series from the baseline to its latest year with a figure. */
export type Change =
  | { kind: 'known'; from: number; to: number; base: number; latest: number; absolute: number; relative: number | null }
  /** no later figure, or no baseline figure */
  | { kind: 'none'; reason: 'no-baseline' | 'no-later' }
  /** the latest or the baseline figure could not be read (or is incomplete) */
  | { kind: 'unknown'; cells: UnknownFigure[] };

const MAX_YEARS = 20;

/** The summary for `year`'s reports; undefined when the programme's period is not known. */
export function effektSummary(plan: Plan, year: number): EffektSummary | undefined {
  const baseline = baselineYear(plan);
  if (baseline === undefined) return undefined;
  const last = Math.max(plan.program.lastYear?.value ?? year, baseline + 1);
  const years = Array.from({ length: Math.min(last - baseline + 1, MAX_YEARS) }, (_, i) => baseline + i);
  const unknowns = plan.unknowns.filter((u) => u.what.table === 'indicators');
  const hasData = plan.kommuner.length > 0 || plan.indicators.length > 0 || unknowns.length > 0;
  const defs = indicatorsOf(plan);
  const indicators = defs.map((def) => summarise(plan, def, years));
  return { baseline, years, indicators, hasData };
}

/** The documented indicators, then the programme's own in the order they first appear. */
function indicatorsOf(plan: Plan): IndicatorDef[] {
  const defs = [...DOCUMENTED_INDICATORS];
  const seen = new Set(defs.map((d) => indicatorKey(d.name)));
  const names = [
    ...plan.indicators.map((r) => r.indicator.value),
    ...plan.unknowns.flatMap((u) => (u.what.table === 'indicators' && u.what.indicator !== null ? [u.what.indicator] : [])),
  ];
  for (const name of names) {
    const key = indicatorKey(name);
    if (seen.has(key) || key === '') continue;
    seen.add(key);
    defs.push(indicatorDef(name));
  }
  return defs;
}

function summarise(plan: Plan, def: IndicatorDef, years: readonly number[]): IndicatorSummary {
  const key = indicatorKey(def.name);
  const rows = plan.indicators.filter((r) => indicatorKey(r.indicator.value) === key);
  // An unreadable value whose indicator or year could not be read either may be any of them.
  const lost = plan.unknowns.filter(
    (u) => u.what.table === 'indicators' && (u.what.indicator === null || indicatorKey(u.what.indicator) === key),
  );
  const kommuneSeries = plan.kommuner.map((kommune): KommuneSeries => ({
    kommune,
    byYear: new Map(years.map((y) => [y, figureOf(rows, lost, plan.kommuner, y, kommune)])),
  }));
  const region = new Map(years.map((y) => [y, regionFigure(def, rows, lost, plan.kommuner, y, kommuneSeries)]));
  const sources = [...new Set(rows.flatMap((r) => (r.source ? [r.source.value.trim()] : [])).filter((s) => s !== ''))];
  return {
    def,
    region,
    kommuner: kommuneSeries.filter((k) => [...k.byYear.values()].some((f) => f.kind === 'value' || f.kind === 'missing')),
    sources,
  };
}

/** The figure typed for one kommune (or, with `kommune` null, for the region as a whole) and year. */
function figureOf(
  rows: readonly IndicatorRow[],
  lost: readonly UnknownFigure[],
  kommuner: readonly Kommune[],
  year: number,
  kommune: Kommune | null,
): Figure {
  const unread = lost.filter(
    (u) =>
      u.what.table === 'indicators' && (u.what.year === null || u.what.year === year) && sameKommune(u.what.kommune, kommune, kommuner),
  );
  if (unread.length > 0) return { kind: 'missing', cells: unread };
  const row = rows.find((r) => r.year.value === year && resolveKommune(r, kommuner) === kommune);
  return row ? { kind: 'value', value: row.value.value, at: [row.value] } : { kind: 'none' };
}

function sameKommune(typed: string | null, kommune: Kommune | null, kommuner: readonly Kommune[]): boolean {
  if (typed === null) return kommune === null;
  if (kommune === null) return false;
  const found = kommuner.find((k) => k.nr === typed) ?? kommuner.find((k) => normalizeKey(k.name) === normalizeKey(typed));
  return found === kommune;
}

/**
 * The region's figure: the row typed for the whole region; else, for a count, the sum of every kommune's —
 * only when every kommune has one (a sum over some is no figure for the region). Shares and placings are
 * never summed.
 */
function regionFigure(
  def: IndicatorDef,
  rows: readonly IndicatorRow[],
  lost: readonly UnknownFigure[],
  kommuner: readonly Kommune[],
  year: number,
  series: readonly KommuneSeries[],
): Figure {
  const own = figureOf(rows, lost, kommuner, year, null);
  if (own.kind !== 'none' || def.kind !== 'count' || series.length === 0) return own;
  const none: Figure = { kind: 'none' };
  const figures = series.map((s) => s.byYear.get(year) ?? none);
  const missing = figures.flatMap((f) => (f.kind === 'missing' ? f.cells : []));
  if (missing.length > 0) return { kind: 'missing', cells: missing };
  const values = figures.flatMap((f) => (f.kind === 'value' ? [f] : []));
  if (values.length === 0) return { kind: 'none' };
  if (values.length < figures.length) return { kind: 'partial', have: values.length, of: figures.length };
  return { kind: 'value', value: values.reduce((n, f) => n + f.value, 0), at: values.flatMap((f) => f.at) };
}

/**
 * The change from the baseline to the latest year that has a figure. When that latest figure (or the
 * baseline's) is missing or incomplete, the change is unknown — not worked out from an earlier year.
 */
export function changeOf(byYear: ReadonlyMap<number, Figure>, baseline: number): Change {
  const later = [...byYear].filter(([y, f]) => y > baseline && f.kind !== 'none').sort((a, b) => b[0] - a[0]);
  const base = byYear.get(baseline) ?? { kind: 'none' };
  const latest = later[0];
  if (latest === undefined) return { kind: 'none', reason: 'no-later' };
  const blocking = [base, latest[1]].flatMap((f) => (f.kind === 'missing' ? f.cells : []));
  if (blocking.length > 0 || base.kind === 'partial' || latest[1].kind === 'partial') return { kind: 'unknown', cells: blocking };
  if (base.kind !== 'value') return { kind: 'none', reason: 'no-baseline' };
  if (latest[1].kind !== 'value') return { kind: 'unknown', cells: [] };
  const absolute = latest[1].value - base.value;
  return {
    kind: 'known',
    from: baseline,
    to: latest[0],
    base: base.value,
    latest: latest[1].value,
    absolute,
    relative: base.value === 0 ? null : absolute / base.value,
  };
}

/** Whether an indicator has any figure at all for the region or a kommune (a value, or one that could not be read). */
export function hasFigures(s: IndicatorSummary): boolean {
  return s.kommuner.length > 0 || [...s.region.values()].some((f) => f.kind !== 'none');
}

/** The latest year with a known value for the region, and that value. */
export function latestValue(byYear: ReadonlyMap<number, Figure>): { year: number; value: number } | undefined {
  const known = [...byYear].filter(([, f]) => f.kind === 'value').sort((a, b) => b[0] - a[0])[0];
  return known && known[1].kind === 'value' ? { year: known[0], value: known[1].value } : undefined;
}
