import { DoubleObject, type DoubleContext, type PropertyTable } from './context';
import { DoubleRichApiError, accessDenied, invalidArgument } from './errors';
import { autoExpandTables, type Position } from './growth';
import { insertSheetRows } from './insertRows';
import { DoubleWorksheet } from './sheet';
import {
  contains,
  heightOf,
  MAX_COLUMNS,
  MAX_ROWS,
  overlaps,
  qualifiedAddress,
  widthOf,
  type BorderState,
  type Bounds,
  type CellState,
  type FormatState,
  type SheetState,
  type WorkbookState,
} from './state';
import { forEachInput, formulaOf, numberFormatOf, readGrid, valueOf, valueTypeOf, writeInput } from './values';

export interface RangeTarget {
  sheet: SheetState;
  bounds: Bounds;
}

/** Styling more cells than this at once is not something the adapter should need; it would also exhaust memory. */
const MAX_STYLED_CELLS = 1_000_000;
/** Excel's default column width (8.43 characters = 64 px) and row height, in points. */
const DEFAULT_COLUMN_WIDTH = 48;
const DEFAULT_ROW_HEIGHT = 15;

export function assertWritable(state: WorkbookState, sheet: SheetState, location: string): void {
  if (state.readOnly) throw accessDenied(location);
  if (sheet.deleted) throw new DoubleRichApiError('InvalidReference', 'The sheet was deleted.', location);
  if (sheet.isProtected) throw accessDenied(location);
}

function eachCell(target: RangeTarget, location: string, change: (cell: CellState) => void): void {
  const { sheet, bounds } = target;
  if (heightOf(bounds) * widthOf(bounds) > MAX_STYLED_CELLS) throw invalidArgument('range too large for the double', location);
  for (let r = bounds.top; r <= bounds.bottom; r++) for (let c = bounds.left; c <= bounds.right; c++) change(sheet.cellForWrite(r, c));
}

export class DoubleRange extends DoubleObject<RangeTarget> {
  private formatProxy: DoubleRangeFormat | undefined;
  private validationProxy: DoubleDataValidation | undefined;

  constructor(context: DoubleContext, path: string, locate: () => RangeTarget | null) {
    super(context, path, locate);
  }

  protected get kind(): string {
    return 'Range';
  }

  protected properties(): PropertyTable<RangeTarget> {
    const grid =
      <V>(read: (cell: CellState | undefined) => V) =>
      (t: RangeTarget) =>
        readGrid(t.sheet, t.bounds, read, `${this.path}.load`);
    return {
      address: (t) => qualifiedAddress(t.sheet, t.bounds),
      rowCount: (t) => heightOf(t.bounds),
      columnCount: (t) => widthOf(t.bounds),
      cellCount: (t) => heightOf(t.bounds) * widthOf(t.bounds),
      rowIndex: (t) => t.bounds.top - 1,
      columnIndex: (t) => t.bounds.left - 1,
      values: grid(valueOf),
      formulas: grid(formulaOf),
      numberFormat: grid(numberFormatOf),
      valueTypes: grid(valueTypeOf),
    };
  }

  protected override child(name: string): DoubleObject<unknown> | undefined {
    if (name === 'format') return this.format as DoubleObject<unknown>;
    if (name === 'worksheet') return this.worksheet as DoubleObject<unknown>;
    return undefined;
  }

  get address(): string {
    return this.read('address') as string;
  }

  get rowCount(): number {
    return this.read('rowCount') as number;
  }

  get columnCount(): number {
    return this.read('columnCount') as number;
  }

  get values(): unknown[][] {
    return this.read('values') as unknown[][];
  }

  set values(input: unknown) {
    this.assign('values', input, (t) => this.writeCells(t, input, 'values'));
  }

  get formulas(): unknown[][] {
    return this.read('formulas') as unknown[][];
  }

  set formulas(input: unknown) {
    this.assign('formulas', input, (t) => this.writeCells(t, input, 'formulas'));
  }

  get numberFormat(): unknown[][] {
    return this.read('numberFormat') as unknown[][];
  }

  set numberFormat(input: unknown) {
    this.assign('numberFormat', input, (t) => {
      const location = `${this.path}.numberFormat`;
      assertWritable(this.context.state, t.sheet, location);
      forEachInput(t.bounds, input, location, (r, c, format) => {
        if (format === null || format === undefined) return;
        if (typeof format !== 'string') throw invalidArgument('a number format is a string', location);
        t.sheet.cellForWrite(r, c).numberFormat = format === 'General' ? undefined : format;
      });
    });
  }

  get valueTypes(): string[][] {
    return this.read('valueTypes') as string[][];
  }

  get format(): DoubleRangeFormat {
    this.formatProxy ??= new DoubleRangeFormat(this.context, `${this.path}.format`, () => this.resolveOrNull());
    return this.formatProxy;
  }

  get dataValidation(): DoubleDataValidation {
    this.validationProxy ??= new DoubleDataValidation(this.context, `${this.path}.dataValidation`, () => this.resolveOrNull());
    return this.validationProxy;
  }

  get worksheet(): DoubleWorksheet {
    return new DoubleWorksheet(this.context, `${this.path}.worksheet`, () => this.resolveOrNull()?.sheet ?? null);
  }

  private writeCells(target: RangeTarget, input: unknown, property: string): void {
    const location = `${this.path}.${property}`;
    assertWritable(this.context.state, target.sheet, location);
    const written: Position[] = [];
    forEachInput(target.bounds, input, location, (r, c, value) => {
      if (value === null || value === undefined) return;
      writeInput(target.sheet.cellForWrite(r, c), value, location);
      if (value !== '') written.push({ row: r, column: c });
    });
    autoExpandTables(this.context.state, target.sheet, written);
  }

  merge(across = false): void {
    this.invoke('merge', [across], (t) => {
      const location = `${this.path}.merge`;
      assertWritable(this.context.state, t.sheet, location);
      if (this.context.state.tables.some((table) => table.sheet === t.sheet && overlaps(table.bounds, t.bounds))) {
        throw new DoubleRichApiError('InvalidOperation', 'Cells in a table cannot be merged.', location);
      }
      const areas = across ? rowsOf(t.bounds) : [t.bounds];
      for (const area of areas) {
        if (heightOf(area) * widthOf(area) < 2) continue;
        removeWhere(t.sheet.merges, (m) => contains(area, m));
        if (t.sheet.merges.some((m) => overlaps(m, area)))
          throw new DoubleRichApiError('InvalidOperation', 'The range overlaps a merged area.', location);
        t.sheet.merges.push(area);
      }
    });
  }

  unmerge(): void {
    this.invoke('unmerge', [], (t) => {
      assertWritable(this.context.state, t.sheet, `${this.path}.unmerge`);
      removeWhere(t.sheet.merges, (m) => overlaps(m, t.bounds));
    });
  }

  select(): void {
    this.invoke('select', [], (t) => {
      if (this.context.state.activeSheet !== t.sheet)
        throw new DoubleRichApiError('InvalidSelection', 'The range is not on the active sheet.', `${this.path}.select`);
      this.context.state.selection = { sheet: t.sheet.name, address: qualifiedAddress(t.sheet, t.bounds).split('!')[1] ?? '' };
    });
  }

  /**
   * Inserts empty cells where the range is and shifts what was there down. The double models whole sheet rows
   * (`getRange('5:7')`), which is what the adapter inserts; any other shape fails the test rather than guessing.
   */
  insert(shift: string): DoubleRange {
    this.invoke('insert', [shift], (t) => {
      const location = `${this.path}.insert`;
      assertWritable(this.context.state, t.sheet, location);
      if (shift !== 'Down') throw invalidArgument(`shift ${shift}`, location);
      if (t.bounds.left !== 1 || t.bounds.right !== MAX_COLUMNS) throw new Error('The double inserts only whole sheet rows.');
      insertSheetRows(this.context.state, t.sheet, t.bounds.top, heightOf(t.bounds), location);
    });
    return this.derived('insert()', (b) => b);
  }

  /**
   * ExcelApi 1.13. The merged areas of the range, or a null object when there are none. As in Excel, only merges
   * whose top-left cell lies in the range count (office-js #3611, "by design"): a merge that reaches into the
   * range from outside it is not listed.
   */
  getMergedAreasOrNullObject(): DoubleRangeAreas {
    this.context.requires('1.13', 'Range.getMergedAreasOrNullObject');
    const proxy = new DoubleRangeAreas(this.context, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const t = this.resolveOrNull();
      if (t === null) return null;
      const areas = t.sheet.merges.filter((m) => contains(t.bounds, { top: m.top, left: m.left, bottom: m.top, right: m.left }));
      return areas.length === 0 ? null : { sheet: t.sheet, areas };
    });
    proxy.resolveAtNextSync();
    return proxy;
  }

  getCell(row: number, column: number): DoubleRange {
    return this.derived(`getCell(${row},${column})`, (b) => ({
      top: b.top + row,
      left: b.left + column,
      bottom: b.top + row,
      right: b.left + column,
    }));
  }

  /** The whole sheet rows the range spans (ExcelApi 1.1). */
  getEntireRow(): DoubleRange {
    return this.derived('getEntireRow()', (b) => ({ top: b.top, left: 1, bottom: b.bottom, right: MAX_COLUMNS }));
  }

  /** The whole sheet columns the range spans (ExcelApi 1.1). */
  getEntireColumn(): DoubleRange {
    return this.derived('getEntireColumn()', (b) => ({ top: 1, left: b.left, bottom: MAX_ROWS, right: b.right }));
  }

  getColumnsAfter(count = 1): DoubleRange {
    return this.derived(`getColumnsAfter(${count})`, (b) => ({ top: b.top, left: b.right + 1, bottom: b.bottom, right: b.right + count }));
  }

  getRow(row: number): DoubleRange {
    return this.derived(`getRow(${row})`, (b) => ({ ...b, top: b.top + row, bottom: b.top + row }));
  }

  getLastColumn(): DoubleRange {
    return this.derived('getLastColumn()', (b) => ({ ...b, left: b.right }));
  }

  getLastRow(): DoubleRange {
    return this.derived('getLastRow()', (b) => ({ ...b, top: b.bottom }));
  }

  getRowsBelow(count = 1): DoubleRange {
    return this.derived(`getRowsBelow(${count})`, (b) => ({ top: b.bottom + 1, left: b.left, bottom: b.bottom + count, right: b.right }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): DoubleRange {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, (b) => ({
      ...b,
      bottom: b.bottom + deltaRows,
      right: b.right + deltaColumns,
    }));
  }

  private derived(method: string, shift: (bounds: Bounds) => Bounds): DoubleRange {
    return new DoubleRange(this.context, `${this.path}.${method}`, () => {
      const t = this.resolveOrNull();
      return t === null ? null : { sheet: t.sheet, bounds: shift(t.bounds) };
    });
  }
}

interface AreasTarget {
  sheet: SheetState;
  areas: Bounds[];
}

/** Excel's RangeAreas, as far as the adapter reads it: its address (`Sheet!A7:E7, Sheet!B9:C9`) and how many areas. */
export class DoubleRangeAreas extends DoubleObject<AreasTarget> {
  protected get kind(): string {
    return 'RangeAreas';
  }

  protected properties(): PropertyTable<AreasTarget> {
    return {
      address: (t) => t.areas.map((a) => qualifiedAddress(t.sheet, a)).join(', '),
      areaCount: (t) => t.areas.length,
    };
  }

  get address(): string {
    return this.read('address') as string;
  }

  get areaCount(): number {
    return this.read('areaCount') as number;
  }
}

function rowsOf(bounds: Bounds): Bounds[] {
  const rows: Bounds[] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) rows.push({ ...bounds, top: r, bottom: r });
  return rows;
}

export function removeWhere<T>(list: T[], predicate: (item: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i];
    if (item !== undefined && predicate(item)) list.splice(i, 1);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Format

/** Sets one format property on every cell of the range. */
function styleCells(state: WorkbookState, target: RangeTarget, location: string, change: (format: FormatState) => void): void {
  assertWritable(state, target.sheet, location);
  eachCell(target, location, (cell) => {
    cell.format ??= {};
    change(cell.format);
  });
}

export class DoubleRangeFormat extends DoubleObject<RangeTarget> {
  readonly font: DoubleFont;
  readonly fill: DoubleFill;
  readonly borders: DoubleBorders;

  constructor(context: DoubleContext, path: string, locate: () => RangeTarget | null) {
    super(context, path, locate);
    this.font = new DoubleFont(context, `${path}.font`, () => this.resolveOrNull());
    this.fill = new DoubleFill(context, `${path}.fill`, () => this.resolveOrNull());
    this.borders = new DoubleBorders(context, `${path}.borders`, () => this.resolveOrNull());
  }

  protected get kind(): string {
    return 'RangeFormat';
  }

  protected properties(): PropertyTable<RangeTarget> {
    return {
      columnWidth: (t) => uniform(columnsOf(t.bounds).map((c) => t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH)),
      rowHeight: (t) => uniform(rowsNumbersOf(t.bounds).map((r) => t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT)),
      wrapText: (t) => t.sheet.cell(t.bounds.top, t.bounds.left)?.format?.wrap ?? false,
    };
  }

  protected override child(name: string): DoubleObject<unknown> | undefined {
    if (name === 'font') return this.font as DoubleObject<unknown>;
    if (name === 'fill') return this.fill as DoubleObject<unknown>;
    return undefined;
  }

  get columnWidth(): number {
    return this.read('columnWidth') as number;
  }

  set columnWidth(points: number) {
    this.assign('columnWidth', points, (t) => {
      if (!(points >= 0)) throw invalidArgument('column width', `${this.path}.columnWidth`);
      for (const c of columnsOf(t.bounds)) t.sheet.columnWidths.set(c, points);
    });
  }

  get rowHeight(): number {
    return this.read('rowHeight') as number;
  }

  set rowHeight(points: number) {
    this.assign('rowHeight', points, (t) => {
      if (!(points >= 0 && points <= 409)) throw invalidArgument('row height', `${this.path}.rowHeight`);
      for (const r of rowsNumbersOf(t.bounds)) t.sheet.rowHeights.set(r, points);
    });
  }

  set horizontalAlignment(value: string) {
    this.assign('horizontalAlignment', value, (t) =>
      styleCells(this.context.state, t, `${this.path}.horizontalAlignment`, (f) => (f.horizontal = value)),
    );
  }

  set verticalAlignment(value: string) {
    this.assign('verticalAlignment', value, (t) =>
      styleCells(this.context.state, t, `${this.path}.verticalAlignment`, (f) => (f.vertical = value)),
    );
  }

  get wrapText(): boolean {
    return this.read('wrapText') as boolean;
  }

  set wrapText(value: boolean) {
    this.assign('wrapText', value, (t) => styleCells(this.context.state, t, `${this.path}.wrapText`, (f) => (f.wrap = value)));
  }
}

function columnsOf(bounds: Bounds): number[] {
  return Array.from({ length: widthOf(bounds) }, (_, i) => bounds.left + i);
}

function rowsNumbersOf(bounds: Bounds): number[] {
  if (heightOf(bounds) > MAX_STYLED_CELLS) throw invalidArgument('too many rows', 'RangeFormat');
  return Array.from({ length: heightOf(bounds) }, (_, i) => bounds.top + i);
}

/** Excel reports a size only when every column (row) of the range has it; otherwise null. */
function uniform(sizes: number[]): number | null {
  const first = sizes[0];
  return first !== undefined && sizes.every((s) => s === first) ? first : null;
}

export class DoubleFont extends DoubleObject<RangeTarget> {
  protected get kind(): string {
    return 'RangeFont';
  }

  protected properties(): PropertyTable<RangeTarget> {
    const first = (t: RangeTarget) => t.sheet.cell(t.bounds.top, t.bounds.left)?.format;
    return {
      bold: (t) => first(t)?.bold ?? false,
      italic: (t) => first(t)?.italic ?? false,
      size: (t) => first(t)?.size ?? 11,
      color: (t) => first(t)?.color ?? '#000000',
    };
  }

  get bold(): boolean {
    return this.read('bold') as boolean;
  }

  get italic(): boolean {
    return this.read('italic') as boolean;
  }

  get size(): number {
    return this.read('size') as number;
  }

  get color(): string {
    return this.read('color') as string;
  }

  set bold(value: boolean) {
    this.assign('bold', value, (t) => styleCells(this.context.state, t, `${this.path}.bold`, (f) => (f.bold = value)));
  }

  set italic(value: boolean) {
    this.assign('italic', value, (t) => styleCells(this.context.state, t, `${this.path}.italic`, (f) => (f.italic = value)));
  }

  set size(value: number) {
    this.assign('size', value, (t) => styleCells(this.context.state, t, `${this.path}.size`, (f) => (f.size = value)));
  }

  set color(value: string) {
    this.assign('color', value, (t) => styleCells(this.context.state, t, `${this.path}.color`, (f) => (f.color = value)));
  }
}

export class DoubleFill extends DoubleObject<RangeTarget> {
  protected get kind(): string {
    return 'RangeFill';
  }

  protected properties(): PropertyTable<RangeTarget> {
    return { color: (t) => t.sheet.cell(t.bounds.top, t.bounds.left)?.format?.fill ?? '#FFFFFF' };
  }

  get color(): string {
    return this.read('color') as string;
  }

  set color(value: string) {
    this.assign('color', value, (t) => styleCells(this.context.state, t, `${this.path}.color`, (f) => (f.fill = value)));
  }
}

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];
type Edge = 'top' | 'bottom' | 'left' | 'right';

export class DoubleBorders extends DoubleObject<RangeTarget> {
  protected get kind(): string {
    return 'RangeBorderCollection';
  }

  protected properties(): PropertyTable<RangeTarget> {
    return {};
  }

  getItem(index: string): DoubleBorder {
    const known = BORDER_INDEXES.find((i) => i === index);
    if (known === undefined) throw invalidArgument(`border index ${index}`, `${this.path}.getItem`);
    return new DoubleBorder(this.context, `${this.path}.getItem(${index})`, () => this.resolveOrNull(), known);
  }
}

export class DoubleBorder extends DoubleObject<RangeTarget> {
  constructor(
    context: DoubleContext,
    path: string,
    locate: () => RangeTarget | null,
    private readonly index: BorderIndex,
  ) {
    super(context, path, locate);
  }

  protected get kind(): string {
    return 'RangeBorder';
  }

  protected properties(): PropertyTable<RangeTarget> {
    return {};
  }

  set style(value: string) {
    this.assign('style', value, (t) => this.apply(t, 'style', (b) => (b.style = value)));
  }

  set weight(value: string) {
    this.assign('weight', value, (t) => this.apply(t, 'weight', (b) => (b.weight = value)));
  }

  set color(value: string) {
    this.assign('color', value, (t) => this.apply(t, 'color', (b) => (b.color = value)));
  }

  /** An edge border styles the outer side of the range; an inside border the sides between its cells. */
  private apply(target: RangeTarget, property: string, change: (border: BorderState) => void): void {
    const location = `${this.path}.${property}`;
    assertWritable(this.context.state, target.sheet, location);
    const { bounds } = target;
    for (let r = bounds.top; r <= bounds.bottom; r++) {
      for (let c = bounds.left; c <= bounds.right; c++) {
        for (const edge of edgesFor(this.index, bounds, r, c)) {
          const cell = target.sheet.cellForWrite(r, c);
          cell.format ??= {};
          cell.format.borders ??= {};
          const border = (cell.format.borders[edge] ??= { style: 'None' });
          change(border);
        }
      }
    }
  }
}

function edgesFor(index: BorderIndex, b: Bounds, row: number, column: number): Edge[] {
  switch (index) {
    case 'EdgeTop':
      return row === b.top ? ['top'] : [];
    case 'EdgeBottom':
      return row === b.bottom ? ['bottom'] : [];
    case 'EdgeLeft':
      return column === b.left ? ['left'] : [];
    case 'EdgeRight':
      return column === b.right ? ['right'] : [];
    case 'InsideHorizontal':
      return [...(row > b.top ? (['top'] as const) : []), ...(row < b.bottom ? (['bottom'] as const) : [])];
    case 'InsideVertical':
      return [...(column > b.left ? (['left'] as const) : []), ...(column < b.right ? (['right'] as const) : [])];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Data validation (ExcelApi 1.8)

export class DoubleDataValidation extends DoubleObject<RangeTarget> {
  protected get kind(): string {
    return 'DataValidation';
  }

  protected properties(): PropertyTable<RangeTarget> {
    return { rule: (t) => t.sheet.validations.find((v) => contains(v.bounds, t.bounds))?.rule ?? {} };
  }

  get rule(): unknown {
    return this.read('rule');
  }

  set rule(rule: unknown) {
    this.context.requires('1.8', 'DataValidation.rule');
    this.assign('rule', rule, (t) => {
      const location = `${this.path}.rule`;
      assertWritable(this.context.state, t.sheet, location);
      if (!isListRule(rule)) throw invalidArgument('the double knows list rules only', location);
      removeWhere(t.sheet.validations, (v) => contains(t.bounds, v.bounds));
      t.sheet.validations.push({ bounds: t.bounds, rule });
    });
  }

  set errorAlert(alert: unknown) {
    this.context.requires('1.8', 'DataValidation.errorAlert');
    this.assign('errorAlert', alert, (t) => {
      assertWritable(this.context.state, t.sheet, `${this.path}.errorAlert`);
      const validation = t.sheet.validations.find((v) => contains(v.bounds, t.bounds) && contains(t.bounds, v.bounds));
      if (validation === undefined)
        throw new DoubleRichApiError('InvalidOperation', 'Set the rule before the error alert.', `${this.path}.errorAlert`);
      validation.errorAlert = alert;
    });
  }
}

function isListRule(rule: unknown): boolean {
  if (typeof rule !== 'object' || rule === null || !('list' in rule)) return false;
  const list: unknown = rule.list;
  return typeof list === 'object' && list !== null && 'source' in list && typeof list.source === 'string';
}
