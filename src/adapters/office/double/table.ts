import { DoubleCollection, DoubleObject, type DoubleContext, type PropertyTable } from './context';
import { DoubleRichApiError, invalidArgument, itemNotFound } from './errors';
import { tableGrowth } from './growth';
import { DoubleRange, assertWritable } from './range';
import { DoubleTableRowCollection } from './rows';
import { DoubleWorksheet } from './sheet';
import { heightOf, overlaps, parseAddress, type Bounds, type SheetState, type TableState, type WorkbookState } from './state';
import { valueOf } from './values';

/** The tables a collection lists: the whole workbook's, or one sheet's. */
interface TableScope {
  state: WorkbookState;
  sheet?: SheetState;
}

const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

function checkTableName(state: WorkbookState, name: string, self: TableState | undefined, location: string): void {
  if (!TABLE_NAME.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name) || name.length > 255)
    throw invalidArgument(`invalid table name '${name}'`, location);
  const other = state.table(name);
  if ((other !== undefined && other !== self) || state.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
    throw new DoubleRichApiError('ItemAlreadyExists', `The name '${name}' is already used.`, location);
  }
}

/** Where a new table or table column would go must be free of merges and other tables, as Excel demands. */
function checkPlace(state: WorkbookState, sheet: SheetState, bounds: Bounds, self: TableState | undefined, location: string): void {
  assertWritable(state, sheet, location);
  // What Excel throws: MergedRangeConflict for merged cells (Microsoft's error list), InvalidArgument for
  // another table (office-js #1199: "A table can't overlap another table", from TableCollection.add).
  if (sheet.merges.some((m) => overlaps(m, bounds))) {
    throw new DoubleRichApiError(
      'MergedRangeConflict',
      "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
      location,
    );
  }
  if (state.tables.some((t) => t !== self && t.sheet === sheet && overlaps(t.bounds, bounds))) {
    throw new DoubleRichApiError('InvalidArgument', "A table can't overlap another table.", location);
  }
}

/** Header texts as Excel makes them: blanks become ColumnN, duplicates get a number. */
function uniqueHeaders(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((text, i) => {
    let name = text === '' ? `Column${i + 1}` : text;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${text}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

export function headerTexts(table: TableState): string[] {
  const texts: string[] = [];
  for (let c = table.bounds.left; c <= table.bounds.right; c++) texts.push(String(valueOf(table.sheet.cell(table.bounds.top, c))));
  return texts;
}

/** Excel's table ids are not their names (a rename keeps the id): the double gives each table an id of its own. */
const tableIds = new WeakMap<TableState, string>();
let nextTableId = 0;

export function tableIdOf(table: TableState): string {
  let id = tableIds.get(table);
  if (id === undefined) {
    nextTableId += 1;
    id = `{T-${String(nextTableId).padStart(4, '0')}}`;
    tableIds.set(table, id);
  }
  return id;
}

/** A handler the add-in registered with `tables.onChanged.add`, as Excel calls it. */
export type TableChangedHandler = (event: {
  type: 'TableChanged';
  tableId: string;
  worksheetId: string;
  address: string;
  changeType: string;
  source: 'Local' | 'Remote';
}) => Promise<unknown>;

export class DoubleTableCollection extends DoubleCollection<TableScope, TableState, DoubleTable> {
  constructor(
    context: DoubleContext,
    path: string,
    private readonly locateSheet: (() => SheetState | null) | undefined,
  ) {
    super(context, path, () => {
      if (locateSheet === undefined) return { state: context.state };
      const sheet = locateSheet();
      return sheet === null ? null : { state: context.state, sheet };
    });
  }

  protected get kind(): string {
    return 'TableCollection';
  }

  protected members(scope: TableScope): TableState[] {
    return scope.state.tables.filter((t) => scope.sheet === undefined || t.sheet === scope.sheet);
  }

  protected proxyFor(table: TableState, index: number): DoubleTable {
    return new DoubleTable(this.context, `${this.path}.items[${index}]`, () => table);
  }

  getItem(key: string): DoubleTable {
    return new DoubleTable(this.context, `${this.path}.getItem(${JSON.stringify(key)})`, () => {
      const table = this.find(key);
      if (table === undefined) throw itemNotFound(`table '${key}'`, 'TableCollection.getItem');
      return table;
    });
  }

  /**
   * The workbook's table change event (ExcelApi 1.7). Adding and removing a handler are commands like any
   * other: they take effect at the next sync. The handler is called by the double's `edit` (see index).
   */
  get onChanged(): { add: (handler: TableChangedHandler) => { context: DoubleContext; remove: () => void } } {
    const context = this.context;
    const path = `${this.path}.onChanged`;
    return {
      add: (handler) => {
        context.requires('1.7', 'TableCollection.onChanged');
        context.enqueue({ call: `${path}.add` }, () => {
          context.host.tableChangedHandlers.add(handler);
        });
        return {
          context,
          remove: () => {
            context.enqueue({ call: `${path}.remove` }, () => {
              context.host.tableChangedHandlers.delete(handler);
            });
          },
        };
      },
    };
  }

  getItemOrNullObject(key: string): DoubleTable {
    this.context.requires('1.4', 'TableCollection.getItemOrNullObject');
    const proxy = new DoubleTable(this.context, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this.find(key) ?? null);
    proxy.resolveAtNextSync();
    return proxy;
  }

  private find(key: string): TableState | undefined {
    const scope = this.resolve();
    return this.members(scope).find((t) => t.name.toLowerCase() === key.toLowerCase());
  }

  add(address: DoubleRange | string, hasHeaders: boolean): DoubleTable {
    const proxy = new DoubleTable(
      this.context,
      `${this.path}.add(${JSON.stringify(typeof address === 'string' ? address : address.path)})`,
      () => null,
    );
    this.context.enqueue(
      { call: `${this.path}.add`, args: [typeof address === 'string' ? address : { ref: address.path }, hasHeaders] },
      () => {
        const location = 'TableCollection.add';
        if (!hasHeaders) throw new DoubleRichApiError('NotImplemented', 'The double only adds tables with headers.', location);
        const { sheet, bounds } = this.placeOf(address, location);
        if (heightOf(bounds) < 2) throw invalidArgument('a table needs a header row and a body row', location);
        const state = this.context.state;
        checkPlace(state, sheet, bounds, undefined, location);
        const table: TableState = {
          name: state.nextTableName(),
          sheet,
          bounds: { ...bounds },
          showHeaders: true,
          showTotals: false,
          style: 'TableStyleMedium2',
        };
        uniqueHeaders(headerTexts(table)).forEach((text, i) => setText(sheet, bounds.top, bounds.left + i, text));
        state.tables.push(table);
        proxy.bind(table);
      },
    );
    return proxy;
  }

  private placeOf(address: DoubleRange | string, location: string): { sheet: SheetState; bounds: Bounds } {
    if (typeof address !== 'string') return address.resolve();
    const scope = this.resolve();
    const parsed = parseAddress(address);
    const sheet = scope.sheet ?? (parsed?.sheet === undefined ? undefined : scope.state.sheet(parsed.sheet));
    if (
      parsed === undefined ||
      sheet === undefined ||
      (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())
    ) {
      throw invalidArgument(`address '${address}'`, location);
    }
    return { sheet, bounds: parsed.bounds };
  }
}

function setText(sheet: SheetState, row: number, column: number, text: string): void {
  const cell = sheet.cellForWrite(row, column);
  cell.type = 'String';
  cell.value = text;
  delete cell.formula;
}

export class DoubleTable extends DoubleObject<TableState> {
  protected get kind(): string {
    return 'Table';
  }

  protected properties(): PropertyTable<TableState> {
    return {
      name: (t) => t.name,
      showTotals: (t) => t.showTotals,
      showHeaders: (t) => t.showHeaders,
      style: (t) => t.style,
      id: (t) => tableIdOf(t),
    };
  }

  protected override child(name: string): DoubleObject<unknown> | undefined {
    if (name === 'worksheet') return this.worksheet as DoubleObject<unknown>;
    if (name === 'columns') return this.columns as DoubleObject<unknown>;
    return undefined;
  }

  get name(): string {
    return this.read('name') as string;
  }

  get id(): string {
    return this.read('id') as string;
  }

  set name(value: string) {
    this.assign('name', value, (table) => {
      checkTableName(this.context.state, value, table, 'Table.name');
      table.name = value;
    });
  }

  get showTotals(): boolean {
    return this.read('showTotals') as boolean;
  }

  /**
   * Turning the total row on takes the row under the table, which must be empty, and fills it as Excel does:
   * "Total" in the first column and a SUBTOTAL in the last.
   */
  set showTotals(value: boolean) {
    this.assign('showTotals', value, (table) => {
      if (value === table.showTotals) return;
      const location = 'Table.showTotals';
      const { sheet, bounds } = table;
      assertWritable(this.context.state, sheet, location);
      if (!value) {
        for (let c = bounds.left; c <= bounds.right; c++) sheet.cells.delete(`${bounds.bottom}:${c}`);
        table.bounds = { ...bounds, bottom: bounds.bottom - 1 };
        table.showTotals = false;
        return;
      }
      const row = { ...bounds, top: bounds.bottom + 1, bottom: bounds.bottom + 1 };
      checkPlace(this.context.state, sheet, row, table, location);
      for (let c = row.left; c <= row.right; c++) {
        const cell = sheet.cell(row.top, c);
        if (cell !== undefined && (cell.type !== 'Empty' || cell.formula !== undefined))
          throw new DoubleRichApiError('InvalidOperation', 'The row under the table is not empty.', location);
      }
      const headers = headerTexts(table);
      setText(sheet, row.top, row.left, 'Total');
      if (row.right > row.left) {
        const last = sheet.cellForWrite(row.top, row.right);
        last.type = 'Empty';
        last.value = null;
        last.formula = `=SUBTOTAL(109,[${headers[headers.length - 1] ?? ''}])`;
      }
      table.bounds = { ...bounds, bottom: row.top };
      table.showTotals = true;
    });
  }

  get showHeaders(): boolean {
    return this.read('showHeaders') as boolean;
  }

  set style(value: string) {
    this.assign('style', value, (table) => (table.style = value));
  }

  get worksheet(): DoubleWorksheet {
    return new DoubleWorksheet(this.context, `${this.path}.worksheet`, () => this.resolveOrNull()?.sheet ?? null);
  }

  get columns(): DoubleTableColumnCollection {
    return new DoubleTableColumnCollection(this.context, `${this.path}.columns`, () => this.resolveOrNull());
  }

  get rows(): DoubleTableRowCollection {
    return new DoubleTableRowCollection(this.context, `${this.path}.rows`, () => this.resolveOrNull());
  }

  /** ExcelApi 1.13. Only a change of height is modelled: the header stays where it is, and so do the columns. */
  resize(newRange: DoubleRange | string): void {
    this.context.requires('1.13', 'Table.resize');
    this.invoke('resize', [newRange], (table) => {
      const location = 'Table.resize';
      const { bounds } = typeof newRange === 'string' ? { bounds: parseAddress(newRange)?.bounds } : newRange.resolve();
      if (bounds === undefined || bounds.top !== table.bounds.top || heightOf(bounds) < 2)
        throw invalidArgument('the header must stay in its row, with a body row under it', location);
      if (bounds.left !== table.bounds.left || bounds.right !== table.bounds.right)
        throw new DoubleRichApiError('NotImplemented', 'The double resizes tables in height only.', location);
      checkPlace(this.context.state, table.sheet, bounds, table, location);
      table.bounds = { ...bounds };
      tableGrowth(this.context.state).calls.push('Table.resize');
    });
  }

  getRange(): DoubleRange {
    return this.part('getRange', (t) => t.bounds);
  }

  getHeaderRowRange(): DoubleRange {
    return this.part('getHeaderRowRange', (t) => {
      if (!t.showHeaders) throw itemNotFound('header row', 'Table.getHeaderRowRange');
      return { ...t.bounds, bottom: t.bounds.top };
    });
  }

  getDataBodyRange(): DoubleRange {
    return this.part('getDataBodyRange', (t) => ({
      ...t.bounds,
      top: t.bounds.top + (t.showHeaders ? 1 : 0),
      bottom: t.bounds.bottom - (t.showTotals ? 1 : 0),
    }));
  }

  getTotalRowRange(): DoubleRange {
    return this.part('getTotalRowRange', (t) => {
      if (!t.showTotals) throw itemNotFound('total row', 'Table.getTotalRowRange');
      return { ...t.bounds, top: t.bounds.bottom };
    });
  }

  private part(method: string, bounds: (table: TableState) => Bounds): DoubleRange {
    return new DoubleRange(this.context, `${this.path}.${method}()`, () => {
      const table = this.resolveOrNull();
      return table === null ? null : { sheet: table.sheet, bounds: bounds(table) };
    });
  }
}

interface ColumnTarget {
  table: TableState;
  index: number;
  name: string;
}

export class DoubleTableColumnCollection extends DoubleCollection<TableState, ColumnTarget, DoubleTableColumn> {
  protected get kind(): string {
    return 'TableColumnCollection';
  }

  protected members(table: TableState): ColumnTarget[] {
    return headerTexts(table).map((name, index) => ({ table, index, name }));
  }

  protected proxyFor(column: ColumnTarget, index: number): DoubleTableColumn {
    return new DoubleTableColumn(this.context, `${this.path}.items[${index}]`, () => column);
  }

  /** Only adding at the end is modelled: the table grows into the column to its right. */
  add(index?: number | null, values?: unknown, name?: string): DoubleTableColumn {
    if (name !== undefined) this.context.requires('1.4', 'TableColumnCollection.add(name)');
    const proxy = new DoubleTableColumn(this.context, `${this.path}.add(${JSON.stringify(name ?? '')})`, () => null);
    this.context.enqueue({ call: `${this.path}.add`, args: [index ?? null, values ?? null, name ?? null] }, () => {
      const location = 'TableColumnCollection.add';
      const table = this.resolve();
      const width = table.bounds.right - table.bounds.left + 1;
      if ((index !== undefined && index !== null && index !== width) || (values !== undefined && values !== null)) {
        throw new DoubleRichApiError('NotImplemented', 'The double adds empty columns at the end only.', location);
      }
      const column = { ...table.bounds, left: table.bounds.right + 1, right: table.bounds.right + 1 };
      checkPlace(this.context.state, table.sheet, column, table, location);
      const header = uniqueHeaders([...headerTexts(table), name ?? ''])[width] ?? `Column${width + 1}`;
      setText(table.sheet, column.top, column.left, header);
      table.bounds = { ...table.bounds, right: column.right };
      proxy.bind({ table, index: width, name: header });
    });
    return proxy;
  }
}

export class DoubleTableColumn extends DoubleObject<ColumnTarget> {
  protected get kind(): string {
    return 'TableColumn';
  }

  protected properties(): PropertyTable<ColumnTarget> {
    return { name: (c) => c.name, index: (c) => c.index };
  }

  get name(): string {
    return this.read('name') as string;
  }

  get index(): number {
    return this.read('index') as number;
  }
}
