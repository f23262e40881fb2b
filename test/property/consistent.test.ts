/**
 * Random plans that add up everywhere, spelled out in many equivalent ways: no finding of severity feil.
 * Change one number and exactly the rules that compare it fire, at the cell itself or at the declared sums
 * it feeds.
 */
import fc from 'fast-check';
import type { Finding } from '../../src/core/findings/types';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';
import {
  configureProperties,
  consistentWorkbookArb,
  mutationTargets,
  planYearOf,
  renderPlan,
  type Mutation,
  type PlanModel,
  type RenderedPlan,
} from '../support/arbitraries';

configureProperties('consistent.test.ts');

function validate(rendered: RenderedPlan) {
  return validateWorkbook(snapshotFromData(rendered.data));
}

function describeFinding(f: Pick<Finding, 'rule' | 'sheet' | 'cell'>): string {
  return `${f.rule} @ ${f.sheet}!${f.cell}`;
}

test('a consistent plan, however it is spelled out, has no finding of severity feil', () => {
  fc.assert(
    fc.property(consistentWorkbookArb, ({ model, rendered }) => {
      const result = validate(rendered);
      expect(result.findings.filter((f) => f.severity === 'feil').map(describeFinding)).toEqual([]);
      expect(result.year).toBe(planYearOf(model));
      // What the parser read is what the model holds.
      expect(result.plan.areas).toHaveLength(model.areas.length);
      expect(result.plan.strategies).toHaveLength(model.strategies.length);
      expect(result.plan.naeringer).toHaveLength(model.naeringer.length);
      expect(result.plan.tiltak).toHaveLength(model.tiltak.length);
      expect(result.plan.delmal).toHaveLength(model.delmal.length);
    }),
  );
});

/** A mutation target and a nonzero change that keeps the number a valid amount or count (not negative). */
const mutatedArb = fc
  .tuple(consistentWorkbookArb, fc.nat(), fc.integer({ min: 1, max: 1_000_000 }), fc.boolean())
  .filter(([{ rendered }]) => mutationTargets(rendered).length > 0)
  .map(([{ model, rendered }, pick, size, up]) => {
    const targets = mutationTargets(rendered);
    const tag = targets[pick % targets.length] ?? '';
    const value = rendered.values.get(tag) ?? 0;
    const delta = up || value - size < 0 ? size : -size;
    return { model, rendered, mutation: { tag, delta } satisfies Mutation };
  });

interface Expected {
  rule: Finding['rule'];
  tag: string;
}

/**
 * The findings a change of one number must give, by what the number feeds. Only the declared sums that are
 * written in the workbook can disagree; one that is left out is computed and cannot.
 */
function expectedFindings(model: PlanModel, rendered: RenderedPlan, { tag, delta }: Mutation): { feil: Expected[]; others: Expected[] } {
  const has = (t: string): boolean => rendered.at.has(t);
  const [kind = '', a = '', b = '', c = ''] = tag.split('|');
  const feil: Expected[] = [];
  const others: Expected[] = [];
  // Where budget.financing is reported: the declared financing sum, else the year's last source.
  const financingAt = has('finSum') ? 'finSum' : rendered.lastSource;
  // The strategy budgets are compared with the area frames only when the year has any budget line.
  const hasBudget = [...rendered.at.keys()].some((t) => t.startsWith('budget|'));
  const frameChanged = (): void => {
    if (has('sumTotal')) feil.push({ rule: 'budget.total', tag: 'sumTotal' });
    else feil.push({ rule: 'budget.financing', tag: financingAt });
  };
  switch (kind) {
    case 'budget': {
      // budget|code|area: the area's strategies against its frame
      const frame = `frame|${b}`;
      if (delta > 0) feil.push({ rule: 'budget.strategies-exceed-frame', tag: frame });
      else others.push({ rule: 'budget.frame-not-allocated', tag: frame });
      break;
    }
    case 'frame':
      if (hasBudget) {
        if (delta < 0) feil.push({ rule: 'budget.strategies-exceed-frame', tag });
        else others.push({ rule: 'budget.frame-not-allocated', tag });
      }
      if (has('sumAreas')) feil.push({ rule: 'budget.frame-sum', tag: 'sumAreas' });
      frameChanged();
      break;
    case 'cost':
      frameChanged();
      break;
    case 'fin':
      if (has('finSum')) feil.push({ rule: 'budget.financing-sum', tag: 'finSum' });
      feil.push({ rule: 'budget.financing', tag: financingAt });
      break;
    case 'target': {
      // target|næring|year
      if (has(`targetRow|${a}`)) feil.push({ rule: 'targets.row-sum', tag: `targetRow|${a}` });
      if (has(`targetYear|${b}`)) feil.push({ rule: 'targets.year-sum', tag: `targetYear|${b}` });
      if (has('targetTotal')) feil.push({ rule: 'targets.period-total', tag: 'targetTotal' });
      if (has('goal')) feil.push({ rule: 'targets.program-goal', tag: 'goal' });
      break;
    }
    case 'rm': {
      // rm|næring|code|area
      if (has(`rmRow|${a}`)) feil.push({ rule: 'targets.resultatmal-row-sum', tag: `rmRow|${a}` });
      if (has(`rmArea|${c}`)) feil.push({ rule: 'targets.resultatmal-area-sum', tag: `rmArea|${c}` });
      if (has('rmTotal')) feil.push({ rule: 'targets.resultatmal-total', tag: 'rmTotal' });
      break;
    }
    default:
      throw new Error(`unexpected target ${tag} (${model.name})`);
  }
  return { feil, others };
}

function located(rendered: RenderedPlan, e: Expected): string {
  const at = rendered.at.get(e.tag);
  if (!at) throw new Error(`no cell for ${e.tag}`);
  return describeFinding({ rule: e.rule, sheet: at.sheet, cell: at.cell as Finding['cell'] });
}

test('one changed number fires exactly the rules that compare it, at the cell or the declared sums it feeds', () => {
  fc.assert(
    fc.property(mutatedArb, ({ model, rendered, mutation }) => {
      const changed = renderPlan(model, mutation);
      // The change moves nothing: every cell stands where it stood.
      expect(changed.at).toEqual(rendered.at);
      const findings = validate(changed).findings;
      const expected = expectedFindings(model, rendered, mutation);
      const feil = findings
        .filter((f) => f.severity === 'feil')
        .map(describeFinding)
        .sort();
      expect(feil).toEqual(expected.feil.map((e) => located(rendered, e)).sort());
      const all = new Set(findings.map(describeFinding));
      for (const e of expected.others) expect(all).toContain(located(rendered, e));
      // Each feil names the changed cell or a declared sum, and says what it should have been.
      for (const f of findings.filter((x) => x.severity === 'feil')) {
        expect(typeof f.expected).toBe('number');
        expect(typeof f.actual).toBe('number');
        expect(f.expected).not.toBe(f.actual);
      }
    }),
  );
});

test('each kind of number is changed somewhere in the runs', () => {
  // Guards the property above against a generator that never reaches some kind of cell.
  const seen = new Set<string>();
  fc.assert(
    fc.property(mutatedArb, ({ mutation }) => {
      seen.add(mutation.tag.split('|')[0] ?? '');
    }),
  );
  expect([...seen].sort()).toEqual(['budget', 'cost', 'fin', 'frame', 'rm', 'target']);
});
