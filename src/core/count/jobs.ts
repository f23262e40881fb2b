/**
 * Gross job counting from the project leaders' reports (Rapporter), as the programme plan counts jobs:
 *   - gross: a job counts in the year it is reported, even if it disappears later (a later report of
 *     lost jobs subtracts nothing);
 *   - only reports of projects that received support count (Innvilget > 0);
 *   - each report row counts for the næring it names, whatever the project's own næring is;
 *   - a report with 0 new jobs is still a report (it counts in `reports`, adding no jobs).
 * Reports that do not count are listed in `excluded` with the reason.
 */
import type { Plan, Ref } from '../model/plan';
import { findProject, isSupported, naeringLookup, periodYears, projectIndex, yearOf } from './projectRegister';

export type ExclusionReason =
  /** the report's ProsjektID is not in Prosjekter */
  | 'unknown-project'
  /** the project has no grant (Innvilget empty or 0) */
  | 'no-grant';

/** A report row that does not count, and why. */
export interface ExcludedReport {
  projectId: string;
  /** Rapportdato, ISO `YYYY-MM-DD` */
  date: string;
  naering: string;
  jobs: number;
  reason: ExclusionReason;
  /** the report's row */
  at: Ref;
}

/** Gross jobs of one næring. Every map has an entry for each of `JobCount.years` (0 when none). */
export interface NaeringJobs {
  /** as spelled in Naeringer; a næring not in that list as spelled in the report */
  naering: string;
  /** jobs reported in the year */
  perYear: Map<number, number>;
  /** jobs reported from the first year up to and including the year (period to date) */
  toDate: Map<number, number>;
  total: number;
  /** report rows counted, including those with 0 new jobs */
  reports: number;
}

export interface JobCount {
  /** The programme period's years and any other year a counted report falls in, ascending. */
  years: number[];
  /** Næringer in Naeringer's order (all of them, 0 when none), then any other næring reports name. */
  naeringer: NaeringJobs[];
  /** All næringer together, per year and to date. */
  perYear: Map<number, number>;
  toDate: Map<number, number>;
  total: number;
  /** report rows counted, including those with 0 new jobs */
  reports: number;
  excluded: ExcludedReport[];
}

interface Counted {
  naering: string;
  year: number;
  jobs: number;
}

/** Gross jobs per næring and year from the reports of supported projects. */
export function countJobs(plan: Plan): JobCount {
  const index = projectIndex(plan);
  const knownNaering = naeringLookup(plan);
  const counted: Counted[] = [];
  const excluded: ExcludedReport[] = [];
  for (const report of plan.reports) {
    const project = findProject(index, report.projectId.value);
    const reason: ExclusionReason | null = !project ? 'unknown-project' : !isSupported(project) ? 'no-grant' : null;
    if (reason) {
      excluded.push({
        projectId: report.projectId.value,
        date: report.date.value,
        naering: report.naering.value,
        jobs: report.jobs.value,
        reason,
        at: report.ref,
      });
      continue;
    }
    counted.push({
      naering: knownNaering(report.naering.value) ?? report.naering.value.trim(),
      year: yearOf(report.date.value),
      jobs: report.jobs.value,
    });
  }

  const years = [...new Set([...periodYears(plan), ...counted.map((c) => c.year)])].sort((a, b) => a - b);
  const names = [...plan.naeringer.map((n) => n.name)];
  for (const c of counted) if (!names.includes(c.naering)) names.push(c.naering);

  const naeringer = names.map((naering) =>
    tally(
      counted.filter((c) => c.naering === naering),
      years,
      naering,
    ),
  );
  const all = tally(counted, years, '');
  return { years, naeringer, perYear: all.perYear, toDate: all.toDate, total: all.total, reports: all.reports, excluded };
}

function tally(rows: readonly Counted[], years: readonly number[], naering: string): NaeringJobs {
  const perYear = new Map<number, number>();
  const toDate = new Map<number, number>();
  let running = 0;
  for (const year of years) {
    const jobs = rows.filter((r) => r.year === year).reduce((sum, r) => sum + r.jobs, 0);
    running += jobs;
    perYear.set(year, jobs);
    toDate.set(year, running);
  }
  return { naering, perYear, toDate, total: running, reports: rows.length };
}
