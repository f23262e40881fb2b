import type { Finding } from '../findings/types';
import type { Plan } from '../model/plan';
import type { ValidationSettings } from '../settings';
import type { GeneratedSheetInfo } from '../snapshot/types';
import { budgetRules } from './budget';
import { effektRules } from './effekt';
import type { RuleContext, RuleFamily } from './context';
import { projectRules } from './projects';
import { reallocationRules } from '../count/reallocations';
import { proposalRules } from './proposals';
import { stalenessRules } from './staleness';
import { structureRules } from './structure';
import { targetRules } from './targets';

/** The rule families in the order their findings are produced. */
export const RULE_FAMILIES: readonly RuleFamily[] = [
  structureRules,
  budgetRules,
  targetRules,
  reallocationRules,
  projectRules,
  effektRules,
  proposalRules,
  stalenessRules,
];

export interface WorkbookFacts {
  generated: readonly GeneratedSheetInfo[];
  inputDigest: string;
}

export function runRules(plan: Plan, settings: ValidationSettings, facts: WorkbookFacts = { generated: [], inputDigest: '' }): Finding[] {
  const context: RuleContext = { plan, settings, years: yearsToCheck(plan, settings), ...facts };
  return RULE_FAMILIES.flatMap((family) => family(context));
}

function yearsToCheck(plan: Plan, settings: ValidationSettings): number[] {
  if (settings.year !== undefined) return [settings.year];
  const years = new Set<number>();
  for (const list of [plan.budget, plan.frames, plan.financing, plan.resultatmal?.rows ?? []]) {
    for (const item of list) years.add(item.year);
  }
  return [...years].sort((a, b) => a - b);
}
