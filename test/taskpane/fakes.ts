import {
  WorkbookOperationError,
  type AppendOutcome,
  type FixesOutcome,
  type RenderOutcome,
  type RowChanges,
  type RowContext,
  type RowValue,
  type TemplateOutcome,
  type WorkbookPort,
  type WriteRowsOutcome,
} from '../../src/adapters/port';
import { normalizeHeader } from '../../src/core/text/keys';
import type { WorkbookData } from '../../src/core/contract/tableData';
import type { QuickFix } from '../../src/core/findings/types';
import type { SheetLayout } from '../../src/core/layout/types';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData, tableByName } from '../../src/core/snapshot/fromTableData';
import type { SnapshotCell, WorkbookSnapshot } from '../../src/core/snapshot/types';
import { cellAddress, parseCell, rangeAddress } from '../../src/core/util/brand';
import type { PackagePort, StandaloneFiles } from '../../src/taskpane/host';

/**
 * A WorkbookPort over a snapshot in memory, built on the core, that records what the pane asks of it.
 * applyFixes writes the numbers into the snapshot, so a re-validation sees the fix; select answers with the
 * table row around the cell, as the .xlsx adapter does.
 */
export class FakePort implements WorkbookPort {
  readonly calls = {
    readSnapshot: 0,
    select: [] as [string, string][],
    applyFixes: [] as QuickFix[][],
    renderLayout: [] as SheetLayout[],
    createTemplate: [] as WorkbookData[],
    appendRow: [] as { table: string; values: Readonly<Record<string, RowValue>> }[],
    writeRows: [] as { table: string; changes: RowChanges }[],
  };
  /** when set, the next calls of that method fail with this error */
  failures: Partial<Record<keyof WorkbookPort, Error>> = {};
  /** what renderLayout reports back */
  renderOutcome: (layout: SheetLayout) => RenderOutcome = (layout) => ({ sheet: layout.sheet, replaced: false });
  templateOutcome: TemplateOutcome = { createdSheets: [], createdTables: [], addedColumns: [] };
  /** whether select answers with the row (the standalone page) or null (Excel selects the cell itself) */
  answersWithRow = true;
  /** a promise readSnapshot waits for before answering (to observe the pane while it is busy) */
  gate: Promise<void> | null = null;

  constructor(public snapshot: WorkbookSnapshot) {}

  private fail(method: keyof WorkbookPort): void {
    const error = this.failures[method];
    if (error !== undefined) throw error;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    this.calls.readSnapshot += 1;
    if (this.gate) await this.gate;
    this.fail('readSnapshot');
    return JSON.parse(JSON.stringify(this.snapshot)) as WorkbookSnapshot;
  }

  writeRows(table: string, changes: RowChanges): Promise<WriteRowsOutcome> {
    this.calls.writeRows.push({ table, changes });
    this.fail('writeRows');
    return Promise.resolve({ table, sheet: 'Effektmål', updated: changes.update.length, appended: changes.append.length });
  }

  renderLayout(layout: SheetLayout): Promise<RenderOutcome> {
    this.calls.renderLayout.push(layout);
    this.fail('renderLayout');
    return Promise.resolve(this.renderOutcome(layout));
  }

  /** As the adapters do: a cell that no longer holds the text it was validated with is left alone and counted. */
  applyFixes(fixes: readonly QuickFix[]): Promise<FixesOutcome> {
    this.calls.applyFixes.push([...fixes]);
    this.fail('applyFixes');
    const current = fixes.filter((fix) => this.textAt(fix) === fix.text);
    for (const fix of current) this.write(fix);
    const changedSince = fixes.length - current.length;
    return Promise.resolve({ changed: current.length, skipped: 0, changedSince, writes: fixes.length > 0 ? 1 : 0 });
  }

  private textAt(fix: QuickFix): string | undefined {
    for (const table of this.snapshot.tables) {
      if (table.sheet !== fix.sheet) continue;
      const cell = table.rows.flat().find((c) => c.address === fix.cell);
      if (cell !== undefined) return cell.kind === 'text' ? cell.value : undefined;
    }
    return undefined;
  }

  private write(fix: QuickFix): void {
    for (const table of this.snapshot.tables) {
      if (table.sheet !== fix.sheet) continue;
      for (const row of table.rows) {
        const index = row.findIndex((c) => c.address === fix.cell);
        if (index >= 0) row[index] = { kind: 'number', value: fix.value, address: fix.cell };
      }
    }
  }

  createTemplate(template: WorkbookData): Promise<TemplateOutcome> {
    this.calls.createTemplate.push(template);
    this.fail('createTemplate');
    return Promise.resolve(this.templateOutcome);
  }

  /** Adds the row to the snapshot's table below its last row, typed as an adapter would read it back. */
  appendRow(table: string, values: Readonly<Record<string, RowValue>>): Promise<AppendOutcome> {
    this.calls.appendRow.push({ table, values });
    this.fail('appendRow');
    const target = this.snapshot.tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
    if (target === undefined)
      return Promise.reject(new WorkbookOperationError('not-found', `Fant ikke tabellen ${table}.`, `Table ${table} was not found.`));
    const first = parseCell(target.header[0]?.address ?? 'A1');
    const row = first.row + target.rows.length + 1;
    const cells = target.header.map((h, i): SnapshotCell => {
      const key = Object.keys(values).find((k) => normalizeHeader(k) === normalizeHeader(String(h.value ?? '')));
      const value = key === undefined ? null : (values[key] ?? null);
      const address = cellAddress(row, first.column + i);
      if (value === null) return { kind: 'empty', value: null, address };
      if (typeof value === 'number') return { kind: 'number', value, address };
      if (typeof value === 'string') return { kind: 'text', value, address };
      return { kind: 'date', value: value.date, address };
    });
    target.rows.push(cells);
    return Promise.resolve({
      table: target.name,
      sheet: target.sheet,
      range: rangeAddress(row, first.column, row, first.column + target.header.length - 1),
    });
  }

  select(sheet: string, cell: string): Promise<RowContext | null> {
    this.calls.select.push([sheet, cell]);
    this.fail('select');
    if (!this.answersWithRow) return Promise.resolve(null);
    const at = parseCell(cell.split(':')[0] ?? cell);
    const text = (c: SnapshotCell) => (c.value === null ? '' : String(c.value));
    for (const table of this.snapshot.tables) {
      if (table.sheet !== sheet) continue;
      for (const row of [...table.rows, ...(table.totalRow ? [table.totalRow] : [])]) {
        if (row.some((c) => parseCell(c.address).row === at.row && parseCell(c.address).column === at.column)) {
          return Promise.resolve({ table: table.name, header: table.header.map(text), values: row.map(text) });
        }
      }
    }
    return Promise.resolve(null);
  }
}

export class FakePackage extends FakePort implements PackagePort {
  toBytes(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array([0x50, 0x4b, 3, 4, this.calls.renderLayout.length]));
  }
}

/** The sample as a snapshot, optionally changed first (e.g. a number typed as text). */
export function sampleSnapshot(change?: (data: WorkbookData) => void): WorkbookSnapshot {
  const data = hallingdalSample();
  change?.(data);
  return snapshotFromData(data);
}

/** Sets Budsjett's Beløp in body row `row` (0-based) to `value`. */
export function setBudget(row: number, value: string | number): (data: WorkbookData) => void {
  return (data) => {
    const budget = tableByName(data, 'Budsjett');
    const column = budget.header.indexOf('Beløp');
    const cells = budget.rows[row];
    if (!cells || column < 0) throw new Error('no such budget cell');
    cells[column] = value;
  };
}

export interface FakeFiles extends StandaloneFiles {
  opened: Uint8Array[];
  /** which sample each openSample call asked for */
  samples: (string | undefined)[];
  saved: { bytes: Uint8Array; fileName: string }[];
  packages: FakePackage[];
}

/** The standalone page's files over FakePackage: every open gives a port on `snapshot`. */
export function fakeFiles(snapshot: () => WorkbookSnapshot = () => sampleSnapshot()): FakeFiles {
  const files: FakeFiles = {
    opened: [],
    samples: [],
    saved: [],
    packages: [],
    open(bytes) {
      files.opened.push(bytes);
      const pkg = new FakePackage(snapshot());
      files.packages.push(pkg);
      return Promise.resolve(pkg);
    },
    openSample(kind) {
      files.samples.push(kind);
      const pkg = new FakePackage(snapshot());
      files.packages.push(pkg);
      return Promise.resolve(pkg);
    },
    save(bytes, fileName) {
      files.saved.push({ bytes, fileName });
    },
  };
  return files;
}
