/**
 * What the project register shows for a delmål: the four minima a Delmal row may set, counted for its
 * strategies and year. Only supported projects count (Innvilget > 0), as for jobs. Readings:
 *   - started: projects whose Vedtaksdato falls in the year (the grant decision starts the project);
 *   - completed: projects with status avsluttet whose Vedtaksdato is no later than the year's end. The
 *     register has no completion date, so a project finished by now is taken as finished in any year from
 *     its decision on: read against a past year, a project finished later may count too;
 *   - companies / newCompanies: sums of Bedrifter involvert / Nye bedrifter over the reports of those
 *     projects dated in the year.
 */
import type { Plan, Project, Report, UnknownFigure } from '../model/plan';
import { decisionYear, findProject, isSupported, memoized, projectIndex, statusOf, yearOf } from './projectRegister';

export interface DelmalCount {
  started: number;
  completed: number;
  companies: number;
  newCompanies: number;
}

/** Counts for one delmål (its strategy codes and year). */
export function countForDelmal(plan: Plan, strategies: readonly string[], year: number): DelmalCount {
  return delmalCounter(plan)(strategies, year);
}

/** The register read once, then counted for any number of delmål. */
export function delmalCounter(plan: Plan): (strategies: readonly string[], year: number) => DelmalCount {
  const status = memoized(statusOf);
  // Per supported project, once: its decision year and whether it is finished.
  const supported = plan.projects
    .filter(isSupported)
    .map((p) => ({ p, decided: decisionYear(p), finished: p.status !== null && status(p.status.value) === 'avsluttet' }));
  const index = projectIndex(plan);
  const reportsOf = new Map<Project, Report[]>();
  for (const r of plan.reports) {
    const project = findProject(index, r.projectId.value);
    if (!project || !isSupported(project)) continue;
    const list = reportsOf.get(project);
    if (list) list.push(r);
    else reportsOf.set(project, [r]);
  }
  return (strategies, year) => {
    const projects = supported.filter(({ p }) => strategies.includes(p.strategy.value));
    const reports = projects.flatMap(({ p }) => reportsOf.get(p) ?? []).filter((r) => yearOf(r.date.value) === year);
    return {
      started: projects.filter(({ decided }) => decided === year).length,
      completed: projects.filter(({ decided, finished }) => finished && decided !== null && decided <= year).length,
      companies: reports.reduce((sum, r) => sum + (r.companies ?? 0), 0),
      newCompanies: reports.reduce((sum, r) => sum + (r.newCompanies ?? 0), 0),
    };
  };
}

/** What a delmål's count may miss, per minimum: the figures that cannot be read and may belong to it. */
export type DelmalUnknowns = Record<keyof DelmalCount, UnknownFigure[]>;

/**
 * The unreadable figures each of a delmål's counts depends on. Counts only grow with what is missing (a
 * project or report that cannot be read can only add to them), so a count that already reaches its minimum is
 * reached; one below it cannot be judged while any of these is unknown.
 *   - every count: a project that cannot be placed (its id, Strategi or Vedtaksdato unreadable) whose strategy
 *     may be one of the delmål's, a project whose Strategi names no strategy, a grant that cannot be read (is the
 *     project supported?);
 *   - completed: a Status that cannot be read;
 *   - companies / newCompanies: a report of the year that cannot be placed (or names no project), and an
 *     unreadable Bedrifter involvert / Nye bedrifter of the year whose project may be one of the delmål's.
 */
export function delmalUnknowns(plan: Plan, strategies: readonly string[], year: number): DelmalUnknowns {
  const index = projectIndex(plan);
  const ours = (strategy: string | null) => strategy === null || strategies.includes(strategy);
  const projects = plan.unknowns.filter(
    (u) =>
      u.what.table === 'projects' &&
      ours(u.what.strategy) &&
      (u.what.field === 'row' || u.what.field === 'strategy' || u.what.field === 'granted'),
  );
  const status = plan.unknowns.filter((u) => u.what.table === 'projects' && u.what.field === 'status' && ours(u.what.strategy));
  const reportOf = (field: 'companies' | 'newCompanies') =>
    plan.unknowns.filter((u) => {
      const w = u.what;
      if (w.table !== 'reports' || (w.year !== null && w.year !== year)) return false;
      if (w.field === 'row') return true;
      if (w.field !== field) return false;
      const project = w.projectId === null ? undefined : findProject(index, w.projectId);
      return project === undefined || strategies.includes(project.strategy.value);
    });
  return {
    started: projects,
    completed: [...projects, ...status],
    companies: [...projects, ...reportOf('companies')],
    newCompanies: [...projects, ...reportOf('newCompanies')],
  };
}
