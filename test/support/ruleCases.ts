import type { WorkbookData } from '../../src/core/contract/tableData';
import type { Finding } from '../../src/core/findings/types';
import type { ValidationSettings } from '../../src/core/settings';
import type { GeneratedSheetInfo } from '../../src/core/snapshot/types';
import { validateWorkbook } from '../../src/core/validate';
import { snapshot } from './planBuilder';

/** One rule, and one change to a plan that meets every rule which must make it fire at one cell. */
export interface RuleCase {
  name: string;
  change: (d: WorkbookData) => WorkbookData;
  rule: string;
  /** where the finding must point, worked out from the plan */
  at: (d: WorkbookData) => { sheet: string; cell: string };
  expected?: Finding['expected'];
  actual?: Finding['actual'];
  severity?: Finding['severity'];
  settings?: Partial<ValidationSettings>;
  generated?: GeneratedSheetInfo[];
}

function findingsOf(data: WorkbookData, c: RuleCase): Finding[] {
  const snap = snapshot(data);
  if (c.generated) snap.generated = c.generated;
  return validateWorkbook(snap, c.settings ?? {}).findings.filter((f) => f.rule === c.rule);
}

/**
 * For each case: the rule is silent on `base()`, and after the change it fires exactly once at the cell the
 * case names, with its expected and actual values, severity, and a message in both languages. The silence is
 * checked under the case's settings too when `silentUnderCaseSettings` (a setting such as `today` changes
 * nothing on a plan that meets the rules; one such as a year outside the period does).
 */
export function describeRuleCases(
  cases: readonly RuleCase[],
  base: () => WorkbookData,
  baseLabel: string,
  silentUnderCaseSettings = false,
): void {
  describe.each(cases)('$rule — $name', (c) => {
    test(`does not fire on ${baseLabel}`, () => {
      const settings = silentUnderCaseSettings ? (c.settings ?? {}) : {};
      expect(validateWorkbook(snapshot(base()), settings).findings.filter((f) => f.rule === c.rule)).toEqual([]);
    });

    test('fires at the cell that is wrong, with expected and actual', () => {
      const data = c.change(base());
      const at = c.at(data);
      const here = findingsOf(data, c).filter((f) => f.sheet === at.sheet && f.cell === at.cell);
      expect(here).toHaveLength(1);
      const f = here[0]!;
      if (c.expected !== undefined) expect(f.expected).toEqual(c.expected);
      if (c.actual !== undefined) expect(f.actual).toEqual(c.actual);
      if (c.severity !== undefined) expect(f.severity).toBe(c.severity);
      expect(f.message.nb.length).toBeGreaterThan(10);
      expect(f.message.en.length).toBeGreaterThan(10);
      expect(f.message.nb).not.toEqual(f.message.en);
      expect(f.message.nb).not.toMatch(/\{\w+\}/);
      expect(f.message.en).not.toMatch(/\{\w+\}/);
    });
  });
}
