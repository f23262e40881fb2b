import { cellText } from '../core/parse/table';
import type { SnapshotCell, TableSnapshot, WorkbookSnapshot } from '../core/snapshot/types';
import { parseCell, type A1 } from '../core/util/brand';
import type { RowContext } from './port';

/**
 * The table row around a cell, from a snapshot: what a shell without a grid (the standalone page) shows for
 * a finding. Pure, so the sample's port answers it before any .xlsx code is loaded.
 */
export function rowAround(snapshot: WorkbookSnapshot, sheet: string, cell: A1): RowContext | null {
  const { row, column } = parseCell(cell.split(':')[0] ?? cell);
  for (const table of snapshot.tables.filter((t) => t.sheet === sheet)) {
    const rows = [...table.rows, ...(table.totalRow ? [table.totalRow] : [])];
    const found = rows.find((cells) => cells.some((c) => sameRow(c, row)));
    const at = table.header.findIndex((c) => parseCell(c.address).column === column);
    const focus = at < 0 ? {} : { column: at };
    if (found && covers(table, column))
      return { table: table.name, header: table.header.map((c) => cellText(c)), values: found.map((c) => cellText(c)), ...focus };
    if (table.header.some((c) => sameRow(c, row)) && covers(table, column))
      return { table: table.name, header: table.header.map((c) => cellText(c)), values: [], ...focus };
  }
  return null;
}

function sameRow(cell: SnapshotCell, row: number): boolean {
  return parseCell(cell.address).row === row;
}

function covers(table: TableSnapshot, column: number): boolean {
  const first = table.header[0];
  const last = table.header[table.header.length - 1];
  if (!first || !last) return false;
  return column >= parseCell(first.address).column && column <= parseCell(last.address).column;
}
