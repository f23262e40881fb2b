import type { Plan, UnknownFigure } from '../model/plan';
import { reallocationMoves } from '../count/reallocations';
import { formatDate } from '../text/dates';
import type { Grid } from './grid';
import { STYLE } from './styles';
import type { CellStyle } from './types';
import { lostReallocations, missingCell } from './unknownCells';

/** Where the moves table puts each field: first and last column of a (merged) span, and the amount's column. */
export interface MoveColumns {
  date: [number, number];
  from: [number, number];
  to: [number, number];
  amount: number;
  decision: [number, number];
}

/**
 * Whether a frame table of `year` needs its *Etter omdisponering* figures: money was moved, or a reallocation
 * row that could be this year's cannot be read (then the frames after it are unknown, and say so).
 */
export function hasReallocations(plan: Plan, year: number): boolean {
  return reallocationMoves(plan, year).length > 0 || lostReallocations(plan, year).length > 0;
}

/**
 * The year's reallocations under a frame table of the generated sheets: a heading, a header row (Dato, Fra,
 * Til, Beløp, Vedtak) and one row per move that moved money, in the order they were made, each naming its
 * areas or strategies as the workbook does, so the board sees why the frames after reallocations differ
 * from Rammer. A row that could not be read is listed too, its unreadable amount (or date, or side) shown as
 * missing: it moved nothing the sheet knows of. Returns the row after the table (`row` itself when the year
 * has nothing to list).
 */
export function writeMoves(grid: Grid, row: number, columns: MoveColumns, plan: Plan, year: number): number {
  const moves = reallocationMoves(plan, year);
  const lost = lostReallocations(plan, year);
  if (moves.length === 0 && lost.length === 0) return row;
  const first = columns.date[0];
  const last = Math.max(columns.decision[1], columns.amount);
  grid.text(row, first, `Omdisponeringer ${year}`, STYLE.label);
  grid.styleBlock(row, first, row, last, STYLE.label);
  grid.merge(row, first, row, last);
  const header = row + 1;
  span(grid, header, columns.date, 'Dato', STYLE.header);
  span(grid, header, columns.from, 'Fra', STYLE.header);
  span(grid, header, columns.to, 'Til', STYLE.header);
  grid.text(header, columns.amount, 'Beløp', STYLE.header);
  span(grid, header, columns.decision, 'Vedtak', STYLE.header);
  let next = header + 1;
  for (const move of moves) {
    span(grid, next, columns.date, formatDate(move.date), STYLE.text);
    span(grid, next, columns.from, sideText(plan, move.fromArea, move.fromStrategy), STYLE.text);
    span(grid, next, columns.to, sideText(plan, move.toArea, move.toStrategy), STYLE.text);
    grid.number(next, columns.amount, move.amount, STYLE.kroner);
    span(grid, next, columns.decision, move.decision.trim(), STYLE.text);
    next += 1;
  }
  for (const figure of lost) {
    lostMove(grid, next, columns, figure);
    next += 1;
  }
  return next;
}

/** A reallocation row that could not be read: what it says, with "mangler" where it cannot be read. */
function lostMove(grid: Grid, row: number, columns: MoveColumns, figure: UnknownFigure): void {
  const what = figure.what.table === 'reallocations' ? figure.what : { date: null, from: null, to: null, amount: null, decision: '' };
  const textOr = (at: [number, number], text: string | null | undefined) => {
    if (text === null || text === undefined) {
      missingCell(grid, row, at[0], [figure], STYLE.text);
      grid.styleBlock(row, at[0], row, at[1], { ...STYLE.text, ...STYLE.marked });
      if (at[1] > at[0]) grid.merge(row, at[0], row, at[1]);
    } else {
      span(grid, row, at, text, STYLE.text);
    }
  };
  textOr(columns.date, what.date === null || what.date === undefined ? null : formatDate(what.date));
  textOr(columns.from, what.from);
  textOr(columns.to, what.to);
  // The amount is missing even when it reads: the row moved nothing, so no figure stands here.
  missingCell(grid, row, columns.amount, [figure], STYLE.kroner);
  span(grid, row, columns.decision, (what.decision ?? '').trim(), STYLE.text);
}

function span(grid: Grid, row: number, [left, right]: [number, number], text: string, style: CellStyle): void {
  grid.text(row, left, text, style);
  if (right > left) {
    grid.styleBlock(row, left, row, right, style);
    grid.merge(row, left, row, right);
  }
}

/** An area as the sheets name it (`3. Kommunikasjon`), or the strategy a side named (`strategi G2. Sirkulær økonomi`). */
function sideText(plan: Plan, area: number, strategy: string | null): string {
  if (strategy !== null) {
    const s = plan.strategies.find((x) => x.code === strategy);
    return `strategi ${strategy}${s ? `. ${s.name}` : ''}`;
  }
  const a = plan.areas.find((x) => x.nr === area);
  return a ? `${a.nr}. ${a.name}` : String(area);
}
