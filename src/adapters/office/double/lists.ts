import { contains, parseAddress, type Bounds, type SheetState, type TableState, type WorkbookState } from './state';

/**
 * Dropdown lists of the double, evaluated as Excel evaluates them when the user opens the list: the rule's
 * source is inline values (`Tematisk,Støtteområde`), a range (`=Oppsett!$A$18:$A$30`), or a table column through
 * INDIRECT (`=INDIRECT("Strategier[Kode]")`, which Excel allows where a structured reference itself is refused).
 * A table column is read as the table stands now, so a code added to the table since shows in the list; a range
 * is read as written, so it does not. A source the double cannot evaluate fails the test rather than guessing.
 */

interface ListRule {
  list?: { source?: string };
}

/** The items the dropdown of the cell offers, or undefined when the cell has no list validation. */
export function dropdownItems(state: WorkbookState, sheet: SheetState, row: number, column: number): string[] | undefined {
  const cell: Bounds = { top: row, left: column, bottom: row, right: column };
  const validation = sheet.validations.find((v) => contains(v.bounds, cell));
  const source = (validation?.rule as ListRule | undefined)?.list?.source;
  if (source === undefined) return undefined;
  if (!source.startsWith('=')) return source.split(',').map((s) => s.trim());
  const formula = source.slice(1).trim();
  const indirect = /^INDIRECT\("([^"[\]]+)\[([^\]]+)\]"\)$/i.exec(formula);
  if (indirect) return columnItems(state, indirect[1] ?? '', indirect[2] ?? '');
  const range = parseAddress(formula);
  if (range === undefined) throw new Error(`The double cannot evaluate the list source ${source}`);
  const of = range.sheet === undefined ? sheet : state.sheet(range.sheet);
  if (of === undefined) throw new Error(`The list source ${source} names a sheet the workbook does not have`);
  return cellTexts(of, range.bounds);
}

/** The body of a table's column, by its header text (`#REF!`-like failure when there is no such column). */
function columnItems(state: WorkbookState, tableName: string, header: string): string[] {
  const table = state.table(tableName);
  if (table === undefined) throw new Error(`The list source names a table the workbook does not have: ${tableName}`);
  const column = columnOf(table, header);
  const top = table.showHeaders ? table.bounds.top + 1 : table.bounds.top;
  const bottom = table.showTotals ? table.bounds.bottom - 1 : table.bounds.bottom;
  return cellTexts(table.sheet, { top, bottom, left: column, right: column });
}

function columnOf(table: TableState, header: string): number {
  const wanted = header.trim().toLowerCase();
  for (let c = table.bounds.left; c <= table.bounds.right; c++) {
    const value = table.sheet.cell(table.bounds.top, c)?.value;
    if (value !== null && value !== undefined && String(value).trim().toLowerCase() === wanted) return c;
  }
  throw new Error(`The table ${table.name} has no column ${header}`);
}

/** What the list shows: each cell's value as text, blank cells left out (Excel lists them as empty lines). */
function cellTexts(sheet: SheetState, bounds: Bounds): string[] {
  const items: string[] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    for (let c = bounds.left; c <= bounds.right; c++) {
      const value = sheet.cell(r, c)?.value;
      if (value !== null && value !== undefined && String(value) !== '') items.push(String(value));
    }
  }
  return items;
}

/**
 * A list validation on a table column's whole body grows with the table, as in Excel: when the table takes in
 * rows (auto-expansion below it, or rows.add), the validation covers them too.
 */
export function growValidations(table: TableState, before: Bounds): void {
  const bodyBottom = before.bottom - (table.showTotals ? 1 : 0);
  const grown = table.bounds.bottom - before.bottom;
  if (grown <= 0) return;
  for (const v of table.sheet.validations) {
    if (v.bounds.bottom === bodyBottom && v.bounds.left >= before.left && v.bounds.right <= before.right && v.bounds.top > before.top) {
      v.bounds = { ...v.bounds, bottom: v.bounds.bottom + grown };
    }
  }
}
