import type { A1 } from '../util/brand';

/**
 * What an adapter reads from a workbook, before any interpretation: per table its header, body rows and
 * total row as raw cells. The core parses this into the domain model; adapters never interpret values.
 */
export type CellKind = 'number' | 'text' | 'boolean' | 'date' | 'error' | 'empty';

export type SnapshotCell =
  | { kind: 'number'; value: number; address: A1; formula?: string; numberFormat?: string }
  | { kind: 'text'; value: string; address: A1; formula?: string; numberFormat?: string }
  | { kind: 'boolean'; value: boolean; address: A1; formula?: string; numberFormat?: string }
  /** Dates as ISO `YYYY-MM-DD` (time of day dropped: the contract only holds dates). */
  | { kind: 'date'; value: string; address: A1; formula?: string; numberFormat?: string }
  /** Excel error values such as `#REF!`, `#VALUE!`, `#N/A`. */
  | { kind: 'error'; value: string; address: A1; formula?: string; numberFormat?: string }
  | { kind: 'empty'; value: null; address: A1; formula?: string; numberFormat?: string };

export interface TableSnapshot {
  name: string;
  sheet: string;
  /** The whole table range including header and total row, e.g. `A3:E9`. */
  range: A1;
  header: SnapshotCell[];
  rows: SnapshotCell[][];
  /** Present when the table shows its total row. */
  totalRow?: SnapshotCell[];
}

/** A sheet the add-in generated, recognised by its marker. */
export interface GeneratedSheetInfo {
  sheet: string;
  kind: string;
  year: number;
  /** Digest of the input the sheet was made from. */
  inputDigest: string;
  /** ISO date-time of generation, when the marker records it */
  generatedAt?: string;
}

export interface WorkbookSnapshot {
  sheets: string[];
  tables: TableSnapshot[];
  generated?: GeneratedSheetInfo[];
}
