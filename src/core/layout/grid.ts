import { cellAddress, rangeAddress, type A1 } from '../util/brand';
import type { Ref } from '../model/plan';
import type { CellStyle, LayoutCell, LayoutValue } from './types';

/**
 * A small mutable builder for one sheet layout. Layout builders write cells, merges and row heights
 * through it and record which input cell each generated cell stands for, so findings can be marked.
 */
export class Grid {
  readonly cells = new Map<string, LayoutCell>();
  readonly merges: A1[] = [];
  readonly rowHeights = new Map<number, number>();
  /** input `sheet!cell` → generated positions */
  readonly sources = new Map<string, { row: number; column: number }[]>();
  /** generated `row:column` → the input cells that could not be read behind it (shown as missing) */
  readonly missing = new Map<string, string[]>();
  /** generated `row:column` → unreadable input cells that may belong to this total but have no cell of their own */
  readonly incomplete = new Map<string, string[]>();

  set(row: number, column: number, value: LayoutValue, style?: CellStyle): void {
    const cell: LayoutCell = { row, column, value };
    if (style) cell.style = style;
    this.cells.set(`${row}:${column}`, cell);
  }

  text(row: number, column: number, text: string, style?: CellStyle): void {
    this.set(row, column, text === '' ? { kind: 'empty' } : { kind: 'text', text }, style);
  }

  number(row: number, column: number, value: number, style?: CellStyle, source?: Ref): void {
    this.set(row, column, { kind: 'number', number: value }, style);
    if (source) this.source(source, row, column);
  }

  formula(row: number, column: number, formula: string, result: number | string, style?: CellStyle, source?: Ref): void {
    this.set(row, column, { kind: 'formula', formula, result }, style);
    if (source) this.source(source, row, column);
  }

  /** Styles every cell of a block (creating empty ones), so borders and fills cover merged areas too. */
  styleBlock(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const existing = this.cells.get(`${r}:${c}`);
        if (existing) existing.style = { ...style, ...existing.style };
        else this.set(r, c, { kind: 'empty' }, style);
      }
    }
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push(rangeAddress(top, left, bottom, right));
  }

  height(row: number, points: number): void {
    this.rowHeights.set(row, Math.max(this.rowHeights.get(row) ?? 0, points));
  }

  source(ref: Ref, row: number, column: number): void {
    const key = refKey(ref);
    const list = this.sources.get(key) ?? [];
    list.push({ row, column });
    this.sources.set(key, list);
  }

  sortedCells(): LayoutCell[] {
    return [...this.cells.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  }
}

export function refKey(ref: { sheet: string; cell: string }): string {
  return `${ref.sheet}!${ref.cell}`;
}

export function address(row: number, column: number): A1 {
  return cellAddress(row, column);
}

/** Text lines a string needs in a block of `widthChars` characters, for row heights that fit wrapped text. */
export function linesFor(text: string, widthChars: number): number {
  // A column's width counts digit widths; ordinary text in Calibri fits about a fifth more characters.
  const usable = Math.max(4, Math.floor(widthChars * 1.2));
  return text.split('\n').reduce((n, line) => n + wrappedLines(line, usable), 0);
}

/** Lines a paragraph takes when wrapped at word boundaries; a word longer than the line is broken. */
function wrappedLines(line: string, usable: number): number {
  let lines = 1;
  let used = 0;
  for (const word of line.split(/\s+/).filter((w) => w !== '')) {
    const length = word.length;
    if (used > 0 && used + 1 + length <= usable) {
      used += 1 + length;
    } else if (used === 0 && length <= usable) {
      used = length;
    } else {
      if (used > 0) lines += 1;
      lines += Math.floor(Math.max(0, length - 1) / usable);
      used = length % usable || usable;
    }
  }
  return lines;
}
