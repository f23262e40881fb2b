/**
 * *Forbered {år+1}* in Excel on a workbook made before the contract had the `Forslag` column: the Office adapter
 * adds it (TableColumnCollection.add with the header, styled as the header beside it, all tables or none) in three
 * round trips, and the year is then prepared as on a new workbook — the same tables and cells as the `neste-aar`
 * file path gives the same workbook. A cell in the way (a value, a merge, another table) refuses the whole call
 * naming the sheet and cell, and nothing changes. On the strict Excel double, for the sample and the second
 * programme.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import { createExcelDouble, measure, type ExcelDouble } from '../../src/adapters/office/double';
import { WorkbookOperationError } from '../../src/adapters/port';
import { openXlsxPort } from '../../src/adapters/xlsx/port';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { prepareNextYear } from '../../src/core/nextYear';
import { cellText } from '../../src/core/parse/table';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { secondProgramme } from '../fixtures/secondProgramme';

/** The workbook as it was before the contract had `Forslag`: the column taken out of every table. */
function withoutForslag(make: () => WorkbookData): () => WorkbookData {
  return () => {
    const data = make();
    for (const t of data.tables) {
      const i = t.header.indexOf('Forslag');
      if (i < 0) continue;
      const drop = <T>(list: T[] | undefined): void => void list?.splice(i, 1);
      drop(t.header);
      t.rows.forEach((r) => drop(r));
      drop(t.totalRow);
      drop(t.numberFormats);
      drop(t.widths);
      drop(t.lists);
    }
    return data;
  };
}

function contents(snapshot: WorkbookSnapshot): Record<string, string[][]> {
  return Object.fromEntries(
    snapshot.tables.map((t) => [t.name, [t.header.map((c) => cellText(c)), ...t.rows.map((r) => r.map((c) => cellText(c)))]]),
  );
}

function office(data: WorkbookData): { double: ExcelDouble; port: OfficeWorkbook } {
  const double = createExcelDouble({ data });
  return { double, port: new OfficeWorkbook(double.run, { isSupported: double.supports }) };
}

/** The header cells and the cell right of each table's header, as the double holds them. */
function headerCell(double: ExcelDouble, table: string, offset: number): { sheet: string; row: number; column: number } {
  const found = double.state.table(table);
  if (found === undefined) throw new Error(`no table ${table}`);
  return { sheet: found.sheet.name, row: found.bounds.top, column: found.bounds.right + offset };
}

const older = [
  ['the sample', withoutForslag(hallingdalSample), 2023],
  ['the second programme', secondProgramme, 2025],
] as const;

describe.each(older)('%s without the Forslag column', (_name, data, year) => {
  test(`Forbered ${year} in Excel adds the column to every table that takes proposals, then prepares the year as the file path does`, async () => {
    const { double, port } = office(data());
    const before = await port.readSnapshot();
    expect(before.tables.some((t) => t.header.some((h) => cellText(h) === 'Forslag'))).toBe(false);
    const { result: outcome, stats } = await measure(double, () => prepareNextYear(port, null));
    if (!outcome.ok) throw new Error(outcome.problem.kind);
    expect(outcome.year).toBe(year);
    const columns = outcome.columnsAdded ?? [];
    expect(columns.length).toBeGreaterThan(0);
    expect(outcome.added).toBeGreaterThan(0);

    // The same workbook through the file path (`neste-aar` on an older file) ends up with the same tables.
    const file = await openXlsxPort(await writeWorkbookData(data()));
    const fromFile = await prepareNextYear(file, null);
    expect(fromFile.ok && fromFile.columnsAdded).toEqual(columns);
    const now = await port.readSnapshot();
    expect(contents(now)).toEqual(contents(await file.readSnapshot()));

    for (const table of columns) {
      // The header is the last column, styled as the header beside it; every old cell is where it was.
      const { sheet, row, column } = headerCell(double, table, 0);
      const cell = double.sheet(sheet).cell(row, column);
      expect(cell?.value).toBe('Forslag');
      expect(cell?.format?.bold).toBe(double.sheet(sheet).cell(row, column - 1)?.format?.bold ?? false);
      expect(cell?.format?.bold).toBe(true);
      const was = before.tables.find((t) => t.name === table);
      const is = now.tables.find((t) => t.name === table);
      const texts = (rows: WorkbookSnapshot['tables'][number]['rows'] | undefined) => rows?.map((r) => r.map((c) => cellText(c)));
      expect(texts(is?.rows.slice(0, was?.rows.length).map((r) => r.slice(0, -1)))).toEqual(texts(was?.rows));
    }
    // One read, three round trips for the columns however many tables, a read again, then two per table written.
    expect(stats.syncs).toBeLessThanOrEqual(2 + 3 + 2 + 2 * outcome.appends.length);
  });

  test('the columns alone: three round trips for all the tables, the contract width where the column has none set', async () => {
    const { double, port } = office(data());
    const tables = ['Budsjett', 'Rammer', 'Finansiering', 'Tiltak', 'Delmal'];
    const widths = tables.map((t) => {
      const { sheet, column } = headerCell(double, t, 1);
      return double.sheet(sheet).columnWidths.get(column);
    });
    const { result, stats } = await measure(double, () => port.addColumns(tables, 'Forslag'));
    expect(stats.syncs).toBe(3);
    expect(result.added.map((a) => a.table)).toEqual(tables);
    result.added.forEach((added, i) => {
      const { sheet, row, column } = headerCell(double, added.table, 0);
      expect(added).toMatchObject({ sheet });
      expect(double.sheet(sheet).cell(row, column)?.value).toBe('Forslag');
      // A width the sheet set stays; a column at Excel's default gets the contract's 24 characters.
      expect(double.sheet(sheet).columnWidths.get(column)).toBe(widths[i] ?? (24 * 7 + 5) * 0.75);
    });
  });
});

describe('a cell in the way: the whole call is refused naming the sheet and cell, and nothing changes', () => {
  async function refused(
    prepare: (double: ExcelDouble) => string | Promise<string>,
  ): Promise<{ error: WorkbookOperationError; cell: string }> {
    const { double, port } = office(secondProgramme());
    const cell = await prepare(double);
    const before = contents(await port.readSnapshot());
    const bounds = ['Budsjett', 'Rammer', 'Finansiering'].map((t) => ({ ...double.state.table(t)?.bounds }));
    const error = await port.addColumns(['Budsjett', 'Rammer', 'Finansiering'], 'Forslag').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookOperationError);
    // All or none: not even the tables before the one refused got the column.
    expect(['Budsjett', 'Rammer', 'Finansiering'].map((t) => ({ ...double.state.table(t)?.bounds }))).toEqual(bounds);
    expect(contents(await port.readSnapshot())).toEqual(before);
    return { error: error as WorkbookOperationError, cell };
  }

  function rightOf(double: ExcelDouble, table: string, rowOffset: number): { sheet: string; address: string; row: number; column: number } {
    const { sheet, row, column } = headerCell(double, table, 1);
    const letters = String.fromCharCode(64 + column);
    return { sheet, address: `${letters}${row + rowOffset}`, row: row + rowOffset, column };
  }

  test('a value', async () => {
    const { error, cell } = await refused((double) => {
      const at = rightOf(double, 'Finansiering', 2);
      double.sheet(at.sheet).cellForWrite(at.row, at.column).value = 'Notat';
      double.sheet(at.sheet).cellForWrite(at.row, at.column).type = 'String';
      return `${at.sheet}!${at.address}`;
    });
    expect(error.nb).toBe(
      `Kan ikke legge kolonnen «Forslag» til tabellen «Finansiering»: cellen ${cell} til høyre for tabellen er ikke tom. Flytt det som står der, og prøv igjen. Ingenting er endret.`,
    );
    expect(error.en).toContain(`cell ${cell} to the right of the table is not empty`);
  });

  test('a merged range (Range.getMergedAreasOrNullObject, ExcelApi 1.13)', async () => {
    const { error, cell } = await refused((double) => {
      const at = rightOf(double, 'Rammer', 1);
      const end = String.fromCharCode(64 + at.column + 1);
      double.mergeCells(at.sheet, `${at.address}:${end}${at.row}`);
      return `${at.sheet}!${at.address}`;
    });
    expect(error.nb).toContain(`cellen ${cell} til høyre for tabellen er slått sammen med andre celler`);
  });

  test('a protected sheet', async () => {
    const { error } = await refused((double) => {
      const sheet = double.state.table('Finansiering')?.sheet.name ?? '';
      double.protectSheet(sheet);
      return sheet;
    });
    expect(error.code).toBe('protected');
    expect(error.nb).toContain('er beskyttet');
  });

  test('another table', async () => {
    const { error, cell } = await refused(async (double) => {
      const at = rightOf(double, 'Budsjett', 0);
      const context = double.context();
      const sheet = context.workbook.worksheets.getItem(at.sheet);
      sheet.getRange(`${at.address}:${at.address.replace(/\d+$/, String(at.row + 1))}`).values = [['Merknad'], ['x']];
      sheet.tables.add(`${at.address}:${at.address.replace(/\d+$/, String(at.row + 1))}`, true).name = 'Sidetabell';
      await context.sync();
      return `${at.sheet}!${at.address}`;
    });
    expect(error.nb).toContain(`cellen ${cell} til høyre for tabellen hører til tabellen «Sidetabell»`);
  });
});
