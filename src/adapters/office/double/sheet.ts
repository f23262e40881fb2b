import { columnLetters } from '../../../core/util/brand';
import { DoubleChartCollection } from './chart';
import { DoubleCollection, DoubleObject, type PropertyTable } from './context';
import { DoubleRichApiError, accessDenied, invalidArgument, itemNotFound } from './errors';
import { DoubleNamedItemCollection } from './names';
import { DoubleRange, removeWhere, type RangeTarget } from './range';
import { DoubleTableCollection } from './table';
import { MAX_COLUMNS, MAX_ROWS, SheetState, parseAddress, splitKey, type Bounds, type WorkbookState } from './state';

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

/** Excel's rules for a sheet name: 1–31 characters, none of []:*?/\, not starting or ending with an apostrophe, unique. */
export function checkSheetName(state: WorkbookState, name: string, self: SheetState | undefined, location: string): void {
  if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw invalidArgument(`invalid sheet name '${name}'`, location);
  }
  const other = state.sheet(name);
  if (other !== undefined && other !== self)
    throw new DoubleRichApiError('ItemAlreadyExists', `A sheet named '${name}' already exists.`, location);
}

function assertStructureEditable(state: WorkbookState, location: string): void {
  if (state.isProtected || state.readOnly) throw accessDenied(location);
}

export class DoubleWorksheetCollection extends DoubleCollection<WorkbookState, SheetState, DoubleWorksheet> {
  protected get kind(): string {
    return 'WorksheetCollection';
  }

  protected members(state: WorkbookState): SheetState[] {
    return state.sheets;
  }

  protected proxyFor(sheet: SheetState, index: number): DoubleWorksheet {
    return new DoubleWorksheet(this.context, `${this.path}.items[${index}]`, () => sheet);
  }

  getItem(key: string): DoubleWorksheet {
    return new DoubleWorksheet(this.context, `${this.path}.getItem(${JSON.stringify(key)})`, () => {
      const sheet = this.context.state.sheet(key);
      if (sheet === undefined) throw itemNotFound(`sheet '${key}'`, 'WorksheetCollection.getItem');
      return sheet;
    });
  }

  getItemOrNullObject(key: string): DoubleWorksheet {
    this.context.requires('1.4', 'WorksheetCollection.getItemOrNullObject');
    const proxy = new DoubleWorksheet(
      this.context,
      `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => this.context.state.sheet(key) ?? null,
    );
    proxy.resolveAtNextSync();
    return proxy;
  }

  getActiveWorksheet(): DoubleWorksheet {
    return new DoubleWorksheet(
      this.context,
      `${this.path}.getActiveWorksheet()`,
      () => this.context.state.activeSheet ?? this.context.state.sheets[0] ?? null,
    );
  }

  add(name?: string): DoubleWorksheet {
    const proxy = new DoubleWorksheet(this.context, `${this.path}.add(${JSON.stringify(name ?? '')})`, () => null);
    this.context.enqueue({ call: `${this.path}.add`, args: [name ?? null] }, () => {
      const state = this.context.state;
      const location = 'WorksheetCollection.add';
      assertStructureEditable(state, location);
      const sheetName = name ?? state.nextSheetName();
      checkSheetName(state, sheetName, undefined, location);
      const sheet = new SheetState(sheetName);
      state.sheets.push(sheet);
      proxy.bind(sheet);
    });
    return proxy;
  }
}

export class DoubleWorksheet extends DoubleObject<SheetState> {
  private tablesProxy: DoubleTableCollection | undefined;
  private namesProxy: DoubleNamedItemCollection | undefined;

  protected get kind(): string {
    return 'Worksheet';
  }

  protected properties(): PropertyTable<SheetState> {
    return {
      name: (s) => s.name,
      position: (s) => this.context.state.sheets.indexOf(s),
      visibility: () => 'Visible',
    };
  }

  protected override child(name: string): DoubleObject<unknown> | undefined {
    if (name === 'protection') return this.protection as DoubleObject<unknown>;
    return undefined;
  }

  get name(): string {
    return this.read('name') as string;
  }

  set name(value: string) {
    this.assign('name', value, (sheet) => {
      const location = 'Worksheet.name';
      assertStructureEditable(this.context.state, location);
      checkSheetName(this.context.state, value, sheet, location);
      sheet.name = value;
    });
  }

  get position(): number {
    return this.read('position') as number;
  }

  set position(value: number) {
    this.assign('position', value, (sheet) => {
      const sheets = this.context.state.sheets;
      assertStructureEditable(this.context.state, 'Worksheet.position');
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) throw invalidArgument(`position ${value}`, 'Worksheet.position');
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }

  get tables(): DoubleTableCollection {
    this.tablesProxy ??= new DoubleTableCollection(this.context, `${this.path}.tables`, () => this.resolveOrNull());
    return this.tablesProxy;
  }

  get names(): DoubleNamedItemCollection {
    this.context.requires('1.4', 'Worksheet.names');
    this.namesProxy ??= new DoubleNamedItemCollection(this.context, `${this.path}.names`, () => this.resolveOrNull());
    return this.namesProxy;
  }

  get protection(): DoubleWorksheetProtection {
    return new DoubleWorksheetProtection(this.context, `${this.path}.protection`, () => this.resolveOrNull());
  }

  get freezePanes(): DoubleFreezePanes {
    return new DoubleFreezePanes(this.context, `${this.path}.freezePanes`, () => this.resolveOrNull());
  }

  get charts(): DoubleChartCollection {
    return new DoubleChartCollection(this.context, `${this.path}.charts`, () => this.resolveOrNull());
  }

  get notes(): DoubleNoteCollection {
    return new DoubleNoteCollection(this.context, `${this.path}.notes`, () => this.resolveOrNull());
  }

  get horizontalPageBreaks(): DoublePageBreakCollection {
    return new DoublePageBreakCollection(this.context, `${this.path}.horizontalPageBreaks`, () => this.resolveOrNull());
  }

  get pageLayout(): DoublePageLayout {
    return new DoublePageLayout(this.context, `${this.path}.pageLayout`, () => this.resolveOrNull());
  }

  getRange(address?: string): DoubleRange {
    return new DoubleRange(this.context, `${this.path}.getRange(${JSON.stringify(address ?? '')})`, () => {
      const sheet = this.resolveOrNull();
      if (sheet === null) return null;
      if (address === undefined) return { sheet, bounds: { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS } };
      const parsed = parseAddress(address);
      if (parsed === undefined || (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
        throw invalidArgument(`address '${address}'`, 'Worksheet.getRange');
      }
      return { sheet, bounds: parsed.bounds };
    });
  }

  /** The smallest range holding every cell with content (and, unless valuesOnly, every formatted or merged cell). */
  getUsedRangeOrNullObject(valuesOnly = false): DoubleRange {
    this.context.requires('1.4', 'Worksheet.getUsedRangeOrNullObject');
    const proxy = new DoubleRange(this.context, `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`, () => {
      const sheet = this.resolveOrNull();
      return sheet === null ? null : usedRange(sheet, valuesOnly);
    });
    proxy.resolveAtNextSync();
    return proxy;
  }

  activate(): void {
    this.invoke('activate', [], (sheet) => {
      this.context.state.activeSheet = sheet;
    });
  }

  delete(): void {
    this.invoke('delete', [], (sheet) => {
      const state = this.context.state;
      assertStructureEditable(state, 'Worksheet.delete');
      if (state.sheets.length === 1)
        throw new DoubleRichApiError('InvalidOperation', 'A workbook must keep at least one sheet.', 'Worksheet.delete');
      state.sheets.splice(state.sheets.indexOf(sheet), 1);
      removeWhere(state.tables, (t) => t.sheet === sheet);
      // Names that referred to the sheet's cells now say #REF!, as in Excel.
      for (const name of state.names) {
        if (name.ref?.sheet === sheet) {
          delete name.ref;
          name.formula = '=#REF!';
        }
      }
      if (state.activeSheet === sheet) state.activeSheet = state.sheets[0];
      sheet.deleted = true;
    });
  }
}

function usedRange(sheet: SheetState, valuesOnly: boolean): RangeTarget | null {
  let bounds: Bounds | undefined;
  const include = (b: Bounds) => {
    bounds =
      bounds === undefined
        ? { ...b }
        : {
            top: Math.min(bounds.top, b.top),
            left: Math.min(bounds.left, b.left),
            bottom: Math.max(bounds.bottom, b.bottom),
            right: Math.max(bounds.right, b.right),
          };
  };
  for (const [key, cell] of sheet.cells) {
    const hasContent = cell.type !== 'Empty' || cell.formula !== undefined;
    const hasFormat = cell.numberFormat !== undefined || cell.format !== undefined;
    if (!hasContent && (valuesOnly || !hasFormat)) continue;
    const { row, column } = splitKey(key);
    include({ top: row, left: column, bottom: row, right: column });
  }
  if (!valuesOnly) for (const merge of sheet.merges) include(merge);
  return bounds === undefined ? null : { sheet, bounds };
}

export class DoubleWorksheetProtection extends DoubleObject<SheetState> {
  protected get kind(): string {
    return 'WorksheetProtection';
  }

  protected properties(): PropertyTable<SheetState> {
    return { protected: (s) => s.isProtected };
  }

  get protected(): boolean {
    return this.read('protected') as boolean;
  }
}

export class DoubleFreezePanes extends DoubleObject<SheetState> {
  protected get kind(): string {
    return 'WorksheetFreezePanes';
  }

  protected properties(): PropertyTable<SheetState> {
    return {};
  }

  freezeRows(count = 1): void {
    this.context.requires('1.7', 'WorksheetFreezePanes.freezeRows');
    this.invoke('freezeRows', [count], (sheet) => (sheet.freeze = { rows: count, columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this.context.requires('1.7', 'WorksheetFreezePanes.freezeColumns');
    this.invoke('freezeColumns', [count], (sheet) => (sheet.freeze = { rows: 0, columns: count }));
  }

  freezeAt(range: DoubleRange | string): void {
    this.context.requires('1.7', 'WorksheetFreezePanes.freezeAt');
    this.invoke('freezeAt', [range], (sheet) => {
      const bounds = typeof range === 'string' ? parseAddress(range)?.bounds : range.resolve().bounds;
      if (bounds === undefined || bounds.top !== 1 || bounds.left !== 1)
        throw invalidArgument('freezeAt needs a range from A1', 'WorksheetFreezePanes.freezeAt');
      sheet.freeze = { rows: bounds.bottom, columns: bounds.right };
    });
  }

  unfreeze(): void {
    this.context.requires('1.7', 'WorksheetFreezePanes.unfreeze');
    this.invoke('unfreeze', [], (sheet) => (sheet.freeze = undefined));
  }
}

export class DoublePageLayout extends DoubleObject<SheetState> {
  protected get kind(): string {
    return 'PageLayout';
  }

  protected properties(): PropertyTable<SheetState> {
    return { orientation: (s) => s.pageLayout.orientation ?? 'Portrait', paperSize: (s) => s.pageLayout.paperSize ?? 'Letter' };
  }

  set orientation(value: string) {
    this.context.requires('1.9', 'PageLayout.orientation');
    this.assign('orientation', value, (sheet) => (sheet.pageLayout.orientation = value));
  }

  set paperSize(value: string) {
    this.context.requires('1.9', 'PageLayout.paperSize');
    this.assign('paperSize', value, (sheet) => (sheet.pageLayout.paperSize = value));
  }

  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.context.requires('1.9', 'PageLayout.zoom');
    this.assign('zoom', value, (sheet) => (sheet.pageLayout.zoom = { ...value }));
  }

  setPrintTitleRows(rows: DoubleRange | string): void {
    this.context.requires('1.9', 'PageLayout.setPrintTitleRows');
    this.invoke('setPrintTitleRows', [rows], (sheet) => {
      const address = typeof rows === 'string' ? rows : rows.resolve().bounds;
      const bounds = typeof address === 'string' ? parseAddress(address)?.bounds : address;
      if (bounds === undefined || bounds.left !== 1 || bounds.right !== MAX_COLUMNS)
        throw invalidArgument('print title rows must be whole rows', 'PageLayout.setPrintTitleRows');
      sheet.pageLayout.printTitleRows = `$${bounds.top}:$${bounds.bottom}`;
    });
  }

  get headersFooters(): DoubleHeaderFooterGroup {
    return new DoubleHeaderFooterGroup(this.context, `${this.path}.headersFooters`, () => this.resolveOrNull());
  }
}

/** Cell notes (ExcelApi 1.18): one per cell, on a single cell. */
export class DoubleNoteCollection extends DoubleObject<SheetState> {
  protected get kind(): string {
    return 'NoteCollection';
  }

  protected properties(): PropertyTable<SheetState> {
    return {};
  }

  add(cellAddress: DoubleRange | string, content: string): void {
    this.context.requires('1.18', 'NoteCollection.add');
    this.invoke('add', [cellAddress, content], (sheet) => {
      const bounds = typeof cellAddress === 'string' ? parseAddress(cellAddress)?.bounds : cellAddress.resolve().bounds;
      if (bounds === undefined || bounds.top !== bounds.bottom || bounds.left !== bounds.right)
        throw invalidArgument('a note goes on a single cell', 'NoteCollection.add');
      const key = `${columnLetters(bounds.left)}${bounds.top}`;
      if (sheet.notes.has(key)) throw invalidArgument(`cell ${key} already has a note`, 'NoteCollection.add');
      sheet.notes.set(key, content);
    });
  }
}

/** Manual page breaks (ExcelApi 1.9): a break above the first row of the range given. */
export class DoublePageBreakCollection extends DoubleObject<SheetState> {
  protected get kind(): string {
    return 'PageBreakCollection';
  }

  protected properties(): PropertyTable<SheetState> {
    return { count: (s) => s.rowBreaks.length };
  }

  add(pageBreakRange: DoubleRange | string): void {
    this.context.requires('1.9', 'PageBreakCollection.add');
    this.invoke('add', [pageBreakRange], (sheet) => {
      const bounds = typeof pageBreakRange === 'string' ? parseAddress(pageBreakRange)?.bounds : pageBreakRange.resolve().bounds;
      if (bounds === undefined || bounds.top < 2)
        throw invalidArgument('a page break needs a row below the first', 'PageBreakCollection.add');
      if (!sheet.rowBreaks.includes(bounds.top)) sheet.rowBreaks.push(bounds.top);
    });
  }
}

export class DoubleHeaderFooterGroup extends DoubleObject<SheetState> {
  protected get kind(): string {
    return 'HeaderFooterGroup';
  }

  protected properties(): PropertyTable<SheetState> {
    return {};
  }

  get defaultForAllPages(): DoubleHeaderFooter {
    return new DoubleHeaderFooter(this.context, `${this.path}.defaultForAllPages`, () => this.resolveOrNull());
  }
}

export class DoubleHeaderFooter extends DoubleObject<SheetState> {
  protected get kind(): string {
    return 'HeaderFooter';
  }

  protected properties(): PropertyTable<SheetState> {
    return { centerHeader: (s) => s.pageLayout.centerHeader ?? '', centerFooter: (s) => s.pageLayout.centerFooter ?? '' };
  }

  set centerHeader(value: string) {
    this.context.requires('1.9', 'HeaderFooter.centerHeader');
    this.assign('centerHeader', value, (sheet) => (sheet.pageLayout.centerHeader = value));
  }

  set centerFooter(value: string) {
    this.context.requires('1.9', 'HeaderFooter.centerFooter');
    this.assign('centerFooter', value, (sheet) => (sheet.pageLayout.centerFooter = value));
  }
}
