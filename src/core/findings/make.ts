import type { A1 } from '../util/brand';
import { CATALOG, fillPlaceholders, type MessageParams, type RuleId } from './catalog';
import type { Finding, FindingValue, QuickFix, Severity } from './types';

export interface At {
  sheet: string;
  cell: A1;
}

export interface FindingDetails {
  expected?: FindingValue;
  actual?: FindingValue;
  fix?: QuickFix;
  /** Overrides the catalogue's default severity (e.g. delmål minima become warnings once the year is over). */
  severity?: Severity;
}

export function makeFinding(rule: RuleId, at: At, params: MessageParams = {}, details: FindingDetails = {}): Finding {
  const text = CATALOG[rule];
  const finding: Finding = {
    rule,
    severity: details.severity ?? text.severity,
    sheet: at.sheet,
    cell: at.cell,
    message: { nb: fillPlaceholders(text.message.nb, params), en: fillPlaceholders(text.message.en, params) },
    expected: details.expected ?? null,
    actual: details.actual ?? null,
  };
  if (details.fix) finding.fix = details.fix;
  return finding;
}
