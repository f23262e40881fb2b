import { placeTables, type CellInput, type TableData, type WorkbookData } from '../contract/tableData';
import { cellAddress, rangeAddress } from '../util/brand';
import type { SnapshotCell, TableSnapshot, WorkbookSnapshot } from './types';

/**
 * The snapshot an adapter would read from a workbook written from `data`: same placement, same cell
 * addresses. Lets core tests and benchmarks run on plain data without an .xlsx round trip.
 */
export function snapshotFromData(data: WorkbookData): WorkbookSnapshot {
  const placements = placeTables(data);
  const tables = data.tables.map((table): TableSnapshot => {
    const place = placements.get(table.name);
    if (!place) throw new Error(`No placement for ${table.name}`);
    const width = table.header.length;
    const row = (values: readonly CellInput[], rowNumber: number) =>
      Array.from({ length: width }, (_, i) => toCell(values[i] ?? null, cellAddress(rowNumber, place.firstColumn + i)));
    const body = table.rows.length > 0 ? table.rows : [[]];
    const snapshot: TableSnapshot = {
      name: table.name,
      sheet: table.sheet,
      range: rangeAddress(place.headerRow, place.firstColumn, place.totalRow ?? place.lastBodyRow, place.lastColumn),
      header: row(table.header, place.headerRow),
      rows: body.map((values, i) => row(values, place.headerRow + 1 + i)),
    };
    if (table.totalRow && place.totalRow !== null) snapshot.totalRow = row(table.totalRow, place.totalRow);
    return snapshot;
  });
  return { sheets: [...data.sheets], tables };
}

function toCell(input: CellInput, address: ReturnType<typeof cellAddress>): SnapshotCell {
  if (input === null) return { kind: 'empty', value: null, address };
  if (typeof input === 'string') return input === '' ? { kind: 'empty', value: null, address } : { kind: 'text', value: input, address };
  if (typeof input === 'number') return { kind: 'number', value: input, address };
  if (typeof input === 'boolean') return { kind: 'boolean', value: input, address };
  if ('date' in input) return { kind: 'date', value: input.date, address };
  if ('error' in input) return { kind: 'error', value: input.error, address };
  const formula = input.formula.replace(/^=/, '');
  if (typeof input.result === 'number') return { kind: 'number', value: input.result, address, formula };
  if (typeof input.result === 'string') return { kind: 'text', value: input.result, address, formula };
  return { kind: 'empty', value: null, address, formula };
}

export function tableByName(data: WorkbookData, name: string): TableData {
  const table = data.tables.find((t) => t.name === name);
  if (!table) throw new Error(`No table ${name}`);
  return table;
}
