import type { Finding } from '../findings/types';
import type { Plan } from '../model/plan';
import type { ValidationSettings } from '../settings';
import type { GeneratedSheetInfo } from '../snapshot/types';

export interface RuleContext {
  plan: Plan;
  settings: ValidationSettings;
  /** The years the year-specific rules look at: the chosen year, or every year the data holds. */
  years: number[];
  /** the add-in's own sheets found in the workbook, and the digest of the input as it is now */
  generated: readonly GeneratedSheetInfo[];
  inputDigest: string;
}

/** A family of rules: plain data in, findings out. */
export type RuleFamily = (context: RuleContext) => Finding[];

export function sumOf(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
