import type { ColumnSpec, TableSpec } from '../contract/contract';
import type { Finding } from '../findings/types';
import { makeFinding } from '../findings/make';
import { formatNumber } from '../text/figures';
import type { Located, Ref } from '../model/plan';
import type { SnapshotCell, TableSnapshot, WorkbookSnapshot } from '../snapshot/types';
import { a1, parseCell, rangeAddress } from '../util/brand';
import { normalizeHeader } from '../text/keys';
import { headerUnit, parseNorwegianNumber, type NumberUnit } from './number';

/** Findings collected while parsing; parsing never throws on bad cells. */
export type Sink = Finding[];

export interface BoundColumn {
  index: number;
  header: string;
  unit: NumberUnit;
}

export interface BoundTable {
  spec: TableSpec;
  snapshot: TableSnapshot;
  columns: Map<string, BoundColumn>;
  /** columns the contract does not name (years, strategies, or the user's own extra columns) */
  others: BoundColumn[];
}

export function findTable(workbook: WorkbookSnapshot, name: string): TableSnapshot | undefined {
  const wanted = normalizeHeader(name);
  return workbook.tables.find((t) => normalizeHeader(t.name) === wanted);
}

export function tableRef(table: TableSnapshot): Ref {
  return { sheet: table.sheet, cell: table.range };
}

/**
 * Whether a number read as a count (jobs, companies) is one: whole and not negative. When not, it says so at
 * the cell, naming the column as `column`.
 */
export function isCount(value: number, at: Ref, column: string, sink: Sink): boolean {
  if (!Number.isInteger(value)) {
    sink.push(makeFinding('values.fractional-jobs', at, { column }, { expected: 'heltall', actual: value }));
    return false;
  }
  if (value < 0) {
    sink.push(makeFinding('values.negative-count', at, { column }, { expected: '≥ 0', actual: value }));
    return false;
  }
  return true;
}

/**
 * Finds a contract table and matches its columns by header text. A missing table or a missing required
 * column becomes a finding; a table without a required column is not read further.
 */
export function bindTable(workbook: WorkbookSnapshot, spec: TableSpec, sink: Sink): BoundTable | undefined {
  const snapshot = findTable(workbook, spec.name);
  if (!snapshot) {
    const sheet = workbook.sheets.includes(spec.sheet) ? spec.sheet : (workbook.sheets[0] ?? spec.sheet);
    sink.push(makeFinding('structure.missing-table', { sheet, cell: a1('A1') }, { table: spec.name, sheet: spec.sheet }));
    return undefined;
  }
  const columns = new Map<string, BoundColumn>();
  const others: BoundColumn[] = [];
  snapshot.header.forEach((cell, index) => {
    const header = cellText(cell);
    const column: BoundColumn = { index, header, unit: headerUnit(header) };
    const spec_ = matchColumn(spec.columns, header);
    if (!spec_) {
      others.push(column);
    } else if (columns.has(spec_.key)) {
      sink.push(
        makeFinding(
          'structure.duplicate-column',
          { sheet: snapshot.sheet, cell: cell.address },
          { table: spec.name, column: spec_.header },
        ),
      );
    } else {
      columns.set(spec_.key, column);
    }
  });
  const missing = spec.columns.filter((c) => c.required && !columns.has(c.key));
  const headerRange = headerRangeOf(snapshot);
  for (const column of missing) {
    sink.push(
      makeFinding(
        'structure.missing-column',
        { sheet: snapshot.sheet, cell: headerRange },
        { table: spec.name, column: column.header },
        { expected: column.header },
      ),
    );
  }
  if (missing.length > 0) return undefined;
  return { spec, snapshot, columns, others };
}

function matchColumn(columns: readonly ColumnSpec[], header: string): ColumnSpec | undefined {
  const key = normalizeHeader(header);
  if (key === '') return undefined;
  return columns.find((c) => normalizeHeader(c.header) === key);
}

function headerRangeOf(table: TableSnapshot) {
  const first = table.header[0];
  const last = table.header[table.header.length - 1];
  if (!first || !last) return table.range;
  const start = parseCell(first.address);
  const end = parseCell(last.address);
  return rangeAddress(start.row, start.column, end.row, end.column);
}

export function rowRange(table: TableSnapshot, row: SnapshotCell[]): Ref {
  const first = row[0];
  const last = row[row.length - 1];
  if (!first || !last) return tableRef(table);
  const start = parseCell(first.address);
  const end = parseCell(last.address);
  return { sheet: table.sheet, cell: rangeAddress(start.row, start.column, end.row, end.column) };
}

/** The text of a cell as the user sees it; numbers and booleans as their plain form. */
export function cellText(cell: SnapshotCell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return cell.value.trim();
    case 'number':
      return String(cell.value);
    case 'boolean':
      return cell.value ? 'SANN' : 'USANN';
    case 'date':
      return cell.value;
    case 'error':
      return cell.value;
    case 'empty':
      return '';
  }
}

/** Nothing in the cell: no value, and no formula waiting to be calculated. */
export function isBlank(cell: SnapshotCell): boolean {
  return (cell.kind === 'empty' && cell.formula === undefined) || (cell.kind === 'text' && cell.value.trim() === '');
}

export function isBlankRow(row: readonly SnapshotCell[]): boolean {
  return row.every(isBlank);
}

/**
 * Typed access to the cells of one row. Each reader reports what is wrong with the cell (error value,
 * number stored as text, fraction, negative amount, empty required cell) and returns undefined when the
 * cell has no usable value.
 */
export class RowReader {
  /**
   * Cells of this row whose value is unknown: an error value, text that is no number, a formula without a
   * cached value, an empty required cell, a count that is fractional or negative. Each was reported once at
   * its cell; the parser records what figure it stood for, so the rules can leave its dependants unchecked.
   */
  readonly failures: Ref[] = [];

  constructor(
    private readonly table: BoundTable,
    readonly cells: SnapshotCell[],
    private readonly sink: Sink,
  ) {}

  get sheet(): string {
    return this.table.snapshot.sheet;
  }

  get range(): Ref {
    return rowRange(this.table.snapshot, this.cells);
  }

  has(key: string): boolean {
    return this.table.columns.has(key);
  }

  cell(key: string): SnapshotCell | undefined {
    const column = this.table.columns.get(key);
    return column === undefined ? undefined : this.cells[column.index];
  }

  /** The column is there and its cell holds something (a formula without a cached value counts). */
  present(key: string): boolean {
    const cell = this.cell(key);
    return cell !== undefined && !isBlank(cell);
  }

  /** Whether the cell under `key` was found unreadable while reading it. */
  failed(key: string): boolean {
    const cell = this.cell(key);
    return cell !== undefined && this.failedCell(cell);
  }

  failedCell(cell: SnapshotCell): boolean {
    return this.failures.some((f) => f.cell === cell.address);
  }

  /** The first unreadable cell among `keys` (in that order), if any. */
  firstFailure(...keys: string[]): Ref | undefined {
    for (const key of keys) {
      const cell = this.cell(key);
      if (cell && this.failedCell(cell)) return { sheet: this.sheet, cell: cell.address };
    }
    return undefined;
  }

  at(key: string): Ref {
    const cell = this.cell(key);
    return cell ? { sheet: this.sheet, cell: cell.address } : this.range;
  }

  text(key: string): Located<string> | undefined {
    const cell = this.cell(key);
    if (!cell || !this.usable(cell, key)) return undefined;
    const value = cellText(cell);
    if (value === '') return this.empty(cell, key);
    return { value, sheet: this.sheet, cell: cell.address };
  }

  /** A whole, non-negative number: jobs, companies, years, area numbers. */
  count(key: string): Located<number> | undefined {
    const cell = this.cell(key);
    const read = cell && this.number(cell, key, 'units');
    if (!cell || read === undefined) return undefined;
    const at = { sheet: this.sheet, cell: cell.address };
    if (!isCount(read, at, this.header(key), this.sink)) return this.fail(cell);
    return { value: read, ...at };
  }

  /** An amount in whole kroner; a column whose header says millions is scaled. Negative amounts are reported but kept. */
  kroner(key: string): Located<number> | undefined {
    const cell = this.cell(key);
    const unit = this.table.columns.get(key)?.unit ?? 'units';
    const read = cell && this.number(cell, key, unit);
    if (!cell || read === undefined) return undefined;
    const at = { sheet: this.sheet, cell: cell.address };
    const header = this.header(key);
    const rounded = Math.round(read);
    // Scaling 0.6 M by 1 000 000 leaves float noise; only a real fraction of a krone is worth a word.
    if (Math.abs(rounded - read) > 1e-6) {
      this.sink.push(makeFinding('values.not-whole-kroner', at, { value: formatNumber(rounded) }, { expected: rounded, actual: read }));
    }
    if (rounded < 0) {
      this.sink.push(makeFinding('values.negative-amount', at, { column: header }, { expected: '≥ 0', actual: rounded }));
    }
    return { value: rounded, ...at };
  }

  /** A date as ISO `YYYY-MM-DD`, from a date cell, an Excel serial number or `dd.mm.yyyy` text. */
  date(key: string): Located<string> | undefined {
    const cell = this.cell(key);
    if (!cell || !this.usable(cell, key)) return undefined;
    const at = { sheet: this.sheet, cell: cell.address };
    if (cell.kind === 'date') return { value: cell.value, ...at };
    if (cell.kind === 'empty') return this.empty(cell, key);
    const iso = cell.kind === 'number' ? serialToIso(cell.value) : cell.kind === 'text' ? textToIso(cell.value) : undefined;
    if (iso === undefined) return this.unreadable(cell, 'values.not-a-date', key, 'dd.mm.åååå', cellText(cell));
    return { value: iso, ...at };
  }

  header(key: string): string {
    return this.table.columns.get(key)?.header ?? key;
  }

  /** Reads a number from a number cell or Norwegian number text; reports text with a quick fix. */
  numberAt(cell: SnapshotCell, column: string, unit: NumberUnit): number | undefined {
    if (!this.usable(cell, column)) return undefined;
    const at = { sheet: this.sheet, cell: cell.address };
    switch (cell.kind) {
      case 'number': {
        const value = unit === 'millions' ? cell.value * 1_000_000 : cell.value;
        if (isExact(value)) return value;
        return this.unreadable(cell, 'values.not-a-number', column, 'tall', cellText(cell));
      }
      case 'empty':
        return this.empty(cell, column);
      case 'text': {
        if (cell.value.trim() === '') return this.empty(cell, column);
        const parsed = parseNorwegianNumber(cell.value, unit);
        if (!parsed.ok || !isExact(parsed.value)) return this.unreadable(cell, 'values.not-a-number', column, 'tall', cell.value);
        const shown = unit === 'millions' ? parsed.value / 1_000_000 : parsed.value;
        this.sink.push(
          makeFinding(
            'values.number-as-text',
            at,
            { text: cell.value, value: formatNumber(parsed.value, Number.isInteger(parsed.value) ? 0 : 2) },
            {
              expected: parsed.value,
              actual: cell.value,
              fix: {
                kind: 'set-number',
                sheet: this.sheet,
                cell: cell.address,
                value: shown,
                text: cell.value,
                label: {
                  nb: `Gjør om til tallet ${formatNumber(shown, Number.isInteger(shown) ? 0 : 2)}`,
                  en: `Convert to the number ${shown}`,
                },
              },
            },
          ),
        );
        return parsed.value;
      }
      default:
        return this.unreadable(cell, 'values.not-a-number', column, 'tall', cellText(cell));
    }
  }

  /** Says at the cell that `text` cannot be read as what the column holds (`expected`), and records it unreadable. */
  private unreadable(cell: SnapshotCell, id: 'values.not-a-number' | 'values.not-a-date', column: string, expected: string, text: string) {
    const at = { sheet: this.sheet, cell: cell.address };
    this.sink.push(makeFinding(id, at, { text, column: this.header(column) }, { expected, actual: text }));
    return this.fail(cell);
  }

  /** Records the cell as unreadable (already reported) and gives no value. */
  private fail(cell: SnapshotCell): undefined {
    if (!this.failedCell(cell)) this.failures.push({ sheet: this.sheet, cell: cell.address });
    return undefined;
  }

  private number(cell: SnapshotCell, key: string, unit: NumberUnit): number | undefined {
    return this.numberAt(cell, key, unit);
  }

  /** Error values are always reported; they never count as a value. */
  private usable(cell: SnapshotCell, key: string): boolean {
    if (cell.kind !== 'error') return true;
    if (!this.failedCell(cell)) {
      this.sink.push(
        makeFinding(
          'values.error-value',
          { sheet: this.sheet, cell: cell.address },
          { error: cell.value, column: this.header(key) },
          { expected: 'verdi', actual: cell.value },
        ),
      );
    }
    this.fail(cell);
    return false;
  }

  /**
   * An empty cell: a formula without a cached value (written by a script or an export, never calculated) is
   * "not calculated", not "must be filled in"; an empty required cell is reported. Either way the value is unknown.
   */
  private empty(cell: SnapshotCell, key: string): undefined {
    if (cell.formula !== undefined) {
      if (!this.failedCell(cell))
        this.sink.push(
          makeFinding(
            'values.not-calculated',
            { sheet: this.sheet, cell: cell.address },
            { column: this.header(key) },
            { expected: 'verdi', actual: `=${cell.formula}` },
          ),
        );
      return this.fail(cell);
    }
    const spec = this.table.spec.columns.find((c) => c.key === key);
    if (spec?.required) {
      this.sink.push(
        makeFinding(
          'structure.empty-required',
          { sheet: this.sheet, cell: cell.address },
          { column: spec.header, table: this.table.spec.name },
        ),
      );
      return this.fail(cell);
    }
    return undefined;
  }
}

/**
 * A number the rules can add up exactly. Infinity and NaN (a file can hold `1e999` or 400 typed nines) are no
 * amount at all, and past 2^53 whole numbers are no longer exact, so their sums could not be checked.
 */
function isExact(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
}

/** Body rows that hold anything, each with a reader. Blank rows (Excel keeps one in an empty table) are skipped. */
export function readRows(table: BoundTable, sink: Sink): RowReader[] {
  return table.snapshot.rows.filter((row) => !isBlankRow(row)).map((row) => new RowReader(table, row, sink));
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const ms = EXCEL_EPOCH_UTC + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function textToIso(text: string): string | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (nb) return validDate(Number(nb[3]), Number(nb[2]), Number(nb[1]));
  return undefined;
}

function validDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}
