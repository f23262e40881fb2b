import type { ListSource, TableData, TablePlacement, WorkbookData } from '../core/contract/tableData';

/**
 * What Excel says when a value not in a column's list is typed. A warning, not a stop: a value may be typed
 * before its code is added to the source table. Both adapters and the Excel double write it.
 */
export const LIST_ALERT = { title: 'Ukjent verdi', message: 'Verdien står ikke i listen.' } as const;

/**
 * Another table's whole column as a list source (without the leading '='). Excel does not accept a structured
 * reference (Strategier[Kode]) directly in a validation list, but it does through INDIRECT, which follows the
 * table as it grows. Inside a structured reference ' [ ] # are escaped with a leading '.
 */
export function tableColumnList(ref: { table: string; column: string }): string {
  const column = ref.column.replace(/(['#[\]])/g, "'$1");
  return `INDIRECT("${ref.table}[${column}]")`;
}

/** tableColumnList for a file being written from `data`: the column must be one of its tables'. */
export function writtenColumnList(
  ref: { table: string; column: string },
  data: WorkbookData,
  placements: ReadonlyMap<string, TablePlacement>,
): string {
  const index = data.tables.find((t) => t.name === ref.table)?.header.indexOf(ref.column) ?? -1;
  if (!placements.has(ref.table) || index < 0)
    throw new Error(`List source ${ref.table}[${ref.column}] is not a table column in this workbook`);
  return tableColumnList(ref);
}

/** A table's list validations: each of its columns that has a list, over the table's body rows. */
export function tableLists(table: TableData, place: TablePlacement): { source: ListSource; column: number; top: number; bottom: number }[] {
  const lists: { source: ListSource; column: number; top: number; bottom: number }[] = [];
  table.lists?.forEach((source, i) => {
    if (source === undefined || i >= table.header.length) return;
    lists.push({ source, column: place.firstColumn + i, top: place.headerRow + 1, bottom: place.lastBodyRow });
  });
  return lists;
}
