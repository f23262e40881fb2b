import type { A1 } from '../util/brand';
import type { RuleId } from './catalog';
import type { Localized, Severity } from './severity';

// Everything a finding is made of has one import.
export { SEVERITIES, type Lang, type Localized, type Severity } from './severity';

export type FindingValue = string | number | null;

/** A change the user may apply with one click: write a value into one cell. Never applied automatically. */
export interface QuickFix {
  kind: 'set-number';
  sheet: string;
  cell: A1;
  value: number;
  /**
   * The text the cell held when it was validated. The fix is applied only while the cell still holds it: a
   * co-author (or the user) may have typed something else since, which is then left as it is.
   */
  text: string;
  label: Localized;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A cell (`B7`) or range (`B7:D9`) on `sheet`. */
  cell: A1;
  message: Localized;
  expected: FindingValue;
  actual: FindingValue;
  fix?: QuickFix;
}

export interface FindingSummary {
  feil: number;
  advarsel: number;
  info: number;
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  const summary: FindingSummary = { feil: 0, advarsel: 0, info: 0 };
  for (const f of findings) summary[f.severity] += 1;
  return summary;
}
