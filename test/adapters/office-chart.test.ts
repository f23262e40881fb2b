/**
 * The board report's chart and page breaks through Office.js, against the Excel double: the chart API calls
 * the adapter makes, what they leave in the workbook, and the same round trips as a sheet without a chart.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import { inputDigest } from '../../src/core/digest';
import { buildStyrerapport } from '../../src/core/layout/styrerapport';
import type { SheetLayout } from '../../src/core/layout/types';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { parseCell } from '../../src/core/util/brand';
import { validateWorkbook } from '../../src/core/validate';
import { createExcelDouble, measure, type ExcelDouble } from '../../src/adapters/office/double';

const SHEET = 'Styrerapport 2022';

async function openDemo(apiVersion?: string): Promise<{ double: ExcelDouble; port: OfficeWorkbook; layout: SheetLayout }> {
  const double = createExcelDouble({ data: hallingdalDemo(), ...(apiVersion ? { apiVersion } : {}) });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  const snapshot = await port.readSnapshot();
  const result = validateWorkbook(snapshot);
  const layout = buildStyrerapport({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: inputDigest(snapshot),
    generatedAt: '2026-11-27T10:00:00Z',
  });
  return { double, port, layout };
}

function bounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to = from] = range.split(':').map((c) => parseCell(c));
  return { top: from!.row, left: from!.column, bottom: to!.row, right: to!.column };
}

test('the report gets a clustered column chart of target against reported jobs, over its own cells, in the same 3 syncs (the print setup its own)', async () => {
  const { double, port, layout } = await openDemo();
  const chart = layout.charts![0]!;
  const { stats } = await measure(double, () => port.renderLayout(layout));
  expect(stats.syncs).toBe(3);
  const charts = double.sheet(SHEET).charts;
  expect(charts).toHaveLength(1);
  const { top, left, bottom, right } = chart.placement;
  expect(charts[0]).toEqual({
    name: 'Arbeidsplasser',
    type: 'ColumnClustered',
    seriesBy: 'Columns',
    title: 'Mål og rapporterte arbeidsplasser per næring 2022',
    legendPosition: 'Bottom',
    showValues: true,
    valueAxisTitle: 'Arbeidsplasser',
    position: { from: { top, left, bottom: top, right: left }, to: { top: bottom, left: right, bottom, right } },
    series: [
      { name: 'Mål 2022', values: bounds(chart.series[0]!.range), xValues: bounds(chart.categories.range), fill: '#9DC3E6' },
      { name: 'Rapportert 2022', values: bounds(chart.series[1]!.range), xValues: bounds(chart.categories.range), fill: '#1F4E79' },
    ],
  });
  // The series' cells hold the figures the chart shows.
  const first = bounds(chart.series[1]!.range).top;
  const reported = [0, 1, 2, 3].map((i) => double.sheet(SHEET).cell(first + i, 4)?.value);
  expect(reported).toEqual([0, 3, 1, 3]);
  expect(double.sheet(SHEET).cell(bounds(chart.categories.range).top, 1)?.value).toBe('Opplevelsesnæring');
});

test('page breaks go where the layout puts them', async () => {
  const { double, port, layout } = await openDemo();
  await port.renderLayout(layout);
  expect([...double.sheet(SHEET).rowBreaks].sort((a, b) => a - b)).toEqual(layout.rowBreaks);
});

test('generating again leaves one chart: the old sheet goes with its chart', async () => {
  const { double, port, layout } = await openDemo();
  await port.renderLayout(layout);
  await port.renderLayout(layout);
  expect(double.state.sheets.filter((s) => s.name.startsWith('Styrerapport'))).toHaveLength(1);
  expect(double.sheet(SHEET).charts).toHaveLength(1);
});

test('an Excel without ExcelApi 1.7 gets the report without the chart (and without failing)', async () => {
  const { double, port, layout } = await openDemo('1.6');
  await expect(port.renderLayout(layout)).resolves.toMatchObject({ sheet: SHEET });
  expect(double.sheet(SHEET).charts).toHaveLength(0);
  expect(double.sheet(SHEET).cell(1, 1)?.value).toMatch(/^Styrerapport 2022/);
});
