/**
 * addColumns on a file made before the contract had `Forslag` (the second programme's workbook, whose money tables
 * stand one under another on *Økonomi*): the table parts grow by one column (range, filter, tableColumns), the
 * header cell is written and styled as its neighbour, the column gets the contract's width, the file reads back
 * in exceljs and in the adapter — and every other part keeps its bytes. A column that cannot be added (a value,
 * a merge or another table to the right) refuses the whole call, naming the cell, and changes nothing.
 */
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { WorkbookOperationError } from '../../src/adapters/port';
import { openXlsxPort } from '../../src/adapters/xlsx/port';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { cellText } from '../../src/core/parse/table';
import type { TableSnapshot } from '../../src/core/snapshot/types';
import { secondProgramme } from '../fixtures/secondProgramme';

const MONEY = ['Tiltak', 'Budsjett', 'Rammer', 'Finansiering'];

async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) parts.set(entry.name, await entry.async('uint8array'));
  return parts;
}

async function changedParts(before: Uint8Array, after: Uint8Array): Promise<string[]> {
  const a = await unzip(before);
  const b = await unzip(after);
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((name) => !Buffer.from(a.get(name) ?? []).equals(Buffer.from(b.get(name) ?? [])))
    .sort();
}

async function text(bytes: Uint8Array, name: string): Promise<string> {
  const part = (await JSZip.loadAsync(bytes)).file(name);
  if (part === null) throw new Error(`no part ${name}`);
  return part.async('string');
}

/** The part of each table, by name, and the sheet part of Økonomi. */
async function partsOf(bytes: Uint8Array): Promise<{ tables: Map<string, string>; sheet: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const tables = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
    const xml = await text(bytes, name);
    const table = /<table\b[^>]*\sname="([^"]*)"/.exec(xml)?.[1];
    if (table !== undefined) tables.set(table, name);
  }
  const workbook = await text(bytes, 'xl/workbook.xml');
  const rels = await text(bytes, 'xl/_rels/workbook.xml.rels');
  const id = /<sheet\b[^>]*name="Økonomi"[^>]*r:id="([^"]+)"/.exec(workbook)?.[1] ?? '';
  const target =
    new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1] ??
    '';
  return { tables, sheet: `xl/${target.replace(/^\/?xl\//, '')}` };
}

function attr(xml: string, element: string, name: string): string | undefined {
  return new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];
}

function tableOf(tables: readonly TableSnapshot[], name: string): TableSnapshot {
  const found = tables.find((t) => t.name === name);
  if (found === undefined) throw new Error(`no table ${name}`);
  return found;
}

/** Puts `value` in the cell right of `table`'s header row (exceljs edits a copy of the fixture, then it is written anew). */
async function withCellRightOf(
  data: WorkbookData,
  table: string,
  value: string,
  merge = false,
): Promise<{ bytes: Uint8Array; cell: string }> {
  const port = await openXlsxPort(await writeWorkbookData(data));
  const header = tableOf((await port.readSnapshot()).tables, table).header;
  const last = header[header.length - 1]?.address ?? '';
  const [, letters = '', row = ''] = /^([A-Z]+)(\d+)$/.exec(last) ?? [];
  const next = String.fromCharCode(letters.charCodeAt(letters.length - 1) + 1);
  const cell = `${next}${Number(row) + 1}`;
  const workbook = new Workbook();
  await workbook.xlsx.load((await writeWorkbookData(data)).slice().buffer);
  const sheet = workbook.getWorksheet(tableOf((await port.readSnapshot()).tables, table).sheet);
  if (merge) sheet?.mergeCells(`${cell}:${next}${Number(row) + 3}`);
  else if (sheet) sheet.getCell(cell).value = value;
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), cell };
}

describe('.xlsx adapter: addColumns', () => {
  test('four tables of an older file get Forslag: only their table parts and the sheet change, and it reads back', async () => {
    const input = await writeWorkbookData(secondProgramme());
    const before = await partsOf(input);
    const port = await openXlsxPort(input);
    const oldTables = (await port.readSnapshot()).tables;
    const outcome = await port.addColumns(MONEY, 'Forslag');
    const output = port.toBytes();
    expect(outcome.added.map((a) => a.table)).toEqual(MONEY);

    expect(await changedParts(input, output)).toEqual([before.sheet, ...MONEY.map((t) => before.tables.get(t) ?? '')].sort());
    const after = (await port.readSnapshot()).tables;
    for (const name of MONEY) {
      const old = tableOf(oldTables, name);
      const now = tableOf(after, name);
      expect(now.header.map((c) => cellText(c))).toEqual([...old.header.map((c) => cellText(c)), 'Forslag']);
      // every cell that was there, as it was; the new column's body is empty
      expect(now.rows.map((r) => r.slice(0, -1))).toEqual(old.rows);
      expect(now.rows.every((r) => r[r.length - 1]?.kind === 'empty')).toBe(true);
      const xml = await text(output, before.tables.get(name) ?? '');
      const right = now.header[now.header.length - 1]?.address ?? '';
      expect(outcome.added.find((a) => a.table === name)?.cell).toBe(right);
      expect(attr(xml, 'table', 'ref')).toMatch(new RegExp(`:${right.replace(/\d+$/, '')}\\d+$`));
      expect(attr(xml, 'autoFilter', 'ref')).toBe(attr(xml, 'table', 'ref'));
      expect(attr(xml, 'tableColumns', 'count')).toBe(String(now.header.length));
      expect(xml).toMatch(/<tableColumn id="\d+" name="Forslag"\/><\/tableColumns>/);
    }
    // Other tables on the sheet are untouched (Resultatmal and Program are on other sheets; Omdisponeringer has none here).
    const workbook = new Workbook();
    await workbook.xlsx.load(output.slice().buffer);
    const sheet = workbook.getWorksheet('Økonomi');
    const budget = tableOf(after, 'Budsjett');
    const forslag = budget.header[budget.header.length - 1]?.address ?? '';
    expect(sheet?.getCell(forslag).value).toBe('Forslag');
    // the header looks like the headers beside it, and the column has the contract's width
    const beside = budget.header[budget.header.length - 2]?.address ?? '';
    expect(sheet?.getCell(forslag).style).toEqual(sheet?.getCell(beside).style);
    expect(sheet?.getColumn(forslag.replace(/\d+$/, '')).width).toBe(24);
  });

  test('a value right of a table: refused naming the cell, and nothing is written to any table', async () => {
    const { bytes, cell } = await withCellRightOf(secondProgramme(), 'Rammer', 'Notat');
    const port = await openXlsxPort(bytes);
    const error = await port.addColumns(MONEY, 'Forslag').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookOperationError);
    expect((error as WorkbookOperationError).nb).toBe(
      `Kan ikke legge kolonnen «Forslag» til tabellen «Rammer»: cellen Økonomi!${cell} til høyre for tabellen er ikke tom. Flytt det som står der, eller legg til kolonnen i Excel («Opprett / oppdater arbeidsbok»).`,
    );
    expect(Buffer.from(port.toBytes()).equals(Buffer.from(bytes))).toBe(true);
  });

  test('a merged cell right of a table is in the way too', async () => {
    const { bytes, cell } = await withCellRightOf(secondProgramme(), 'Budsjett', '', true);
    const port = await openXlsxPort(bytes);
    const error = await port.addColumns(['Budsjett'], 'Forslag').catch((e: unknown) => e);
    expect((error as WorkbookOperationError).nb).toContain(
      `cellen Økonomi!${cell} til høyre for tabellen er slått sammen med andre celler`,
    );
    expect((error as WorkbookOperationError).en).toContain(`cell Økonomi!${cell} to the right of the table is merged with other cells`);
  });
});
