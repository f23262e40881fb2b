import { linkSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueType, Workbook, type Worksheet } from 'exceljs';
import JSZip from 'jszip';
import { WorkbookFileError } from '../../src/adapters/port';
import { OutputFileError } from '../../src/adapters/xlsx/errors';
import { renderLayoutIntoFile } from '../../src/adapters/xlsx/file';
import { markerValue, parseMarker, readMarkers } from '../../src/adapters/xlsx/markers';
import { openXlsx } from '../../src/adapters/xlsx/read';
import { renderLayoutIntoPackage, type RenderResult } from '../../src/adapters/xlsx/render';
import { headerFooterSection } from '../../src/adapters/xlsx/sheetXml';
import { addDefinedNames, appendSheet, definedNames, removeSheet, sheetEntries } from '../../src/adapters/xlsx/workbookXml';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { inputDigest } from '../../src/core/digest';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import type { LayoutCell, SheetLayout } from '../../src/core/layout/types';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { validateWorkbook } from '../../src/core/validate';
import { a1, columnLetters, parseCell } from '../../src/core/util/brand';

// ---------------------------------------------------------------------------------------------------------
// Fixtures and helpers

const GENERATED_AT = '2026-11-27T10:15:00Z';
const SHEET = 'Handlingsplan 2022';
/** The parts a render may change; every other part of the input must come out byte for byte. */
const EDITABLE = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

let dir: string;
let sample: Uint8Array;
let sampleSnapshot: WorkbookSnapshot;
let digest: string;
let layout: SheetLayout;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'handlingsplan-render-'));
  sample = await writeWorkbookData(hallingdalSample());
  sampleSnapshot = await (await openXlsx(sample)).readSnapshot();
  digest = inputDigest(sampleSnapshot);
  layout = layoutFrom(sampleSnapshot, digest);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function layoutFrom(snapshot: WorkbookSnapshot, inputDigestValue: string, generatedAt = GENERATED_AT): SheetLayout {
  const result = validateWorkbook(snapshot);
  return buildHandlingsplan({ plan: result.plan, year: 2022, findings: result.findings, inputDigest: inputDigestValue, generatedAt });
}

let fileCount = 0;
function tempPath(name: string): string {
  fileCount += 1;
  return join(dir, `${fileCount}-${name}`);
}

/** Every part of a package, uncompressed, by name. */
async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) parts.set(entry.name, await entry.async('uint8array'));
  }
  return parts;
}

async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const part = (await JSZip.loadAsync(bytes)).file(name);
  if (part === null) throw new Error(`no part ${name}`);
  return part.async('string');
}

/** Applies text edits to parts (a function returning null removes the part). */
async function editZip(bytes: Uint8Array, edits: Record<string, (xml: string) => string | null>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    const current = zip.file(name);
    const next = edit(current === null ? '' : await current.async('string'));
    if (next === null) zip.remove(name);
    else zip.file(name, next);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

interface NameInFile {
  name: string;
  localSheetId: number | undefined;
  hidden: boolean;
  value: string;
}

/** Defined names read with a plain pattern, independently of the code under test. */
function namesIn(workbookXml: string): NameInFile[] {
  return [...workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => {
    const attrs = m[1] ?? '';
    const local = /localSheetId="(\d+)"/.exec(attrs)?.[1];
    return {
      name: /name="([^"]*)"/.exec(attrs)?.[1] ?? '',
      localSheetId: local === undefined ? undefined : Number(local),
      hidden: /hidden="1"/.test(attrs),
      value: (m[2] ?? '')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    };
  });
}

function sheetNamesIn(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1] ?? '');
}

async function exceljsRead(path: string): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function sheetOf(workbook: Workbook, name: string): Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

function absolute(range: string): string {
  return range
    .split(':')
    .map((cell) => {
      const p = parseCell(cell);
      return `$${columnLetters(p.column)}$${p.row}`;
    })
    .join(':');
}

/** Adds a sheet of the user's at the end, with a part, relationship and content type, as Excel would. */
function withUserSheet(name: string, sheetXml: string, part = 'xl/worksheets/sheet90.xml', relId = 'rId90') {
  return {
    'xl/workbook.xml': (xml: string) => xml.replace('</sheets>', `<sheet name="${name}" sheetId="90" r:id="${relId}"/></sheets>`),
    'xl/_rels/workbook.xml.rels': (xml: string) =>
      xml.replace(
        '</Relationships>',
        `<Relationship Id="${relId}" Type="${WORKSHEET_REL}" Target="${part.replace('xl/', '')}"/></Relationships>`,
      ),
    '[Content_Types].xml': (xml: string) =>
      xml.replace('</Types>', `<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/></Types>`),
    [part]: () => sheetXml,
  };
}

const USER_SHEET_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mine notater</t></is></c></row></sheetData></worksheet>';

function layoutCell(layoutValue: SheetLayout, predicate: (cell: LayoutCell) => boolean): LayoutCell {
  const found = layoutValue.cells.find(predicate);
  if (found === undefined) throw new Error('no such layout cell');
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// The sample's Handlingsplan 2022

describe('rendering the sample Handlingsplan 2022 into the sample workbook', () => {
  let inputPath: string;
  let outputPath: string;
  let result: RenderResult;
  let output: Uint8Array;
  let workbookXml: string;

  beforeAll(async () => {
    inputPath = tempPath('sample.xlsx');
    outputPath = tempPath('rendered.xlsx');
    writeFileSync(inputPath, sample);
    result = await renderLayoutIntoFile(inputPath, layout, outputPath);
    output = new Uint8Array(readFileSync(outputPath));
    workbookXml = await partText(output, 'xl/workbook.xml');
  });

  test('the result names the sheet; nothing was replaced or renamed; the input file is unchanged', () => {
    expect(result).toMatchObject({ sheet: SHEET, replaced: false, skippedAnchors: [], macroEnabled: false });
    expect(result.renamedFrom).toBeUndefined();
    expect(new Uint8Array(readFileSync(inputPath))).toEqual(sample);
  });

  test('a new sheet entry after the input sheets, with its own part, relationship and content type', async () => {
    expect(sheetNamesIn(workbookXml)).toEqual([...sampleSnapshot.sheets, SHEET]);
    const entry = /<sheet name="Handlingsplan 2022" sheetId="(\d+)" r:id="(rId\d+)"\/>/.exec(workbookXml);
    expect(entry?.[1]).toBe('6');
    const rels = await partText(output, 'xl/_rels/workbook.xml.rels');
    const target = new RegExp(`Id="${entry?.[2] ?? ''}" Type="${WORKSHEET_REL}" Target="([^"]+)"`).exec(rels)?.[1];
    expect(target).toBe('worksheets/sheet6.xml');
    expect(await partText(output, '[Content_Types].xml')).toContain(
      `<Override PartName="/xl/worksheets/sheet6.xml" ContentType="${WORKSHEET_TYPE}"/>`,
    );
    expect(workbookXml).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  test('the marker: hidden, scoped to the new sheet, holding kind, year, digest and time', () => {
    const markers = namesIn(workbookXml).filter((n) => n.name === 'HandlingsplanGenerert');
    expect(markers).toEqual([
      { name: 'HandlingsplanGenerert', localSheetId: 5, hidden: true, value: `"handlingsplan|2022|${digest}|${GENERATED_AT}"` },
    ]);
  });

  test('print titles and the anchors as absolute references to the sheet', () => {
    const names = namesIn(workbookXml);
    expect(names).toContainEqual({ name: '_xlnm.Print_Titles', localSheetId: 5, hidden: false, value: "'Handlingsplan 2022'!$1:$2" });
    const anchors = names.filter((n) => n.localSheetId === undefined);
    for (const name of ['Strategier', 'Arbeidsplassmal', 'Tematiske', 'Stotteomrader', 'Ramme', 'Finansiering']) {
      expect(anchors.map((n) => n.name)).toContain(`HP2022_${name}`);
    }
    expect(anchors).toEqual(
      layout.anchors.map((a) => ({
        name: a.name,
        localSheetId: undefined,
        hidden: false,
        value: `'Handlingsplan 2022'!${absolute(a.range)}`,
      })),
    );
  });

  test('exceljs reads the cells: title, a live SUM with its cached result, merges, widths, print setup', async () => {
    const sheet = sheetOf(await exceljsRead(outputPath), SHEET);
    expect(sheet.getCell('A1').value).toBe('Handlingsplan 2022 – Sats på Hallingdal');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A1').font?.size).toBe(16);

    const total = layoutCell(layout, (c) => c.value.kind === 'formula' && c.value.result === 3_200_000);
    const cell = sheet.getCell(total.row, total.column);
    expect(cell.type).toBe(ValueType.Formula);
    expect(cell.formula).toBe(total.value.kind === 'formula' ? total.value.formula : '');
    expect(cell.formula).toMatch(/^SUM\(/);
    expect(cell.result).toBe(3_200_000);
    expect(cell.numFmt).toBe('#,##0');

    expect(sheet.getCell('B1').isMerged).toBe(true);
    expect(sheet.getCell('B1').master.address).toBe('A1');
    // the layout's width in characters as Excel stores it, padding included
    const width = layout.columnWidths.find((w) => w.column === 1)?.width ?? 0;
    expect(sheet.getColumn(1).width).toBeCloseTo(Math.trunc(((width * 7 + 5) / 7) * 256) / 256, 6);
    expect(sheet.getRow(1).height).toBe(24);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.fitToPage).toBe(true);
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    expect(sheet.pageSetup.fitToHeight).toBe(0);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
  });

  test('the header and footer keep their page codes and escape a literal ampersand', async () => {
    const xml = await partText(output, 'xl/worksheets/sheet6.xml');
    expect(xml).toContain('<oddHeader>&amp;CSats på Hallingdal – Handlingsplan 2022</oddHeader>');
    expect(xml).toContain('<oddFooter>&amp;CGenerert 27.11.2026 10:15 · side &amp;P av &amp;N</oddFooter>');
  });

  test('the reader lists the generated sheet and reads the input tables exactly as before', async () => {
    const snapshot = await (await openXlsx(output)).readSnapshot();
    expect(snapshot.generated).toEqual([{ sheet: SHEET, kind: 'handlingsplan', year: 2022, inputDigest: digest }]);
    expect(snapshot.sheets).toEqual([...sampleSnapshot.sheets, SHEET]);
    expect(snapshot.tables).toEqual(sampleSnapshot.tables);
    expect(inputDigest(snapshot)).toBe(digest);
    expect(sampleSnapshot.generated).toEqual([]);
    expect(await readMarkers(await JSZip.loadAsync(output))).toEqual(snapshot.generated);
  });

  test('the element order of the worksheet follows the schema', async () => {
    const xml = await partText(output, 'xl/worksheets/sheet6.xml');
    const order = [
      'sheetPr',
      'dimension',
      'sheetViews',
      'sheetFormatPr',
      'cols',
      'sheetData',
      'mergeCells',
      'pageMargins',
      'pageSetup',
      'headerFooter',
    ];
    const positions = order.map((name) => xml.indexOf(`<${name}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

// ---------------------------------------------------------------------------------------------------------
// No data loss

describe('parts exceljs would lose survive byte for byte', () => {
  const CHART =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>';
  const CUSTOM =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Programkode"><vt:lpwstr>HAL-2022</vt:lpwstr></property></Properties>';
  const WEBEXTENSION =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{0F4E2B55-1111-4C3B-9E7D-2D1E6F2A0001}"><we:reference id="wa000000" version="1.0.0.0" store="omex" storeType="OMEX"/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties></we:webextension>';

  test('charts, custom properties, add-in parts, a constant name, other sheets and tables', async () => {
    const input = await editZip(sample, {
      'xl/charts/chart1.xml': () => CHART,
      'docProps/custom.xml': () => CUSTOM,
      'xl/webextensions/webextension1.xml': () => WEBEXTENSION,
      'customXml/item1.xml': () => '<?xml version="1.0"?><data xmlns="urn:x">42</data>',
      '_rels/.rels': (xml) =>
        xml.replace(
          '</Relationships>',
          '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
        ),
      '[Content_Types].xml': (xml) =>
        xml.replace(
          '</Types>',
          '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
            '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
            '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
        ),
      'xl/workbook.xml': (xml) =>
        xml.replace(
          '<calcPr',
          '<definedNames><definedName name="Sats">0.25</definedName><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Oppsett!$A$3:$C$9</definedName></definedNames><calcPr',
        ),
    });
    const result = await renderLayoutIntoPackage(input, layout);
    const before = await unzip(input);
    const after = await unzip(result.bytes);

    // The new sheet, and the notes on its marked cells (the sample's errors make it a draft).
    expect([...after.keys()].filter((name) => !before.has(name)).sort()).toEqual([
      'xl/comments1.xml',
      'xl/drawings/vmlDrawing1.vml',
      'xl/worksheets/_rels/sheet6.xml.rels',
      'xl/worksheets/sheet6.xml',
    ]);
    for (const [name, data] of before) {
      if (EDITABLE.has(name)) continue;
      expect({ name, same: Buffer.from(after.get(name) ?? []).equals(Buffer.from(data)) }).toEqual({ name, same: true });
    }
    const workbookXml = new TextDecoder().decode(after.get('xl/workbook.xml'));
    expect(namesIn(workbookXml)).toEqual(
      expect.arrayContaining([
        { name: 'Sats', localSheetId: undefined, hidden: false, value: '0.25' },
        { name: '_xlnm._FilterDatabase', localSheetId: 0, hidden: true, value: 'Oppsett!$A$3:$C$9' },
      ]),
    );
    const contentTypes = new TextDecoder().decode(after.get('[Content_Types].xml'));
    expect(contentTypes).toContain('/docProps/custom.xml');
    expect(contentTypes).toContain('/xl/charts/chart1.xml');
  });

  test('existing styles keep their indices; ours are appended with updated counts', async () => {
    const result = await renderLayoutIntoPackage(sample, layout);
    const before = await partText(sample, 'xl/styles.xml');
    const after = await partText(result.bytes, 'xl/styles.xml');
    const xfs = (xml: string): string[] =>
      [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '').matchAll(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g)].map((m) => m[0]);
    const count = (xml: string, list: string): number => Number(new RegExp(`<${list} count="(\\d+)"`).exec(xml)?.[1]);
    expect(xfs(after).slice(0, xfs(before).length)).toEqual(xfs(before));
    expect(xfs(after).length).toBeGreaterThan(xfs(before).length);
    for (const list of ['fonts', 'fills', 'borders', 'cellXfs']) {
      const children = { fonts: /<font>/g, fills: /<fill>/g, borders: /<border>/g, cellXfs: /<xf\b/g }[list];
      const section = new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(after)?.[1] ?? '';
      expect({ list, count: count(after, list) }).toEqual({ list, count: section.match(children ?? /$^/g)?.length });
    }
    // The sample already defines 0.0 (id 164); it is reused rather than added again.
    expect(after.match(/formatCode="0\.0"/g)).toHaveLength(1);
    expect(after).toMatch(/<alignment horizontal="center" vertical="center" wrapText="1"\/>/);
  });

  test('rendering again reuses the same style entries instead of adding more', async () => {
    const once = await renderLayoutIntoPackage(sample, layout);
    const twice = await renderLayoutIntoPackage(once.bytes, layout);
    expect(await partText(twice.bytes, 'xl/styles.xml')).toBe(await partText(once.bytes, 'xl/styles.xml'));
  });

  test('a package without styles gets a minimal stylesheet with its relationship and content type', async () => {
    const input = await editZip(sample, {
      'xl/styles.xml': () => null,
      'xl/_rels/workbook.xml.rels': (xml) => xml.replace(/<Relationship [^>]*relationships\/styles"[^>]*\/>/, ''),
      '[Content_Types].xml': (xml) => xml.replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''),
    });
    const result = await renderLayoutIntoPackage(input, layout);
    const styles = await partText(result.bytes, 'xl/styles.xml');
    expect(styles).toMatch(
      /^<\?xml[\s\S]*<styleSheet[\s\S]*<fonts count="\d+">[\s\S]*<fills count="\d+"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/>/,
    );
    expect(await partText(result.bytes, 'xl/_rels/workbook.xml.rels')).toMatch(/relationships\/styles" Target="styles.xml"/);
    expect(await partText(result.bytes, '[Content_Types].xml')).toContain(
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    );
    const path = tempPath('no-styles.xlsx');
    writeFileSync(path, result.bytes);
    const cell = sheetOf(await exceljsRead(path), SHEET).getCell('A1');
    expect(cell.font?.bold).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Text never becomes a formula

describe('text that looks like a formula', () => {
  const TEXTS = [
    '=HYPERLINK("http://example.com","x")',
    '+1+1',
    '-1+1',
    '@SUM(A1)',
    "=cmd|' /C calc'!A0",
    'A & B <c> "d"',
    '_x0041_ stays',
  ];

  function textLayout(): SheetLayout {
    return {
      sheet: 'Tekst',
      cells: TEXTS.map((text, i) => ({ row: i + 1, column: 1, value: { kind: 'text', text }, style: { border: true } })),
      merges: [],
      columnWidths: [{ column: 1, width: 40 }],
      rowHeights: [],
      print: { orientation: 'portrait', paper: 'A4', fitToWidth: false, header: '', footer: '' },
      anchors: [],
      marker: { kind: 'handlingsplan', year: 2022, inputDigest: 'abc', generatedAt: GENERATED_AT },
      marks: [],
    };
  }

  test('is written as inline strings without <f>, with the quote prefix, and reads back as the same text', async () => {
    const result = await renderLayoutIntoPackage(sample, textLayout());
    const xml = await partText(result.bytes, 'xl/worksheets/sheet6.xml');
    expect(xml).not.toMatch(/<f>/);
    const cells = [...xml.matchAll(/<c r="A(\d+)"[^>]*>/g)].map((m) => m[0]);
    expect(cells).toHaveLength(TEXTS.length);
    for (const cell of cells) expect(cell).toContain('t="inlineStr"');
    expect(xml).toContain('<t xml:space="preserve">=cmd|&apos; /C calc&apos;!A0</t>'.replace(/&apos;/g, "'"));
    expect(xml).toContain('A &amp; B &lt;c&gt; "d"');
    expect(xml).toContain('_x005F_x0041_ stays');

    const styles = await partText(result.bytes, 'xl/styles.xml');
    const s = Number(/<c r="A1" s="(\d+)"/.exec(xml)?.[1]);
    const xf = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)][s]?.[0];
    expect(xf).toContain('quotePrefix="1"');

    const path = tempPath('text.xlsx');
    writeFileSync(path, result.bytes);
    const sheet = sheetOf(await exceljsRead(path), 'Tekst');
    TEXTS.slice(0, 6).forEach((text, i) => {
      const cell = sheet.getCell(i + 1, 1);
      expect({ type: cell.type, value: cell.value }).toEqual({ type: ValueType.String, value: text });
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Regeneration

describe('rendering again replaces the generated sheet', () => {
  test('one sheet, the new marker, no duplicate anchors, later sheets keep their scoped names', async () => {
    const first = await renderLayoutIntoPackage(sample, layout);
    // The user adds a sheet after the generated one, with a name scoped to it, and Excel writes a calc chain.
    const edited = await editZip(first.bytes, {
      ...withUserSheet('Notater', USER_SHEET_XML),
      'xl/workbook.xml': (xml) =>
        xml
          .replace('</sheets>', '<sheet name="Notater" sheetId="90" r:id="rId90"/></sheets>')
          .replace(
            '</definedNames>',
            '<definedName name="Utvalg" localSheetId="6">Notater!$A$1</definedName><definedName name="Egen">\'Handlingsplan 2022\'!$B$7</definedName></definedNames>',
          ),
      'xl/calcChain.xml': () =>
        '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="L42" i="5"/></calcChain>',
      'xl/_rels/workbook.xml.rels': (xml) =>
        xml.replace(
          '</Relationships>',
          `<Relationship Id="rId90" Type="${WORKSHEET_REL}" Target="worksheets/sheet90.xml"/><Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`,
        ),
      '[Content_Types].xml': (xml) =>
        xml.replace(
          '</Types>',
          `<Override PartName="/xl/worksheets/sheet90.xml" ContentType="${WORKSHEET_TYPE}"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`,
        ),
    });
    const secondLayout = { ...layout, marker: { ...layout.marker, inputDigest: 'ffffffffffffff', generatedAt: '2026-12-01T08:00:00Z' } };

    const second = await renderLayoutIntoPackage(edited, secondLayout);
    expect(second).toMatchObject({ sheet: SHEET, replaced: true });
    expect(second.renamedFrom).toBeUndefined();

    const parts = await unzip(second.bytes);
    const workbookXml = new TextDecoder().decode(parts.get('xl/workbook.xml'));
    expect(sheetNamesIn(workbookXml)).toEqual([...sampleSnapshot.sheets, 'Notater', SHEET]);
    const names = namesIn(workbookXml);
    expect(names.filter((n) => n.name === 'HandlingsplanGenerert')).toEqual([
      { name: 'HandlingsplanGenerert', localSheetId: 6, hidden: true, value: `"handlingsplan|2022|ffffffffffffff|2026-12-01T08:00:00Z"` },
    ]);
    expect(names.filter((n) => n.name === '_xlnm.Print_Titles')).toEqual([
      { name: '_xlnm.Print_Titles', localSheetId: 6, hidden: false, value: "'Handlingsplan 2022'!$1:$2" },
    ]);
    expect(names).toContainEqual({ name: 'Utvalg', localSheetId: 5, hidden: false, value: 'Notater!$A$1' });
    // A name of the user's that points into the generated sheet is kept: it finds the new sheet by its name.
    expect(names).toContainEqual({ name: 'Egen', localSheetId: undefined, hidden: false, value: "'Handlingsplan 2022'!$B$7" });
    const lower = names.map((n) => `${n.name.toLowerCase()}@${n.localSheetId ?? ''}`);
    expect(new Set(lower).size).toBe(lower.length);
    expect(names.filter((n) => n.name.startsWith('HP2022_'))).toHaveLength(layout.anchors.length);

    // The old part is gone, the calc chain too; the user's sheet is untouched.
    const worksheets = [...parts.keys()].filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p));
    expect(worksheets).toHaveLength(sampleSnapshot.sheets.length + 2);
    expect(parts.has('xl/calcChain.xml')).toBe(false);
    const rels = new TextDecoder().decode(parts.get('xl/_rels/workbook.xml.rels'));
    expect(rels).not.toContain('calcChain');
    expect(new TextDecoder().decode(parts.get('[Content_Types].xml'))).not.toContain('calcChain');
    expect(new TextDecoder().decode(parts.get('xl/worksheets/sheet90.xml'))).toBe(USER_SHEET_XML);
    for (const target of [...rels.matchAll(/Target="([^"]+)"/g)].map((m) => `xl/${m[1] ?? ''}`)) expect(parts.has(target)).toBe(true);

    const snapshot = await (await openXlsx(second.bytes)).readSnapshot();
    expect(snapshot.generated).toEqual([{ sheet: SHEET, kind: 'handlingsplan', year: 2022, inputDigest: 'ffffffffffffff' }]);
    expect(snapshot.tables).toEqual(sampleSnapshot.tables);
  });

  test('a sheet opened on when it was replaced stays the one the workbook opens on', async () => {
    const first = await renderLayoutIntoPackage(sample, layout);
    const active = await editZip(first.bytes, {
      'xl/workbook.xml': (xml) => xml.replace('<sheets>', '<bookViews><workbookView activeTab="5" firstSheet="1"/></bookViews><sheets>'),
    });
    const withTail = await editZip(active, withUserSheet('Notater', USER_SHEET_XML));
    const second = await renderLayoutIntoPackage(withTail, layout);
    const workbookXml = await partText(second.bytes, 'xl/workbook.xml');
    expect(workbookXml).toContain('<workbookView activeTab="6" firstSheet="1"/>');
    expect(await partText(second.bytes, 'xl/worksheets/sheet6.xml')).toContain('<sheetView tabSelected="1" workbookViewId="0">');
  });

  test('parts only the old sheet used go with it; parts another sheet uses stay', async () => {
    const first = await renderLayoutIntoPackage(sample, layout);
    const rel = (id: string, type: string, target: string): string =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const rels = (...items: string[]): string =>
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
    // Notes and a drawing the user added to the generated sheet; the drawing's image is shared with sheet 1.
    const withExtras = await editZip(first.bytes, {
      'xl/worksheets/_rels/sheet6.xml.rels': () =>
        rels(rel('rId1', 'comments', '../comments5.xml'), rel('rId2', 'drawing', '../drawings/drawing5.xml')),
      'xl/comments5.xml': () => '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
      'xl/drawings/drawing5.xml': () =>
        '<?xml version="1.0"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
      'xl/drawings/_rels/drawing5.xml.rels': () => rels(rel('rId1', 'image', '../media/image1.png')),
      'xl/media/image1.png': () => 'png',
      'xl/worksheets/_rels/sheet1.xml.rels': (xml) =>
        xml.replace('</Relationships>', `${rel('rId99', 'image', '/xl/media/image1.png')}</Relationships>`),
      '[Content_Types].xml': (xml) =>
        xml.replace(
          '</Types>',
          '<Override PartName="/xl/comments5.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
        ),
    });
    const parts = await unzip((await renderLayoutIntoPackage(withExtras, layout)).bytes);
    for (const gone of ['xl/comments5.xml', 'xl/drawings/drawing5.xml', 'xl/drawings/_rels/drawing5.xml.rels'])
      expect({ gone, present: parts.has(gone) }).toEqual({ gone, present: false });
    expect(parts.has('xl/media/image1.png')).toBe(true);
    expect(new TextDecoder().decode(parts.get('[Content_Types].xml'))).not.toContain('comments5');
    // The old relationships went with the old sheet: the new sheet's (its own notes) point at nothing of the old one's.
    const newRels = new TextDecoder().decode(parts.get('xl/worksheets/_rels/sheet6.xml.rels'));
    expect(newRels).not.toMatch(/comments5|drawing5/);
    const targets = [...newRels.matchAll(/Target="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(targets).toEqual([
      expect.stringMatching(/^\.\.\/comments\d+\.xml$/),
      expect.stringMatching(/^\.\.\/drawings\/vmlDrawing\d+\.vml$/),
    ]);
    for (const target of targets) expect(parts.has(`xl/${target.slice(3)}`)).toBe(true);
  });

  test('an anchor name the user owns is left alone and reported', async () => {
    const input = await editZip(sample, {
      'xl/workbook.xml': (xml) =>
        xml.replace('<calcPr', '<definedNames><definedName name="HP2022_Ramme">Budsjett!$A$1</definedName></definedNames><calcPr'),
    });
    const result = await renderLayoutIntoPackage(input, layout);
    expect(result.skippedAnchors).toEqual(['HP2022_Ramme']);
    const names = namesIn(await partText(result.bytes, 'xl/workbook.xml')).filter((n) => n.name === 'HP2022_Ramme');
    expect(names).toEqual([{ name: 'HP2022_Ramme', localSheetId: undefined, hidden: false, value: 'Budsjett!$A$1' }]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// A sheet of the user's with the same name

test("a user's own sheet named like the layout is left untouched; ours becomes (2)", async () => {
  const input = await editZip(sample, withUserSheet(SHEET, USER_SHEET_XML));
  const result = await renderLayoutIntoPackage(input, layout);
  expect(result).toMatchObject({ sheet: 'Handlingsplan 2022 (2)', renamedFrom: SHEET, replaced: false });
  const parts = await unzip(result.bytes);
  expect(new TextDecoder().decode(parts.get('xl/worksheets/sheet90.xml'))).toBe(USER_SHEET_XML);
  const workbookXml = new TextDecoder().decode(parts.get('xl/workbook.xml'));
  expect(sheetNamesIn(workbookXml)).toEqual([...sampleSnapshot.sheets, SHEET, 'Handlingsplan 2022 (2)']);
  const names = namesIn(workbookXml);
  expect(names.find((n) => n.name === 'HandlingsplanGenerert')?.localSheetId).toBe(6);
  expect(names.find((n) => n.name === 'HP2022_Strategier')?.value).toMatch(/^'Handlingsplan 2022 \(2\)'!\$A\$\d+:\$G\$\d+$/);
  const snapshot = await (await openXlsx(result.bytes)).readSnapshot();
  expect(snapshot.generated?.map((g) => g.sheet)).toEqual(['Handlingsplan 2022 (2)']);

  // Rendering once more finds its own sheet under the new name? No: the layout's name is still the user's,
  // so a further render makes (3) — the user's sheet is never replaced. Names are compared without case.
  const lower = await editZip(sample, withUserSheet('HANDLINGSPLAN 2022', USER_SHEET_XML));
  expect((await renderLayoutIntoPackage(lower, layout)).sheet).toBe('Handlingsplan 2022 (2)');
});

test('a long name is shortened to fit 31 characters with its suffix', async () => {
  const long = 'Handlingsplan 2022 for styret ab'.slice(0, 31);
  const input = await editZip(sample, withUserSheet(long, USER_SHEET_XML));
  const result = await renderLayoutIntoPackage(input, { ...layout, sheet: long, anchors: [] });
  expect(result.sheet).toBe(`${long.slice(0, 27)} (2)`);
  expect(result.sheet.length).toBe(31);
});

// ---------------------------------------------------------------------------------------------------------
// Packages written by other tools

test('a workbook whose relationships prefix is not r', async () => {
  const input = await editZip(sample, {
    'xl/workbook.xml': (xml) => xml.replace('xmlns:r=', 'xmlns:rel=').replace(/ r:id=/g, ' rel:id='),
  });
  expect(await partText(input, 'xl/workbook.xml')).not.toContain(' r:id=');
  const result = await renderLayoutIntoPackage(input, layout);
  const workbookXml = await partText(result.bytes, 'xl/workbook.xml');
  expect(workbookXml).toMatch(/<sheet name="Handlingsplan 2022" sheetId="6" rel:id="rId\d+"\/>/);
  expect(workbookXml).not.toContain('xmlns:r=');
  const snapshot = await (await openXlsx(result.bytes)).readSnapshot();
  expect(snapshot.sheets).toContain(SHEET);
  expect(snapshot.generated).toHaveLength(1);
  const second = await renderLayoutIntoPackage(result.bytes, layout);
  expect(second.replaced).toBe(true);
  expect(sheetNamesIn(await partText(second.bytes, 'xl/workbook.xml')).filter((n) => n === SHEET)).toHaveLength(1);
});

describe('workbook.xml edits by schema order and with prefixes', () => {
  const PREFIXED =
    '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:o="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<x:bookViews><x:workbookView activeTab="2"><x:extLst/></x:workbookView></x:bookViews><x:sheets><x:sheet name="A" sheetId="1" o:id="rId1"/><x:sheet name="B" sheetId="2" o:id="rId2"/><x:sheet name="C" sheetId="3" o:id="rId3"/></x:sheets>' +
    '<x:externalReferences><x:externalReference o:id="rId9"/></x:externalReferences><x:extLst/></x:workbook>';

  test('definedNames goes after externalReferences and before extLst, not into a nested extLst', () => {
    const xml = addDefinedNames(PREFIXED, [{ name: 'N', value: "'A'!$A$1", localSheetId: 1 }]);
    expect(xml).toContain(
      '</x:externalReferences><x:definedNames><x:definedName name="N" localSheetId="1">&apos;A&apos;!$A$1</x:definedName></x:definedNames><x:extLst/>'.replace(
        /&apos;/g,
        "'",
      ),
    );
    expect(definedNames(xml).map((n) => [n.name, n.localSheetId, n.value])).toEqual([['N', 1, "'A'!$A$1"]]);
  });

  test('sheets are appended and removed with the prefix the file uses', () => {
    const appended = appendSheet(PREFIXED, { name: 'Ny & ren', sheetId: 4, relId: 'rId4' });
    expect(appended).toContain('<x:sheet name="Ny &amp; ren" sheetId="4" o:id="rId4"/></x:sheets>');
    expect(sheetEntries(appended).map((s) => [s.name, s.relId, s.index])).toEqual([
      ['A', 'rId1', 0],
      ['B', 'rId2', 1],
      ['C', 'rId3', 2],
      ['Ny & ren', 'rId4', 3],
    ]);
    const named = addDefinedNames(appended, [
      { name: 'a', value: '1', localSheetId: 0 },
      { name: 'b', value: '2', localSheetId: 1 },
      { name: 'c', value: '3', localSheetId: 2 },
    ]);
    const removed = removeSheet(named, 1);
    expect(sheetEntries(removed).map((s) => s.name)).toEqual(['A', 'C', 'Ny & ren']);
    expect(definedNames(removed).map((n) => [n.name, n.localSheetId])).toEqual([
      ['a', 0],
      ['c', 1],
    ]);
    expect(removed).toContain('<x:workbookView activeTab="1">');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Small parts

test('the marker value round-trips and rejects what it cannot hold', () => {
  const marker = { kind: 'handlingsplan' as const, year: 2022, inputDigest: 'abc123', generatedAt: GENERATED_AT };
  expect(markerValue(marker)).toBe(`"handlingsplan|2022|abc123|${GENERATED_AT}"`);
  expect(parseMarker(markerValue(marker))).toEqual(marker);
  // As Office.js hands a name's formula back.
  expect(parseMarker(`=${markerValue(marker)}`)).toEqual(marker);
  expect(parseMarker('"noe|annet"')).toBeUndefined();
  expect(parseMarker("'Ark'!$A$1")).toBeUndefined();
  expect(() => markerValue({ ...marker, inputDigest: 'a|b' })).toThrow(RangeError);
});

test('header and footer text: literal ampersands doubled, page codes kept, cut to 255', () => {
  expect(headerFooterSection('R&D & Co')).toBe('&CR&&D && Co');
  expect(headerFooterSection('side &P av &N')).toBe('&Cside &P av &N');
  expect(headerFooterSection('H&Nordic')).toBe('&CH&&Nordic');
  const long = headerFooterSection('&'.repeat(300));
  expect(long.length).toBeLessThanOrEqual(255);
  expect(long).toMatch(/^&C(&&)+…$/);
});

test('layouts Excel would call damaged are refused before anything is written', async () => {
  await expect(renderLayoutIntoPackage(sample, { ...layout, sheet: 'Ark:1' })).rejects.toThrow(RangeError);
  await expect(renderLayoutIntoPackage(sample, { ...layout, merges: [a1('A1:B2'), a1('B2:C3')] })).rejects.toThrow(/overlap/);
  await expect(renderLayoutIntoPackage(sample, { ...layout, anchors: [{ name: 'HP2022', range: a1('A1') }] })).rejects.toThrow(/name/);
  const nan: LayoutCell = { row: 1, column: 1, value: { kind: 'number', number: Number.NaN } };
  await expect(renderLayoutIntoPackage(sample, { ...layout, cells: [nan] })).rejects.toThrow(RangeError);
});

// ---------------------------------------------------------------------------------------------------------
// Files

describe('renderLayoutIntoFile', () => {
  test("a missing input is the user's error, and nothing is written", async () => {
    const output = tempPath('never.xlsx');
    const error: unknown = await renderLayoutIntoFile(join(dir, 'finnes-ikke.xlsx'), layout, output).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as WorkbookFileError).code).toBe('not-found');
    expect(() => statSync(output)).toThrow();
  });

  test('writing over the input is refused, by the same path or another spelling of it', async () => {
    const input = tempPath('input.xlsx');
    writeFileSync(input, sample);
    const before = statSync(input).mtimeMs;
    await expect(renderLayoutIntoFile(input, layout, input)).rejects.toMatchObject({ code: 'same-file' });
    await expect(
      renderLayoutIntoFile(input, layout, join(dir, '.', '..', dir.split('/').pop() ?? '', input.split('/').pop() ?? '')),
    ).rejects.toMatchObject({ code: 'same-file' });
    const link = tempPath('lenke.xlsx');
    linkSync(input, link);
    await expect(renderLayoutIntoFile(input, layout, link)).rejects.toMatchObject({ code: 'same-file' });
    expect(statSync(input).mtimeMs).toBe(before);
    expect(new Uint8Array(readFileSync(input))).toEqual(sample);
  });

  test('a macro-enabled workbook must be written under a macro-enabled name', async () => {
    const input = tempPath('makro.xlsm');
    writeFileSync(
      input,
      await editZip(sample, {
        '[Content_Types].xml': (xml) => xml.replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml'),
      }),
    );
    const wrong = tempPath('ut.xlsx');
    const error: unknown = await renderLayoutIntoFile(input, layout, wrong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputFileError);
    expect((error as OutputFileError).code).toBe('wrong-extension');
    expect(() => statSync(wrong)).toThrow();
    const right = tempPath('ut.xlsm');
    expect((await renderLayoutIntoFile(input, layout, right)).macroEnabled).toBe(true);
    expect(statSync(right).size).toBeGreaterThan(0);
  });

  test('a workbook.xml that cannot be edited is reported as a damaged workbook', async () => {
    const damaged = await editZip(sample, { 'xl/workbook.xml': (xml) => xml.replace(/<sheets>[\s\S]*<\/sheets>/, '') });
    const error: unknown = await renderLayoutIntoPackage(damaged, layout).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as WorkbookFileError).code).toBe('corrupt');
  });

  test('a file that is not a workbook is refused as the reader refuses it', async () => {
    const input = tempPath('tekst.xlsx');
    writeFileSync(input, 'dette er ikke en arbeidsbok');
    const error: unknown = await renderLayoutIntoFile(input, layout, tempPath('out.xlsx')).catch((e: unknown) => e);
    expect((error as WorkbookFileError).code).toBe('not-xlsx');
  });
});
