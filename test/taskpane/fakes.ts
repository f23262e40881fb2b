import type {
  AddColumnsOutcome,
  AppendOutcome,
  FixesOutcome,
  RenderOutcome,
  RowChanges,
  RowContext,
  RowValue,
  TemplateOutcome,
  WorkbookPort,
  WriteRowsOutcome,
} from '../../src/adapters/port';
import { OfficeWorkbook } from '../../src/adapters/office';
import { createExcelDouble } from '../../src/adapters/office/double';
import { openXlsxPort, type XlsxPort } from '../../src/adapters/xlsx/port';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import type { WorkbookData } from '../../src/core/contract/tableData';
import type { QuickFix } from '../../src/core/findings/types';
import type { SheetLayout } from '../../src/core/layout/types';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { tableByName } from '../../src/core/snapshot/fromTableData';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import type { A1 } from '../../src/core/util/brand';
import type { PackagePort, StandaloneFiles } from '../../src/taskpane/host';

/**
 * The real .xlsx adapter (which runs the port conformance suite, test/adapters/xlsx.conformance.test.ts) over a
 * workbook written from `data`, recording what the pane asks of it. It adds no behaviour of its own but three
 * switches a test sets: a method made to fail, a gate readSnapshot waits for (to observe the pane while it is
 * busy), and `answersWithRow = false` for Excel, whose adapter selects the cell itself and answers null.
 */
export class RecordingPort implements WorkbookPort {
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
  /** whether select answers with the row (the standalone page) or null (Excel selects the cell itself) */
  answersWithRow = true;
  /** a promise readSnapshot waits for before answering (to observe the pane while it is busy) */
  gate: Promise<void> | null = null;

  constructor(private inner: WorkbookPort) {}

  /** The .xlsx adapter over a workbook holding `data`, placed as the template places it. */
  static async open<T extends RecordingPort>(this: new (inner: XlsxPort) => T, data: WorkbookData): Promise<T> {
    return new this(await openXlsxPort(await writeWorkbookData(data)));
  }

  /**
   * The Office.js adapter over the strict Excel double holding `data` (it too runs the conformance suite), for
   * what only Excel does here: creating the programme's tables in the open workbook.
   */
  static inExcel(data: WorkbookData): RecordingPort {
    const double = createExcelDouble({ data });
    return new RecordingPort(new OfficeWorkbook(double.run, { isSupported: double.supports }));
  }

  /** The workbook changed outside the pane (the user typed in Excel): later calls see a workbook holding `data`. */
  async replace(data: WorkbookData): Promise<void> {
    this.inner = await openXlsxPort(await writeWorkbookData(data));
  }

  private fail(method: keyof WorkbookPort): void {
    const error = this.failures[method];
    if (error !== undefined) throw error;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    this.calls.readSnapshot += 1;
    if (this.gate) await this.gate;
    this.fail('readSnapshot');
    return this.inner.readSnapshot();
  }

  writeRows(table: string, changes: RowChanges): Promise<WriteRowsOutcome> {
    this.calls.writeRows.push({ table, changes });
    this.fail('writeRows');
    return this.inner.writeRows(table, changes);
  }

  renderLayout(layout: SheetLayout): Promise<RenderOutcome> {
    this.calls.renderLayout.push(layout);
    this.fail('renderLayout');
    return this.inner.renderLayout(layout);
  }

  applyFixes(fixes: readonly QuickFix[]): Promise<FixesOutcome> {
    this.calls.applyFixes.push([...fixes]);
    this.fail('applyFixes');
    return this.inner.applyFixes(fixes);
  }

  createTemplate(template: WorkbookData): Promise<TemplateOutcome> {
    this.calls.createTemplate.push(template);
    this.fail('createTemplate');
    return this.inner.createTemplate(template);
  }

  appendRow(table: string, values: Readonly<Record<string, RowValue>>): Promise<AppendOutcome> {
    this.calls.appendRow.push({ table, values });
    this.fail('appendRow');
    return this.inner.appendRow(table, values);
  }

  addColumns(tables: readonly string[], header: string): Promise<AddColumnsOutcome> {
    this.fail('addColumns');
    if (this.inner.addColumns === undefined) throw new Error('this adapter adds no columns');
    return this.inner.addColumns(tables, header);
  }

  async select(sheet: string, cell: A1): Promise<RowContext | null> {
    this.calls.select.push([sheet, cell]);
    this.fail('select');
    return this.answersWithRow ? this.inner.select(sheet, cell) : null;
  }
}

/** The standalone page's port: the same, with the package's bytes for a download. */
export class RecordingPackage extends RecordingPort implements PackagePort {
  constructor(private readonly xlsx: XlsxPort) {
    super(xlsx);
  }

  toBytes(): Uint8Array {
    return this.xlsx.toBytes();
  }
}

/** The sample's data, optionally changed first (e.g. a number typed as text). */
export function sampleData(change?: (data: WorkbookData) => void): WorkbookData {
  const data = hallingdalSample();
  change?.(data);
  return data;
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
  packages: RecordingPackage[];
}

/** The standalone page's files over RecordingPackage: every open (and the sample) gives a port on `data`. */
export function fakeFiles(data: () => WorkbookData = () => sampleData()): FakeFiles {
  const files: FakeFiles = {
    opened: [],
    samples: [],
    saved: [],
    packages: [],
    open(bytes) {
      files.opened.push(bytes);
      return opened(data());
    },
    openSample(kind) {
      files.samples.push(kind);
      return opened(data());
    },
    save(bytes, fileName) {
      files.saved.push({ bytes, fileName });
    },
  };
  async function opened(workbook: WorkbookData): Promise<RecordingPackage> {
    const pkg = await RecordingPackage.open(workbook);
    files.packages.push(pkg);
    return pkg;
  }
  return files;
}
