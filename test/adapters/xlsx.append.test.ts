import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { openXlsxPort } from '../../src/adapters/xlsx/port';
import { rowUses, writeRowCells } from '../../src/adapters/xlsx/rowXml';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { templateWorkbook } from '../../src/core/template/template';
import { appendData, operationError } from './conformance';

/**
 * appendRow on a file, where the .xlsx adapter differs from Excel (it refuses instead of shifting cells) and
 * where it must not lose anything: the result opens in exceljs, the table part grows, and every part it had
 * no reason to change keeps its bytes.
 */

const SHEET = 'xl/worksheets/sheet1.xml';
const TABLE = 'xl/tables/table1.xml';
const P3 = { Nr: 'P3', Navn: 'Tredje prosjekt', 'Beløp (kr)': 300000, Start: { date: '2024-06-30' } };

async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) parts.set(entry.name, await entry.async('uint8array'));
  return parts;
}

async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const part = (await JSZip.loadAsync(bytes)).file(name);
  if (part === null) throw new Error(`no part ${name}`);
  return part.async('string');
}

/** The parts whose bytes differ, and those added or removed. */
async function changedParts(before: Uint8Array, after: Uint8Array): Promise<string[]> {
  const a = await unzip(before);
  const b = await unzip(after);
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names]
    .filter((name) => !Buffer.from(a.get(name) ?? []).equals(Buffer.from(b.get(name) ?? [])) || !a.has(name) || !b.has(name))
    .sort();
}

async function editPart(bytes: Uint8Array, name: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(name);
  if (part === null) throw new Error(`no part ${name}`);
  zip.file(name, edit(await part.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Something in row 5, right below Prosjekter (A2:E4): a row element placed before Rapporter's header row 7. */
function withRow5(cells: string): (xml: string) => string {
  return (xml) => {
    if (!xml.includes('<row r="7"')) throw new Error('the fixture moved: no row 7');
    return xml.replace('<row r="7"', `<row r="5">${cells}</row><row r="7"`);
  };
}

async function exceljs(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

function attr(xml: string, element: string, name: string): string | undefined {
  return new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];
}

describe('.xlsx adapter: appendRow', () => {
  test('the file opens with exceljs, the table and its filter grew one row, and every other part keeps its bytes', async () => {
    const input = await writeWorkbookData(appendData());
    const port = await openXlsxPort(input);
    expect(await port.appendRow('Prosjekter', P3)).toEqual({ table: 'Prosjekter', sheet: 'Prosjekter', range: 'A5:E5' });
    const output = port.toBytes();

    // The new row takes the formats of the row above (as Excel does when a table grows): styles.xml keeps its bytes.
    expect(await changedParts(input, output)).toEqual([TABLE, SHEET].sort());
    const table = await partText(output, TABLE);
    expect(attr(table, 'table', 'ref')).toBe('A2:E5');
    expect(attr(table, 'autoFilter', 'ref')).toBe('A2:E5');

    const sheet = (await exceljs(output)).getWorksheet('Prosjekter');
    expect(sheet?.getCell('A5').value).toBe('P3');
    expect(sheet?.getCell('C5').value).toBe(300000);
    // 300000 shows as 300 000, like the rows above it.
    expect(sheet?.getCell('C5').numFmt).toBe('#,##0');
    expect(sheet?.getCell('C5').numFmt).toBe(sheet?.getCell('C4').numFmt);
    const start = sheet?.getCell('D5');
    expect(start?.value).toEqual(new Date(Date.UTC(2024, 5, 30)));
    expect(start?.numFmt).toBe('dd.mm.yyyy');
    expect(sheet?.getCell('E5').value).toBeNull();
  });

  test('filling a blank row whose cells have the column formats changes the sheet part only', async () => {
    const input = await writeWorkbookData(appendData());
    const port = await openXlsxPort(input);
    await port.appendRow('Rapporter', { Prosjekt: 'P1', Dato: { date: '2024-02-01' } });
    expect(await changedParts(input, port.toBytes())).toEqual([SHEET]);
    const cell = (await exceljs(port.toBytes())).getWorksheet('Prosjekter')?.getCell('B8');
    expect(cell?.value).toEqual(new Date(Date.UTC(2024, 1, 1)));
  });

  test('text is an inline string; text that starts like a formula in an unstyled cell gets the quote prefix', async () => {
    const port = await openXlsxPort(await writeWorkbookData(appendData()));
    await port.appendRow('Prosjekter', { Nr: '=1+1', Navn: '0042' });
    const sheet = await partText(port.toBytes(), SHEET);
    const a5 = /<c r="A5"( s="(\d+)")? t="inlineStr"><is><t xml:space="preserve">=1\+1<\/t><\/is><\/c>/.exec(sheet);
    expect(a5).not.toBeNull();
    expect(sheet).toContain('<c r="B5" t="inlineStr"><is><t xml:space="preserve">0042</t></is></c>');
    const styles = await partText(port.toBytes(), 'xl/styles.xml');
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
    const xf = xfs.match(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g)?.[Number(a5?.[2] ?? 0)];
    expect(xf).toContain('quotePrefix="1"');
    expect((await exceljs(port.toBytes())).getWorksheet('Prosjekter')?.getCell('A5').value).toBe('=1+1');
  });

  test('something right below the table: a whole sheet row is inserted, the new row goes there, what was below moves down', async () => {
    const input = await editPart(
      await writeWorkbookData(appendData()),
      SHEET,
      withRow5('<c r="C5" t="inlineStr"><is><t>Notat</t></is></c>'),
    );
    const port = await openXlsxPort(input);
    const outcome = await port.appendRow('Prosjekter', P3);
    expect(outcome.range).toBe('A5:E5');
    const read = (await exceljs(port.toBytes())).getWorksheet('Prosjekter');
    expect(read?.getCell('A5').value).toBe('P3');
    expect(read?.getCell('C6').value).toBe('Notat');
    expect(read?.getCell('C5').value).toBe(300000);
    const snapshot = await port.readSnapshot();
    expect(snapshot.tables.find((t) => t.name === 'Prosjekter')?.rows.length).toBe(3);
  });

  test('a merged range reaching into the row below: the row is inserted above it, the merge moves down whole', async () => {
    const input = await editPart(await writeWorkbookData(appendData()), SHEET, (xml) =>
      xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="E5:F6"/></mergeCells>'),
    );
    const port = await openXlsxPort(input);
    expect((await port.appendRow('Prosjekter', P3)).range).toBe('A5:E5');
    const sheet = await partText(port.toBytes(), SHEET);
    expect(sheet).toContain('<mergeCell ref="E6:F7"/>');
  });

  test('a styled but empty cell below is free: it keeps its style; a cell beside the table stays, cells in column order', async () => {
    const input = await editPart(
      await writeWorkbookData(appendData()),
      SHEET,
      withRow5('<c r="B5" s="1"/><c r="G5" t="inlineStr"><is><t>Ved siden av</t></is></c>'),
    );
    const port = await openXlsxPort(input);
    await port.appendRow('Prosjekter', { Nr: 'P3', Navn: 'Tredje' });
    const sheet = await partText(port.toBytes(), SHEET);
    const row5 = /<row r="5"[^>]*>([\s\S]*?)<\/row>/.exec(sheet)?.[1] ?? '';
    expect([...row5.matchAll(/<c r="([A-Z]+5)"/g)].map((m) => m[1])).toEqual(['A5', 'B5', 'G5']);
    expect(row5).toContain('<c r="B5" s="1" t="inlineStr">');
    const read = (await exceljs(port.toBytes())).getWorksheet('Prosjekter');
    expect(read?.getCell('G5').value).toBe('Ved siden av');
    expect(read?.getCell('B5').value).toBe('Tredje');
  });

  test('a table with a total row: its blank row is filled, but a row cannot be added below it', async () => {
    const data = (rows: WorkbookData['tables'][number]['rows']): WorkbookData => ({
      sheets: ['Budsjett'],
      tables: [
        {
          name: 'Budsjett',
          sheet: 'Budsjett',
          header: ['Post', 'Beløp'],
          rows,
          totalRow: ['Sum', { formula: 'SUBTOTAL(109,[Beløp])', result: 0 }],
        },
      ],
    });
    const empty = await openXlsxPort(await writeWorkbookData(data([])));
    expect((await empty.appendRow('Budsjett', { Post: 'Lønn', Beløp: 100 })).range).toBe('A2:B2');
    const error = await operationError(empty.appendRow('Budsjett', { Post: 'Reise', Beløp: 20 }));
    expect(error.code).toBe('failed');
    expect(error.en).toContain('total row');
  });

  test('a protected sheet is refused', async () => {
    const input = await editPart(await writeWorkbookData(appendData()), SHEET, (xml) =>
      xml.replace('</sheetData>', '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>'),
    );
    const error = await operationError((await openXlsxPort(input)).appendRow('Prosjekter', P3));
    expect(error.code).toBe('protected');
    expect(error.en).toContain('"Prosjekter"');
  });

  test('a dropdown list on a table column grows with the table; a list elsewhere stays as it is', async () => {
    const data = appendData();
    const prosjekter = data.tables[0];
    if (prosjekter === undefined) throw new Error('no Prosjekter');
    prosjekter.lists = [undefined, undefined, undefined, undefined, { values: ['Ok', 'Nei'] }];
    const input = await editPart(await writeWorkbookData(data), SHEET, (xml) =>
      xml.replace(
        '</dataValidations>',
        '<dataValidation type="whole" sqref="G3:G4"><formula1>0</formula1></dataValidation></dataValidations>',
      ),
    );
    expect(await partText(input, SHEET)).toContain('sqref="E3:E4"');
    const port = await openXlsxPort(input);
    await port.appendRow('Prosjekter', P3);
    const sheet = await partText(port.toBytes(), SHEET);
    expect(sheet).toContain('sqref="E3:E5"');
    expect(sheet).toContain('sqref="G3:G4"');
  });

  test("a row past the sheet's dimension widens it", async () => {
    const port = await openXlsxPort(await writeWorkbookData(appendData()));
    await port.appendRow('Beregnet', { Nr: 'B' });
    await port.appendRow('Beregnet', { Nr: 'C' });
    const sheet = await partText(port.toBytes(), 'xl/worksheets/sheet2.xml');
    expect(attr(sheet, 'dimension', 'ref')).toBe('A1:C4');
    expect(attr(await partText(port.toBytes(), 'xl/tables/table3.xml'), 'table', 'ref')).toBe('A1:C4');
  });
});

describe('worksheet rows as text', () => {
  const sheet = (data: string): string =>
    `<?xml version="1.0"?>\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:C2"/>${data}<x:pageMargins/></x:worksheet>`;
  const text = (value: string) => (ref: string, prefix: string) =>
    `<${prefix}:c r="${ref}" t="inlineStr"><${prefix}:is><${prefix}:t>${value}</${prefix}:t></${prefix}:is></${prefix}:c>`;

  test("a new row goes between the rows around it, in the part's own prefix, and the dimension grows", () => {
    const xml = sheet('<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="9"/></x:sheetData>');
    const out = writeRowCells(xml, 4, new Map([[2, text('b')]]));
    expect(out).toContain(
      '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="4"><x:c r="B4" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row><x:row r="9"/>',
    );
    expect(out).toContain('<x:dimension ref="A1:C4"/>');
  });

  test('an empty sheetData is opened for the row', () => {
    const out = writeRowCells(sheet('<x:sheetData/>'), 2, new Map([[1, text('a')]]));
    expect(out).toContain('<x:sheetData><x:row r="2"><x:c r="A2" t="inlineStr">');
  });

  test('rows and cells without r keep their place: they are numbered before anything moves', () => {
    const xml = sheet(
      '<x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c></x:row></x:sheetData>',
    );
    expect(rowUses(xml, 2, 1, 2)).toEqual(['value', 'empty']);
    const inRow = writeRowCells(xml, 1, new Map([[3, text('c')]]));
    expect(inRow).toContain('<x:row><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:v>2</x:v></x:c><x:c r="C1" t="inlineStr">');
    const before = writeRowCells(
      sheet('<x:sheetData><x:row r="1"/><x:row><x:c><x:v>3</x:v></x:c></x:row><x:row r="5"/></x:sheetData>'),
      4,
      new Map([[1, text('d')]]),
    );
    expect(before).toContain('<x:row r="1"/><x:row r="2"><x:c><x:v>3</x:v></x:c></x:row><x:row r="4">');
  });

  test("a cell's use: a shared formula counts as a formula, a style alone as empty", () => {
    const xml = sheet(
      '<x:sheetData><x:row r="1"><x:c r="A1" s="3"/><x:c r="B1"><x:f t="shared" si="0"/><x:v>2</x:v></x:c><x:c r="C1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData>',
    );
    expect(rowUses(xml, 1, 1, 4)).toEqual(['empty', 'formula', 'value', 'empty']);
  });
});

test('in the template the two registers stand side by side: ten projects and ten reports in a row, none refused, read back in order', async () => {
  let port = await openXlsxPort(await writeWorkbookData(templateWorkbook({ firstYear: 2022, lastYear: 2024 })));
  for (let i = 1; i <= 10; i++) {
    await port.appendRow('Prosjekter', { ProsjektID: `P-${i}`, Prosjekt: `Prosjekt ${i}`, Strategi: 'A', Innvilget: 1000 * i });
    await port.appendRow('Rapporter', {
      ProsjektID: `P-${i}`,
      Rapportdato: { date: '2023-06-30' },
      Næring: 'Industri',
      'Nye arbeidsplasser': i,
    });
  }
  port = await openXlsxPort(port.toBytes());
  const snapshot = await port.readSnapshot();
  const ids = (name: string) => snapshot.tables.find((t) => t.name === name)?.rows.map((r) => r[0]?.value);
  const expected = Array.from({ length: 10 }, (_, i) => `P-${i + 1}`);
  expect(ids('Prosjekter')).toEqual(expected);
  expect(ids('Rapporter')).toEqual(expected);
});
