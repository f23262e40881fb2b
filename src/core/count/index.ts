/**
 * Figures counted from the project register for the board: gross jobs, grants per strategy, leverage,
 * the portfolio by phase and status, and what the register shows for each delmål. Pure functions of the
 * parsed plan.
 */
export { countJobs, type ExcludedReport, type ExclusionReason, type JobCount, type NaeringJobs } from './jobs';
export { grantsPerStrategy, grantTotals, leverage, type GrantTotals, type StrategyGrants } from './grants';
export { PHASE_KEYS, projectsByPhaseAndStatus, STATUS_KEYS, type PhaseKey, type PhaseStatusCount, type StatusKey } from './projects';
export { countForDelmal, delmalCounter, delmalUnknowns, type DelmalCount, type DelmalUnknowns } from './delmal';
export { isSupported, phaseOf, PLP_PHASES, PROJECT_STATUSES, statusOf, type PlpPhase, type ProjectStatus } from './projectRegister';
