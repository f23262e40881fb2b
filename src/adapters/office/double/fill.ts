import { DATE_FORMAT } from '../../../core/contract/contract';
import {
  placeTables,
  type CellInput,
  type ListSource,
  type TableData,
  type TablePlacement,
  type WorkbookData,
} from '../../../core/contract/tableData';
import { LIST_ALERT, tableLists, writtenColumnList } from '../../lists';
import { SheetState, isoToSerial, type CellState, type WorkbookState } from './state';

/**
 * Fills the double's workbook from plain workbook data the way the .xlsx adapter writes a file
 * (src/adapters/xlsx/write.ts): the same placement, caption and header fonts, number formats on the body and
 * total rows (the contract's date format for dates in a column without one), widths and list validations.
 * So both adapters read the same cells at the same addresses.
 */
export function fillWorkbook(state: WorkbookState, data: WorkbookData): void {
  const placements = placeTables(data);
  for (const name of data.sheets) state.sheets.push(new SheetState(name));
  for (const table of data.tables) {
    const sheet = state.sheet(table.sheet);
    const place = placements.get(table.name);
    if (sheet === undefined || place === undefined) throw new Error(`Table ${table.name}: sheet ${table.sheet} is not in the workbook`);
    fillTable(sheet, table, place);
    addLists(sheet, table, place, data, placements);
    state.tables.push({
      name: table.name,
      sheet,
      bounds: { top: place.headerRow, left: place.firstColumn, bottom: place.totalRow ?? place.lastBodyRow, right: place.lastColumn },
      showHeaders: true,
      showTotals: table.totalRow !== undefined,
      style: 'TableStyleMedium2',
    });
  }
  setWidths(state, data.tables);
  state.activeSheet = state.sheets[0];
}

function fillTable(sheet: SheetState, table: TableData, place: TablePlacement): void {
  if (table.caption !== undefined && place.captionRow !== null) {
    sheet.cells.set(`${place.captionRow}:${place.firstColumn}`, { type: 'String', value: table.caption, format: { bold: true, size: 12 } });
  }
  table.header.forEach((text, i) =>
    sheet.cells.set(`${place.headerRow}:${place.firstColumn + i}`, { type: 'String', value: text, format: { bold: true } }),
  );
  table.rows.forEach((row, r) => fillRow(sheet, table, row, place.headerRow + 1 + r, place.firstColumn));
  if (table.totalRow && place.totalRow !== null) fillRow(sheet, table, table.totalRow, place.totalRow, place.firstColumn);
  const lastRow = place.totalRow ?? place.lastBodyRow;
  table.header.forEach((_, i) => {
    for (let row = place.headerRow + 1; row <= lastRow; row++) {
      const cell = sheet.cell(row, place.firstColumn + i);
      const format = table.numberFormats?.[i] ?? (cell?.numberFormat === DATE_FORMAT ? DATE_FORMAT : undefined);
      if (format !== undefined) sheet.cellForWrite(row, place.firstColumn + i).numberFormat = format;
    }
  });
}

function fillRow(sheet: SheetState, table: TableData, row: readonly CellInput[], rowNumber: number, firstColumn: number): void {
  table.header.forEach((_, i) => {
    const cell = cellOf(row[i] ?? null);
    if (cell !== undefined) sheet.cells.set(`${rowNumber}:${firstColumn + i}`, cell);
  });
}

/** One input cell as Excel would hold it; undefined for an empty cell. */
export function cellOf(input: CellInput): CellState | undefined {
  if (input === null || input === '') return undefined;
  if (typeof input === 'number') return { type: 'Double', value: input };
  if (typeof input === 'string') return { type: 'String', value: input };
  if (typeof input === 'boolean') return { type: 'Boolean', value: input };
  if ('date' in input) return { type: 'Double', value: isoToSerial(input.date), numberFormat: DATE_FORMAT };
  if ('error' in input) return { type: 'Error', value: input.error };
  const formula = `=${input.formula.replace(/^=/, '')}`;
  if (typeof input.result === 'number') return { type: 'Double', value: input.result, formula };
  if (typeof input.result === 'string') return { type: 'String', value: input.result, formula };
  return { type: 'Empty', value: null, formula };
}

/** Stacked tables share columns; each column gets the widest width asked for (characters → points, see below). */
function setWidths(state: WorkbookState, tables: readonly TableData[]): void {
  for (const table of tables) {
    const sheet = state.sheet(table.sheet);
    table.widths?.forEach((width, i) => {
      if (width === undefined || sheet === undefined) return;
      const points = charactersToPoints(width);
      sheet.columnWidths.set(i + 1, Math.max(points, sheet.columnWidths.get(i + 1) ?? 0));
    });
  }
}

/** Excel's column width in characters of the default font (7 px each, plus 5 px padding) as points (0.75 pt per px). */
export function charactersToPoints(characters: number): number {
  return Math.round(characters * 7 + 5) * 0.75;
}

function addLists(
  sheet: SheetState,
  table: TableData,
  place: TablePlacement,
  data: WorkbookData,
  placements: Map<string, TablePlacement>,
): void {
  for (const { source, column, top, bottom } of tableLists(table, place)) {
    sheet.validations.push({
      bounds: { top, left: column, bottom, right: column },
      rule: { list: { inCellDropDown: true, source: listSource(source, data, placements) } },
      errorAlert: { showAlert: true, style: 'Warning', ...LIST_ALERT },
    });
  }
}

function listSource(source: ListSource, data: WorkbookData, placements: Map<string, TablePlacement>): string {
  if ('values' in source) return source.values.join(',');
  // As the .xlsx writer (and Excel's template) writes it: the whole column, followed as the table grows.
  return `=${writtenColumnList(source.tableColumn, data, placements)}`;
}
