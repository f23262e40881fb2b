import type { A1 } from '../util/brand';
import { CATALOG, fillTemplate, type MessageParams, type RuleId } from './catalog';
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
    message: { nb: fillTemplate(text.message.nb, params), en: fillTemplate(text.message.en, params) },
    expected: details.expected ?? null,
    actual: details.actual ?? null,
  };
  if (details.fix) finding.fix = details.fix;
  return finding;
}

/** Formats a number the Norwegian way for messages: `1 200 000`, `10,9 %`. */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const sign = value < 0 ? '-' : '';
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

export function formatPercent(share: number): string {
  return `${formatNumber(share * 100, 1)}\u00a0%`;
}

/**
 * A share above `limit`, with as many decimals as it takes to differ from the limit as printed: 12,04 % over a
 * 12 % limit is "12,04 %", never "12,0 %" (which would read as the limit itself).
 */
export function formatShareAbove(share: number, limit: number): string {
  for (let decimals = 1; decimals <= 4; decimals++) {
    const shown = `${formatNumber(share * 100, decimals)}\u00a0%`;
    if (shown !== `${formatNumber(limit * 100, decimals)}\u00a0%`) return shown;
  }
  return `over ${formatPercent(limit)}`;
}
