import { DoubleCollection, DoubleObject, type PropertyTable } from './context';
import { DoubleRichApiError, invalidArgument } from './errors';
import { insertTableRow } from './growth';
import { DoubleRange, assertWritable } from './range';
import { heightOf, type TableState } from './state';
import { forEachInput, writeInput } from './values';

/** One body row of a table, by its index in the body (Excel's TableRow: a place, not the data in it). */
interface RowTarget {
  table: TableState;
  index: number;
}

function bodyTop(table: TableState): number {
  return table.bounds.top + (table.showHeaders ? 1 : 0);
}

function bodyHeight(table: TableState): number {
  return heightOf(table.bounds) - (table.showHeaders ? 1 : 0) - (table.showTotals ? 1 : 0);
}

export class DoubleTableRowCollection extends DoubleCollection<TableState, RowTarget, DoubleTableRow> {
  protected get kind(): string {
    return 'TableRowCollection';
  }

  protected members(table: TableState): RowTarget[] {
    return Array.from({ length: bodyHeight(table) }, (_, index) => ({ table, index }));
  }

  protected proxyFor(row: RowTarget, index: number): DoubleTableRow {
    return new DoubleTableRow(this.context, `${this.path}.items[${index}]`, () => row);
  }

  /**
   * Only adding one row at the end is modelled, which is what Excel does for index null/-1/undefined: the
   * row is inserted (cells below shift down) and filled with `values` when given, parsed as `values` are.
   */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): DoubleTableRow {
    if (alwaysInsert !== undefined) this.context.requires('1.15', 'TableRowCollection.add(alwaysInsert)');
    const proxy = new DoubleTableRow(this.context, `${this.path}.add(${JSON.stringify(index ?? null)})`, () => null);
    this.context.enqueue({ call: `${this.path}.add`, args: [index ?? null, values ?? null, alwaysInsert ?? null] }, () => {
      const location = 'TableRowCollection.add';
      const table = this.resolve();
      if (index !== undefined && index !== null && index !== -1 && index !== bodyHeight(table)) {
        throw new DoubleRichApiError('NotImplemented', 'The double adds rows at the end only.', location);
      }
      if (alwaysInsert === false) throw new DoubleRichApiError('NotImplemented', 'The double always inserts.', location);
      assertWritable(this.context.state, table.sheet, location);
      // As in Excel, `values` may hold several rows: that many rows are added at the end, in one call.
      if (values !== undefined && values !== null && (!Array.isArray(values) || values.length === 0))
        throw invalidArgument('values must be rows', location);
      const count = Array.isArray(values) ? values.length : 1;
      const row = insertTableRow(this.context.state, table, location);
      for (let i = 1; i < count; i++) insertTableRow(this.context.state, table, location);
      if (values !== undefined && values !== null) {
        const bounds = { ...table.bounds, top: row, bottom: row + count - 1 };
        forEachInput(bounds, values, location, (r, c, value) => writeInput(table.sheet.cellForWrite(r, c), value, location));
      }
      proxy.bind({ table, index: row - bodyTop(table) });
    });
    return proxy;
  }
}

export class DoubleTableRow extends DoubleObject<RowTarget> {
  protected get kind(): string {
    return 'TableRow';
  }

  protected properties(): PropertyTable<RowTarget> {
    return { index: (r) => r.index };
  }

  get index(): number {
    return this.read('index') as number;
  }

  /** The row's cells where the row stands now (a TableRow keeps its index, not its data). */
  getRange(): DoubleRange {
    return new DoubleRange(this.context, `${this.path}.getRange()`, () => {
      const target = this.resolveOrNull();
      if (target === null) return null;
      const row = bodyTop(target.table) + target.index;
      return { sheet: target.table.sheet, bounds: { ...target.table.bounds, top: row, bottom: row } };
    });
  }
}
