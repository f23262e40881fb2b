import { consistentPlan, validate } from '../support/planBuilder';

test('a plan that adds up everywhere has no findings at all', () => {
  const result = validate(consistentPlan());
  expect(result.findings).toEqual([]);
  expect(result.year).toBe(2022);
});

test('the parsed plan carries the figures typed into the tables', () => {
  const { plan } = validate(consistentPlan());
  expect(plan.program.name?.value).toBe('Testprogrammet');
  expect(plan.areas.map((a) => [a.nr, a.type])).toEqual([
    [1, 'tematisk'],
    [2, 'tematisk'],
    [3, 'stotte'],
  ]);
  expect(plan.strategies.map((s) => s.code)).toEqual(['A', 'B', 'C', 'D']);
  expect(plan.budget.map((b) => b.amount.value)).toEqual([300000, 200000, 500000, 100000]);
  expect(plan.frames.map((f) => f.line.kind)).toEqual(['area', 'area', 'area', 'sum-areas', 'cost', 'sum-total']);
  expect(plan.delmal[0]?.strategies).toEqual(['A', 'B']);
  expect(plan.jobTargets?.declaredTotal?.value).toBe(20);
});
