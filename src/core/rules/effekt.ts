import { baselineYear, indicatorDef, indicatorKey, resolveKommune, type IndicatorKind } from '../effekt/indicators';
import { makeFinding } from '../findings/make';
import { formatNumber } from '../text/figures';
import type { Finding } from '../findings/types';
import type { IndicatorRow, Kommune, Plan } from '../model/plan';
import { normalizeKey } from '../text/keys';
import type { RuleContext } from './context';

/**
 * The effect indicators (§2.4): each row names a known kommune (or the whole region), says where its figure
 * comes from, appears once per (year, indicator, kommune), holds a value of its indicator's kind, and every
 * series has the baseline (the year before the period) once it has later values.
 */
export function effektRules({ plan }: RuleContext): Finding[] {
  return [
    ...duplicateKommuner(plan),
    ...unknownKommuner(plan),
    ...missingSources(plan),
    ...duplicateRows(plan),
    ...wrongKinds(plan),
    ...missingBaselines(plan),
  ];
}

function duplicateKommuner(plan: Plan): Finding[] {
  const seen = new Map<string, Kommune>();
  const findings: Finding[] = [];
  for (const k of plan.kommuner) {
    const first = seen.get(k.nr);
    if (first)
      findings.push(
        makeFinding(
          'structure.duplicate-key',
          { sheet: k.ref.sheet, cell: k.ref.cell },
          { key: `Kommunenummer ${k.nr}`, table: 'Kommuner', first: first.ref.cell },
          { actual: k.nr },
        ),
      );
    else seen.set(k.nr, k);
  }
  return findings;
}

function unknownKommuner(plan: Plan): Finding[] {
  return plan.indicators.flatMap((row) => {
    if (row.kommune === null || resolveKommune(row, plan.kommuner) !== undefined) return [];
    const known = plan.kommuner.map((k) => k.nr).join(', ') || '–';
    return [
      makeFinding(
        'effekt.unknown-kommune',
        row.kommune,
        { value: row.kommune.value, known },
        { expected: known, actual: row.kommune.value },
      ),
    ];
  });
}

function missingSources(plan: Plan): Finding[] {
  return plan.indicators.flatMap((row) => {
    if (row.source !== null) return [];
    const at = sourceCell(row);
    return [makeFinding('effekt.missing-source', at, { indicator: row.indicator.value, year: row.year.value }, { expected: 'kilde' })];
  });
}

/** The Kilde cell of a row: the column right of Verdi is not certain, so the finding points at the row when it is unknown. */
function sourceCell(row: IndicatorRow): { sheet: string; cell: IndicatorRow['ref']['cell'] } {
  return row.sourceAt ?? row.ref;
}

/** The key a row is unique by: year, indicator (however spelled) and kommune (the region as ''). */
export function rowKey(row: IndicatorRow, kommuner: readonly Kommune[]): string {
  const kommune = resolveKommune(row, kommuner);
  const where = kommune === null ? '' : (kommune?.nr ?? normalizeKey(row.kommune?.value ?? ''));
  return `${row.year.value}|${indicatorKey(row.indicator.value)}|${where}`;
}

function duplicateRows(plan: Plan): Finding[] {
  const seen = new Map<string, IndicatorRow>();
  const findings: Finding[] = [];
  for (const row of plan.indicators) {
    const key = rowKey(row, plan.kommuner);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row);
      continue;
    }
    const where = row.kommune?.value ?? 'hele regionen';
    findings.push(
      makeFinding(
        'effekt.duplicate-row',
        row.indicator,
        { indicator: row.indicator.value, year: row.year.value, kommune: where, first: first.ref.cell },
        { actual: row.value.value },
      ),
    );
  }
  return findings;
}

const KIND_RULE: Record<IndicatorKind, { ok: (v: number) => boolean; nb: string; en: string } | undefined> = {
  rank: { ok: (v) => Number.isInteger(v) && v >= 1, nb: 'en plassering: et helt tall fra 1', en: 'a placing: a whole number from 1' },
  count: { ok: (v) => Number.isInteger(v) && v >= 0, nb: 'et antall: et helt tall, 0 eller mer', en: 'a count: a whole number, 0 or more' },
  rate: { ok: (v) => v >= 0, nb: 'en andel: 0 eller mer', en: 'a share: 0 or more' },
  number: undefined,
};

function wrongKinds(plan: Plan): Finding[] {
  return plan.indicators.flatMap((row) => {
    const rule = KIND_RULE[indicatorDef(row.indicator.value).kind];
    if (rule === undefined || rule.ok(row.value.value)) return [];
    const value = formatNumber(row.value.value, Number.isInteger(row.value.value) ? 0 : 2);
    return [
      makeFinding(
        'effekt.wrong-kind',
        row.value,
        { indicator: row.indicator.value, value, kindNb: rule.nb, kindEn: rule.en },
        { expected: rule.nb, actual: row.value.value },
      ),
    ];
  });
}

/** One finding per series (indicator and kommune) that has later values but no baseline, at its first later row. */
function missingBaselines(plan: Plan): Finding[] {
  const baseline = baselineYear(plan);
  if (baseline === undefined) return [];
  const series = new Map<string, IndicatorRow[]>();
  for (const row of plan.indicators) {
    const kommune = resolveKommune(row, plan.kommuner);
    if (kommune === undefined) continue;
    const key = `${indicatorKey(row.indicator.value)}|${kommune?.nr ?? ''}`;
    series.set(key, [...(series.get(key) ?? []), row]);
  }
  const findings: Finding[] = [];
  for (const rows of series.values()) {
    if (rows.some((r) => r.year.value === baseline)) continue;
    const later = rows.filter((r) => r.year.value > baseline).sort((a, b) => a.year.value - b.year.value)[0];
    if (later === undefined) continue;
    const where = later.kommune?.value ?? 'hele regionen';
    findings.push(
      makeFinding(
        'effekt.missing-baseline',
        later.year,
        { indicator: later.indicator.value, kommune: where, baseline },
        { expected: baseline, actual: later.year.value },
      ),
    );
  }
  return findings;
}
