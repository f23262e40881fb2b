/**
 * Unknown is unknown, over random plans: make one figure of a consistent plan unreadable (an error value,
 * text that is no number, a formula without a cached value) and it is reported once, at its cell; no other
 * finding appears or changes its expected value — nothing was computed as if the cell were 0 — except the
 * infos that say which declared figures could not be checked because of it.
 */
import fc from 'fast-check';
import type { Finding } from '../../src/core/findings/types';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import type { SnapshotCell, WorkbookSnapshot } from '../../src/core/snapshot/types';
import { validateWorkbook } from '../../src/core/validate';
import { configureProperties, consistentWorkbookArb, mutationTargets } from '../support/arbitraries';

configureProperties('unknowns.test.ts');

type Breakage = 'error' | 'text' | 'uncalculated';

function broken(snapshot: WorkbookSnapshot, at: { sheet: string; cell: string }, how: Breakage): WorkbookSnapshot {
  const copy = structuredClone(snapshot);
  const replace = (cell: SnapshotCell): SnapshotCell => {
    if (how === 'error') return { kind: 'error', value: '#REF!', address: cell.address };
    if (how === 'text') return { kind: 'text', value: 'ukjent beløp', address: cell.address };
    return { kind: 'empty', value: null, address: cell.address, formula: 'SUM(B2:B9)' };
  };
  for (const table of copy.tables.filter((t) => t.sheet === at.sheet)) {
    for (const row of [...table.rows, ...(table.totalRow ? [table.totalRow] : [])]) {
      row.forEach((cell, i) => {
        if (cell.address === at.cell) row[i] = replace(cell);
      });
    }
  }
  return copy;
}

const key = (f: Finding) => `${f.rule}|${f.sheet}!${f.cell}|${String(f.expected)}|${String(f.actual)}`;

const caseArb = fc
  .tuple(consistentWorkbookArb, fc.nat(), fc.constantFrom<Breakage>('error', 'text', 'uncalculated'))
  .filter(([{ rendered }]) => mutationTargets(rendered).length > 0)
  .map(([{ rendered }, pick, how]) => {
    const targets = mutationTargets(rendered);
    const tag = targets[pick % targets.length] ?? '';
    return { rendered, tag, how };
  });

test('one unreadable figure: reported once at its cell, no other finding gained or changed, only "not checked" infos added', () => {
  // Not vacuous: some broken figures must have blocked a check (and so changed what would have been said).
  let blocked = 0;
  fc.assert(
    fc.property(caseArb, ({ rendered, tag, how }) => {
      const at = rendered.at.get(tag);
      if (!at) throw new Error(`no cell for ${tag}`);
      const snapshot = snapshotFromData(rendered.data);
      const before = validateWorkbook(snapshot).findings;
      const after = validateWorkbook(broken(snapshot, at, how)).findings;
      const here = (f: Finding) => f.sheet === at.sheet && f.cell === at.cell;
      const reported = after.filter((f) => here(f) && ['values.error-value', 'values.not-a-number', 'values.not-calculated'].includes(f.rule));
      expect(reported).toHaveLength(1);
      const known = new Set(before.map(key));
      // Everything new is about the broken cell, or an info that names it as the reason a check was not made.
      const added = after.filter((f) => !known.has(key(f)) && !here(f));
      for (const f of added) {
        expect(`${f.rule} ${f.severity}`).toBe('values.not-checked info');
        expect(f.actual).toBe(`${at.sheet}!${at.cell}`);
        expect(f.expected).toBeNull();
      }
      if (added.length > 0) blocked += 1;
    }),
  );
  expect(blocked).toBeGreaterThan(0);
});
