/**
 * Grants from the project register: what was granted per strategy in a year, and the leverage
 * (utløste midler) of the grants. A grant counts in the year of its Vedtaksdato; projects without a grant
 * (Innvilget empty or 0) are not the programme's projects and count nowhere.
 */
import type { Plan, Project } from '../model/plan';
import { decisionYear, grantOf, isSupported } from './projectRegister';

export interface StrategyGrants {
  /** strategy code */
  strategy: string;
  /** sum of Innvilget of the strategy's projects decided in the year, kroner */
  granted: number;
  /** how many projects with a grant that is */
  projects: number;
  /** the strategy's Budsjett line for the year (first line wins), null when it has none */
  budget: number | null;
}

/** Supported projects, of the year of their Vedtaksdato when a year is given. */
function supported(plan: Plan, year?: number): Project[] {
  return plan.projects.filter((p) => isSupported(p) && (year === undefined || decisionYear(p) === year));
}

/**
 * Granted per strategy in the year: every strategy of Strategier in its order (0 when nothing was granted),
 * then codes that are not in Strategier but have grants (projects.unknown-strategy reports those).
 */
export function grantsPerStrategy(plan: Plan, year: number): StrategyGrants[] {
  const projects = supported(plan, year);
  const codes = plan.strategies.map((s) => s.code);
  for (const p of projects) if (!codes.includes(p.strategy.value)) codes.push(p.strategy.value);
  return codes.map((strategy) => {
    const of = projects.filter((p) => p.strategy.value === strategy);
    const line = plan.budget.find((b) => b.year === year && b.strategy.value === strategy);
    return { strategy, granted: of.reduce((sum, p) => sum + grantOf(p), 0), projects: of.length, budget: line ? line.amount.value : null };
  });
}

export interface GrantTotals {
  /** sum of Innvilget, kroner */
  granted: number;
  /** sum of Egenfinansiering of the same projects */
  own: number;
  /** sum of Annen finansiering of the same projects */
  other: number;
  /** supported projects counted */
  projects: number;
}

/**
 * Totals over the supported projects decided in `year`, or over all supported projects (with or without a
 * Vedtaksdato) when no year is given.
 */
export function grantTotals(plan: Plan, year?: number): GrantTotals {
  const projects = supported(plan, year);
  const sum = (value: (p: Project) => number) => projects.reduce((total, p) => total + value(p), 0);
  return {
    granted: sum(grantOf),
    own: sum((p) => p.ownFinancing ?? 0),
    other: sum((p) => p.otherFinancing ?? 0),
    projects: projects.length,
  };
}

/**
 * Leverage (utløste midler): (own + other financing) / granted, over the supported projects decided in
 * `year` (all supported projects without a year). Null when nothing was granted. Own and other financing
 * of projects without a grant are left out: the programme leveraged nothing there.
 */
export function leverage(plan: Plan, year?: number): number | null {
  const totals = grantTotals(plan, year);
  return totals.granted > 0 ? (totals.own + totals.other) / totals.granted : null;
}
