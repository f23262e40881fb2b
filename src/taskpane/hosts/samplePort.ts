import type {
  AppendOutcome,
  FixesOutcome,
  RenderOutcome,
  RowChanges,
  RowContext,
  RowValue,
  TemplateOutcome,
  WriteRowsOutcome,
} from '../../adapters/port';
import type { WorkbookData } from '../../core/contract/tableData';
import type { QuickFix } from '../../core/findings/types';
import type { SheetLayout } from '../../core/layout/types';
import type { WorkbookSnapshot } from '../../core/snapshot/types';
import type { A1 } from '../../core/util/brand';
import { rowAround } from '../../adapters/rowContext';
import type { PackagePort } from '../host';

/**
 * The built-in sample, shown at once. Its tables are read straight from the core's data: the snapshot an
 * .xlsx written from that data gives (same placement and addresses; test/adapters/sample-port.test.ts holds
 * the two to the same findings), and Valider and a finding's table row need nothing else. The .xlsx package
 * itself — the largest chunk, and exceljs writing the workbook: seconds of work on a slow laptop — is made
 * when the first write needs it (Generer, Rett opp, a form's row), so start and Valider never wait for it
 * and no background work competes with them.
 */
export class SamplePort implements PackagePort {
  private made: Promise<PackagePort> | null = null;
  /** a write has gone to the package (or is on its way): from then on it is what is read */
  private written = false;
  private readonly snapshot: WorkbookSnapshot;

  constructor(
    data: WorkbookData,
    snapshotOf: (data: WorkbookData) => WorkbookSnapshot,
    private readonly makePackage: () => Promise<PackagePort>,
  ) {
    this.snapshot = snapshotOf(data);
  }

  /** The package, made once (a failed attempt, e.g. the chunk did not load, is tried again next time). */
  package(): Promise<PackagePort> {
    this.made ??= this.makePackage().catch((error: unknown) => {
      this.made = null;
      throw error;
    });
    return this.made;
  }

  /** Until something is written, nothing can have changed the sample: its data is the workbook. */
  readSnapshot(): Promise<WorkbookSnapshot> {
    return this.written ? this.package().then((p) => p.readSnapshot()) : Promise.resolve(this.snapshot);
  }

  renderLayout(layout: SheetLayout): Promise<RenderOutcome> {
    return this.write((p) => p.renderLayout(layout));
  }

  applyFixes(fixes: readonly QuickFix[]): Promise<FixesOutcome> {
    return this.write((p) => p.applyFixes(fixes));
  }

  createTemplate(template: WorkbookData): Promise<TemplateOutcome> {
    return this.write((p) => p.createTemplate(template));
  }

  appendRow(table: string, values: Readonly<Record<string, RowValue>>): Promise<AppendOutcome> {
    return this.write((p) => p.appendRow(table, values));
  }

  writeRows(table: string, changes: RowChanges): Promise<WriteRowsOutcome> {
    return this.write((p) => p.writeRows(table, changes));
  }

  /** The row around a cell, as the .xlsx adapter answers it, from the same snapshot. */
  async select(sheet: string, cell: A1): Promise<RowContext | null> {
    return this.written ? (await this.package()).select(sheet, cell) : rowAround(this.snapshot, sheet, cell);
  }

  async toBytes(): Promise<Uint8Array> {
    return (await this.package()).toBytes();
  }

  private async write<T>(operation: (port: PackagePort) => Promise<T>): Promise<T> {
    const port = await this.package();
    this.written = true;
    return operation(port);
  }
}
