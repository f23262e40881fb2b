import { PROGRAM_FIELDS, TABLES } from '../contract/contract';
import { makeFinding } from '../findings/make';
import type { Finding } from '../findings/types';
import type { Located, Plan, Ref } from '../model/plan';
import { codeKey } from '../parse/codes';
import { normalizeKey } from '../text/keys';
import { a1 } from '../util/brand';
import type { RuleContext } from './context';

/** Programme setup, duplicate keys, unknown references and years outside the programme period. */
export function structureRules({ plan, settings, years }: RuleContext): Finding[] {
  return [
    ...programRules(plan),
    ...checkedYear(plan, settings.year, years),
    ...duplicateKeys(plan),
    ...unknownReferences(plan),
    ...yearsOutsidePeriod(plan),
  ];
}

/** The year asked for must lie in the period, and the workbook should hold something for it. */
function checkedYear(plan: Plan, requested: number | undefined, years: readonly number[]): Finding[] {
  const at = plan.program.planYear ?? plan.program.at;
  if (!at) return [];
  const first = plan.program.firstYear?.value;
  const last = plan.program.lastYear?.value;
  const findings: Finding[] = [];
  if (requested !== undefined && first !== undefined && last !== undefined && (requested < first || requested > last)) {
    findings.push(
      makeFinding(
        'structure.year-outside-period',
        at,
        { year: requested, first, last },
        { expected: `${first}–${last}`, actual: String(requested) },
      ),
    );
  }
  for (const year of years) {
    const has = (list: readonly { year: number }[]) => list.some((item) => item.year === year);
    if (!has(plan.budget) && !has(plan.frames) && !has(plan.financing) && !has(plan.resultatmal?.rows ?? [])) {
      findings.push(makeFinding('structure.no-data-for-year', at, { year }, { expected: String(year) }));
    }
  }
  return findings;
}

const REQUIRED_PROGRAM: (keyof typeof PROGRAM_FIELDS)[] = ['name', 'firstYear', 'lastYear', 'planYear'];

function programRules(plan: Plan): Finding[] {
  const { program } = plan;
  const at = program.at;
  if (!at) return [];
  const findings = REQUIRED_PROGRAM.filter((k) => program[k] === undefined).map((k) =>
    makeFinding('structure.program-setting', at, { field: PROGRAM_FIELDS[k] }),
  );
  const { firstYear, lastYear, planYear } = program;
  if (firstYear && lastYear && lastYear.value < firstYear.value) {
    findings.push(
      makeFinding(
        'structure.invalid-period',
        lastYear,
        { first: firstYear.value, last: lastYear.value },
        { expected: `≥ ${firstYear.value}`, actual: String(lastYear.value) },
      ),
    );
  }
  if (planYear && firstYear && lastYear && (planYear.value < firstYear.value || planYear.value > lastYear.value)) {
    findings.push(
      makeFinding(
        'structure.year-outside-period',
        planYear,
        { year: planYear.value, first: firstYear.value, last: lastYear.value },
        { expected: `${firstYear.value}–${lastYear.value}`, actual: String(planYear.value) },
      ),
    );
  }
  return findings;
}

// ---- duplicate keys ------------------------------------------------------------------------------

interface Keyed {
  key: string;
  label: string;
  at: Ref;
}

function duplicatesIn(table: string, items: Keyed[]): Finding[] {
  const first = new Map<string, Keyed>();
  const findings: Finding[] = [];
  for (const item of items) {
    const seen = first.get(item.key);
    if (seen)
      findings.push(
        makeFinding(
          'structure.duplicate-key',
          item.at,
          { key: item.label, table, first: seen.at.cell },
          { expected: 'unik', actual: item.label },
        ),
      );
    else first.set(item.key, item);
  }
  return findings;
}

function duplicateKeys(plan: Plan): Finding[] {
  const cellOf = (ref: Ref): Ref => ({ sheet: ref.sheet, cell: a1(ref.cell.split(':')[0] ?? ref.cell) });
  return [
    ...duplicatesIn(
      TABLES.areas.name,
      plan.areas.map((a) => ({ key: String(a.nr), label: `Nr ${a.nr}`, at: cellOf(a.ref) })),
    ),
    ...duplicatesIn(
      TABLES.strategies.name,
      plan.strategies.map((s) => ({ key: codeKey(s.code), label: `Kode ${s.code}`, at: cellOf(s.ref) })),
    ),
    ...duplicatesIn(
      TABLES.naeringer.name,
      plan.naeringer.map((n) => ({ key: normalizeKey(n.name), label: n.name, at: cellOf(n.ref) })),
    ),
    ...duplicatesIn(
      TABLES.jobTargets.name,
      (plan.jobTargets?.rows ?? []).map((r) => ({ key: normalizeKey(r.naering.value), label: r.naering.value, at: r.naering })),
    ),
    ...duplicatesIn(
      TABLES.resultatmal.name,
      (plan.resultatmal?.rows ?? []).map((r) => ({
        key: `${r.year}|${normalizeKey(r.naering.value)}`,
        label: `${r.year} ${r.naering.value}`,
        at: r.naering,
      })),
    ),
    ...duplicatesIn(
      TABLES.resultatmalSum.name,
      plan.resultatmalSums.map((r) => ({ key: `${r.year}|${r.area ?? 'sum'}`, label: `${r.year} ${r.area ?? 'Sum'}`, at: r.jobs })),
    ),
    ...duplicatesIn(
      TABLES.budget.name,
      plan.budget.map((b) => ({ key: `${b.year}|${b.strategy.value}`, label: `${b.year} ${b.strategy.value}`, at: b.strategy })),
    ),
    ...duplicatesIn(
      TABLES.frames.name,
      plan.frames.map((f) => ({ key: `${f.year}|${normalizeKey(f.post.value)}`, label: `${f.year} ${f.post.value}`, at: f.post })),
    ),
    ...duplicatesIn(
      TABLES.financing.name,
      plan.financing.map((f) => ({ key: `${f.year}|${normalizeKey(f.source.value)}`, label: `${f.year} ${f.source.value}`, at: f.source })),
    ),
    ...duplicatesIn(
      TABLES.projects.name,
      plan.projects.map((p) => ({ key: normalizeKey(p.id.value), label: p.id.value, at: p.id })),
    ),
  ];
}

// ---- unknown references --------------------------------------------------------------------------

function unknown(what: string, table: string, item: Located<string>): Finding {
  return makeFinding('structure.unknown-reference', item, { what, value: item.value, table }, { actual: item.value });
}

function unknownReferences(plan: Plan): Finding[] {
  const areaNrs = new Set(plan.areas.map((a) => a.nr));
  const codes = new Set(plan.strategies.map((s) => s.code));
  const naeringer = new Set(plan.naeringer.map((n) => normalizeKey(n.name)));
  const findings: Finding[] = [];
  for (const s of plan.strategies) {
    if (plan.areas.length > 0 && !areaNrs.has(s.area)) {
      findings.push(
        makeFinding(
          'structure.unknown-reference',
          s.ref,
          { what: 'innsatsområde', value: s.area, table: TABLES.strategies.name },
          { actual: s.area },
        ),
      );
    }
  }
  if (plan.naeringer.length > 0) {
    for (const r of plan.jobTargets?.rows ?? [])
      if (!naeringer.has(normalizeKey(r.naering.value))) findings.push(unknown('næring', TABLES.jobTargets.name, r.naering));
    for (const r of plan.resultatmal?.rows ?? [])
      if (!naeringer.has(normalizeKey(r.naering.value))) findings.push(unknown('næring', TABLES.resultatmal.name, r.naering));
  }
  if (plan.strategies.length > 0) {
    for (const b of plan.budget) if (!codes.has(b.strategy.value)) findings.push(unknown('strategi', TABLES.budget.name, b.strategy));
    for (const d of plan.delmal)
      for (const code of d.strategies.filter((c) => !codes.has(c)))
        findings.push(makeFinding('delmal.unknown-strategy', d.ref, { code }, { actual: code }));
    for (const t of plan.tiltak)
      for (const code of t.strategies.filter((c) => !codes.has(c)))
        findings.push(makeFinding('delmal.unknown-strategy', t.ref, { code }, { actual: code }));
  }
  return findings;
}

// ---- years -----------------------------------------------------------------------------------------

function yearsOutsidePeriod(plan: Plan): Finding[] {
  const first = plan.program.firstYear?.value;
  const last = plan.program.lastYear?.value;
  if (first === undefined || last === undefined || last < first) return [];
  const outside = (year: number) => year < first || year > last;
  const finding = (year: number, at: Ref) =>
    makeFinding('structure.year-outside-period', at, { year, first, last }, { expected: `${first}–${last}`, actual: String(year) });
  const findings: Finding[] = [];
  for (const b of plan.budget) if (outside(b.year)) findings.push(finding(b.year, b.strategy));
  for (const f of plan.frames) if (outside(f.year)) findings.push(finding(f.year, f.post));
  for (const f of plan.financing) if (outside(f.year)) findings.push(finding(f.year, f.source));
  for (const r of plan.resultatmal?.rows ?? []) if (outside(r.year)) findings.push(finding(r.year, r.naering));
  for (const r of plan.resultatmalSums) if (outside(r.year)) findings.push(finding(r.year, r.jobs));
  for (const d of plan.delmal) if (outside(d.year)) findings.push(finding(d.year, d.ref));
  for (const t of plan.tiltak) if (outside(t.year)) findings.push(finding(t.year, t.ref));
  for (const row of plan.jobTargets?.rows ?? []) {
    for (const [year, cell] of row.byYear) if (outside(year)) findings.push(finding(year, cell));
  }
  return findings;
}
