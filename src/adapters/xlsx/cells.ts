import { ValueType, type Cell } from 'exceljs';
import type { SnapshotCell } from '../../core/snapshot/types';
import type { A1 } from '../../core/util/brand';

/** A snapshot cell without its address and extras: what a value alone determines. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type CellContent = DistributiveOmit<SnapshotCell, 'address' | 'formula' | 'numberFormat'>;

const EMPTY: CellContent = { kind: 'empty', value: null };

/**
 * One exceljs cell as a raw snapshot cell. Formula cells take their cached result (exceljs does not
 * calculate), so a formula Excel never calculated reads as empty, with its formula kept.
 */
export function snapshotCell(cell: Cell | undefined, address: A1): SnapshotCell {
  if (cell === undefined) return { ...EMPTY, address };
  const out: SnapshotCell = { ...cellContent(cell), address };
  const formula = formulaOf(cell);
  if (formula !== undefined) out.formula = formula;
  const numberFormat = numberFormatOf(cell);
  if (numberFormat !== undefined) out.numberFormat = numberFormat;
  return out;
}

export function emptyCell(address: A1): SnapshotCell {
  return { ...EMPTY, address };
}

function cellContent(cell: Cell): CellContent {
  switch (cell.type) {
    // The covered cells of a merged range show nothing in Excel; exceljs would report the anchor's value.
    case ValueType.Merge:
      return EMPTY;
    case ValueType.Formula: {
      // `cell.result`, not `cell.value.result`: exceljs drops falsy results (0, false, '') from the latter.
      const result: unknown = cell.result;
      return valueContent(result);
    }
    default: {
      const value: unknown = cell.value;
      return valueContent(value);
    }
  }
}

function formulaOf(cell: Cell): string | undefined {
  if (cell.type !== ValueType.Formula) return undefined;
  // For shared formulas exceljs translates the anchor's formula to this cell.
  const formula: unknown = cell.formula;
  return typeof formula === 'string' && formula !== '' ? formula.replace(/^=/, '') : undefined;
}

function numberFormatOf(cell: Cell): string | undefined {
  const format: unknown = cell.numFmt;
  return typeof format === 'string' && format !== '' && format.toLowerCase() !== 'general' ? format : undefined;
}

/** A plain value as exceljs hands it out: primitives, Date, or one of its value objects. */
function valueContent(value: unknown): CellContent {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return dateContent(value);
  if (typeof value !== 'object') return EMPTY;
  if ('error' in value && typeof value.error === 'string') return { kind: 'error', value: value.error };
  // A hyperlink cell holds what it shows under `text`: a string, rich text, or (on a number cell) a number.
  if ('hyperlink' in value && 'text' in value) return valueContent(value.text);
  if ('richText' in value && Array.isArray(value.richText)) return { kind: 'text', value: richTextOf(value.richText) };
  return EMPTY;
}

/** exceljs turns date-formatted serials into Dates at UTC midnight (plus the time of day, which is dropped). */
function dateContent(date: Date): CellContent {
  // A serial far outside Excel's date range gives an invalid Date; Excel itself shows ##### for it.
  if (Number.isNaN(date.getTime())) return { kind: 'error', value: '#NUM!' };
  return { kind: 'date', value: date.toISOString().slice(0, 10) };
}

/** Rich text as plain text: the runs concatenated. */
function richTextOf(runs: unknown[]): string {
  return runs
    .map((run) => (typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string' ? run.text : ''))
    .join('');
}
