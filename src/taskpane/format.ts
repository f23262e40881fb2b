import { formatFigure } from '../core/text/figures';
import type { FindingValue } from '../core/findings/types';

/**
 * Numbers the Norwegian way in both languages, as the workbook and the board read them: 1 200 000 and 10,9,
 * grouped with a non-breaking space so a figure never wraps. Amounts are the workbook's, not the reader's.
 */
export function formatNumber(value: number): string {
  return formatFigure(value);
}

export function formatCount(value: number): string {
  return formatNumber(value);
}

/** A finding's expected or actual value for display; null is "nothing there". */
export function formatValue(value: FindingValue, empty: string): string {
  if (value === null) return empty;
  if (typeof value === 'number') return formatNumber(value);
  return value;
}

/** A cell's place as Excel writes it: Mål!M15, or 'Sheet name'!A1 when the name needs quotes. */
export function cellRef(sheet: string, cell: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

/**
 * A file name for the downloaded copy: `<name> – handlingsplan 2022.xlsx` (or `– styrerapport 2022`), without
 * characters file systems refuse.
 */
export function downloadName(base: string, year: number, kind: 'handlingsplan' | 'styrerapport' = 'handlingsplan'): string {
  const visible = Array.from(base, (ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('');
  const clean =
    visible
      .replace(/\.(xlsx|xlsm)$/i, '')
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'arbeidsbok';
  return `${clean} – ${kind} ${year}.xlsx`;
}
