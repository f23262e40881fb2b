/**
 * writeRows over the Excel double when the rows below a table are taken by a merged title and another table:
 * `rows.add` would be refused there (it may not shift part of a merge or a table), so the Office adapter inserts
 * whole sheet rows right below the table, as the .xlsx adapter does, and writes the block there, in the same two
 * round trips as when the rows are free. The double moves everything below with the rows, as Excel does. The same
 * for a table with a total row (the rows go in at the total row's place) and for an empty merged range right
 * below a table, which is never taken as free rows.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import { createExcelDouble, measure } from '../../src/adapters/office/double';
import { tableGrowth } from '../../src/adapters/office/double/growth';
import type { WorkbookData } from '../../src/core/contract/tableData';

function stacked(): WorkbookData {
  return {
    sheets: ['Økonomi', 'Oversikt'],
    tables: [
      {
        name: 'Rammer',
        sheet: 'Økonomi',
        header: ['År', 'Post', 'Beløp'],
        rows: [
          [2024, 3, 300],
          [2024, 'Drift', 100],
        ],
      },
      { name: 'Notater', sheet: 'Økonomi', beside: true, header: ['Notat'], rows: [['a'], ['b'], ['c']] },
      {
        name: 'Kilder',
        sheet: 'Økonomi',
        caption: 'Finansiering',
        header: ['År', 'Kilde', 'Beløp'],
        rows: [
          [2024, 'Fylket', 300],
          [2024, 'Kommunene', 100],
        ],
        lists: [undefined, { values: ['Fylket', 'Kommunene'] }],
      },
    ],
  };
}

function open() {
  const double = createExcelDouble({ data: stacked() });
  const sheet = double.sheet('Økonomi');
  // The caption row A7 is merged wider than the tables, as a title often is; another sheet sums Kilder.
  sheet.merges.push({ top: 7, left: 1, bottom: 7, right: 5 });
  double.sheet('Oversikt').cells.set('1:1', { type: 'Double', value: 400, formula: '=SUM(Økonomi!C9:C10)' });
  return { double, port: new OfficeWorkbook(double.run, { isSupported: double.supports }) };
}

const NEW_ROWS = [
  { År: 2025, Post: '3', Beløp: 310 },
  { År: 2025, Post: 'Drift', Beløp: 110 },
  { År: 2025, Post: 'Reserve', Beløp: 5 },
  { År: 2025, Post: 'Buffer', Beløp: 1 },
];

describe('Office adapter: writeRows where the rows below the table are taken', () => {
  test('whole sheet rows go in below the table in two round trips, and everything below moves down with them', async () => {
    const { double, port } = open();
    const { result, stats } = await measure(double, () => port.writeRows('Rammer', { update: [], append: NEW_ROWS }));
    expect(result).toMatchObject({ table: 'Rammer', appended: 4 });
    expect(stats.syncs).toBe(2);
    expect(tableGrowth(double.state).calls).not.toContain('TableRowCollection.add');
    expect(double.state.table('Rammer')?.bounds).toEqual({ top: 1, left: 1, bottom: 7, right: 3 });
    // Text that looks like a number stays text; numbers stay numbers.
    expect(double.cell('Økonomi', 'B4')).toMatchObject({ type: 'String', value: '3', numberFormat: '@' });
    expect(double.cell('Økonomi', 'C4')).toMatchObject({ type: 'Double', value: 310 });
    expect(double.cell('Økonomi', 'B2')).toMatchObject({ type: 'Double', value: 3 });
    // Below: the title, its merge, the table, its dropdown and the formula that names its cells, four rows down.
    const sheet = double.sheet('Økonomi');
    expect(double.cell('Økonomi', 'A11')).toMatchObject({ value: 'Finansiering' });
    expect(sheet.merges).toEqual([{ top: 11, left: 1, bottom: 11, right: 5 }]);
    expect(double.state.table('Kilder')?.bounds).toEqual({ top: 12, left: 1, bottom: 14, right: 3 });
    expect(sheet.validations.map((v) => v.bounds)).toContainEqual({ top: 13, left: 2, bottom: 14, right: 2 });
    expect(double.cell('Oversikt', 'A1')?.formula).toBe('=SUM(Økonomi!C13:C14)');
    // A table beside that the new rows cut through grows with them, as in Excel (and in the .xlsx adapter).
    expect(double.state.table('Notater')?.bounds).toEqual({ top: 1, left: 5, bottom: 8, right: 5 });
    const kilder = (await port.readSnapshot()).tables.find((t) => t.name === 'Kilder');
    expect(kilder?.rows.map((r) => r.map((c) => c.value))).toEqual([
      [2024, 'Fylket', 300],
      [2024, 'Kommunene', 100],
    ]);
  });

  test('when Excel does not take the written rows in, a third round trip resizes the table', async () => {
    const { double, port } = open();
    tableGrowth(double.state).autoExpand = false;
    const { stats } = await measure(double, () => port.writeRows('Rammer', { update: [], append: NEW_ROWS }));
    expect(stats.syncs).toBe(3);
    expect(tableGrowth(double.state).calls).toContain('Table.resize');
    expect(double.state.table('Rammer')?.bounds).toEqual({ top: 1, left: 1, bottom: 7, right: 3 });
  });

  test('the double inserts only whole rows, and refuses on a protected sheet as Excel does', async () => {
    const { double } = open();
    double.sheet('Økonomi').isProtected = true;
    await expect(
      double.run(async (context) => {
        context.workbook.worksheets.getItem('Økonomi').getRange('4:7').insert('Down');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

/** A budget with a total row, with a wider table stacked right under it (rows.add may not shift part of it). */
function totalAbove(): WorkbookData {
  return {
    sheets: ['Budsjett'],
    tables: [
      {
        name: 'Budsjett',
        sheet: 'Budsjett',
        header: ['Post', 'Beløp'],
        rows: [
          ['Lønn', 100],
          ['Reise', 20],
        ],
        totalRow: ['Sum', { formula: 'SUBTOTAL(109,[Beløp])', result: 120 }],
      },
      {
        name: 'Kilder',
        sheet: 'Budsjett',
        header: ['År', 'Kilde', 'Beløp'],
        rows: [[2024, 'Fylket', 120]],
      },
    ],
  };
}

describe('Office adapter: a table with a total row and another table below it', () => {
  test('rows.add is refused there, as Excel refuses it', async () => {
    const double = createExcelDouble({ data: totalAbove() });
    const context = double.context();
    context.workbook.tables.getItem('Budsjett').rows.add();
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('writeRows inserts whole sheet rows at the total row, which moves down with the table below, in two round trips', async () => {
    const double = createExcelDouble({ data: totalAbove() });
    const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
    const before = { ...double.state.table('Kilder')?.bounds };
    const { result, stats } = await measure(double, () =>
      port.writeRows('Budsjett', {
        update: [],
        append: [
          { Post: '3', Beløp: 5 },
          { Post: 'Drift', Beløp: 7 },
        ],
      }),
    );
    expect(result).toMatchObject({ appended: 2 });
    expect(stats.syncs).toBe(2);
    expect(tableGrowth(double.state).calls).toEqual([]);
    const budget = (await port.readSnapshot()).tables.find((t) => t.name === 'Budsjett');
    expect(budget?.rows.map((r) => r.map((c) => c.value))).toEqual([
      ['Lønn', 100],
      ['Reise', 20],
      ['3', 5],
      ['Drift', 7],
    ]);
    expect(budget?.totalRow?.[0]).toMatchObject({ value: 'Sum', address: 'A6' });
    expect(budget?.totalRow?.[1]?.formula).toBe('SUBTOTAL(109,[Beløp])');
    expect(double.state.table('Kilder')?.bounds).toEqual({ ...before, top: (before.top ?? 0) + 2, bottom: (before.bottom ?? 0) + 2 });
    const kilder = (await port.readSnapshot()).tables.find((t) => t.name === 'Kilder');
    expect(kilder?.rows.map((r) => r.map((c) => c.value))).toEqual([[2024, 'Fylket', 120]]);
  });

  test('appendRow does the same for one row', async () => {
    const double = createExcelDouble({ data: totalAbove() });
    const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
    const { result, stats } = await measure(double, () => port.appendRow('Budsjett', { Post: 'Drift', Beløp: 7 }));
    expect(result.range).toBe('A4:B4');
    expect(stats.syncs).toBe(2);
    expect(double.state.table('Budsjett')?.bounds).toEqual({ top: 1, left: 1, bottom: 5, right: 2 });
    expect(double.cell('Budsjett', 'A5')).toMatchObject({ value: 'Sum' });
  });
});

/** A table with an empty merged range right below it (a title typed later, or a spacer someone merged). */
function mergedBelow(apiVersion?: string) {
  const data: WorkbookData = {
    sheets: ['Økonomi'],
    tables: [{ name: 'Rammer', sheet: 'Økonomi', header: ['År', 'Post', 'Beløp'], rows: [[2024, 'Drift', 100]] }],
  };
  const double = createExcelDouble(apiVersion === undefined ? { data } : { data, apiVersion });
  // Nothing in it: its cells look empty, but a table cannot take merged cells in.
  double.mergeCells('Økonomi', 'A3:D3');
  return { double, port: new OfficeWorkbook(double.run, { isSupported: double.supports }) };
}

describe('Office adapter: an empty merged range right below a table is not free rows', () => {
  test('writeRows inserts whole sheet rows instead, and the merge moves down, in two round trips', async () => {
    const { double, port } = mergedBelow();
    const { stats } = await measure(double, () =>
      port.writeRows('Rammer', {
        update: [],
        append: [
          { År: 2025, Post: 'Drift', Beløp: 110 },
          { År: 2025, Post: 'Reserve', Beløp: 5 },
        ],
      }),
    );
    expect(stats.syncs).toBe(2);
    expect(double.state.table('Rammer')?.bounds).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    expect(double.sheet('Økonomi').merges).toEqual([{ top: 5, left: 1, bottom: 5, right: 4 }]);
    const rammer = (await port.readSnapshot()).tables.find((t) => t.name === 'Rammer');
    expect(rammer?.rows.map((r) => r.map((c) => c.value))).toEqual([
      [2024, 'Drift', 100],
      [2025, 'Drift', 110],
      [2025, 'Reserve', 5],
    ]);
  });

  test('appendRow too', async () => {
    const { double, port } = mergedBelow();
    const { result, stats } = await measure(double, () => port.appendRow('Rammer', { År: 2025, Post: 'Drift', Beløp: 110 }));
    expect(stats.syncs).toBe(2);
    expect(result.range).toBe('A3:C3');
    expect(double.state.table('Rammer')?.bounds).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(double.sheet('Økonomi').merges).toEqual([{ top: 4, left: 1, bottom: 4, right: 4 }]);
  });

  test('a merge that starts left of the table and reaches under it is found too (Excel lists a merge by its top-left cell)', async () => {
    const double = createExcelDouble({ data: { sheets: ['S'], tables: [] } });
    const context = double.context();
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.getRange('B1:C2').values = [
      ['A', 'B'],
      [1, 2],
    ];
    sheet.tables.add('B1:C2', true).name = 'T';
    await context.sync();
    // A3:D3 starts left of the table: asked about B3:C3 alone, Excel would not list it.
    double.mergeCells('S', 'A3:D3');
    const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
    await port.appendRow('T', { A: 3, B: 4 });
    expect(double.state.table('T')?.bounds).toEqual({ top: 1, left: 2, bottom: 3, right: 3 });
    expect(double.sheet('S').merges).toEqual([{ top: 4, left: 1, bottom: 4, right: 4 }]);
    expect(double.cell('S', 'B3')).toMatchObject({ value: 3 });
  });
});
