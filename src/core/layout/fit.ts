import { parseCell, type A1 } from '../util/brand';
import {
  columnPoints,
  columnTextPoints,
  charactersFor,
  formattedNumber,
  longestWord,
  rowHeightFor,
  textWidth,
  wrappedLines,
} from './metrics';
import type { LayoutCell } from './types';

/**
 * Column widths and row heights worked out from the text, so that a printed sheet breaks no word inside a cell
 * and no wrapped or merged cell spills out of its rows. Excel does not fit the height of rows with merged
 * cells, and LibreOffice does not either when a height is given, so every height is set here.
 */

/** A4 landscape less the sheets' left and right margins (0.4 in each), in points. */
export const PAGE_WIDTH = 841.9 - 2 * 0.4 * 72;
/** A4 landscape less the top and bottom margins (0.5 in each) and what header and footer take, in points. */
export const PAGE_HEIGHT = 595.3 - 2 * 0.5 * 72 - 2 * 14;

/** The block of cells a cell covers: itself, or the merge it starts. */
export interface Span {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function spansOf(merges: readonly A1[]): Map<string, Span> {
  const spans = new Map<string, Span>();
  for (const merge of merges) {
    const [start = merge, end = start] = merge.split(':');
    const tl = parseCell(start);
    const br = parseCell(end);
    spans.set(`${tl.row}:${tl.column}`, { top: tl.row, left: tl.column, bottom: br.row, right: br.column });
  }
  return spans;
}

export function spanOf(cell: LayoutCell, spans: ReadonlyMap<string, Span>): Span {
  return spans.get(`${cell.row}:${cell.column}`) ?? { top: cell.row, left: cell.column, bottom: cell.row, right: cell.column };
}

/** What a cell shows, as text: its text, or its number as a Norwegian Excel formats it. */
export function shownText(cell: LayoutCell): string {
  const v = cell.value;
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'number':
      return formattedNumber(v.number, cell.style?.numberFormat);
    case 'formula':
      return typeof v.result === 'string' ? v.result : formattedNumber(v.result, cell.style?.numberFormat);
    case 'empty':
      return '';
  }
}

/**
 * The points of text a cell needs side by side: its widest word when it wraps, all of it when it does not —
 * except a heading with no border or fill, which may run on over empty cells to its right, as headings do.
 */
export function neededWidth(cell: LayoutCell): number {
  const text = shownText(cell);
  if (text === '') return 0;
  if (cell.style?.wrap === true) return longestWord(text, cell.style);
  if (cell.value.kind === 'text' && cell.style?.border !== true && cell.style?.fill === undefined) return 0;
  return textWidth(text, cell.style);
}

/** Points of text a span of columns holds. */
export function spanTextPoints(widths: ReadonlyMap<number, number>, left: number, right: number): number {
  let points = 0;
  for (let c = left; c <= right; c++) points += columnPoints(widths.get(c) ?? DEFAULT_WIDTH);
  return points - (columnPoints(1) - columnTextPoints(1));
}

/** Excel's default column width, in characters. */
export const DEFAULT_WIDTH = 8.43;

/**
 * Column widths (in characters) at least `minimum`, grown so that every cell's need fits its span: single
 * columns first, then merged spans from the narrowest, each growing its columns evenly.
 */
export function fitColumnWidths(
  cells: readonly LayoutCell[],
  merges: readonly A1[],
  minimum: ReadonlyMap<number, number>,
): Map<number, number> {
  const spans = spansOf(merges);
  const widths = new Map(minimum);
  const wide: { span: Span; need: number }[] = [];
  for (const cell of cells) {
    const need = neededWidth(cell);
    if (need === 0) continue;
    const span = spanOf(cell, spans);
    if (span.left === span.right) widths.set(span.left, Math.max(widths.get(span.left) ?? 0, charactersFor(need)));
    else wide.push({ span, need });
  }
  wide.sort((a, b) => a.span.right - a.span.left - (b.span.right - b.span.left));
  for (const { span, need } of wide) {
    const count = span.right - span.left + 1;
    for (let guard = 0; spanTextPoints(widths, span.left, span.right) < need && guard < 400; guard++) {
      for (let c = span.left; c <= span.right; c++) widths.set(c, (widths.get(c) ?? DEFAULT_WIDTH) + 0.25 / count);
    }
  }
  // A word wider than a page (400 typed digits) is broken by wrapping; its column stays within what a sheet takes.
  for (const [c, w] of widths) widths.set(c, Math.min(MAX_FITTED_WIDTH, Math.ceil(w * 4) / 4));
  return widths;
}

/** The widest column fitting gives, in characters: wider than a landscape A4 page, well under Excel's 255. */
const MAX_FITTED_WIDTH = 120;

/** The points a cell needs from top to bottom in the width its span has. */
export function neededHeight(cell: LayoutCell, widths: ReadonlyMap<number, number>, spans: ReadonlyMap<string, Span>): number {
  const text = shownText(cell);
  if (text === '' && cell.value.kind !== 'empty') return 0;
  if (text === '') return 0;
  const span = spanOf(cell, spans);
  const lines =
    cell.style?.wrap === true ? wrappedLines(text, spanTextPoints(widths, span.left, span.right), cell.style) : text.split('\n').length;
  return rowHeightFor(lines, cell.style);
}

/**
 * Row heights (points) at least `minimum`, grown so every cell's lines fit the rows it spans: single rows
 * first, then merged blocks, whose missing height goes to their last row.
 */
export function fitRowHeights(
  cells: readonly LayoutCell[],
  merges: readonly A1[],
  widths: ReadonlyMap<number, number>,
  minimum: ReadonlyMap<number, number>,
): Map<number, number> {
  const spans = spansOf(merges);
  const heights = new Map(minimum);
  const tall: { span: Span; need: number }[] = [];
  for (const cell of cells) {
    const need = neededHeight(cell, widths, spans);
    if (need === 0) continue;
    const span = spanOf(cell, spans);
    if (span.top === span.bottom) heights.set(span.top, Math.max(heights.get(span.top) ?? 0, need));
    else tall.push({ span, need });
  }
  for (const { span, need } of tall) {
    let have = 0;
    for (let r = span.top; r <= span.bottom; r++) have += heights.get(r) ?? DEFAULT_HEIGHT;
    if (have < need) heights.set(span.bottom, (heights.get(span.bottom) ?? DEFAULT_HEIGHT) + need - have);
  }
  return heights;
}

/**
 * Widens columns `from`–`to` evenly until columns 1 to `to` are `points` wide: a table uses the page's width,
 * so its texts wrap into fewer lines. Columns already wider than the page are left as they are.
 */
export function spreadColumns(widths: Map<number, number>, from: number, to: number, points: number): void {
  const spare = points - sheetWidth(widths, to);
  if (spare <= 0 || to < from) return;
  const step = Math.floor(((spare * 96) / 72 / 7 / (to - from + 1)) * 4) / 4;
  if (step <= 0) return;
  for (let c = from; c <= to; c++) widths.set(c, (widths.get(c) ?? DEFAULT_WIDTH) + step);
}

/** Excel's default row height for Calibri 11, in points. */
export const DEFAULT_HEIGHT = 15;

/** The printed width of columns 1 to `last`, in points. */
export function sheetWidth(widths: ReadonlyMap<number, number>, last = Math.max(0, ...widths.keys())): number {
  let points = 0;
  for (let c = 1; c <= last; c++) points += columnPoints(widths.get(c) ?? DEFAULT_WIDTH);
  return points;
}

/**
 * Manual page breaks that keep each block (a heading and its table) on one page when it fits on one: a block
 * that would cross the bottom of a page starts the next. `titleHeight` is what the repeated title rows take on
 * every page; `forced` are breaks the layout wants regardless.
 */
export function pageBreaks(
  blocks: readonly { top: number; bottom: number }[],
  heights: ReadonlyMap<number, number>,
  titleHeight: number,
  forced: readonly number[] = [],
): number[] {
  const room = PAGE_HEIGHT - titleHeight;
  const height = (top: number, bottom: number): number => {
    let h = 0;
    for (let r = top; r <= bottom; r++) h += heights.get(r) ?? DEFAULT_HEIGHT;
    return h;
  };
  const breaks: number[] = [];
  let pageTop = blocks[0]?.top ?? 1;
  for (const block of [...blocks].sort((a, b) => a.top - b.top)) {
    if (forced.includes(block.top) && block.top > pageTop) {
      breaks.push(block.top);
      pageTop = block.top;
    }
    const used = height(pageTop, block.bottom);
    if (used > room && block.top > pageTop) {
      breaks.push(block.top);
      pageTop = block.top;
    }
    // A block taller than a page flows on; count the page it ends on from where the printer breaks it.
    while (height(pageTop, block.bottom) > room) {
      let r = pageTop;
      let h = 0;
      while (r <= block.bottom && h + (heights.get(r) ?? DEFAULT_HEIGHT) <= room) h += heights.get(r++) ?? DEFAULT_HEIGHT;
      if (r === pageTop) r += 1;
      pageTop = r;
    }
  }
  return breaks;
}
