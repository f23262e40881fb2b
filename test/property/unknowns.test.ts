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
import { TABLES } from '../../src/core/contract/contract';
import type { CellInput, WorkbookData } from '../../src/core/contract/tableData';
import { headersOf } from '../support/planBuilder';
import {
  codeOf,
  configureProperties,
  consistentWorkbookArb,
  keyTargets,
  mutationTargets,
  planYearOf,
  runs,
  type PlanModel,
} from '../support/arbitraries';

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
      const reported = after.filter(
        (f) => here(f) && ['values.error-value', 'values.not-a-number', 'values.not-calculated'].includes(f.rule),
      );
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

/**
 * A project register for the random plan, replacing whatever Prosjekter/Rapporter it has: a supported project
 * for each of the first three strategies, decided in the plan year, and a report of each (1 job, 1 company).
 * Returns where each key cell stands: a project's ProsjektID and Strategi, a report's ProsjektID.
 */
function withRegister(model: PlanModel, data: WorkbookData): { data: WorkbookData; at: Map<string, { sheet: string; cell: string }> } {
  const year = planYearOf(model);
  const naering = model.naeringer[0] ?? '';
  const projects: CellInput[][] = [];
  const reports: CellInput[][] = [];
  model.strategies.slice(0, 3).forEach((_, i) => {
    projects.push([
      `P-${i + 1}`,
      `Prosjekt ${i + 1}`,
      'Eier AS',
      codeOf(i),
      naering,
      'Forprosjekt',
      'Aktiv',
      { date: `${year}-03-01` },
      1000 * (i + 1),
      500,
      0,
    ]);
    reports.push([`P-${i + 1}`, { date: `${year}-06-01` }, naering, 1, 1, 0, '']);
  });
  const copy: WorkbookData = structuredClone(data);
  copy.tables = copy.tables.filter((t) => t.name !== TABLES.projects.name && t.name !== TABLES.reports.name);
  copy.sheets.push('Register');
  const projectHeader = headersOf(TABLES.projects);
  const reportHeader = headersOf(TABLES.reports);
  copy.tables.push(
    { name: TABLES.projects.name, sheet: 'Register', header: projectHeader, rows: projects },
    { name: TABLES.reports.name, sheet: 'Register', header: reportHeader, rows: reports },
  );
  const snapshot = snapshotFromData(copy);
  const at = new Map<string, { sheet: string; cell: string }>();
  const place = (table: string, row: number, column: number, tag: string) => {
    const t = snapshot.tables.find((x) => x.name === table);
    const cell = t?.rows[row]?.[column];
    if (t && cell) at.set(tag, { sheet: t.sheet, cell: cell.address });
  };
  projects.forEach((_, r) => {
    place(TABLES.projects.name, r, 0, `reg|project-id|${r}`);
    place(TABLES.projects.name, r, 3, `reg|project-strategy|${r}`);
    place(TABLES.reports.name, r, 0, `reg|report-id|${r}`);
  });
  return { data: copy, at };
}

/**
 * How a key cell can be made unreadable. Text in a Strategi, År or a report's ProsjektID names nothing known;
 * text in a Post or a project's own ProsjektID is just another post or id (a real change, not an unknown), so
 * those are broken only by an error value or a formula without a cached value.
 */
function breakagesOf(tag: string): Breakage[] {
  return /^(key\|frame-post|reg\|project-id)\|/.test(tag) ? ['error', 'uncalculated'] : ['error', 'text', 'uncalculated'];
}

const keyCaseArb = fc
  .tuple(consistentWorkbookArb, fc.nat(), fc.nat())
  .map(([{ model, rendered }, pick, how]) => {
    const register = withRegister(model, rendered.data);
    const at = new Map([...rendered.at, ...register.at]);
    const targets = [...keyTargets(rendered), ...[...register.at.keys()].sort()];
    const tag = targets[pick % targets.length] ?? '';
    const kinds = breakagesOf(tag);
    return { data: register.data, tag, at: at.get(tag), how: kinds[how % kinds.length] ?? 'error' };
  })
  .filter(({ at }) => at !== undefined);

test("one unreadable key cell (Strategi, Post, År; a project's or report's ProsjektID, a project's Strategi): named in a finding at the cell, and no figure computed from it", () => {
  const blockedBy = new Set<string>();
  fc.assert(
    fc.property(keyCaseArb, ({ data, tag, at, how }) => {
      if (!at) throw new Error(`no cell for ${tag}`);
      const snapshot = snapshotFromData(data);
      const before = validateWorkbook(snapshot).findings;
      const after = validateWorkbook(broken(snapshot, at, how)).findings;
      const here = (f: Finding) => f.sheet === at.sheet && f.cell === at.cell;
      // Every unreadable cell is named: an error (or, for a formula never calculated, a warning) at the cell itself.
      expect({ tag, how, named: after.some((f) => here(f) && f.severity !== 'info') }).toEqual({ tag, how, named: true });
      const known = new Set(before.map(key));
      for (const f of after.filter((x) => !known.has(key(x)) && !here(x))) {
        // Anything new elsewhere only says which check the cell blocks; no expected or actual figure.
        expect({ tag, how, finding: `${f.rule} ${f.severity}` }).toEqual({ tag, how, finding: 'values.not-checked info' });
        expect(f.actual).toBe(`${at.sheet}!${at.cell}`);
        expect(f.expected).toBeNull();
        blockedBy.add(tag.split('|').slice(0, 2).join('|'));
      }
    }),
    { numRuns: runs(100) },
  );
  // Not vacuous: breaking a budget line's key, a frame's, and a project's blocked checks somewhere.
  for (const kind of ['key|budget-strategy', 'key|frame-post', 'reg|project-strategy']) expect([...blockedBy]).toContain(kind);
});
