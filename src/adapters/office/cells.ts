import type { SnapshotCell } from '../../core/snapshot/types';
import type { A1 } from '../../core/util/brand';
import { dateSerial } from '../rowValues';

/**
 * One cell as Excel's range properties describe it (values, formulas, numberFormat, valueTypes), turned into
 * the snapshot cell the .xlsx adapter would read from the same workbook (src/adapters/xlsx/cells.ts): the same
 * kinds, dates as ISO from date-formatted serials, error values by code, formulas without '=', and the
 * number format only when it is not General.
 */
export interface RawCell {
  value: unknown;
  formula: unknown;
  numberFormat: unknown;
  valueType: unknown;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type CellContent = DistributiveOmit<SnapshotCell, 'address' | 'formula' | 'numberFormat'>;

export function snapshotCell(raw: RawCell, address: A1): SnapshotCell {
  const format = numberFormatOf(raw.numberFormat);
  const out: SnapshotCell = { ...contentOf(raw.value, raw.valueType, format), address };
  const formula = formulaOf(raw);
  if (formula !== undefined) out.formula = formula;
  if (format !== undefined) out.numberFormat = format;
  return out;
}

function contentOf(value: unknown, valueType: unknown, format: string | undefined): CellContent {
  switch (valueType) {
    case 'Empty':
      return { kind: 'empty', value: null };
    case 'Error':
      return { kind: 'error', value: String(value) };
    case 'Boolean':
      return typeof value === 'boolean' ? { kind: 'boolean', value } : { kind: 'text', value: String(value) };
    case 'Double':
    case 'Integer':
      return typeof value === 'number' ? numberContent(value, format) : { kind: 'text', value: String(value) };
    default:
      // 'String', and rich values (entities, images) which the contract reads as their text.
      return typeof value === 'string' ? { kind: 'text', value } : { kind: 'empty', value: null };
  }
}

/** A number shown through a date format is a date, as exceljs reads it for the .xlsx adapter. */
function numberContent(value: number, format: string | undefined): CellContent {
  if (format === undefined || !isDateFormat(format)) return { kind: 'number', value };
  const iso = serialToIso(value);
  // Excel shows ##### for a serial outside its calendar; exceljs makes it an invalid Date, read as #NUM!.
  return iso === undefined ? { kind: 'error', value: '#NUM!' } : { kind: 'date', value: iso };
}

/**
 * A formula cell's `formulas` entry starts with '='. A text constant that happens to start with '=' (stored as
 * text) reads the same in `formulas` and `values`; a real formula shows its result in `values` instead.
 */
function formulaOf(raw: RawCell): string | undefined {
  const { formula, value } = raw;
  if (typeof formula !== 'string' || !formula.startsWith('=') || formula.length < 2) return undefined;
  if (raw.valueType === 'String' && value === formula) return undefined;
  return formula.slice(1);
}

function numberFormatOf(format: unknown): string | undefined {
  return typeof format === 'string' && format !== '' && format.toLowerCase() !== 'general' ? format : undefined;
}

/** exceljs's test for a date format: after dropping [..] sections and quoted text, any of y m d h s b. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

const MS_PER_DAY = 86_400_000;
/** Serial 0 in Excel's 1900 date system, as JavaScript counts days (30 Dec 1899 absorbs the 1900 leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** ISO date of an Excel serial; the time of day is dropped (the contract holds dates only). */
export function serialToIso(serial: number): string | undefined {
  const date = new Date(EXCEL_EPOCH + Math.round(serial * MS_PER_DAY));
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().slice(0, 10);
}

export function isoToSerial(iso: string): number {
  const serial = dateSerial(iso);
  if (serial === undefined) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  return serial;
}
