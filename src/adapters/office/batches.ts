/**
 * Writes are described as steps with an estimated request size, then packed into as few round trips as
 * Excel's 5 MB request limit allows: one for anything the size of a real plan, more only for a write that
 * would not fit in one request.
 */

/** What one queued command costs beyond the values it carries: object paths and ids in the request JSON. */
export const COMMAND_BYTES = 160;

/** Excel on the web refuses a request over 5 MB; stay well below it, as the estimate is approximate. */
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;
export const DEFAULT_RESPONSE_BUDGET = 4 * 1024 * 1024;

export interface WriteStep {
  /** estimated request bytes */
  bytes: number;
  /** queues the step's commands on the context (nothing is sent until the batch syncs) */
  queue(): void;
}

/** Consecutive steps, in order, in batches of at most `budget` estimated bytes (a larger step gets a batch of its own). */
export function packSteps(steps: readonly WriteStep[], budget: number): WriteStep[][] {
  const batches: WriteStep[][] = [];
  let current: WriteStep[] = [];
  let size = 0;
  for (const step of steps) {
    if (current.length > 0 && size + step.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(step);
    size += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Sends each batch in one round trip; `prepare` queues what every batch starts with (suspending screen updates). */
export async function sendBatches(context: Excel.RequestContext, batches: readonly WriteStep[][], prepare: () => void): Promise<void> {
  for (const batch of batches) {
    prepare();
    for (const step of batch) step.queue();
    await context.sync();
  }
}

/** UTF-8 length of a value's JSON, computed without TextEncoder so it runs the same in every host. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

export interface Position {
  row: number;
  column: number;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Covers a set of cells with few rectangles: runs of adjacent cells per row, stacked while the next row has
 * the same run. A style set on a rectangle is one command instead of one per cell.
 */
export function rectangles(cells: readonly Position[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const { row, column } of cells) {
    const columns = byRow.get(row) ?? [];
    columns.push(column);
    byRow.set(row, columns);
  }
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const next = new Map<string, Rect>();
    for (const run of runsOf(byRow.get(row) ?? [])) {
      const key = `${run.left}:${run.right}`;
      const above = open.get(key);
      if (above !== undefined && above.bottom === row - 1) {
        above.bottom = row;
        open.delete(key);
        next.set(key, above);
      } else {
        next.set(key, { top: row, bottom: row, left: run.left, right: run.right });
      }
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done;
}

function runsOf(columns: number[]): { left: number; right: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: { left: number; right: number }[] = [];
  for (const column of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.right === column - 1) last.right = column;
    else runs.push({ left: column, right: column });
  }
  return runs;
}

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
