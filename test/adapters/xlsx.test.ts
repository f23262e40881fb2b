import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { WorkbookFileError, type WorkbookErrorCode, type WorkbookReader } from '../../src/adapters/port';
import { openXlsxFile, writeWorkbookDataFile } from '../../src/adapters/xlsx/file';
import { fixWorksheetRels, stripDataValidations } from '../../src/adapters/xlsx/package';
import { MAX_UNCOMPRESSED_BYTES, openXlsx, type XlsxReadOptions } from '../../src/adapters/xlsx/read';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { placeTables, type WorkbookData } from '../../src/core/contract/tableData';
import type { SnapshotCell, TableSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/types';

// ---------------------------------------------------------------------------------------------------------
// Fixtures and helpers

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'handlingsplan-xlsx-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let fileCount = 0;
function tempPath(name = 'book.xlsx'): string {
  fileCount += 1;
  return join(dir, `${fileCount}-${name}`);
}

/** Two tables on Oppsett (one with a total row), two on Mål (one of them empty). */
function plan(): WorkbookData {
  return {
    sheets: ['Oppsett', 'Mål'],
    tables: [
      {
        name: 'Strategier',
        sheet: 'Oppsett',
        caption: 'Strategier',
        header: ['Kode', 'Strategi', 'Innsatsområde'],
        rows: [
          ['S1', 'Næringsutvikling', 'A'],
          ['S2', 'Kompetanse og rekruttering', null],
        ],
        widths: [7, 34, 14],
      },
      {
        name: 'Budsjett',
        sheet: 'Oppsett',
        caption: 'Budsjett – tildelt',
        header: ['År', 'Strategi', 'Beløp', 'Dato', 'Aktiv', 'Beregnet'],
        rows: [
          [2022, 'S1', 1_500_000, { date: '2022-03-15' }, true, { formula: 'C9*2', result: 3_000_000 }],
          [2022, 'S2', 0, null, false, { formula: '=C10*2', result: 0 }],
          [2023, '', 250_000, null, null, { formula: '1/0' }],
        ],
        totalRow: ['Sum', null, 1_750_000, null, null, { formula: 'SUBTOTAL(109,Budsjett[Beregnet])', result: 3_000_000 }],
        numberFormats: ['0', undefined, '# ##0', undefined, undefined, '# ##0'],
        widths: [7, 12, 14, 12, 8, 14],
        lists: [undefined, { tableColumn: { table: 'Strategier', column: 'Kode' } }],
      },
      {
        name: 'Arbeidsplassmal',
        sheet: 'Mål',
        header: ['Næring', '2022', '2023', 'Sum'],
        rows: [['Reiseliv', 5, 10, { formula: 'SUM(B2:C2)', result: 15 }]],
        totalRow: ['Sum', 5, 10, 15],
        numberFormats: [undefined, '0', '0', '0'],
        lists: [{ values: ['Reiseliv', 'Industri', 'Jord og skog'] }],
      },
      {
        name: 'Tomt',
        sheet: 'Mål',
        header: ['Næring', 'Merknad'],
        rows: [],
        lists: [{ tableColumn: { table: 'Arbeidsplassmal', column: 'Næring' } }],
      },
    ],
  };
}

async function writeTemp(data: WorkbookData, name?: string): Promise<string> {
  const path = tempPath(name);
  await writeWorkbookDataFile(data, path);
  return path;
}

async function snapshotOf(data: WorkbookData): Promise<WorkbookSnapshot> {
  const workbook = await openXlsxFile(await writeTemp(data));
  return workbook.readSnapshot();
}

function table(snapshot: WorkbookSnapshot, name: string): TableSnapshot {
  const found = snapshot.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name} in snapshot`);
  return found;
}

function cellAt(t: TableSnapshot, address: string): SnapshotCell {
  const all = [t.header, ...t.rows, t.totalRow ?? []].flat();
  const found = all.find((c) => c.address === address);
  if (!found) throw new Error(`no cell ${address} in ${t.name}`);
  return found;
}

async function expectFileError(attempt: Promise<unknown>, code: WorkbookErrorCode): Promise<WorkbookFileError> {
  const error: unknown = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookFileError);
  const fileError = error as WorkbookFileError;
  expect(fileError.code).toBe(code);
  for (const message of [fileError.nb, fileError.en]) {
    expect(message.trim()).not.toBe('');
    expect(message).not.toMatch(/[\r\n]/);
  }
  expect(fileError.nb).not.toBe(fileError.en);
  return fileError;
}

/** Rewrites some parts of a zip in memory: a function per part name returns the new text (or null to drop it). */
async function editZip(bytes: Uint8Array, edits: Record<string, (text: string) => string | null>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    const entry = zip.file(name);
    const next = edit(entry ? await entry.async('string') : '');
    if (next === null) zip.remove(name);
    else zip.file(name, next);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const entry = (await JSZip.loadAsync(bytes)).file(name);
  if (!entry) throw new Error(`no part ${name}`);
  return entry.async('string');
}

function decodeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** `sqref → formula1` of every list validation in a sheet part. */
function listValidations(sheetXml: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<dataValidation\b([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)) {
    const attributes = m[1] ?? '';
    if (!/\btype="list"/.test(attributes)) continue;
    const sqref = /\bsqref="([^"]*)"/.exec(attributes)?.[1] ?? '';
    found.set(sqref, decodeXml(m[2] ?? ''));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------

describe('writeWorkbookData → openXlsx round trip', () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    snapshot = await snapshotOf(plan());
  });

  test('sheets in order, every table with its sheet and range as placeTables puts it', () => {
    expect(snapshot.sheets).toEqual(['Oppsett', 'Mål']);
    expect(snapshot.tables.map((t) => [t.name, t.sheet, t.range])).toEqual([
      ['Strategier', 'Oppsett', 'A2:C4'],
      ['Budsjett', 'Oppsett', 'A8:F12'],
      ['Arbeidsplassmal', 'Mål', 'A1:D3'],
      ['Tomt', 'Mål', 'A6:B7'],
    ]);
    const placements = placeTables(plan());
    for (const t of snapshot.tables) {
      const p = placements.get(t.name);
      expect(p?.sheet).toBe(t.sheet);
      expect(t.header[0]?.address).toBe(`A${p?.headerRow}`);
      expect(t.rows.at(-1)?.[0]?.address).toBe(`A${p?.lastBodyRow}`);
      expect(t.totalRow?.[0]?.address).toBe(p?.totalRow === null ? undefined : `A${p?.totalRow}`);
    }
  });

  test('header texts keep æøå', () => {
    expect(table(snapshot, 'Strategier').header.map((c) => [c.kind, c.value, c.address])).toEqual([
      ['text', 'Kode', 'A2'],
      ['text', 'Strategi', 'B2'],
      ['text', 'Innsatsområde', 'C2'],
    ]);
    expect(table(snapshot, 'Arbeidsplassmal').header.map((c) => c.value)).toEqual(['Næring', '2022', '2023', 'Sum']);
  });

  test('a whole table, exactly', () => {
    expect(table(snapshot, 'Arbeidsplassmal')).toStrictEqual({
      name: 'Arbeidsplassmal',
      sheet: 'Mål',
      range: 'A1:D3',
      header: [
        { kind: 'text', value: 'Næring', address: 'A1' },
        { kind: 'text', value: '2022', address: 'B1' },
        { kind: 'text', value: '2023', address: 'C1' },
        { kind: 'text', value: 'Sum', address: 'D1' },
      ],
      rows: [
        [
          { kind: 'text', value: 'Reiseliv', address: 'A2' },
          { kind: 'number', value: 5, address: 'B2', numberFormat: '0' },
          { kind: 'number', value: 10, address: 'C2', numberFormat: '0' },
          { kind: 'number', value: 15, address: 'D2', formula: 'SUM(B2:C2)', numberFormat: '0' },
        ],
      ],
      totalRow: [
        { kind: 'text', value: 'Sum', address: 'A3' },
        { kind: 'number', value: 5, address: 'B3', numberFormat: '0' },
        { kind: 'number', value: 10, address: 'C3', numberFormat: '0' },
        { kind: 'number', value: 15, address: 'D3', numberFormat: '0' },
      ],
    });
  });

  test('every cell kind: text, number, date, boolean, formula with result, empty', () => {
    const t = table(snapshot, 'Budsjett');
    expect(t.rows).toHaveLength(3);
    expect(cellAt(t, 'A9')).toEqual({ kind: 'number', value: 2022, address: 'A9', numberFormat: '0' });
    expect(cellAt(t, 'B9')).toEqual({ kind: 'text', value: 'S1', address: 'B9' });
    expect(cellAt(t, 'C9')).toEqual({ kind: 'number', value: 1_500_000, address: 'C9', numberFormat: '# ##0' });
    expect(cellAt(t, 'D9')).toEqual({ kind: 'date', value: '2022-03-15', address: 'D9', numberFormat: 'dd.mm.yyyy' });
    expect(cellAt(t, 'E9')).toEqual({ kind: 'boolean', value: true, address: 'E9' });
    expect(cellAt(t, 'F9')).toEqual({ kind: 'number', value: 3_000_000, address: 'F9', formula: 'C9*2', numberFormat: '# ##0' });
    // Falsy values survive (exceljs drops a 0 result from cell.value).
    expect(cellAt(t, 'C10')).toEqual({ kind: 'number', value: 0, address: 'C10', numberFormat: '# ##0' });
    expect(cellAt(t, 'E10')).toEqual({ kind: 'boolean', value: false, address: 'E10' });
    expect(cellAt(t, 'F10')).toEqual({ kind: 'number', value: 0, address: 'F10', formula: 'C10*2', numberFormat: '# ##0' });
    // null and '' are empty; a formula without a cached result is empty but keeps its formula.
    expect(cellAt(t, 'D10')).toEqual({ kind: 'empty', value: null, address: 'D10' });
    expect(cellAt(t, 'B11')).toEqual({ kind: 'empty', value: null, address: 'B11' });
    expect(cellAt(t, 'F11')).toEqual({ kind: 'empty', value: null, address: 'F11', formula: '1/0', numberFormat: '# ##0' });
    expect(cellAt(table(snapshot, 'Strategier'), 'C4')).toEqual({ kind: 'empty', value: null, address: 'C4' });
  });

  test('the total row holds the declared constants and formula results', () => {
    const total = table(snapshot, 'Budsjett').totalRow;
    expect(total?.map((c) => [c.address, c.kind, c.value])).toEqual([
      ['A12', 'text', 'Sum'],
      ['B12', 'empty', null],
      ['C12', 'number', 1_750_000],
      ['D12', 'empty', null],
      ['E12', 'empty', null],
      ['F12', 'number', 3_000_000],
    ]);
    expect(total?.[2]?.numberFormat).toBe('# ##0');
    expect(total?.[2]?.formula).toBeUndefined();
    expect(total?.[5]?.formula).toBe('SUBTOTAL(109,Budsjett[Beregnet])');
    expect(table(snapshot, 'Strategier').totalRow).toBeUndefined();
  });

  test('an empty table still has one blank body row', () => {
    const t = table(snapshot, 'Tomt');
    expect(t.rows).toEqual([
      [
        { kind: 'empty', value: null, address: 'A7' },
        { kind: 'empty', value: null, address: 'B7' },
      ],
    ]);
  });

  test('readSnapshot hands out a copy each time', async () => {
    const workbook = await openXlsxFile(await writeTemp(plan()));
    const port: WorkbookReader = workbook;
    const first = await port.readSnapshot();
    first.tables.length = 0;
    expect((await port.readSnapshot()).tables).toHaveLength(4);
    expect(workbook.macroEnabled).toBe(false);
  });
});

describe('written workbook details', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeWorkbookData(plan());
  });

  test('real Excel tables with total row, style and header', async () => {
    const budsjett = await partText(bytes, 'xl/tables/table2.xml');
    expect(budsjett).toMatch(/name="Budsjett"/);
    expect(budsjett).toMatch(/ref="A8:F12"/);
    expect(budsjett).toMatch(/totalsRowCount="1"/);
    expect(budsjett).toMatch(/totalsRowLabel="Sum"/);
    expect(budsjett).toMatch(/TableStyleMedium2/);
    expect(await partText(bytes, 'xl/tables/table1.xml')).not.toMatch(/totalsRowCount/);
  });

  test('caption bold 12 pt, header bold, widths the widest asked for, creator set', async () => {
    const workbook = new Workbook();
    // exceljs declares an ArrayBuffer-like input.
    await workbook.xlsx.load(bytes.slice().buffer);
    const sheet = workbook.getWorksheet('Oppsett');
    expect(sheet?.getCell('A7').value).toBe('Budsjett – tildelt');
    expect(sheet?.getCell('A7').font).toMatchObject({ bold: true, size: 12 });
    expect(sheet?.getCell('B8').font).toMatchObject({ bold: true });
    // Column B: 34 for Strategier, 12 for Budsjett.
    expect(sheet?.getColumn(2).width).toBe(34);
    expect(sheet?.getColumn(6).width).toBe(14);
    expect(workbook.creator).toBe('Handlingsplan');
  });

  test('list validations: the whole code column of a table (it grows with the table), an inline list for values', async () => {
    expect(listValidations(await partText(bytes, 'xl/worksheets/sheet1.xml'))).toEqual(
      new Map([['B9:B11', 'INDIRECT("Strategier[Kode]")']]),
    );
    expect(listValidations(await partText(bytes, 'xl/worksheets/sheet2.xml'))).toEqual(
      new Map([
        ['A2', '"Reiseliv,Industri,Jord og skog"'],
        // Never a fixed range such as 'Mål'!$A$2:$A$2, which a code added later would fall outside.
        ['A7', 'INDIRECT("Arbeidsplassmal[Næring]")'],
      ]),
    );
  });

  test('strings that look like formulas stay text', async () => {
    const texts = ['=HYPERLINK("http://example.com","x")', '+1+1', '-5', '@SUM(A1)'];
    const data: WorkbookData = {
      sheets: ['Ark'],
      tables: [{ name: 'Tekst', sheet: 'Ark', header: ['Verdi'], rows: texts.map((t) => [t]) }],
    };
    const written = await writeWorkbookData(data);
    expect(await partText(written, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f>/);
    const snapshot = await (await openXlsx(written)).readSnapshot();
    expect(table(snapshot, 'Tekst').rows.map(([c]) => c)).toEqual(texts.map((value, i) => ({ kind: 'text', value, address: `A${i + 2}` })));
  });

  test('error values read back as kind error', async () => {
    // Built with exceljs directly, as Excel would store them: a constant error and a formula whose result is one.
    const workbook = new Workbook();
    workbook.addWorksheet('Feil').addTable({
      name: 'Feil',
      ref: 'A1',
      columns: [{ name: 'Konstant' }, { name: 'Formel' }],
      rows: [[{ error: '#REF!' }, { formula: '1/0', result: { error: '#DIV/0!' } }]],
    });
    const written = new Uint8Array(await workbook.xlsx.writeBuffer());
    const snapshot = await (await openXlsx(written)).readSnapshot();
    expect(table(snapshot, 'Feil').rows[0]).toEqual([
      { kind: 'error', value: '#REF!', address: 'A2' },
      { kind: 'error', value: '#DIV/0!', address: 'B2', formula: '1/0' },
    ]);
    // CellInput can declare one too.
    const data: WorkbookData = { sheets: ['Ark'], tables: [{ name: 'T', sheet: 'Ark', header: ['A'], rows: [[{ error: '#N/A' }]] }] };
    const fromData = await (await openXlsx(await writeWorkbookData(data))).readSnapshot();
    expect(fromData.tables[0]?.rows[0]?.[0]).toEqual({ kind: 'error', value: '#N/A', address: 'A2' });
  });

  test('data mistakes Excel would call damage are refused when writing', async () => {
    const one = (rows: WorkbookData['tables'][number]['rows'], extra: Partial<WorkbookData['tables'][number]> = {}): WorkbookData => ({
      sheets: ['Ark'],
      tables: [{ name: 'T', sheet: 'Ark', header: ['A', 'B'], rows, ...extra }],
    });
    await expect(writeWorkbookData(one([[{ date: '2022-02-30' }]]))).rejects.toThrow(RangeError);
    await expect(writeWorkbookData(one([[Number.NaN]]))).rejects.toThrow(RangeError);
    await expect(writeWorkbookData(one([['a', 'b', 'c']]))).rejects.toThrow(RangeError);
    await expect(writeWorkbookData(one([], { header: ['A', 'a'] }))).rejects.toThrow(/unique/);
    await expect(writeWorkbookData(one([], { lists: [{ values: ['a,b'] }] }))).rejects.toThrow(/comma/);
    await expect(writeWorkbookData(one([], { lists: [{ tableColumn: { table: 'Nei', column: 'A' } }] }))).rejects.toThrow(/Nei/);
  });
});

describe('reading workbooks other tools wrote', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeWorkbookData(plan());
  });

  test('absolute relationship targets (as openpyxl writes them) are read, and the file is left untouched', async () => {
    const absolute = await editZip(bytes, {
      'xl/worksheets/_rels/sheet1.xml.rels': (xml) => xml.replace(/Target="\.\.\/tables\//g, 'Target="/xl/tables/'),
    });
    expect(await partText(absolute, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="/xl/tables/table1.xml"');
    const path = tempPath('absolute.xlsx');
    writeFileSync(path, absolute);
    const snapshot = await (await openXlsxFile(path)).readSnapshot();
    expect(snapshot.tables.map((t) => t.name)).toEqual(['Strategier', 'Budsjett', 'Arbeidsplassmal', 'Tomt']);
    expect(new Uint8Array(readFileSync(path))).toEqual(absolute);
  });

  test('notes stored where openpyxl puts them do not stop the read', async () => {
    const withNote = await editZip(bytes, {
      'xl/worksheets/_rels/sheet2.xml.rels': (xml) =>
        xml.replace(
          '</Relationships>',
          '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="/xl/comments/comment1.xml"/></Relationships>',
        ),
      'xl/comments/comment1.xml': () =>
        '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>x</author></authors><commentList><comment ref="A2" authorId="0"><text><t>merknad</t></text></comment></commentList></comments>',
    });
    const snapshot = await (await openXlsx(withNote)).readSnapshot();
    expect(table(snapshot, 'Arbeidsplassmal').rows[0]?.[0]?.value).toBe('Reiseliv');
  });

  test('a validation over whole columns is skipped rather than expanded cell by cell', async () => {
    const wide = await editZip(bytes, {
      'xl/worksheets/sheet1.xml': (xml) =>
        xml.replace(
          /<dataValidations[\s\S]*?<\/dataValidations>/,
          '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="B2:E1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
        ),
    });
    const started = Date.now();
    const snapshot = await (await openXlsx(wide)).readSnapshot();
    // Expanded, the four columns take exceljs seconds and hundreds of MB; skipped, milliseconds.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(table(snapshot, 'Budsjett').rows).toHaveLength(3);
  });

  test('a table part without headerRowCount (Excel leaves out the default) still has its header', async () => {
    const excelStyle = await editZip(bytes, { 'xl/tables/table1.xml': (xml) => xml.replace(/ headerRowCount="1"/, '') });
    expect(await partText(excelStyle, 'xl/tables/table1.xml')).not.toContain('headerRowCount');
    const snapshot = await (await openXlsx(excelStyle)).readSnapshot();
    expect(table(snapshot, 'Strategier').header.map((c) => c.value)).toEqual(['Kode', 'Strategi', 'Innsatsområde']);
    expect(table(snapshot, 'Strategier').rows).toHaveLength(2);
  });

  test('a table without a header row (headerRowCount="0") has all its rows as body', async () => {
    const headless = await editZip(bytes, { 'xl/tables/table1.xml': (xml) => xml.replace(/ headerRowCount="1"/, ' headerRowCount="0"') });
    const t = table(await (await openXlsx(headless)).readSnapshot(), 'Strategier');
    expect(t.header).toEqual([]);
    expect(t.rows.map((r) => r[0]?.value)).toEqual(['Kode', 'S1', 'S2']);
  });

  test('a table laid over whole columns lists only the rows the sheet holds', async () => {
    const data: WorkbookData = {
      sheets: ['Ark'],
      tables: [
        {
          name: 'Hel',
          sheet: 'Ark',
          header: ['A', 'B'],
          rows: [
            ['x', 1],
            ['y', 2],
          ],
        },
      ],
    };
    const whole = await editZip(await writeWorkbookData(data), {
      'xl/tables/table1.xml': (xml) => xml.replace(/ref="A1:B3"/g, 'ref="A1:B1048576"'),
    });
    const t = table(await (await openXlsx(whole)).readSnapshot(), 'Hel');
    expect(t.range).toBe('A1:B1048576');
    expect(t.rows.map((r) => r.map((c) => c.value))).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });

  test('a macro-enabled workbook is read as usual', async () => {
    const xlsm = await editZip(bytes, {
      '[Content_Types].xml': (xml) =>
        xml.replace(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
          'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
        ),
    });
    const workbook = await openXlsx(xlsm);
    expect(workbook.macroEnabled).toBe(true);
    expect((await workbook.readSnapshot()).tables).toHaveLength(4);
  });

  test('the in-memory fixes, part by part', () => {
    const rels =
      '<Relationships><Relationship Id="rId1" Type="http://x/table" Target="/xl/tables/table1.xml"/>' +
      "<Relationship Id='rId2' Type='http://x/hyperlink' Target='/xl/odd' TargetMode='External'/>" +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>';
    expect(fixWorksheetRels(rels)).toBe(
      '<Relationships><Relationship Id="rId1" Type="http://x/table" Target="../tables/table1.xml"/>' +
        "<Relationship Id='rId2' Type='http://x/hyperlink' Target='/xl/odd' TargetMode='External'/></Relationships>",
    );
    expect(stripDataValidations('<a/><dataValidations count="1"><dataValidation sqref="A1"/></dataValidations><b/>')).toBe('<a/><b/>');
    expect(stripDataValidations('<a/><dataValidations count="0"/><b/>')).toBe('<a/><b/>');
  });
});

describe('files that cannot be used', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeWorkbookData(plan());
  });

  const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  function compoundFile(streamName?: string): Uint8Array {
    const out = new Uint8Array(4096);
    out.set(CFB_MAGIC);
    if (streamName !== undefined) out.set(new Uint8Array(Buffer.from(streamName, 'utf16le')), 1024);
    return out;
  }

  test('a text file is not an .xlsx', async () => {
    const path = tempPath('notes.xlsx');
    writeFileSync(path, 'Dette er ikke en arbeidsbok.\n');
    await expectFileError(openXlsxFile(path), 'not-xlsx');
    await expectFileError(openXlsx(new Uint8Array(0)), 'not-xlsx');
  });

  test('a truncated zip is corrupt', async () => {
    const path = tempPath('truncated.xlsx');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectFileError(openXlsxFile(path), 'corrupt');
  });

  test('an encrypted workbook and a legacy .xls are told apart', async () => {
    const e = await expectFileError(openXlsx(compoundFile('EncryptedPackage')), 'encrypted');
    expect(e.en).toMatch(/password/);
    await expectFileError(openXlsx(compoundFile('Workbook')), 'legacy-format');
    await expectFileError(openXlsx(compoundFile()), 'legacy-format');
  });

  test('too large by declared size', async () => {
    const options: XlsxReadOptions = { maxUncompressedBytes: 1024 };
    const e = await expectFileError(openXlsx(bytes, options), 'too-large');
    expect(e.en).toContain('1 KB');
    expect(MAX_UNCOMPRESSED_BYTES).toBe(200 * 1024 * 1024);
    // The same bytes are fine under the default limit.
    await expect(openXlsx(bytes)).resolves.toBeDefined();
  });

  test('too large although the sizes in the zip directory say otherwise', async () => {
    // A sheet much larger than all other parts together, which then claims to unpack to 1 byte.
    const rows = Array.from({ length: 3000 }, (_, i) => [`rad ${i}`, i]);
    const big = await writeWorkbookData({ sheets: ['Ark'], tables: [{ name: 'Stor', sheet: 'Ark', header: ['A', 'B'], rows }] });
    const { lying, declaredTotal, realTotal } = await lieAboutPartSize(big, 'xl/worksheets/sheet1.xml');
    expect(declaredTotal * 2).toBeLessThan(realTotal);
    // Above every declared size, far below what the parts really unpack to.
    await expectFileError(openXlsx(lying, { maxUncompressedBytes: declaredTotal + 100 }), 'too-large');
    // With room for the real size, the lie itself is found: the part is damaged.
    await expectFileError(openXlsx(lying, { maxUncompressedBytes: realTotal * 2 }), 'corrupt');
  });

  test('a zip that is missing the workbook part is corrupt; another Office file is not an .xlsx', async () => {
    await expectFileError(openXlsx(await editZip(bytes, { 'xl/workbook.xml': () => null })), 'corrupt');
    await expectFileError(openXlsx(await editZip(bytes, { '[Content_Types].xml': () => null })), 'corrupt');
    const docx = new JSZip();
    docx.file(
      '[Content_Types].xml',
      '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    docx.file('word/document.xml', '<document/>');
    await expectFileError(openXlsx(await docx.generateAsync({ type: 'uint8array' })), 'not-xlsx');
    const plainZip = new JSZip();
    plainZip.file('readme.txt', 'hei');
    await expectFileError(openXlsx(await plainZip.generateAsync({ type: 'uint8array' })), 'not-xlsx');
  });

  test('a sheet exceljs cannot parse is corrupt, with a one-line reason', async () => {
    const broken = await editZip(bytes, { 'xl/tables/table1.xml': () => '<table' });
    const e = await expectFileError(openXlsx(broken), 'corrupt');
    expect(e.stack ?? '').not.toContain('exceljs/lib');
  });

  test('a missing file names the path; a folder is not a workbook', async () => {
    const path = join(dir, 'finnes-ikke.xlsx');
    const e = await expectFileError(openXlsxFile(path), 'not-found');
    expect(e.nb).toContain(path);
    expect(e.en).toContain(path);
    const folder = join(dir, 'mappe.xlsx');
    mkdirSync(folder);
    await expectFileError(openXlsxFile(folder), 'not-xlsx');
  });
});

/**
 * Rewrites the central-directory entry of one part so it declares 1 byte uncompressed, as a zip bomb would.
 * Central directory header: signature 50 4B 01 02, uncompressed size at offset 24, name length at 28, name at 46.
 */
async function lieAboutPartSize(bytes: Uint8Array, part: string): Promise<{ lying: Uint8Array; declaredTotal: number; realTotal: number }> {
  const lying = new Uint8Array(bytes);
  const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
  let realTotal = 0;
  let declaredTotal = 0;
  for (let i = 0; i + 46 <= lying.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const size = view.getUint32(i + 24, true);
    const nameLength = view.getUint16(i + 28, true);
    const name = Buffer.from(lying.subarray(i + 46, i + 46 + nameLength)).toString('utf8');
    realTotal += size;
    if (name === part) view.setUint32(i + 24, 1, true);
    declaredTotal += name === part ? 1 : size;
  }
  // JSZip still reads it, trusting the directory.
  const zip = await JSZip.loadAsync(lying);
  expect(zip.file(part)).not.toBeNull();
  return { lying, declaredTotal, realTotal };
}
