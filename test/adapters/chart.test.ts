/**
 * The board report's chart in the .xlsx path: DrawingML parts reached from the sheet through relationships,
 * references to the sheet's own cells, caches equal to those cells, well-formed XML, and no parts left behind
 * when the report is generated again.
 */
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { renderLayoutIntoPackage } from '../../src/adapters/xlsx/render';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { buildStyrerapport } from '../../src/core/layout/styrerapport';
import type { LayoutChart, SheetLayout } from '../../src/core/layout/types';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { parseCell } from '../../src/core/util/brand';
import { validateWorkbook } from '../../src/core/validate';
import { wellFormedProblems } from '../support/wellFormed';

const SHEET = 'Styrerapport 2022';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

let demo: Uint8Array;
let layout: SheetLayout;
let chart: LayoutChart;

beforeAll(async () => {
  const data = hallingdalDemo();
  demo = await writeWorkbookData(data);
  const result = validateWorkbook(snapshotFromData(data));
  layout = buildStyrerapport({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: 'd',
    generatedAt: '2026-11-27T10:00:00Z',
  });
  chart = layout.charts![0]!;
});

async function zipOf(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

async function text(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (file === null) throw new Error(`no part ${part}`);
  return file.async('string');
}

/** The target of the one relationship of `type` in a .rels part, resolved against `folder`. */
async function follow(zip: JSZip, rels: string, type: string, folder: string): Promise<string> {
  const xml = await text(zip, rels);
  const rel = [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`/relationships/${type}"`));
  const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
  if (target === undefined) throw new Error(`no ${type} relationship in ${rels}`);
  const parts = [...folder.split('/'), ...target.split('/')];
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '' && p !== '.') out.push(p);
  }
  return out.join('/');
}

async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const relId = new RegExp(`<sheet [^>]*name="${name.replace(/[()]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
  const target =
    new RegExp(`<Relationship [^>]*Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${relId}"`).exec(rels)?.[1];
  if (target === undefined) throw new Error(`no part for ${name}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

interface ChartParts {
  sheet: string;
  drawing: string;
  chart: string;
}

async function chartParts(zip: JSZip, sheetName: string): Promise<ChartParts> {
  const sheet = await sheetPart(zip, sheetName);
  const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');
  const drawing = await follow(zip, relsOf(sheet), 'drawing', sheet.replace(/[^/]+$/, ''));
  const chartPart = await follow(zip, relsOf(drawing), 'chart', drawing.replace(/[^/]+$/, ''));
  return { sheet, drawing, chart: chartPart };
}

/** The values a sheet part holds in a one-column range, read from its <c> elements. */
function columnValues(sheetXml: string, range: string): string[] {
  const [from, to] = range.split(':').map((c) => parseCell(c));
  const values: string[] = [];
  for (let row = from!.row; row <= to!.row; row++) {
    const ref = range.replace(/\d+.*$/, '') + String(row);
    const cell = new RegExp(`<c r="${ref}"[^>]*>([\\s\\S]*?)</c>`).exec(sheetXml)?.[1] ?? '';
    values.push(/<v>([^<]*)<\/v>/.exec(cell)?.[1] ?? /<t[^>]*>([^<]*)<\/t>/.exec(cell)?.[1] ?? '');
  }
  return values;
}

function cached(chartXml: string, tag: 'strCache' | 'numCache', index: number): string[] {
  const cache = [...chartXml.matchAll(new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`, 'g'))][index]?.[1] ?? '';
  return [...cache.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]!);
}

test('the report sheet has a drawing with a clustered column chart over its own cells', async () => {
  const result = await renderLayoutIntoPackage(demo, layout);
  const zip = await zipOf(result.bytes);
  const parts = await chartParts(zip, SHEET);
  const sheetXml = await text(zip, parts.sheet);
  const chartXml = await text(zip, parts.chart);
  const types = await text(zip, '[Content_Types].xml');

  expect(sheetXml).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
  expect(types).toContain(`PartName="/${parts.chart}" ContentType="${CHART_TYPE}"`);
  expect(types).toContain(`PartName="/${parts.drawing}" ContentType="${DRAWING_TYPE}"`);
  expect(chartXml).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');

  const refs = [...chartXml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
  const abs = (r: string) => r.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  expect(refs).toEqual([
    `'${SHEET}'!${abs(chart.categories.range)}`,
    `'${SHEET}'!${abs(chart.series[0]!.range)}`,
    `'${SHEET}'!${abs(chart.categories.range)}`,
    `'${SHEET}'!${abs(chart.series[1]!.range)}`,
  ]);

  // The caches hold what the cells hold: Excel recalculates from the cells, previews draw the caches.
  expect(cached(chartXml, 'strCache', 0)).toEqual(columnValues(sheetXml, chart.categories.range));
  expect(cached(chartXml, 'numCache', 0)).toEqual(columnValues(sheetXml, chart.series[0]!.range));
  expect(cached(chartXml, 'numCache', 1)).toEqual(columnValues(sheetXml, chart.series[1]!.range));
  expect(cached(chartXml, 'numCache', 1)).toEqual(['0', '3', '1', '3']);

  const drawingXml = await text(zip, parts.drawing);
  expect(drawingXml).toContain(`<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.placement.top - 1}</xdr:row>`);
  for (const part of [parts.sheet, parts.drawing, parts.chart, `${parts.drawing.replace(/([^/]+)$/, '_rels/$1.rels')}`]) {
    expect({ part, problems: wellFormedProblems(await text(zip, part)) }).toEqual({ part, problems: [] });
  }
});

test('the file with the chart still opens in another reader, with the report sheet and its cells', async () => {
  const result = await renderLayoutIntoPackage(demo, layout);
  const workbook = new Workbook();
  await workbook.xlsx.load(result.bytes.slice().buffer);
  const sheet = workbook.getWorksheet(SHEET);
  const first = parseCell(chart.categories.range.split(':')[0]!);
  expect(sheet?.getCell(first.row, 1).value).toBe('Opplevelsesnæring');
});

test('generating the report again replaces the chart: one drawing and one chart, nothing left behind', async () => {
  const once = await renderLayoutIntoPackage(demo, layout);
  const twice = await renderLayoutIntoPackage(once.bytes, layout);
  expect(twice.replaced).toBe(true);
  const zip = await zipOf(twice.bytes);
  const names = Object.keys(zip.files);
  expect(names.filter((n) => n.startsWith('xl/charts/') && n.endsWith('.xml'))).toHaveLength(1);
  expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(1);
  const parts = await chartParts(zip, SHEET);
  const types = await text(zip, '[Content_Types].xml');
  expect(types.match(new RegExp(CHART_TYPE.replace(/[.+]/g, '\\$&'), 'g'))).toHaveLength(1);
  expect(names).toContain(parts.chart);
});

test('when the user owns the sheet name, the chart refers to the sheet it was written to', async () => {
  const data = hallingdalDemo();
  const owned = await writeWorkbookData({ ...data, sheets: [...data.sheets, SHEET] });
  const result = await renderLayoutIntoPackage(owned, layout);
  expect(result.sheet).toBe(`${SHEET} (2)`);
  const zip = await zipOf(result.bytes);
  const parts = await chartParts(zip, `${SHEET} (2)`);
  expect(await text(zip, parts.chart)).toContain(`<c:f>'${SHEET} (2)'!`);
});

test('the well-formedness check used above does catch broken XML', () => {
  expect(wellFormedProblems('<a><b>x</b></a>')).toEqual([]);
  expect(wellFormedProblems('<a><b></a>')).not.toEqual([]);
  expect(wellFormedProblems('<a x="1" x="2"/>')).not.toEqual([]);
  expect(wellFormedProblems('<a>R&D</a>')).not.toEqual([]);
  expect(wellFormedProblems('<a/><b/>')).not.toEqual([]);
});
