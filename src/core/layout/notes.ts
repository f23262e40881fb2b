import type { SheetLayout } from './types';

/** A note on one cell of a generated sheet. */
export interface CellNote {
  row: number;
  column: number;
  text: string;
}

/**
 * The notes a layout's marks give: one per cell, in row and column order; marks on the same cell share it,
 * each text once, on a line of its own. Both adapters write exactly these.
 */
export function notesByCell(marks: SheetLayout['marks']): CellNote[] {
  const byCell = new Map<string, CellNote>();
  for (const mark of marks) {
    const key = `${mark.row}:${mark.column}`;
    const found = byCell.get(key);
    if (found === undefined) byCell.set(key, { row: mark.row, column: mark.column, text: mark.note });
    else if (!found.text.split('\n').includes(mark.note)) found.text = `${found.text}\n${mark.note}`;
  }
  return [...byCell.values()].sort((a, b) => a.row - b.row || a.column - b.column);
}
