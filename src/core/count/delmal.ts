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
import type { Plan, Project, Report } from '../model/plan';
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
  const supported = plan.projects.filter(isSupported).map((p) => ({ p, decided: decisionYear(p), finished: p.status !== null && status(p.status.value) === 'avsluttet' }));
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
