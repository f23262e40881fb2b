/** The project portfolio by PLP phase and status, for the board's overview. */
import type { Plan } from '../model/plan';
import { memoized, phaseOf, PLP_PHASES, PROJECT_STATUSES, statusOf, type PlpPhase, type ProjectStatus } from './projectRegister';

/** `ukjent`: the cell is empty or holds something that is not a phase/status (the rules report that). */
export type PhaseKey = PlpPhase | 'ukjent';
export type StatusKey = ProjectStatus | 'ukjent';

export const PHASE_KEYS: readonly PhaseKey[] = [...PLP_PHASES, 'ukjent'];
export const STATUS_KEYS: readonly StatusKey[] = [...PROJECT_STATUSES, 'ukjent'];

export interface PhaseStatusCount {
  /** projects per phase and status; every key is present, 0 when none */
  counts: Record<PhaseKey, Record<StatusKey, number>>;
  byPhase: Record<PhaseKey, number>;
  byStatus: Record<StatusKey, number>;
  /** all project rows, supported or not */
  total: number;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Every project row of Prosjekter, whether it has a grant or not, by phase and status. */
export function projectsByPhaseAndStatus(plan: Plan): PhaseStatusCount {
  const counts = Object.fromEntries(PHASE_KEYS.map((phase) => [phase, zeros(STATUS_KEYS)])) as Record<PhaseKey, Record<StatusKey, number>>;
  const byPhase = zeros(PHASE_KEYS);
  const byStatus = zeros(STATUS_KEYS);
  const readPhase = memoized(phaseOf);
  const readStatus = memoized(statusOf);
  for (const p of plan.projects) {
    const phase: PhaseKey = (p.phase && readPhase(p.phase.value)) ?? 'ukjent';
    const status: StatusKey = (p.status && readStatus(p.status.value)) ?? 'ukjent';
    counts[phase][status] += 1;
    byPhase[phase] += 1;
    byStatus[status] += 1;
  }
  return { counts, byPhase, byStatus, total: plan.projects.length };
}
