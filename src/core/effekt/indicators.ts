import type { IndicatorRow, Kommune, Plan } from '../model/plan';
import { normalizeKey } from '../text/keys';

/**
 * The effect indicators the seed's §2.4 proposes, as the documented names the `Effektindikatorer` table uses.
 * A programme may add its own (any other name): those are free indicators, of kind `number`, each its own family.
 *
 * - `count`: a whole number ≥ 0 (people, enterprises); the region's value is the sum of its kommuner.
 * - `rate`: a share or frequency; never summed across kommuner.
 * - `rank`: a placing (1 is best), a whole number ≥ 1; never summed.
 */
export type IndicatorKind = 'count' | 'rate' | 'rank' | 'number';

export interface IndicatorDef {
  name: string;
  kind: IndicatorKind;
  /** Indicators drawn in one chart of the board report. */
  family: string;
  /** What it measures, for the README and the pane. */
  description: string;
}

export const INDICATOR_NAMES = {
  employed: 'Sysselsatte etter arbeidssted',
  newEnterprises: 'Nyetablerte foretak',
  establishmentRate: 'Etableringsfrekvens',
  population: 'Folkemengde',
  population2039: 'Folkemengde 20–39 år',
  kommuneNm: 'Kommune-NM-plassering',
} as const;

export const DOCUMENTED_INDICATORS: readonly IndicatorDef[] = [
  {
    name: INDICATOR_NAMES.employed,
    kind: 'count',
    family: 'Sysselsetting',
    description: 'sysselsatte personer med arbeidssted i kommunen, 4. kvartal',
  },
  { name: INDICATOR_NAMES.newEnterprises, kind: 'count', family: 'Nyetableringer', description: 'nye foretak i løpet av året' },
  {
    name: INDICATOR_NAMES.establishmentRate,
    kind: 'rate',
    family: 'Etableringsfrekvens',
    description: 'nyetablerte foretak i prosent av foretakene',
  },
  { name: INDICATOR_NAMES.population, kind: 'count', family: 'Befolkning', description: 'folkemengde 1. januar' },
  { name: INDICATOR_NAMES.population2039, kind: 'count', family: 'Befolkning', description: 'folkemengde 20–39 år 1. januar' },
  { name: INDICATOR_NAMES.kommuneNm, kind: 'rank', family: 'Kommune-NM', description: 'plassering i NHOs Kommune-NM (1 er best)' },
];

/** The definition of an indicator name: a documented one however it is spelled (case, dashes, æøå), else a free one. */
export function indicatorDef(name: string): IndicatorDef {
  const key = indicatorKey(name);
  return (
    DOCUMENTED_INDICATORS.find((d) => indicatorKey(d.name) === key) ?? {
      name: name.trim(),
      kind: 'number',
      family: name.trim(),
      description: '',
    }
  );
}

/** Names compare as headers do, and 20-39 is 20–39. */
export function indicatorKey(name: string): string {
  return normalizeKey(name.replace(/[\u2013\u2014]/g, '-'));
}

/** The year before the programme's first year: what every indicator is measured against. */
export function baselineYear(plan: Plan): number | undefined {
  const first = plan.program.firstYear?.value;
  return first === undefined ? undefined : first - 1;
}

/**
 * The kommune a row's Kommune cell names, by number or by name; undefined for one the region does not have.
 * A row without a Kommune is the whole region (null).
 */
export function resolveKommune(row: IndicatorRow, kommuner: readonly Kommune[]): Kommune | null | undefined {
  if (row.kommune === null) return null;
  const typed = row.kommune.value.trim();
  const key = normalizeKey(typed);
  return kommuner.find((k) => k.nr === typed) ?? kommuner.find((k) => normalizeKey(k.name) === key);
}
