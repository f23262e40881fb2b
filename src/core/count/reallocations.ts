import { TABLES } from '../contract/contract';
import { makeFinding } from '../findings/make';
import { formatNumber } from '../text/figures';
import type { Finding } from '../findings/types';
import type { Located, Plan, Reallocation } from '../model/plan';
import { formatDate } from '../text/dates';
import { normalizeKey } from '../text/keys';
import { classifyPost } from '../parse/plan';
import { inYear, notChecked, unknownsOf } from '../findings/unknowns';
import type { UnknownFigure } from '../model/plan';
import { yearOf } from './projectRegister';

/**
 * Omdisponeringer: the board moves money from one focus area's frame to another's during a year. A row
 * names its areas as Rammer posts are named (`2`, `2. Innovasjonskultur`, `Innovasjonskultur`).
 *   - Fra and Til must be known areas (reallocation.unknown-area);
 *   - the amount must be left in Fra's frame when the move is made: the frames of the date's year after the
 *     earlier reallocations, in date order (rows of the same date in row order) (reallocation.not-available);
 *   - a reallocation never changes the total of the areas' frames: money moved to a cost line or a
 *     financing source, or from one, is reallocation.changes-total.
 * Rows with a feil move no money in `framesAfterReallocations`; a row that cannot be judged because a frame or
 * an earlier row cannot be read is moved, and its check is told as not made (never against a frame taken as 0).
 * One walk gives both the findings and the frames after the moves, so it sits with the counts, below both the
 * rules and the layouts that use it.
 */
export function reallocationRules({ plan }: { plan: Plan }): Finding[] {
  return reallocationFindings(plan);
}

/** The findings of every year's reallocations (the rule, for a plan alone: the form checks a move with it). */
export function reallocationFindings(plan: Plan): Finding[] {
  const years = [...new Set(plan.reallocations.map((r) => yearOf(r.date)))].sort((a, b) => a - b);
  return years.flatMap((year) => walk(plan, year).findings);
}

/** The frame of each area in `year` (first Rammer line wins) after that year's valid reallocations. */
export function framesAfterReallocations(plan: Plan, year: number): Map<number, number> {
  return walk(plan, year).frames;
}

/** One reallocation that moved money, as the generated sheets list it. */
export interface ReallocationMove {
  date: string;
  /** Fra and Til as typed */
  from: string;
  to: string;
  fromArea: number;
  toArea: number;
  /** the strategy a side names, when it names one */
  fromStrategy: string | null;
  toStrategy: string | null;
  amount: number;
  decision: string;
}

/** The year's reallocations that moved money (rows with a finding move nothing), in the order they were made. */
export function reallocationMoves(plan: Plan, year: number): ReallocationMove[] {
  return walk(plan, year).moves;
}

/**
 * What one side (Fra or Til) of a reallocation names. A strategy stands for its area's frame: the Budsjett
 * lines are the strategies' budgets as they stand (the user moves them), so a move from strategy A to
 * strategy C moves frame between their areas, and one within an area moves no frame.
 */
type Side =
  | { kind: 'area'; area: number; strategy?: string }
  /** a Rammer cost line or a financing source: outside the areas' frames */
  | { kind: 'outside' }
  | { kind: 'unknown' };

function frameOf(plan: Plan, year: number): Map<number, number> {
  const frames = new Map<number, number>();
  for (const f of plan.frames) {
    if (f.year === year && f.line.kind === 'area' && !frames.has(f.line.area)) frames.set(f.line.area, f.amount.value);
  }
  return frames;
}

function sideOf(plan: Plan, text: string): Side {
  const strategy = strategyNamed(plan, text);
  if (strategy !== undefined) return { kind: 'area', area: strategy.area, strategy: strategy.code };
  const line = classifyPost(text, plan.areas);
  if (line.kind === 'area') return { kind: 'area', area: line.area };
  // A number that is no area's (`7`, `7. Havbruk`) is an unknown area, not a cost line.
  if (line.kind !== 'cost' || /^\s*\d/.test(text)) return { kind: 'unknown' };
  const key = normalizeKey(text);
  const costLines = plan.frames.filter((f) => f.line.kind === 'cost').map((f) => normalizeKey(f.post.value));
  const sources = plan.financing.filter((f) => !f.isSum).map((f) => normalizeKey(f.source.value));
  return costLines.includes(key) || sources.includes(key) ? { kind: 'outside' } : { kind: 'unknown' };
}

/** The strategy whose code `text` is; a bare number (`2`, `2.`) is an area's, never a strategy's. */
function strategyNamed(plan: Plan, text: string): { code: string; area: number } | undefined {
  if (/^\s*\d+\s*\.?\s*$/.test(text)) return undefined;
  const key = normalizeKey(text);
  const found = plan.strategies.find((s) => normalizeKey(s.code) === key);
  return found === undefined || !plan.areas.some((a) => a.nr === found.area) ? undefined : { code: found.code, area: found.area };
}

function byDate(rows: readonly Reallocation[]): Reallocation[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => a.row.date.localeCompare(b.row.date) || a.i - b.i)
    .map((x) => x.row);
}

function walk(plan: Plan, year: number): { frames: Map<number, number>; findings: Finding[]; moves: ReallocationMove[] } {
  const frames = frameOf(plan, year);
  const findings: Finding[] = [];
  const moves: ReallocationMove[] = [];
  const columns = { from: headerOf('from'), to: headerOf('to') };
  for (const r of byDate(plan.reallocations.filter((row) => yearOf(row.date) === year))) {
    const from = sideOf(plan, r.from.value);
    const to = sideOf(plan, r.to.value);
    const date = formatDate(r.date);
    const unknownAt = (side: Located<string>, column: string) =>
      makeFinding('reallocation.unknown-area', side, { date, value: side.value, column }, { actual: side.value });
    if (from.kind === 'unknown') findings.push(unknownAt(r.from, columns.from));
    if (to.kind === 'unknown') findings.push(unknownAt(r.to, columns.to));
    if (from.kind === 'unknown' || to.kind === 'unknown') continue;
    if (from.kind !== 'area' && to.kind !== 'area') {
      // Between two posts outside the areas: not a reallocation of the areas' frames at all.
      findings.push(unknownAt(r.from, columns.from), unknownAt(r.to, columns.to));
      continue;
    }
    const total = [...frames.values()].reduce((sum, v) => sum + v, 0);
    if (from.kind !== 'area' || to.kind !== 'area') {
      const outside = from.kind === 'area' ? r.to : r.from;
      const after = from.kind === 'area' ? total - r.amount.value : total + r.amount.value;
      // The move changes the total whatever the frames hold; the totals are stated only when every frame is known.
      const figures = blockingAt(plan, year, r, 'all').length > 0 ? {} : { expected: total, actual: after };
      findings.push(makeFinding('reallocation.changes-total', outside, { date, value: outside.value }, figures));
      continue;
    }
    const available = frames.get(from.area) ?? 0;
    // Between two strategies of one area no frame moves (their Budsjett lines say the rest).
    if (from.area === to.area && r.amount.value > 0) {
      moves.push(moveOf(r, from, to));
      continue;
    }
    const blocking = blockingAt(plan, year, r, from.area);
    if (blocking.length > 0) {
      // What is left in the frame is unknown: the move is not judged, but it is made (the frame it goes to is known).
      findings.push(
        ...notChecked(r.amount, blocking, {
          nb: `omdisponeringen ${date} mot rammen`,
          en: `the reallocation of ${date} against the frame`,
        }),
      );
    } else if (r.amount.value > available) {
      findings.push(
        makeFinding(
          'reallocation.not-available',
          r.amount,
          { date, amount: formatNumber(r.amount.value), from: r.from.value, available: formatNumber(available), year },
          { expected: available, actual: r.amount.value },
        ),
      );
      continue;
    }
    // A negative amount is reported by the cell reader; it moves nothing.
    if (r.amount.value <= 0) continue;
    frames.set(from.area, available - r.amount.value);
    frames.set(to.area, (frames.get(to.area) ?? 0) + r.amount.value);
    moves.push(moveOf(r, from, to));
  }
  return { frames, findings, moves };
}

/**
 * The unreadable cells a move's check depends on: the year's Rammer figures of the area it takes from (or of
 * every area, for a move that changes the total), and the year's reallocation rows that cannot be read and may
 * have come before it.
 */
function blockingAt(plan: Plan, year: number, r: Reallocation, fromArea: number | 'all'): UnknownFigure[] {
  const frames = unknownsOf(
    plan,
    'frames',
    (w) => inYear(w.year, year) && (w.line === null || (w.line.kind === 'area' && (fromArea === 'all' || w.line.area === fromArea))),
  );
  const moves = unknownsOf(
    plan,
    'reallocations',
    (w) => inYear(w.year, year) && (w.date === undefined || w.date === null || w.date <= r.date),
  );
  return [...frames, ...moves];
}

function moveOf(r: Reallocation, from: { area: number; strategy?: string }, to: { area: number; strategy?: string }): ReallocationMove {
  return {
    date: r.date,
    from: r.from.value,
    to: r.to.value,
    fromArea: from.area,
    toArea: to.area,
    fromStrategy: from.strategy ?? null,
    toStrategy: to.strategy ?? null,
    amount: r.amount.value,
    decision: r.decision,
  };
}

function headerOf(key: 'from' | 'to'): string {
  return TABLES.reallocations.columns.find((c) => c.key === key)?.header ?? key;
}
