import type { AppendOutcome, FixesOutcome, RenderOutcome, RowChanges, RowContext, RowValue, TemplateOutcome, WriteRowsOutcome } from '../../adapters/port';
import type { WorkbookData } from '../../core/contract/tableData';
import type { QuickFix } from '../../core/findings/types';
import type { SheetLayout } from '../../core/layout/types';
import type { WorkbookSnapshot } from '../../core/snapshot/types';
import type { A1 } from '../../core/util/brand';
import type { PackagePort } from '../host';

/**
 * The built-in sample, shown at once. Its tables are read straight from the core's data: the snapshot an
 * .xlsx written from that data gives (same placement and addresses; test/adapters/sample-port.test.ts holds
 * the two to the same findings). The .xlsx package itself — exceljs writing the workbook, the largest chunk
 * and seconds of work on a slow laptop — is made only when something needs it (a write, a row shown, a
 * download), or when the page is idle after start, so the sample is on screen without waiting for it.
 */
export class SamplePort implements PackagePort {
  private made: Promise<PackagePort> | null = null;
  private readonly snapshot: WorkbookSnapshot;

  constructor(data: WorkbookData, snapshotOf: (data: WorkbookData) => WorkbookSnapshot, private readonly makePackage: () => Promise<PackagePort>) {
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

  /** Before the package is made, nothing can have changed the sample: its data is the workbook. */
  readSnapshot(): Promise<WorkbookSnapshot> {
    return this.made === null ? Promise.resolve(this.snapshot) : this.made.then((p) => p.readSnapshot());
  }

  async renderLayout(layout: SheetLayout): Promise<RenderOutcome> {
    return (await this.package()).renderLayout(layout);
  }

  async applyFix(fix: QuickFix): Promise<void> {
    return (await this.package()).applyFix(fix);
  }

  async applyFixes(fixes: readonly QuickFix[]): Promise<FixesOutcome> {
    return (await this.package()).applyFixes(fixes);
  }

  async createTemplate(template: WorkbookData): Promise<TemplateOutcome> {
    return (await this.package()).createTemplate(template);
  }

  async appendRow(table: string, values: Readonly<Record<string, RowValue>>): Promise<AppendOutcome> {
    return (await this.package()).appendRow(table, values);
  }

  async writeRows(table: string, changes: RowChanges): Promise<WriteRowsOutcome> {
    return (await this.package()).writeRows(table, changes);
  }

  async select(sheet: string, cell: A1): Promise<RowContext | null> {
    return (await this.package()).select(sheet, cell);
  }

  async toBytes(): Promise<Uint8Array> {
    return (await this.package()).toBytes();
  }
}
