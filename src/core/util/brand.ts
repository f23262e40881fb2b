/**
 * Small branded types so a count of jobs is never passed where kroner are meant, and a free string never
 * stands where a checked cell address is required. Each has exactly one checked constructor.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Whole Norwegian kroner. */
export type Kroner = Brand<number, 'Kroner'>;

export function kroner(value: number): Kroner {
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    throw new RangeError(`Not a whole number of kroner: ${value}`);
  }
  return value as Kroner;
}

/** Rounds an amount that may carry float noise (e.g. 0.6 M * 1 000 000) to whole kroner. */
export function roundKroner(value: number): Kroner {
  return kroner(Math.round(value));
}

/** An A1 cell address (`B7`) or range (`B7:D9`), without sheet name, absolute markers stripped. */
export type A1 = Brand<string, 'A1'>;

const A1_CELL = /^[A-Z]{1,3}[1-9][0-9]{0,6}$/;

export function a1(text: string): A1 {
  const clean = text.replace(/\$/g, '').toUpperCase();
  const parts = clean.split(':');
  if (parts.length > 2 || !parts.every((p) => A1_CELL.test(p))) {
    throw new RangeError(`Not an A1 address: ${text}`);
  }
  return clean as A1;
}

export function isA1(text: string): boolean {
  const parts = text.replace(/\$/g, '').toUpperCase().split(':');
  return parts.length <= 2 && parts.every((p) => A1_CELL.test(p));
}

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters → 1-based column number (A → 1, AA → 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Checked by its numbers rather than by parsing the text back: it is on the hot path of every row. */
export function cellAddress(row: number, column: number): A1 {
  if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1 || row > 9_999_999 || column > 18_278) {
    throw new RangeError(`Not a cell position: row ${row}, column ${column}`);
  }
  return `${columnLetters(column)}${row}` as A1;
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): A1 {
  const start = cellAddress(top, left);
  const end = cellAddress(bottom, right);
  return start === end ? start : (`${start}:${end}` as A1);
}

export interface CellPosition {
  row: number;
  column: number;
}

export function parseCell(address: A1 | string): CellPosition {
  const m = /^([A-Z]+)([0-9]+)$/.exec(address.replace(/\$/g, '').toUpperCase());
  if (!m || m[1] === undefined || m[2] === undefined) throw new RangeError(`Not a cell address: ${address}`);
  return { column: columnNumber(m[1]), row: Number(m[2]) };
}
