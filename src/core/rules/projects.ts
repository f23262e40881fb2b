import { makeFinding } from '../findings/make';
import { formatNumber } from '../text/figures';
import { normalizeKey } from '../text/keys';
import type { Finding } from '../findings/types';
import { delmalCounter, delmalUnknowns, type DelmalCount } from '../count/delmal';
import {
  decisionYear,
  findProject,
  grantOf,
  isSupported,
  memoized,
  naeringLookup,
  phaseOf,
  PLP_PHASES,
  PROJECT_STATUSES,
  projectIndex,
  statusOf,
  yearOf,
} from '../count/projectRegister';
import { formatDate, yearIsOver } from '../text/dates';
import type { Delmal, Located, Plan, Project, UnknownFigure } from '../model/plan';
import type { ValidationSettings } from '../settings';
import type { RuleContext } from './context';
import { inYear, notChecked, unknownsOf } from '../findings/unknowns';

/**
 * The project register (Prosjekter, Rapporter): references to strategies, næringer, phases and statuses,
 * reports that cannot count, grants against the strategies' budgets, and the delmål minima against what the
 * register shows. Duplicate project ids are structure.duplicate-key; negative or fractional job counts are
 * reported by the cell reader (values.negative-count, values.fractional-jobs).
 */
export function projectRules({ plan, settings, years }: RuleContext): Finding[] {
  return [
    ...projectReferences(plan),
    ...reportRules(plan),
    ...years.flatMap((year) => grantedOverBudget(plan, year)),
    ...delmalMinima(plan, settings, years),
  ];
}

function projectReferences(plan: Plan): Finding[] {
  const codes = new Set(plan.strategies.map((s) => s.code));
  const knownNaering = naeringLookup(plan);
  const phase = memoized(phaseOf);
  const status = memoized(statusOf);
  const findings: Finding[] = [];
  for (const p of plan.projects) {
    const id = p.id.value;
    if (plan.strategies.length > 0 && !codes.has(p.strategy.value)) {
      findings.push(makeFinding('projects.unknown-strategy', p.strategy, { id, value: p.strategy.value }, { actual: p.strategy.value }));
    }
    if (p.naering && plan.naeringer.length > 0 && knownNaering(p.naering.value) === undefined) {
      findings.push(makeFinding('projects.unknown-naering', p.naering, { id, value: p.naering.value }, { actual: p.naering.value }));
    }
    const notListed = (rule: 'projects.unknown-phase' | 'projects.unknown-status', cell: Located<string>, listed: readonly string[]) =>
      findings.push(makeFinding(rule, cell, { id, value: cell.value }, { expected: listed.join(' | '), actual: cell.value }));
    if (p.phase && phase(p.phase.value) === undefined) notListed('projects.unknown-phase', p.phase, PLP_PHASES);
    if (p.status && status(p.status.value) === undefined) notListed('projects.unknown-status', p.status, PROJECT_STATUSES);
  }
  return findings;
}

function reportRules(plan: Plan): Finding[] {
  const index = projectIndex(plan);
  const knownNaering = naeringLookup(plan);
  const first = plan.program.firstYear?.value;
  const last = plan.program.lastYear?.value;
  const findings: Finding[] = [];
  // Found once: a register may have many reports (and many unknowns), and few unreadable project rows.
  const unreadRows = unknownsOf(plan, 'projects', (w) => w.field === 'row');
  for (const r of plan.reports) {
    const id = r.projectId.value;
    const project = findProject(index, id);
    // A project row that cannot be read may be this report's (its id is this one, or cannot be read at all).
    const unreadProject = project
      ? []
      : unreadRows.filter((u) => u.what.table === 'projects' && (u.what.id === null || normalizeKey(u.what.id) === normalizeKey(id)));
    if (unreadProject.length > 0) {
      // Then the project may well be in Prosjekter: not said to be missing.
      findings.push(
        ...notChecked(r.jobs, unreadProject, { nb: `rapporten for ${id} mot prosjektet`, en: `the report of ${id} against its project` }),
      );
    } else if (!project) {
      findings.push(makeFinding('projects.report-unknown-project', r.projectId, { id }, { actual: id }));
    } else if (!isSupported(project) && grantUnknown(plan, project).length > 0) {
      // Whether the project has a grant is not known: not said that it has none.
      findings.push(
        ...notChecked(r.jobs, grantUnknown(plan, project), {
          nb: `rapporten for ${id} mot prosjektets innvilgede støtte`,
          en: `the report of ${id} against its project's grant`,
        }),
      );
    } else if (!isSupported(project)) {
      findings.push(
        makeFinding(
          'projects.report-without-grant',
          r.jobs,
          { id: project.id.value, jobs: r.jobs.value },
          { expected: 'Innvilget > 0', actual: grantOf(project) },
        ),
      );
    }
    if (plan.naeringer.length > 0 && knownNaering(r.naering.value) === undefined) {
      findings.push(makeFinding('projects.report-unknown-naering', r.naering, { id, value: r.naering.value }, { actual: r.naering.value }));
    }
    const year = yearOf(r.date.value);
    if (first !== undefined && last !== undefined && last >= first && (year < first || year > last)) {
      findings.push(
        makeFinding(
          'projects.report-outside-period',
          r.date,
          { id, date: formatDate(r.date.value), first, last },
          { expected: `${first}–${last}`, actual: r.date.value },
        ),
      );
    }
  }
  return findings;
}

/** The project's Innvilget, when it cannot be read. */
function grantUnknown(plan: Plan, project: Project) {
  return unknownsOf(plan, 'projects', (w) => w.field === 'granted' && w.id === project.id.value);
}

/**
 * Granted per strategy in the year (by Vedtaksdato) against the strategy's Budsjett line. Reallocations
 * move money between the areas' frames; the strategy lines are the budget after them (budget.ts checks
 * they fit the frames after reallocations), so the line is what a strategy may grant.
 */
function grantedOverBudget(plan: Plan, year: number): Finding[] {
  const codes = new Set(plan.strategies.map((s) => s.code));
  const byStrategy = new Map<string, Project[]>();
  for (const p of plan.projects) {
    // An unknown strategy is its own finding; it has no budget to exceed.
    if (!isSupported(p) || decisionYear(p) !== year || !codes.has(p.strategy.value)) continue;
    const list = byStrategy.get(p.strategy.value);
    if (list) list.push(p);
    else byStrategy.set(p.strategy.value, [p]);
  }
  const findings: Finding[] = [];
  // Found once per year: the budget may have many lines, the register few projects that cannot be placed.
  const unplaced = unknownsOf(plan, 'projects', (w) => w.field === 'row' || w.field === 'strategy');
  for (const [code, projects] of byStrategy) {
    const granted = projects.reduce((sum, p) => sum + grantOf(p), 0);
    const line = plan.budget.find((b) => b.year === year && b.strategy.value === code);
    const budget = line?.amount.value ?? 0;
    const at = line?.amount ?? projects[0]!.granted ?? projects[0]!.id;
    // Without a readable line, an unreadable one may be this strategy's budget: no budget of 0 is assumed.
    const blocking = [
      ...(line ? [] : unknownsOf(plan, 'budget', (w) => inYear(w.year, year) && (w.strategy === null || w.strategy === code))),
      // A grant of the strategy's that cannot be read may be what tips it over, or not.
      ...unknownsOf(plan, 'projects', (w) => w.field === 'granted' && w.year === year && w.strategy === code),
      ...unplacedProjects(unplaced, year, code),
    ];
    if (blocking.length > 0) {
      findings.push(
        ...notChecked(at, blocking, {
          nb: `innvilget for ${code} mot budsjettet (${year})`,
          en: `granted for ${code} against its budget (${year})`,
        }),
      );
      continue;
    }
    if (granted <= budget) continue;
    findings.push(
      makeFinding(
        'projects.granted-over-budget',
        at,
        { code, year, granted: formatNumber(granted), budget: formatNumber(budget) },
        { expected: budget, actual: granted },
      ),
    );
  }
  // A strategy with no readable grant this year is within its budget, unless a project that cannot be placed is its.
  for (const line of plan.budget.filter((b) => b.year === year && codes.has(b.strategy.value) && !byStrategy.has(b.strategy.value))) {
    const code = line.strategy.value;
    findings.push(
      ...notChecked(line.amount, unplacedProjects(unplaced, year, code), {
        nb: `innvilget for ${code} mot budsjettet (${year})`,
        en: `granted for ${code} against its budget (${year})`,
      }),
    );
  }
  return findings;
}

/**
 * Projects that may be the strategy's in the year but could not be placed: their id, Strategi or Vedtaksdato
 * cannot be read, or their Strategi names no strategy.
 */
function unplacedProjects(unplaced: readonly UnknownFigure[], year: number, code: string): UnknownFigure[] {
  return unplaced.filter(
    (u) => u.what.table === 'projects' && inYear(u.what.year, year) && (u.what.strategy === null || u.what.strategy === code),
  );
}

const MINIMA: readonly { key: keyof DelmalCount; nb: string; en: string }[] = [
  { key: 'started', nb: 'prosjekter igangsatt', en: 'projects started' },
  { key: 'completed', nb: 'prosjekter gjennomført', en: 'projects completed' },
  { key: 'companies', nb: 'bedrifter involvert', en: 'companies involved' },
  { key: 'newCompanies', nb: 'nye bedrifter', en: 'new companies' },
];

/**
 * Each delmål's minima against the register, for the years checked. Below the minimum is `info` while the
 * year is not over and `advarsel` once it is: from 31.12 of the year on (settings.today); without a date
 * the year is taken as not over. With an empty register (a budget-only workbook, such as the published
 * plan) there is nothing to count yet and the rule stays silent.
 */
function delmalMinima(plan: Plan, settings: ValidationSettings, years: readonly number[]): Finding[] {
  if (plan.projects.length === 0 && !plan.unknowns.some((u) => u.what.table === 'projects')) return [];
  const count = delmalCounter(plan);
  const findings: Finding[] = [];
  for (const d of plan.delmal.filter((row) => years.includes(row.year))) {
    const counted = count(d.strategies, d.year);
    const severity = yearIsOver(d.year, settings.today) ? 'advarsel' : 'info';
    let lost: ReturnType<typeof delmalUnknowns> | undefined;
    for (const { key, nb, en } of MINIMA) {
      const minimum = d.minima[key];
      if (minimum === undefined || counted[key] >= minimum) continue;
      // A project or report that cannot be read may count, or not: the minimum is not judged (see delmalUnknowns).
      lost ??= delmalUnknowns(plan, d.strategies, d.year);
      const blocking = lost[key];
      if (blocking.length > 0) {
        findings.push(
          ...notChecked(d.minimaAt[key] ?? d.ref, blocking, {
            nb: `delmålet (${strategiesLabel(d)}, ${d.year}): ${nb}`,
            en: `the delmål (${strategiesLabel(d)}, ${d.year}): ${en}`,
          }),
        );
        continue;
      }
      findings.push(
        makeFinding(
          'delmal.minimum-not-met',
          d.minimaAt[key] ?? d.ref,
          { year: d.year, strategies: strategiesLabel(d), what: nb, whatEn: en, expected: minimum, actual: counted[key] },
          { expected: minimum, actual: counted[key], severity },
        ),
      );
    }
  }
  return findings;
}

function strategiesLabel(d: Delmal): string {
  return d.strategies.join(', ');
}
