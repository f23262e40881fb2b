import type { UnknownFigure } from '../model/plan';
import { parseCell } from '../util/brand';
import { refKey, type Grid } from './grid';
import { STYLE } from './styles';
import type { CellStyle, SheetLayout } from './types';

/**
 * Unknown is unknown in the generated sheets too: a figure that could not be read is shown as missing —
 * marked, with a note naming its input cell — never as a blank the board would read as nothing, and every
 * total that depends on it (directly or through another total) is marked incomplete.
 */

export const MISSING_TEXT = 'mangler';

/** Writes the missing figure at (row, column). */
export function missingCell(grid: Grid, row: number, column: number, figures: readonly UnknownFigure[], style: CellStyle): void {
  grid.text(row, column, MISSING_TEXT, { ...style, ...STYLE.marked, horizontal: 'center' });
  grid.missing.set(`${row}:${column}`, figures.map(refKey));
}

/** Cells a formula's references cover (`B5`, `B5:D9`; absolute or not), as `row:column` keys. */
function referencedCells(formula: string): string[] {
  const keys: string[] = [];
  for (const m of formula.matchAll(/\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g)) {
    const start = parseCell(`${m[1] ?? ''}${m[2] ?? ''}`);
    const end = m[3] !== undefined && m[4] !== undefined ? parseCell(`${m[3]}${m[4]}`) : start;
    for (let r = Math.min(start.row, end.row); r <= Math.max(start.row, end.row); r++) {
      for (let c = Math.min(start.column, end.column); c <= Math.max(start.column, end.column); c++) keys.push(`${r}:${c}`);
    }
  }
  return keys;
}

/**
 * Marks every missing figure and every formula whose result depends on one (through any chain of totals), and
 * returns the notes for them. A total stays a live formula over the cells it has; its note says it is incomplete.
 */
export function markMissing(grid: Grid): SheetLayout['marks'] {
  const behind = new Map<string, Set<string>>();
  for (const [key, inputs] of grid.missing) behind.set(key, new Set(inputs));
  const formulas = [...grid.cells.values()].filter((c) => c.value.kind === 'formula');
  let changed = behind.size > 0;
  while (changed) {
    changed = false;
    for (const cell of formulas) {
      if (cell.value.kind !== 'formula') continue;
      const key = `${cell.row}:${cell.column}`;
      const found = behind.get(key) ?? new Set<string>();
      const before = found.size;
      for (const ref of referencedCells(cell.value.formula)) for (const input of behind.get(ref) ?? []) found.add(input);
      if (found.size > before) {
        behind.set(key, found);
        changed = true;
      }
    }
  }
  const marks: SheetLayout['marks'] = [];
  for (const [key, inputs] of behind) {
    const cell = grid.cells.get(key);
    if (!cell) continue;
    const list = [...inputs].join(', ');
    if (grid.missing.has(key)) {
      marks.push({ row: cell.row, column: cell.column, note: `Mangler: ${list} kan ikke leses. Tallet er ikke med i summene.` });
    } else {
      cell.style = { ...cell.style, ...STYLE.marked };
      marks.push({ row: cell.row, column: cell.column, note: `Ufullstendig sum: ${list} kan ikke leses og er ikke med.` });
    }
  }
  return marks.sort((a, b) => a.row - b.row || a.column - b.column);
}
