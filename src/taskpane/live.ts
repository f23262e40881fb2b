import type { TableChange } from '../adapters/port';
import type { Finding, FindingSummary } from '../core/findings/types';
import { findingKey } from './findingKey';

/**
 * Live checks: while people type in Excel, the pane validates again once the typing pauses. Excel reports
 * every table change (the port's watchTables); only changes to the contract's tables count — an edit
 * anywhere else costs nothing, not even a round trip — and a burst of edits, the user's own or co-authors',
 * becomes one validation (one read of two round trips) after the pause. Without React, so its timing can be
 * tested with fake timers.
 */

/** How long typing must pause before the workbook is read again. */
export const LIVE_PAUSE_MS = 1500;

/** What changed since the last live validation. */
export interface EditBatch {
  edits: number;
  /** of which co-authors' changes */
  remote: number;
  /** the contract tables changed, in the order first changed */
  tables: string[];
}

export interface LiveCheckerOptions {
  /** the contract's table names (compared without case) */
  tables: readonly string[];
  pauseMs?: number;
  /**
   * Validates again after a pause in the edits. Returns false when it cannot now (the pane is busy with
   * something the user asked for): the batch is kept and tried again after another pause.
   */
  revalidate: (batch: EditBatch) => boolean;
}

export class LiveChecker {
  private readonly tables: Set<string>;
  private readonly pauseMs: number;
  private readonly revalidate: (batch: EditBatch) => boolean;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private batch: EditBatch = emptyBatch();

  constructor(options: LiveCheckerOptions) {
    this.tables = new Set(options.tables.map((t) => t.toLowerCase()));
    this.pauseMs = options.pauseMs ?? LIVE_PAUSE_MS;
    this.revalidate = options.revalidate;
  }

  /** Excel reported a change: counted when it is in a contract table, and the pause starts again. */
  readonly onChange = (change: TableChange): void => {
    if (change.table === null || !this.tables.has(change.table.toLowerCase())) return;
    this.batch.edits += 1;
    if (change.source === 'remote') this.batch.remote += 1;
    if (!this.batch.tables.includes(change.table)) this.batch.tables.push(change.table);
    this.restart();
  };

  /** Whether edits are waiting for the pause. */
  get pending(): boolean {
    return this.batch.edits > 0;
  }

  /** The pane has just validated by itself (Valider, a quick fix): what was waiting is in that validation. */
  reset(): void {
    this.clearTimer();
    this.batch = emptyBatch();
  }

  dispose(): void {
    this.reset();
  }

  private restart(): void {
    this.clearTimer();
    this.timer = setTimeout(this.fire, this.pauseMs);
  }

  private readonly fire = (): void => {
    this.timer = null;
    if (this.batch.edits === 0) return;
    const batch = this.batch;
    this.batch = emptyBatch();
    if (this.revalidate(batch)) return;
    // Busy: keep what was edited (and anything edited since) for the next pause.
    this.batch = {
      edits: batch.edits + this.batch.edits,
      remote: batch.remote + this.batch.remote,
      tables: [...new Set([...batch.tables, ...this.batch.tables])],
    };
    this.restart();
  };

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

function emptyBatch(): EditBatch {
  return { edits: 0, remote: 0, tables: [] };
}

/** The header's count and what changed since the previous check. */
export interface CheckCount {
  feil: number;
  advarsel: number;
  /** findings (feil and advarsel) that were not there at the previous check; null at the first check */
  added: number | null;
  /** findings (feil and advarsel) of the previous check that are gone */
  fixed: number | null;
}

/**
 * Counts a validation's errors and warnings and compares them with the previous one's, finding by finding
 * (rule and cell). Infos are left out: the header counts what needs doing.
 */
export function countChecked(
  findings: readonly Finding[],
  summary: FindingSummary,
  previous: ReadonlySet<string> | null,
): { count: CheckCount; keys: Set<string> } {
  const keys = new Set(findings.filter((f) => f.severity !== 'info').map(findingKey));
  const added = previous === null ? null : [...keys].filter((k) => !previous.has(k)).length;
  const fixed = previous === null ? null : [...previous].filter((k) => !keys.has(k)).length;
  return { count: { feil: summary.feil, advarsel: summary.advarsel, added, fixed }, keys };
}
