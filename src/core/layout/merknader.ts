import type { NoteTable } from '../contract/contract';
import type { Note, Plan } from '../model/plan';
import { normalizeKey } from '../text/keys';
import type { Grid } from './grid';
import { STYLE } from './styles';

/**
 * The notes under a generated table come from the workbook's `Merknader` table, never from the code: a
 * programme without notes gets none, and a label the note belongs to (`Gjelder`) carries its number.
 */
export function notesOf(plan: Plan, table: NoteTable): Note[] {
  return plan.notes.filter((n) => n.table === table);
}

/** `label` with the numbers of the notes that belong to it: `Delmål 2022 1)`. A trailing year is not needed to match. */
export function marked(label: string, notes: readonly Note[]): string {
  const key = normalizeKey(label);
  const bare = key.replace(/\d{4}$/, '');
  const numbers = notes.filter((n) => n.refers !== null && (n.refers === key || n.refers === bare)).map((n) => `${n.nr})`);
  return numbers.length > 0 ? `${label} ${numbers.join(' ')}` : label;
}

/**
 * Writes the notes from `row` down, one merged row each across the table's width, and returns the row after
 * them (`row` itself when there are none).
 */
export function writeNotes(grid: Grid, row: number, lastColumn: number, notes: readonly Note[]): number {
  let next = row;
  for (const note of notes) {
    const text = `${note.nr}) ${note.text}`;
    grid.text(next, 1, text, STYLE.note);
    // The row's height is fitted to the wrapped text with the rest of the sheet.
    grid.merge(next, 1, next, lastColumn);
    grid.source(note.ref, next, 1);
    next += 1;
  }
  return next;
}
