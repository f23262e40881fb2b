import { TABLES } from '../contract/contract';
import type { IndicatorRow, Plan, Ref } from '../model/plan';
import { normalizeKey } from '../text/keys';
import { baselineYear, INDICATOR_NAMES, indicatorKey, resolveKommune } from './indicators';

/**
 * Fetching the indicators Statistics Norway (SSB) publishes per kommune. The core defines what is asked and how
 * the answer goes into `Effektindikatorer`; an adapter over `fetch` (src/adapters/ssb) does the asking.
 */

/** One figure SSB publishes: an indicator's value for one of the workbook's kommuner and a year. */
export interface SsbFigure {
  indicator: string;
  /** the kommunenummer as the workbook has it */
  kommune: string;
  year: number;
  value: number;
  /** SSB's table id, e.g. `07459` */
  table: string;
}

/** The region code SSB answered with for a kommune of the workbook (the series summed to today's borders). */
export interface SsbCodeUsed {
  kommune: string;
  code: string;
  label: string;
  /** the kommune's earlier numbers that SSB's series includes */
  earlier: string[];
}

export interface SsbRequest {
  /** kommunenummer as the workbook has them */
  kommuner: string[];
  /** the first year wanted: the baseline */
  fromYear: number;
}

export interface SsbResult {
  figures: SsbFigure[];
  codesUsed: SsbCodeUsed[];
  /** workbook kommunenummer SSB does not know, under any of its numbers */
  unknownKommuner: string[];
  /** tables that could not be read; the others still count */
  failedTables: { table: string; nb: string; en: string }[];
}

/** The statistics port: the one thing the core needs from SSB. Throws `StatisticsError` when nothing can be fetched. */
export interface StatisticsPort {
  fetchIndicators(request: SsbRequest): Promise<SsbResult>;
}

/** What SSB cannot give: offline, an HTTP error, too many requests, a timeout. One line in each language. */
export class StatisticsError extends Error {
  constructor(
    readonly code: 'offline' | 'timeout' | 'rate-limited' | 'http' | 'bad-response' | 'unknown-region',
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'StatisticsError';
  }
}

/** Kilde for figures from SSB: the table, so the reader can look it up. Rows whose Kilde starts so belong to the fetch. */
export function ssbSource(table: string): string {
  return `SSB, tabell ${table}`;
}

/** A row the fetch may update: its Kilde says SSB. A blank Kilde or any other source is the user's. */
export function isSsbRow(row: IndicatorRow): boolean {
  return row.source !== null && normalizeKey(row.source.value).startsWith('ssb');
}

/** A value for one cell of a written row (the shape the workbook port takes). */
export type IndicatorCell = string | number | { date: string } | null;
export type IndicatorValues = Record<string, IndicatorCell>;

export interface SsbWritePlan {
  /** rows of SSB's own whose value changed: written in place */
  updates: { at: Ref; values: IndicatorValues }[];
  /** figures the table does not have yet */
  appends: IndicatorValues[];
  /** figures left out because the user typed that row (Kilde not SSB) */
  keptUserRows: Ref[];
  /** figures already in the table with the same value */
  unchanged: number;
}

const COLUMNS = Object.fromEntries(TABLES.indicators.columns.map((c) => [c.key, c.header])) as Record<
  'year' | 'indicator' | 'kommune' | 'value' | 'source' | 'fetched',
  string
>;

/**
 * Which rows to add and which to update so `Effektindikatorer` holds SSB's figures: a figure whose row exists
 * with the same value changes nothing (fetching twice gives the same workbook), one whose SSB row has another
 * value updates it (value, Kilde, Hentet), and one without a row is appended. A row the user typed is never
 * touched, whatever its value.
 */
export function planSsbWrite(plan: Plan, figures: readonly SsbFigure[], today: string): SsbWritePlan {
  const existing = new Map<string, IndicatorRow>();
  for (const row of plan.indicators) {
    const kommune = resolveKommune(row, plan.kommuner);
    if (!kommune) continue;
    const key = figureKey(row.year.value, row.indicator.value, kommune.nr);
    if (!existing.has(key)) existing.set(key, row);
  }
  const result: SsbWritePlan = { updates: [], appends: [], keptUserRows: [], unchanged: 0 };
  const sorted = [...figures].sort(
    (a, b) => a.indicator.localeCompare(b.indicator, 'nb') || a.kommune.localeCompare(b.kommune) || a.year - b.year,
  );
  for (const figure of sorted) {
    const row = existing.get(figureKey(figure.year, figure.indicator, figure.kommune));
    const values = rowValues(figure, today);
    if (row === undefined) result.appends.push(values);
    else if (!isSsbRow(row)) result.keptUserRows.push(row.ref);
    else if (row.value.value === figure.value && row.source?.value === ssbSource(figure.table)) result.unchanged += 1;
    else result.updates.push({ at: row.ref, values });
  }
  return result;
}

function figureKey(year: number, indicator: string, kommune: string): string {
  return `${year}|${indicatorKey(indicator)}|${kommune}`;
}

function rowValues(figure: SsbFigure, today: string): IndicatorValues {
  return {
    [COLUMNS.year]: figure.year,
    [COLUMNS.indicator]: figure.indicator,
    [COLUMNS.kommune]: figure.kommune,
    [COLUMNS.value]: figure.value,
    [COLUMNS.source]: ssbSource(figure.table),
    [COLUMNS.fetched]: { date: today },
  };
}

/** What to ask SSB for: the region's kommuner from the baseline (the year before the period) on. */
export function ssbRequestOf(plan: Plan): SsbRequest | undefined {
  const fromYear = baselineYear(plan);
  if (fromYear === undefined || plan.kommuner.length === 0) return undefined;
  return { kommuner: plan.kommuner.map((k) => k.nr), fromYear };
}

/** The indicators the fetch fills, for the messages and the README. */
export const SSB_INDICATORS: readonly string[] = [
  INDICATOR_NAMES.population,
  INDICATOR_NAMES.population2039,
  INDICATOR_NAMES.employed,
  INDICATOR_NAMES.newEnterprises,
];
