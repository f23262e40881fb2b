import type { WorkbookData } from '../../core/contract/tableData';
import type { QuickFix } from '../../core/findings/types';
import type { SheetLayout } from '../../core/layout/types';
import type { WorkbookSnapshot } from '../../core/snapshot/types';
import type { A1 } from '../../core/util/brand';
import { planFixes, plannedFixes, runCells, stillAsValidated } from '../../core/findings/fixPlan';
import {
  WorkbookOperationError,
  type AddColumnsOutcome,
  type AppendOutcome,
  type FixesOutcome,
  type RenderOutcome,
  type RowValue,
  type RowChanges,
  type RowContext,
  type TemplateOutcome,
  type WorkbookPort,
  type WriteRowsOutcome,
} from '../port';
import { rowAround } from '../rowContext';
import { addColumnsIntoPackage } from './addColumn';
import { appendRowIntoPackage, writeRowsIntoPackage } from './append';
import { PackageParts } from './opc';
import { packParts, readPackageParts, type XlsxReadOptions } from './package';
import { openXlsx } from './read';
import { renderLayoutIntoPackage } from './render';
import { worksheetPart } from './workbookParts';
import { escapeRegExp } from './xml';

/**
 * The workbook port over an .xlsx file's bytes held in memory: the standalone page and tests use it.
 * Generating and quick fixes change the in-memory package only; `toBytes()` gives it back for a download
 * under a new name. The user's own file is never written.
 */
export class XlsxPort implements WorkbookPort {
  private snapshot: WorkbookSnapshot | undefined;

  private constructor(
    private bytes: Uint8Array,
    private readonly options: XlsxReadOptions,
  ) {}

  /** Opens and checks the bytes once, so an unusable file fails here with a WorkbookFileError. */
  static async open(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<XlsxPort> {
    const port = new XlsxPort(bytes, options);
    await port.readSnapshot();
    return port;
  }

  /**
   * The tables as the bytes hold them now. Read once per version of the package and handed out frozen, not
   * copied: a copy of 10 000 report rows took a third of a second of each Valider on the standalone page,
   * and nothing may change a snapshot anyway (a write throws, instead of quietly spoiling the next read).
   */
  readSnapshot(): Promise<WorkbookSnapshot> {
    return this.currentSnapshot();
  }

  async renderLayout(layout: SheetLayout): Promise<RenderOutcome> {
    const result = await renderLayoutIntoPackage(this.bytes, layout, this.options);
    this.replaceBytes(result.bytes);
    const outcome: RenderOutcome = { sheet: result.sheet, replaced: result.replaced };
    if (result.renamedFrom !== undefined) outcome.renamedFrom = result.renamedFrom;
    return outcome;
  }

  /**
   * One write: the cells are checked against the package about to be edited (a fix whose cell no longer holds
   * the text it was validated with is left out and counted), then the package is opened once, each sheet's
   * XML edited in one pass, and packed once.
   */
  async applyFixes(fixes: readonly QuickFix[]): Promise<FixesOutcome> {
    const wanted = planFixes(fixes, { maxRequestBytes: Number.POSITIVE_INFINITY });
    const current = textsOf(await this.currentSnapshot(), plannedFixes(fixes, wanted));
    const verified = stillAsValidated(plannedFixes(fixes, wanted), (sheet, cell) => current.get(`${sheet}!${cell}`));
    const plan = planFixes(verified.unchanged, { maxRequestBytes: Number.POSITIVE_INFINITY });
    const outcome: FixesOutcome = { changed: plan.cells, skipped: wanted.skipped.length, changedSince: verified.changed, writes: 0 };
    const bySheet = new Map<string, Map<string, number>>();
    for (const run of plan.requests.flat()) {
      const cells = bySheet.get(run.sheet) ?? new Map<string, number>();
      runCells(run).forEach((ref, i) => cells.set(ref, run.values[i] ?? 0));
      bySheet.set(run.sheet, cells);
    }
    if (bySheet.size === 0) return outcome;
    const { parts } = await readPackageParts(this.bytes, this.options);
    const edit = new PackageParts(parts);
    for (const [sheet, cells] of bySheet) {
      const part = worksheetPart(edit, sheet);
      edit.setText(part, withNumbers(edit.text(part) ?? '', cells, sheet));
    }
    this.replaceBytes(await packParts(edit.entries()));
    return { ...outcome, writes: 1 };
  }

  createTemplate(_template: WorkbookData): Promise<TemplateOutcome> {
    // Adding tables to a file means writing table parts into other people's sheets; in Excel the add-in
    // does it through the API, and for files `handlingsplan init` writes a new workbook instead.
    return Promise.reject(
      new WorkbookOperationError(
        'unsupported',
        'Å opprette tabeller i en fil støttes ikke her. Bruk «handlingsplan init» for en ny arbeidsbok, eller tillegget i Excel.',
        'Creating tables in a file is not supported here. Use "handlingsplan init" for a new workbook, or the add-in in Excel.',
      ),
    );
  }

  /** Into the blank last row or the row below the table, a whole sheet row inserted when that row is taken (see ./append). */
  async appendRow(table: string, values: Readonly<Record<string, RowValue>>): Promise<AppendOutcome> {
    const result = await appendRowIntoPackage(this.bytes, await this.readSnapshot(), table, values, this.options);
    this.replaceBytes(result.bytes);
    return result.outcome;
  }

  /** Every row in one package rewrite (see ./append). */
  async writeRows(table: string, changes: RowChanges): Promise<WriteRowsOutcome> {
    const result = await writeRowsIntoPackage(this.bytes, await this.readSnapshot(), table, changes, this.options);
    this.replaceBytes(result.bytes);
    return result.outcome;
  }

  /** A new last column for each table, in one package rewrite, or none when one cannot take it (see ./addColumn). */
  async addColumns(tables: readonly string[], header: string): Promise<AddColumnsOutcome> {
    const result = await addColumnsIntoPackage(this.bytes, await this.readSnapshot(), tables, header, this.options);
    this.replaceBytes(result.bytes);
    return result.outcome;
  }

  /** There is no grid to select in: the row of the table around the cell is what the user gets to see. */
  async select(sheet: string, cell: A1): Promise<RowContext | null> {
    const snapshot = await this.readSnapshot();
    return rowAround(snapshot, sheet, cell);
  }

  /** The package as it is now, with generated sheets and applied fixes. */
  toBytes(): Uint8Array {
    return this.bytes;
  }

  /** The snapshot of the bytes as they are now, read (and frozen) once per version of the package. */
  private async currentSnapshot(): Promise<WorkbookSnapshot> {
    this.snapshot ??= deepFreeze(await (await openXlsx(this.bytes, this.options)).readSnapshot());
    return this.snapshot;
  }

  private replaceBytes(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.snapshot = undefined;
  }
}

export function openXlsxPort(bytes: Uint8Array, options?: XlsxReadOptions): Promise<XlsxPort> {
  return XlsxPort.open(bytes, options);
}

/** Freezes a plain-data value and everything in it (a snapshot: objects, arrays, strings, numbers). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}

/** The text each fix's cell holds now in the package's tables (cells holding no text are left out). */
function textsOf(snapshot: WorkbookSnapshot, fixes: readonly QuickFix[]): Map<string, string> {
  const wanted = new Set(fixes.map((fix) => `${fix.sheet}!${fix.cell}`));
  const texts = new Map<string, string>();
  for (const table of snapshot.tables) {
    for (const row of [table.header, ...table.rows, ...(table.totalRow ? [table.totalRow] : [])]) {
      for (const cell of row) {
        const key = `${table.sheet}!${cell.address}`;
        if (cell.kind === 'text' && wanted.has(key)) texts.set(key, cell.value);
      }
    }
  }
  return texts;
}

/**
 * Replaces the content of many cells with numbers in one pass over the sheet's XML, keeping each cell's
 * style and everything else byte for byte. Every named cell must exist, or nothing is changed.
 */
function withNumbers(xml: string, cells: ReadonlyMap<string, number>, sheet: string): string {
  const tag = /<((?:\w+:)?c)\b([^>]*?)(\/?)>/g;
  const out: string[] = [];
  let copied = 0;
  let found = 0;
  for (let open = tag.exec(xml); open; open = tag.exec(xml)) {
    const [startTag, name = 'c', attributes = '', selfClosing] = open;
    const ref = /\sr="([A-Z]+\d+)"/.exec(attributes)?.[1];
    const value = ref === undefined ? undefined : cells.get(ref);
    if (ref === undefined || value === undefined) continue;
    const end = selfClosing === '/' ? open.index + startTag.length : xml.indexOf(`</${name}>`, open.index) + name.length + 3;
    const style = / s="(\d+)"/.exec(startTag)?.[1];
    const vTag = name.includes(':') ? `${name.split(':')[0]}:v` : 'v';
    out.push(
      xml.slice(copied, open.index),
      `<${name} r="${ref}"${style === undefined ? '' : ` s="${style}"`}><${vTag}>${String(value)}</${vTag}></${name}>`,
    );
    copied = end;
    tag.lastIndex = end;
    found += 1;
  }
  if (found < cells.size) {
    const missing = [...cells.keys()].find((ref) => !new RegExp(`\\sr="${escapeRegExp(ref)}"`).test(xml)) ?? '';
    throw new WorkbookOperationError('not-found', `Fant ikke cellen ${sheet}!${missing}.`, `Cell ${sheet}!${missing} was not found.`);
  }
  out.push(xml.slice(copied));
  return out.join('');
}
