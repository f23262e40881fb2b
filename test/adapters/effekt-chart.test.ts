/**
 * The Styrerapport's Effektmål line charts through both adapters, for the sample with indicator values added
 * in the test (test/support/effektValues.ts): in the .xlsx path a DrawingML line chart per family whose series
 * refer to cells holding numbers or nothing (a year without data is a gap, not 0), with caches that leave those
 * points out; in Excel (the double) a Line chart per family over the same cells, in the same round trips as
 * the report without them, and the missing figure marked with its note.
 */
import JSZip from 'jszip';
import { OfficeWorkbook } from '../../src/adapters/office';
import { renderLayoutIntoPackage } from '../../src/adapters/xlsx/render';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { inputDigest } from '../../src/core/digest';
import { buildStyrerapport } from '../../src/core/layout/styrerapport';
import type { LayoutChart, SheetLayout } from '../../src/core/layout/types';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { cellAddress, parseCell } from '../../src/core/util/brand';
import { validateWorkbook } from '../../src/core/validate';
import { createExcelDouble, measure } from '../../src/adapters/office/double';
import { withEffektValues } from '../support/effektValues';
import { wellFormedProblems } from '../support/wellFormed';

const SHEET = 'Styrerapport 2022';

function build(data = withEffektValues(hallingdalSample())): SheetLayout {
  const result = validateWorkbook(snapshotFromData(data), { year: 2022, today: '2026-11-27' });
  return buildStyrerapport({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: 'd',
    generatedAt: '2026-11-27T10:00:00Z',
  });
}

function lines(layout: SheetLayout): LayoutChart[] {
  return (layout.charts ?? []).filter((c) => c.kind === 'line');
}

function bounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to = from] = range.split(':').map((c) => parseCell(c));
  return { top: from!.row, left: from!.column, bottom: to!.row, right: to!.column };
}

describe('the .xlsx path', () => {
  let zip: JSZip;
  let layout: SheetLayout;
  beforeAll(async () => {
    layout = build();
    const bytes = await writeWorkbookData(withEffektValues(hallingdalSample()));
    zip = await JSZip.loadAsync((await renderLayoutIntoPackage(bytes, layout)).bytes);
  });
  const text = async (part: string): Promise<string> => {
    const file = zip.file(part);
    if (file === null) throw new Error(`no part ${part}`);
    return file.async('string');
  };

  test('one chart part per chart: the jobs columns, then a line chart per family, well-formed', async () => {
    const parts = Object.keys(zip.files)
      .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
      .sort();
    expect(parts).toHaveLength(1 + lines(layout).length);
    const xml = await Promise.all(parts.map(text));
    const kinds = xml.map((x) => (x.includes('<c:lineChart>') ? 'line' : x.includes('<c:barChart>') ? 'bar' : '?')).sort();
    expect(kinds).toEqual(['bar', 'line', 'line', 'line']);
    for (const [i, x] of xml.entries())
      expect({ part: parts[i], problems: wellFormedProblems(x) }).toEqual({ part: parts[i], problems: [] });
  });

  test('a line series refers to its cells; the cache leaves out the years without data, and so do the cells', async () => {
    const befolkning = lines(layout).find((c) => c.title === 'Befolkning i regionen')!;
    const parts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    const xml = (await Promise.all(parts.map(text))).find((x) => x.includes('Befolkning i regionen'))!;
    expect(xml).toContain('<c:grouping val="standard"/>');
    const young = befolkning.series[1]!;
    const abs = young.range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]!).find((s) => s.includes(`'${SHEET}'!${abs}`))!;
    const cache = /<c:numCache>([\s\S]*?)<\/c:numCache>/.exec(series)![1]!;
    expect(cache).toContain('<c:ptCount val="4"/>');
    expect([...cache.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['0', '4000'],
      ['2', '4200'],
    ]);
    // The value axis is not pinned to 0 for a line (a population's change would be flat).
    expect(xml).not.toContain('<c:min val="0"/>');
    const sheet = await text(
      'xl/worksheets/sheet' + String(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length) + '.xml',
    );
    const { top, left } = bounds(young.range);
    const column = young.range.replace(/\d.*$/, '');
    const cell = (row: number) => new RegExp(`<c r="${column}${row}"[^>]*?(/>|>([\\s\\S]*?)</c>)`).exec(sheet);
    expect(/<v>([^<]*)<\/v>/.exec(cell(top)?.[2] ?? '')?.[1]).toBe('4000');
    // 2022: no figure, so no value in the cell (at most an empty styled cell) — a gap in Excel's line too.
    expect(cell(top + 1)?.[2] ?? '').not.toMatch(/<v>|<is>/);
    expect(left).toBeGreaterThanOrEqual(befolkning.placement.left);
  });
});

describe('the Office adapter (Excel double)', () => {
  async function open(apiVersion?: string) {
    const data = withEffektValues(hallingdalSample());
    const double = createExcelDouble({ data, ...(apiVersion ? { apiVersion } : {}) });
    const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
    const snapshot = await port.readSnapshot();
    const result = validateWorkbook(snapshot, { year: 2022, today: '2026-11-27' });
    const layout = buildStyrerapport({
      plan: result.plan,
      year: 2022,
      findings: result.findings,
      inputDigest: inputDigest(snapshot),
      generatedAt: '2026-11-27T10:00:00Z',
    });
    return { double, port, layout };
  }

  test('a Line chart per family over the cells under it, coloured, without value labels, in the same 3 syncs', async () => {
    const { double, port, layout } = await open();
    const { stats } = await measure(double, () => port.renderLayout(layout));
    expect(stats.syncs).toBe(3);
    const charts = double.sheet(SHEET).charts;
    const expected = lines(layout);
    expect(charts.filter((c) => c.type === 'Line')).toHaveLength(expected.length);
    const befolkning = expected[0]!;
    const drawn = charts.find((c) => c.title === befolkning.title)!;
    expect(drawn).toMatchObject({ type: 'Line', seriesBy: 'Columns', showValues: false });
    expect(drawn.series).toEqual(
      befolkning.series.map((s) => ({
        name: s.name,
        values: bounds(s.range),
        xValues: bounds(befolkning.categories.range),
        fill: `#${s.color}`,
        line: `#${s.color}`,
      })),
    );
    // What the chart reads: numbers where there is a figure, nothing where there is none.
    const young = bounds(befolkning.series[1]!.range);
    const cells = [0, 1, 2, 3].map((i) => double.sheet(SHEET).cell(young.top + i, young.left)?.value ?? null);
    expect(cells.map((v) => (v === '' ? null : v))).toEqual([4000, null, 4200, null]);
  });

  test('the unreadable Kommune-NM value is "mangler" with its note in Excel too (notes: ExcelApi 1.18)', async () => {
    const { double, port, layout } = await open('1.18');
    await port.renderLayout(layout);
    const mark = layout.marks.find((m) => m.note.includes('Effektmål!'))!;
    expect(double.sheet(SHEET).cell(mark.row, mark.column)?.value).toBe('mangler');
    expect(double.sheet(SHEET).notes.get(cellAddress(mark.row, mark.column))).toContain('Effektmål!D');
  });
});
