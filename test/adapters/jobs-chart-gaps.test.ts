/**
 * The Styrerapport's jobs chart never draws a figure the table shows as "mangler" (or marks incomplete) as a
 * column of 0: the chart's series refer to cells under the chart that hold the table's known figures and
 * nothing where the figure is unknown. Checked in the layout, in the .xlsx path's chart XML and cells, and in
 * Excel's chart API (the double), for the demo and for the second programme.
 */
import JSZip from 'jszip';
import { OfficeWorkbook } from '../../src/adapters/office';
import { renderLayoutIntoPackage } from '../../src/adapters/xlsx/render';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { buildStyrerapport } from '../../src/core/layout/styrerapport';
import type { LayoutChart, SheetLayout } from '../../src/core/layout/types';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { parseCell } from '../../src/core/util/brand';
import { validateWorkbook } from '../../src/core/validate';
import { secondProgramme, SECOND } from '../fixtures/secondProgramme';
import { createExcelDouble } from '../../src/adapters/office/double';
import { setCell } from '../support/planBuilder';

const GENERATED = '2026-11-27T10:00:00Z';

function report(data: WorkbookData, year: number): SheetLayout {
  const result = validateWorkbook(snapshotFromData(data), { year, today: '2026-11-27' });
  return buildStyrerapport({ plan: result.plan, year, findings: result.findings, inputDigest: 'd', generatedAt: GENERATED });
}

function jobsChart(layout: SheetLayout): LayoutChart {
  const chart = layout.charts?.find((c) => c.name === 'Arbeidsplasser');
  if (!chart) throw new Error('no jobs chart');
  return chart;
}

function bounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to = from] = range.split(':').map((c) => parseCell(c));
  return { top: from!.row, left: from!.column, bottom: to!.row, right: to!.column };
}

/** What the layout writes in each cell of a one-column range (undefined: nothing). */
function cellsOf(layout: SheetLayout, range: string): (number | string | undefined)[] {
  const { top, bottom, left } = bounds(range);
  return Array.from({ length: bottom - top + 1 }, (_, i) => {
    const v = layout.cells.find((c) => c.row === top + i && c.column === left)?.value;
    return v?.kind === 'number' ? v.number : v?.kind === 'text' ? v.text : undefined;
  });
}

function textAt(layout: SheetLayout, row: number, column: number): string | undefined {
  const v = layout.cells.find((c) => c.row === row && c.column === column)?.value;
  return v?.kind === 'text' ? v.text : undefined;
}

function rowOf(layout: SheetLayout, label: string): number {
  const found = layout.cells.find((c) => c.column === 1 && c.value.kind === 'text' && c.value.text === label);
  if (!found) throw new Error(`no row ${label}`);
  return found.row;
}

/** The demo with Industri's 2022 target as #REF!. */
function brokenDemo(): WorkbookData {
  return setCell(hallingdalDemo(), 'Arbeidsplassmal', ['Industri'], '2022', { error: '#REF!' });
}

/** The second programme with Reiseliv's 2024 target as text that is no number. */
function brokenSecond(): WorkbookData {
  return setCell(secondProgramme(), 'Arbeidsplassmal', ['Reiseliv'], '2024', 'tre');
}

describe('the layout', () => {
  test('readable: the chart draws what the table shows, from cells under the chart', () => {
    const layout = report(hallingdalDemo(), 2022);
    const chart = jobsChart(layout);
    expect(chart.series.map((s) => s.values)).toEqual([
      [5, 10, 10, 15],
      [0, 3, 1, 3],
    ]);
    expect(chart.series.map((s) => cellsOf(layout, s.range))).toEqual([
      [5, 10, 10, 15],
      [0, 3, 1, 3],
    ]);
    for (const s of chart.series) {
      const { top, bottom } = bounds(s.range);
      expect(top).toBeGreaterThan(chart.placement.top);
      expect(bottom).toBeLessThanOrEqual(chart.placement.bottom);
    }
    expect(layout.cells.some((c) => c.value.kind === 'text' && c.value.text.startsWith('Søyler som mangler'))).toBe(false);
  });

  test('an unreadable target: "mangler" in the table, a gap in the chart (no 0), and a line that says so', () => {
    const layout = report(brokenDemo(), 2022);
    const chart = jobsChart(layout);
    expect(textAt(layout, rowOf(layout, 'Industri'), 3)).toBe('mangler');
    const [target, reported] = chart.series;
    expect(target!.values.map((v) => (Number.isNaN(v) ? 'gap' : v))).toEqual([5, 10, 'gap', 15]);
    expect(reported!.values).toEqual([0, 3, 1, 3]);
    // The cell behind the gap holds nothing: Excel, recalculating from the cells, draws no column either.
    expect(cellsOf(layout, target!.range)).toEqual([5, 10, undefined, 15]);
    const note = layout.cells.find((c) => c.value.kind === 'text' && c.value.text.startsWith('Søyler som mangler'));
    expect(note?.row).toBe(chart.placement.bottom + 1);
    // The grants still start below it.
    expect(rowOf(layout, 'Budsjett og innvilget per strategi 2022')).toBeGreaterThan(chart.placement.bottom + 1);
  });

  test('a reported figure the table marks incomplete (a report whose jobs cannot be read) is a gap too', () => {
    const data = setCell(hallingdalDemo(), 'Rapporter', ['EKS-02'], 'Nye arbeidsplasser', { error: '#VERDI!' });
    const layout = report(data, 2022);
    const chart = jobsChart(layout);
    const reported = chart.series[1]!;
    const gaps = reported.values.flatMap((v, i) => (Number.isNaN(v) ? [chart.categories.labels[i]] : []));
    expect(gaps.length).toBeGreaterThan(0);
    for (const label of gaps) expect(layout.marks.some((m) => m.row === rowOf(layout, label!) && m.column === 4)).toBe(true);
  });

  test("the second programme: its five næringer, Reiseliv's unreadable 2024 target a gap", () => {
    const clean = jobsChart(report(secondProgramme(), SECOND.planYear));
    expect(clean.categories.labels).toEqual(['Havbruk', 'Reiseliv', 'Industri', 'Landbruk', 'Kreative næringer']);
    expect(clean.series[0]!.values).toEqual([4, 3, 5, 1, 2]);
    const layout = report(brokenSecond(), SECOND.planYear);
    const chart = jobsChart(layout);
    expect(chart.series[0]!.values.map((v) => (Number.isNaN(v) ? 'gap' : v))).toEqual([4, 'gap', 5, 1, 2]);
    expect(cellsOf(layout, chart.series[0]!.range)).toEqual([4, undefined, 5, 1, 2]);
    expect(textAt(layout, rowOf(layout, 'Reiseliv'), 3)).toBe('mangler');
  });
});

describe('the .xlsx path', () => {
  async function chartAndSheet(data: WorkbookData, year: number): Promise<{ layout: SheetLayout; chartXml: string; sheetXml: string }> {
    const layout = report(data, year);
    const zip = await JSZip.loadAsync((await renderLayoutIntoPackage(await writeWorkbookData(data), layout)).bytes);
    const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
        .map(read),
    );
    const chartXml = charts.find((x) => x.includes('<c:barChart>')) ?? '';
    const sheets = Object.keys(zip.files)
      .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
    return { layout, chartXml, sheetXml: await read(sheets[sheets.length - 1]!) };
  }

  function targetCache(chartXml: string): string[][] {
    const series = [...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]!);
    const cache = /<c:numCache>([\s\S]*?)<\/c:numCache>/.exec(series[0] ?? '')?.[1] ?? '';
    return [...cache.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)].map((m) => [m[1]!, m[2]!]);
  }

  function valueIn(sheetXml: string, cell: string): string | undefined {
    const found = new RegExp(`<c r="${cell}"[^>]*?(?:/>|>([\\s\\S]*?)</c>)`).exec(sheetXml);
    return /<v>([^<]*)<\/v>/.exec(found?.[1] ?? '')?.[1];
  }

  test.each([
    [
      'the demo',
      brokenDemo,
      2022,
      [
        ['0', '5'],
        ['1', '10'],
        ['3', '15'],
      ],
      2,
    ],
    [
      'the second programme',
      brokenSecond,
      SECOND.planYear,
      [
        ['0', '4'],
        ['2', '5'],
        ['3', '1'],
        ['4', '2'],
      ],
      1,
    ],
  ])(
    "%s: the target series' cache leaves the unreadable point out, and its cell holds no value",
    async (_name, data, year, cached, gap) => {
      const { layout, chartXml, sheetXml } = await chartAndSheet(data(), year);
      const chart = jobsChart(layout);
      const ptCount = /<c:numCache><c:formatCode>General<\/c:formatCode><c:ptCount val="(\d+)"\/>/.exec(chartXml)?.[1];
      expect(ptCount).toBe(String(chart.categories.labels.length));
      expect(targetCache(chartXml)).toEqual(cached);
      const { top, left } = bounds(chart.series[0]!.range);
      const column = String.fromCharCode(64 + left);
      expect(valueIn(sheetXml, `${column}${top + gap}`)).toBeUndefined();
      expect(valueIn(sheetXml, `${column}${top}`)).toBe(cached[0]![1]);
      // An opaque chart area: the figures under it do not show through.
      expect(chartXml).toContain('<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/>');
    },
  );
});

describe('Excel (the double)', () => {
  test.each([
    ['the demo', brokenDemo, 2022, 2],
    ['the second programme', brokenSecond, SECOND.planYear, 1],
  ])("%s: the target series refers to cells where the unreadable target's cell is empty", async (_name, data, year, gap) => {
    const double = createExcelDouble({ data: data() });
    const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
    const layout = report(data(), year);
    await port.renderLayout(layout);
    const sheet = double.sheet(layout.sheet);
    const [chart] = sheet.charts;
    const target = chart?.series[0]?.values;
    if (!target) throw new Error('the target series has no cells');
    const values = Array.from({ length: target.bottom - target.top + 1 }, (_, i) => sheet.cell(target.top + i, target.left)?.value ?? '');
    const expected = jobsChart(layout).series[0]!.values.map((v) => (Number.isNaN(v) ? '' : v));
    expect(values).toEqual(expected);
    expect(values[gap]).toBe('');
    // Not "mangler", which Excel would draw as a column of 0.
    expect(values).not.toContain('mangler');
  });
});
