import { OfficeWorkbook } from '../../src/adapters/office';
import type { WorkbookPort } from '../../src/adapters/port';
import { DATE_FORMAT } from '../../src/core/contract/contract';
import type { WorkbookData } from '../../src/core/contract/tableData';
import type { TableSnapshot } from '../../src/core/snapshot/types';
import { createExcelDouble, measure, type ExcelDouble, type ExcelDoubleOptions } from '../../src/adapters/office/double';
import { tableGrowth } from '../../src/adapters/office/double/growth';
import { appendData, operationError } from './conformance';

/**
 * appendRow over the Excel double, where the Office adapter differs from the .xlsx one or has costs to keep:
 * two round trips, no rows.add when the row below is free (co-authoring), a whole sheet row inserted when it is
 * taken or merged (nothing lost, nothing of a table or merge below cut), and what happens when Excel does not grow
 * the table by itself.
 */

function open(options: ExcelDoubleOptions = {}): { double: ExcelDouble; port: WorkbookPort } {
  const double = createExcelDouble({ data: appendData(), ...options });
  return { double, port: new OfficeWorkbook(double.run, { isSupported: double.supports }) };
}

function boundsOf(double: ExcelDouble, table: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const found = double.state.table(table);
  return found === undefined ? undefined : { ...found.bounds };
}

async function tableNamed(port: WorkbookPort, name: string): Promise<TableSnapshot> {
  const table = (await port.readSnapshot()).tables.find((t) => t.name === name);
  if (table === undefined) throw new Error(`no table ${name}`);
  return table;
}

const P3 = { Nr: 'P3', Navn: 'Tredje prosjekt', 'Beløp (kr)': 300000, Start: { date: '2024-06-30' } };

describe('Office adapter: appendRow', () => {
  test('two round trips into the blank row of an empty table, two into the row below a table', async () => {
    const { double, port } = open();
    const blank = await measure(double, () => port.appendRow('Rapporter', { Prosjekt: 'P1', Tekst: 'Første' }));
    expect(blank.result.range).toBe('A8:C8');
    expect(blank.stats.syncs).toBe(2);
    const below = await measure(double, () => port.appendRow('Prosjekter', P3));
    expect(below.result.range).toBe('A5:E5');
    expect(below.stats.syncs).toBe(2);
  });

  test('the row below is written through values and Excel grows the table: rows.add is never called', async () => {
    const { double, port } = open();
    await port.appendRow('Prosjekter', P3);
    await port.appendRow('Rapporter', { Prosjekt: 'P1' });
    await port.appendRow('Rapporter', { Prosjekt: 'P2' });
    expect(tableGrowth(double.state).calls).toEqual([]);
    expect(boundsOf(double, 'Prosjekter')).toEqual({ top: 2, left: 1, bottom: 5, right: 5 });
    expect(boundsOf(double, 'Rapporter')).toEqual({ top: 7, left: 1, bottom: 9, right: 3 });
  });

  test("text is formatted @ before it is written; a date keeps its cell's date format or gets the contract's; a number keeps the column's format", async () => {
    const { double, port } = open();
    double.sheet('Prosjekter').cellForWrite(5, 4).numberFormat = 'yyyy-mm-dd';
    double.sheet('Prosjekter').cellForWrite(5, 3).numberFormat = '#,##0';
    await port.appendRow('Prosjekter', { Nr: '=1+1', 'Beløp (kr)': 5, Start: { date: '2024-06-30' } });
    expect(double.cell('Prosjekter', 'A5')).toMatchObject({ type: 'String', value: '=1+1', numberFormat: '@' });
    expect(double.cell('Prosjekter', 'A5')?.formula).toBeUndefined();
    expect(double.cell('Prosjekter', 'C5')).toMatchObject({ type: 'Double', value: 5, numberFormat: '#,##0' });
    expect(double.cell('Prosjekter', 'D5')).toMatchObject({ type: 'Double', numberFormat: 'yyyy-mm-dd' });
    await port.appendRow('Rapporter', { Dato: { date: '2024-02-01' } });
    expect(double.cell('Prosjekter', 'B8')?.numberFormat).toBe(DATE_FORMAT);
  });

  test('a number written below the table takes the format of the row above when its own cell has none (400 000, not 400000)', async () => {
    const { double, port } = open();
    // The cells below the table are General, as in a sheet nobody formatted ahead.
    expect(double.cell('Prosjekter', 'C5')?.numberFormat ?? 'General').toBe('General');
    expect(double.cell('Prosjekter', 'C4')?.numberFormat).toBe('#,##0');
    await port.appendRow('Prosjekter', { Nr: 'P3', 'Beløp (kr)': 400000 });
    expect(double.cell('Prosjekter', 'C5')).toMatchObject({ type: 'Double', value: 400000, numberFormat: '#,##0' });
    // A cell left empty keeps its own format.
    expect(double.cell('Prosjekter', 'E5')?.numberFormat ?? 'General').toBe('General');
  });

  test('long text (over 255 characters) stays General and is written with an apostrophe when it starts like a formula', async () => {
    const { double, port } = open();
    const text = `=${'x'.repeat(300)}`;
    await port.appendRow('Rapporter', { Tekst: text });
    expect(double.cell('Prosjekter', 'C8')).toMatchObject({ type: 'String', value: text, quotePrefix: true });
    expect(double.cell('Prosjekter', 'C8')?.numberFormat).toBeUndefined();
  });

  test('something right below the table: a whole sheet row is inserted, and what was below moves down, kept', async () => {
    const { double, port } = open();
    double.sheet('Prosjekter').cells.set('5:2', { type: 'String', value: 'Notat under tabellen' });
    const { result, stats } = await measure(double, () => port.appendRow('Prosjekter', P3));
    expect(stats.syncs).toBe(2);
    expect(result).toEqual({ table: 'Prosjekter', sheet: 'Prosjekter', range: 'A5:E5' });
    expect(tableGrowth(double.state).calls).toEqual([]);
    expect(double.cell('Prosjekter', 'B6')).toMatchObject({ type: 'String', value: 'Notat under tabellen' });
    expect(double.cell('Prosjekter', 'A5')).toMatchObject({ type: 'String', value: 'P3' });
    expect(double.cell('Prosjekter', 'D5')).toMatchObject({ type: 'Double', numberFormat: DATE_FORMAT });
    // Rapporter stood below in the same columns, so it moved down with the rest.
    expect(boundsOf(double, 'Rapporter')).toEqual({ top: 8, left: 1, bottom: 9, right: 3 });
    const table = await tableNamed(port, 'Prosjekter');
    expect(table.range).toBe('A2:E5');
    expect(table.rows[2]?.map((c) => c.value)).toEqual(['P3', 'Tredje prosjekt', 300000, '2024-06-30', null]);
  });

  test('a table with a total row gets a whole sheet row inserted above the total row, not rows.add', async () => {
    const data: WorkbookData = {
      sheets: ['Budsjett'],
      tables: [
        {
          name: 'Budsjett',
          sheet: 'Budsjett',
          header: ['Post', 'Beløp'],
          rows: [['Lønn', 100]],
          totalRow: ['Sum', { formula: 'SUBTOTAL(109,[Beløp])', result: 100 }],
        },
      ],
    };
    const { double, port } = open({ data });
    const { result, stats } = await measure(double, () => port.appendRow('Budsjett', { Post: 'Reise', Beløp: 20 }));
    expect(stats.syncs).toBe(2);
    expect(result.range).toBe('A3:B3');
    expect(tableGrowth(double.state).calls).toEqual([]);
    const table = await tableNamed(port, 'Budsjett');
    expect(table.range).toBe('A1:B4');
    expect(table.rows.map((r) => r.map((c) => c.value))).toEqual([
      ['Lønn', 100],
      ['Reise', 20],
    ]);
    expect(table.totalRow?.[0]).toMatchObject({ value: 'Sum', address: 'A4' });
    expect(table.totalRow?.[1]?.formula).toBe('SUBTOTAL(109,[Beløp])');
  });

  test("Excel's table auto-expansion off: the table is resized (ExcelApi 1.13), in a third round trip", async () => {
    const { double, port } = open();
    tableGrowth(double.state).autoExpand = false;
    const { result, stats } = await measure(double, () => port.appendRow('Prosjekter', P3));
    expect(stats.syncs).toBe(3);
    expect(result.range).toBe('A5:E5');
    expect(tableGrowth(double.state).calls).toEqual(['Table.resize']);
    expect((await tableNamed(port, 'Prosjekter')).range).toBe('A2:E5');
  });

  test('auto-expansion off and no ExcelApi 1.13: an error that says where the row was written', async () => {
    const { double, port } = open({ apiVersion: '1.12' });
    tableGrowth(double.state).autoExpand = false;
    const error = await operationError(port.appendRow('Prosjekter', P3));
    expect(error.code).toBe('failed');
    expect(error.en).toContain('Prosjekter!A5:E5');
    expect(error.nb).toContain('Prosjekter!A5:E5');
    expect(double.cell('Prosjekter', 'A5')).toMatchObject({ value: 'P3' });
    expect(boundsOf(double, 'Prosjekter')?.bottom).toBe(4);
  });

  test("a protected sheet: the refusal names the table's sheet", async () => {
    const { double, port } = open();
    double.protectSheet('Prosjekter');
    const error = await operationError(port.appendRow('Prosjekter', P3));
    expect(error.code).toBe('protected');
    expect(error.en).toContain('"Prosjekter"');
  });

  test('without ExcelApi 1.4 (no null objects) the operation is refused as unsupported, before any round trip', async () => {
    const { double, port } = open({ apiVersion: '1.3' });
    const { stats } = await measure(double, () =>
      operationError(port.appendRow('Prosjekter', P3)).then((e) => expect(e.code).toBe('unsupported')),
    );
    expect(stats.syncs).toBe(0);
  });
});

describe('the Excel double: how tables grow', () => {
  test('a value set in the row right below a table grows it; a format alone, or a value beside it, does not', async () => {
    const double = createExcelDouble({ data: appendData() });
    const context = double.context();
    const sheet = context.workbook.worksheets.getItem('Prosjekter');
    sheet.getRange('A5:E5').numberFormat = [['@', '@', '@', '@', '@']];
    sheet.getRange('F5').values = [['beside']];
    await context.sync();
    expect(boundsOf(double, 'Prosjekter')?.bottom).toBe(4);
    sheet.getRange('A5:E5').values = [[null, 'x', null, null, null]];
    await context.sync();
    expect(boundsOf(double, 'Prosjekter')?.bottom).toBe(5);
  });

  test('with auto-expansion off, or a total row, the table stays as it is', async () => {
    const double = createExcelDouble({ data: appendData() });
    tableGrowth(double.state).autoExpand = false;
    const context = double.context();
    context.workbook.worksheets.getItem('Prosjekter').getRange('A5').values = [['x']];
    await context.sync();
    expect(boundsOf(double, 'Prosjekter')?.bottom).toBe(4);

    const data: WorkbookData = { sheets: ['S'], tables: [{ name: 'T', sheet: 'S', header: ['A'], rows: [[1]], totalRow: ['Sum'] }] };
    const withTotal = createExcelDouble({ data });
    const other = withTotal.context();
    other.workbook.worksheets.getItem('S').getRange('A4').values = [['x']];
    await other.sync();
    expect(boundsOf(withTotal, 'T')?.bottom).toBe(3);
  });

  test('rows.add refuses to cut through a merged range below, as Excel does', async () => {
    const double = createExcelDouble({ data: appendData() });
    double.mergeCells('Prosjekter', 'E6:G6');
    const context = double.context();
    context.workbook.tables.getItem('Prosjekter').rows.add();
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(boundsOf(double, 'Prosjekter')?.bottom).toBe(4);
  });

  test('Table.resize needs ExcelApi 1.13', async () => {
    const double = createExcelDouble({ data: appendData(), apiVersion: '1.12' });
    const context = double.context();
    context.workbook.tables.getItem('Prosjekter').resize('A2:E5');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
