import { makeFinding } from '../findings/make';
import type { Finding } from '../findings/types';
import type { JobTargets, Plan, Resultatmal } from '../model/plan';
import { normalizeKey } from '../text/keys';
import { sumOf, type RuleContext } from './context';
import { inYear, notChecked, unknownsOf } from '../findings/unknowns';

const sameNaering = (a: string | null, b: string): boolean => a !== null && normalizeKey(a) === normalizeKey(b);

/** Job targets per næring and year against their declared sums, and the resultatmål matrix against its sums. */
export function targetRules({ plan, years }: RuleContext): Finding[] {
  const findings = plan.jobTargets ? jobTargetRules(plan, plan.jobTargets) : [];
  if (plan.resultatmal) {
    for (const year of years) findings.push(...resultatmalRules(plan, plan.resultatmal, year));
  }
  return findings;
}

function periodYears(plan: Plan, targets: JobTargets): number[] {
  const first = plan.program.firstYear?.value;
  const last = plan.program.lastYear?.value;
  if (first === undefined || last === undefined || last < first || last - first > 50) return targets.years;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function jobTargetRules(plan: Plan, targets: JobTargets): Finding[] {
  const findings: Finding[] = [];
  const years = periodYears(plan, targets);
  // Every unreadable target cell of the body (not the declared sums).
  const unknownCells = unknownsOf(plan, 'jobTargets', (w) => !w.sum && !w.total);
  for (const row of targets.rows) {
    const total = sumOf([...row.byYear.values()].map((c) => c.value));
    const ofRow = unknownCells.filter((u) => u.what.table === 'jobTargets' && sameNaering(u.what.naering, row.naering.value));
    if (row.declaredSum && ofRow.length > 0) {
      findings.push(
        ...notChecked(row.declaredSum, ofRow, {
          nb: `oppgitt sum for ${row.naering.value}`,
          en: `the declared sum for ${row.naering.value}`,
        }),
      );
    } else if (row.declaredSum && row.declaredSum.value !== total) {
      findings.push(
        makeFinding('targets.row-sum', row.declaredSum, { naering: row.naering.value }, { expected: total, actual: row.declaredSum.value }),
      );
    }
    // A target that is there but cannot be read is not a missing one.
    const unreadYears = new Set(ofRow.map((u) => (u.what.table === 'jobTargets' ? u.what.year : null)));
    for (const year of years.filter((y) => !row.byYear.has(y) && !unreadYears.has(y))) {
      findings.push(makeFinding('targets.missing-target', row.naering, { naering: row.naering.value, year }, { expected: String(year) }));
    }
  }
  for (const [year, declared] of targets.declaredYearSums) {
    const blocking = unknownCells.filter((u) => u.what.table === 'jobTargets' && u.what.year === year);
    if (blocking.length > 0) {
      findings.push(...notChecked(declared, blocking, { nb: `oppgitt sum for ${year}`, en: `the declared sum for ${year}` }));
      continue;
    }
    const computed = sumOf(targets.rows.map((r) => r.byYear.get(year)?.value ?? 0));
    if (declared.value !== computed)
      findings.push(makeFinding('targets.year-sum', declared, { year }, { expected: computed, actual: declared.value }));
  }
  const grand = sumOf(targets.rows.flatMap((r) => [...r.byYear.values()].map((c) => c.value)));
  if (targets.declaredTotal && unknownCells.length > 0) {
    findings.push(
      ...notChecked(targets.declaredTotal, unknownCells, { nb: 'oppgitt totalsum for perioden', en: 'the declared period total' }),
    );
  } else if (targets.declaredTotal && targets.declaredTotal.value !== grand) {
    findings.push(makeFinding('targets.period-total', targets.declaredTotal, {}, { expected: grand, actual: targets.declaredTotal.value }));
  }
  const goal = plan.program.jobGoal;
  if (goal && targets.rows.length > 0 && unknownCells.length > 0) {
    findings.push(...notChecked(goal, unknownCells, { nb: 'programmets arbeidsplassmål', en: 'the programme goal' }));
  } else if (goal && targets.rows.length > 0 && goal.value !== grand) {
    findings.push(makeFinding('targets.program-goal', goal, {}, { expected: grand, actual: goal.value }));
  }
  return findings;
}

function resultatmalRules(plan: Plan, matrix: Resultatmal, year: number): Finding[] {
  const rows = matrix.rows.filter((r) => r.year === year);
  if (rows.length === 0) return [];
  const findings: Finding[] = [];
  const areaOf = new Map(plan.strategies.map((s) => [s.code, s.area]));
  const rowTotal = (r: (typeof rows)[number]) => sumOf([...r.byStrategy.values()].map((c) => c.value));

  const unknownCells = unknownsOf(plan, 'resultatmal', (w) => !w.sum && inYear(w.year, year));
  for (const row of rows) {
    const total = rowTotal(row);
    const ofRow = unknownCells.filter(
      (u) => u.what.table === 'resultatmal' && u.what.year === year && sameNaering(u.what.naering, row.naering.value),
    );
    if (row.declaredSum && ofRow.length > 0) {
      findings.push(
        ...notChecked(row.declaredSum, ofRow, {
          nb: `resultatmål ${year}, ${row.naering.value}: oppgitt sum`,
          en: `result targets ${year}, ${row.naering.value}: the declared sum`,
        }),
      );
    } else if (row.declaredSum && row.declaredSum.value !== total) {
      findings.push(
        makeFinding(
          'targets.resultatmal-row-sum',
          row.declaredSum,
          { year, naering: row.naering.value },
          { expected: total, actual: row.declaredSum.value },
        ),
      );
    }
    const target = plan.jobTargets?.rows.find((t) => normalizeKey(t.naering.value) === normalizeKey(row.naering.value))?.byYear.get(year);
    const targetUnknown = unknownsOf(
      plan,
      'jobTargets',
      (w) => !w.sum && !w.total && w.year === year && sameNaering(w.naering, row.naering.value),
    );
    const against = [...ofRow, ...targetUnknown];
    if (against.length > 0) {
      if (target || targetUnknown.length > 0)
        findings.push(
          ...notChecked(row.naering, against, {
            nb: `resultatmål ${year} for ${row.naering.value} mot arbeidsplassmålet`,
            en: `result targets ${year} for ${row.naering.value} against the job target`,
          }),
        );
    } else if (target && target.value !== total) {
      findings.push(
        makeFinding(
          'targets.resultatmal-vs-target',
          row.naering,
          { year, naering: row.naering.value, expected: target.value, actual: total },
          { expected: target.value, actual: total },
        ),
      );
    }
  }

  for (const declared of plan.resultatmalSums.filter((s) => s.year === year)) {
    const inScope = (code: string) => declared.area === null || areaOf.get(code) === declared.area;
    const blocking = unknownCells.filter((u) => u.what.table === 'resultatmal' && (u.what.strategy === null || inScope(u.what.strategy)));
    if (blocking.length > 0) {
      const what =
        declared.area === null
          ? { nb: `resultatmål ${year}: oppgitt totalsum`, en: `result targets ${year}: the declared total` }
          : {
              nb: `resultatmål ${year}: oppgitt sum for innsatsområde ${declared.area}`,
              en: `result targets ${year}: the declared sum for focus area ${declared.area}`,
            };
      findings.push(...notChecked(declared.jobs, blocking, what));
      continue;
    }
    const computed = sumOf(rows.flatMap((r) => [...r.byStrategy].filter(([code]) => inScope(code)).map(([, c]) => c.value)));
    if (declared.jobs.value === computed) continue;
    if (declared.area === null)
      findings.push(makeFinding('targets.resultatmal-total', declared.jobs, { year }, { expected: computed, actual: declared.jobs.value }));
    else
      findings.push(
        makeFinding(
          'targets.resultatmal-area-sum',
          declared.jobs,
          { year, area: declared.area },
          { expected: computed, actual: declared.jobs.value },
        ),
      );
  }

  const support = new Set(plan.areas.filter((a) => a.type === 'stotte').map((a) => a.nr));
  for (const code of matrix.strategyCodes) {
    const area = areaOf.get(code);
    const used = rows.find((r) => r.byStrategy.has(code));
    if (area !== undefined && support.has(area) && used) {
      findings.push(makeFinding('targets.resultatmal-support-strategy', used.byStrategy.get(code)!, { code }));
    }
  }
  return findings;
}
