/**
 * Reading the project register (Prosjekter, Rapporter) the same way everywhere: PLP phases and statuses
 * spelled leniently, project ids matched like codes, and which projects the programme supports.
 */
import type { Plan, Project } from '../model/plan';
import { normalizeKey } from '../text/keys';

/** The phases of the PLP method (prosjektledelse etter PLP), in project order. */
export const PLP_PHASES = ['forstudie', 'forprosjekt', 'hovedprosjekt'] as const;
export type PlpPhase = (typeof PLP_PHASES)[number];

/** The statuses a project goes through, in that order (`avslått` ends an application). */
export const PROJECT_STATUSES = ['søkt', 'innvilget', 'aktiv', 'avsluttet', 'avslått'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

const PHASE_KEYS = new Map<string, PlpPhase>(PLP_PHASES.map((phase) => [normalizeKey(phase), phase]));
const STATUS_KEYS = new Map<string, ProjectStatus>(PROJECT_STATUSES.map((status) => [normalizeKey(status), status]));

/** `Forstudie`, ` FORSTUDIE ` and `for-studie` are all the forstudie; anything else is undefined. */
export function phaseOf(text: string): PlpPhase | undefined {
  return PHASE_KEYS.get(normalizeKey(text));
}

/** `Søkt`, `sokt` and `SØKT` are all søkt; `Avslått`, `avslatt` and `avslaatt` are all avslått. */
export function statusOf(text: string): ProjectStatus | undefined {
  return STATUS_KEYS.get(normalizeKey(text));
}

/** The project's grant in kroner: Innvilget, 0 when empty. */
export function grantOf(project: Project): number {
  return project.granted?.value ?? 0;
}

/** A project the programme supports: it has received a grant (Innvilget > 0). Only these count. */
export function isSupported(project: Project): boolean {
  return grantOf(project) > 0;
}

/** The year of an ISO date `YYYY-MM-DD`. */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** The year of the project's Vedtaksdato, the year its grant counts in; null without a date. */
export function decisionYear(project: Project): number | null {
  return project.decisionDate === null ? null : yearOf(project.decisionDate);
}

/** Projects by id, matched as codes are (`eks-01` finds `EKS-01`). A duplicate id: the first row wins. */
export function projectIndex(plan: Plan): ReadonlyMap<string, Project> {
  const byId = new Map<string, Project>();
  for (const p of plan.projects) {
    const key = normalizeKey(p.id.value);
    if (!byId.has(key)) byId.set(key, p);
  }
  return byId;
}

export function findProject(index: ReadonlyMap<string, Project>, id: string): Project | undefined {
  return index.get(normalizeKey(id));
}

/** Looks up a næring as spelled in Naeringer (undefined when the list has no such næring). Build once, use per row. */
export function naeringLookup(plan: Plan): (text: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const n of plan.naeringer) {
    const key = normalizeKey(n.name);
    if (!byKey.has(key)) byKey.set(key, n.name);
  }
  return memoized((text) => byKey.get(normalizeKey(text)));
}

/**
 * `read`, remembering each text's answer: a register repeats the same few phases, statuses and næringer
 * on every row, and normalising a text is the costly part. Make one per pass over the register.
 */
export function memoized<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const value = read(text);
    seen.set(text, value);
    return value;
  };
}

/** The years of the programme period, or [] when the period is not set (or not a sensible one). */
export function periodYears(plan: Plan): number[] {
  const first = plan.program.firstYear?.value;
  const last = plan.program.lastYear?.value;
  if (first === undefined || last === undefined || last < first || last - first > 50) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
