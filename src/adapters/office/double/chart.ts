import { DoubleCollection, DoubleObject, type PropertyTable } from './context';
import { invalidArgument, itemNotFound } from './errors';
import type { DoubleRange } from './range';
import { parseAddress, type Bounds, type ChartSeriesState, type ChartState, type SheetState } from './state';

/**
 * Charts of the Excel double: `worksheet.charts.add(type, range, seriesBy)` and the parts of a chart the
 * adapter sets (name, title, legend, data labels, value-axis title, position, series with values, category
 * labels, fill and line colour). Series members added after creation need ExcelApi 1.7, as in Excel. Tests read the
 * result from `SheetState.charts`.
 */

const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'BarClustered', 'Line', 'Pie']);
const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);

/** A range proxy's cells, which must be on the chart's sheet (the double does not model cross-sheet series). */
function boundsOn(sheet: SheetState, range: DoubleRange | string, location: string): Bounds {
  if (typeof range === 'string') {
    const parsed = parseAddress(range);
    if (parsed === undefined) throw invalidArgument(`address '${range}'`, location);
    return parsed.bounds;
  }
  const target = range.resolve();
  if (target.sheet !== sheet) throw invalidArgument('the range is on another sheet', location);
  return target.bounds;
}

/** Excel's series from a source range: one per column (or row), named Series1, Series2, … */
function seriesFrom(bounds: Bounds, seriesBy: string): ChartSeriesState[] {
  const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && bounds.right - bounds.left > bounds.bottom - bounds.top);
  const count = byRows ? bounds.bottom - bounds.top + 1 : bounds.right - bounds.left + 1;
  return Array.from({ length: count }, (_, i) => ({
    name: `Series${i + 1}`,
    values: byRows
      ? { ...bounds, top: bounds.top + i, bottom: bounds.top + i }
      : { ...bounds, left: bounds.left + i, right: bounds.left + i },
  }));
}

/** A chart object that needs its sheet to resolve the ranges it is given. */
abstract class OnSheet<T> extends DoubleObject<T> {
  constructor(
    context: DoubleObject<T>['context'],
    path: string,
    locate: () => T | null,
    protected readonly sheet: () => SheetState,
  ) {
    super(context, path, locate);
  }
}

export class DoubleChartCollection extends DoubleCollection<SheetState, ChartState, DoubleChart> {
  protected get kind(): string {
    return 'ChartCollection';
  }

  protected members(sheet: SheetState): ChartState[] {
    return sheet.charts;
  }

  protected proxyFor(chart: ChartState, index: number): DoubleChart {
    return new DoubleChart(
      this.context,
      `${this.path}.items[${index}]`,
      () => chart,
      () => this.resolve(),
    );
  }

  add(type: string, sourceData: DoubleRange, seriesBy = 'Auto'): DoubleChart {
    let created: ChartState | undefined;
    const proxy = new DoubleChart(
      this.context,
      `${this.path}.add(${JSON.stringify(type)})`,
      () => created ?? null,
      () => this.resolve(),
    );
    this.context.enqueue({ call: `${this.path}.add`, args: [type, { ref: sourceData.path }, seriesBy] }, () => {
      const sheet = this.resolve();
      const location = 'ChartCollection.add';
      if (!CHART_TYPES.has(type)) throw invalidArgument(`chart type '${type}'`, location);
      if (!SERIES_BY.has(seriesBy)) throw invalidArgument(`seriesBy '${seriesBy}'`, location);
      const bounds = boundsOn(sheet, sourceData, location);
      created = { name: `Chart ${sheet.charts.length + 1}`, type, seriesBy, series: seriesFrom(bounds, seriesBy) };
      sheet.charts.push(created);
      proxy.bind(created);
    });
    return proxy;
  }
}

export class DoubleChart extends OnSheet<ChartState> {
  protected get kind(): string {
    return 'Chart';
  }

  protected properties(): PropertyTable<ChartState> {
    return { name: (c) => c.name };
  }

  get name(): string {
    return this.read('name') as string;
  }

  set name(value: string) {
    this.assign('name', value, (chart) => (chart.name = value));
  }

  get title(): DoubleChartPart {
    return new DoubleChartPart(this.context, `${this.path}.title`, () => this.resolveOrNull(), { text: (c, v) => (c.title = String(v)) });
  }

  get legend(): DoubleChartPart {
    return new DoubleChartPart(this.context, `${this.path}.legend`, () => this.resolveOrNull(), {
      position: (c, v) => (c.legendPosition = String(v)),
    });
  }

  get dataLabels(): DoubleChartPart {
    return new DoubleChartPart(this.context, `${this.path}.dataLabels`, () => this.resolveOrNull(), {
      showValue: (c, v) => (c.showValues = v === true),
    });
  }

  get axes(): { valueAxis: { title: DoubleChartPart } } {
    const title = new DoubleChartPart(this.context, `${this.path}.axes.valueAxis.title`, () => this.resolveOrNull(), {
      text: (c, v) => (c.valueAxisTitle = String(v)),
    });
    return { valueAxis: { title } };
  }

  get series(): DoubleChartSeriesCollection {
    return new DoubleChartSeriesCollection(this.context, `${this.path}.series`, () => this.resolveOrNull(), this.sheet);
  }

  setPosition(startCell: DoubleRange | string, endCell?: DoubleRange | string): void {
    this.invoke('setPosition', [startCell, endCell ?? null], (chart) => {
      const sheet = this.sheet();
      const from = boundsOn(sheet, startCell, 'Chart.setPosition');
      chart.position = { from, to: endCell === undefined ? from : boundsOn(sheet, endCell, 'Chart.setPosition') };
    });
  }
}

type Setter = (chart: ChartState, value: unknown) => void;

/** A part of a chart with settable scalar properties (title, legend, data labels, axis title). */
export class DoubleChartPart extends DoubleObject<ChartState> {
  constructor(
    context: DoubleChart['context'],
    path: string,
    locate: () => ChartState | null,
    private readonly setters: Record<string, Setter>,
  ) {
    super(context, path, locate);
    for (const [property, set] of Object.entries(setters)) {
      Object.defineProperty(this, property, {
        get: () => this.read(property),
        set: (value: unknown) => this.assign(property, value, (chart) => set(chart, value)),
      });
    }
  }

  protected get kind(): string {
    return 'ChartPart';
  }

  protected properties(): PropertyTable<ChartState> {
    return {};
  }
}

interface SeriesTarget {
  chart: ChartState;
  series: ChartSeriesState;
}

export class DoubleChartSeriesCollection extends DoubleCollection<ChartState, SeriesTarget, DoubleChartSeries> {
  constructor(
    context: DoubleChart['context'],
    path: string,
    locate: () => ChartState | null,
    private readonly sheet: () => SheetState,
  ) {
    super(context, path, locate);
  }

  protected get kind(): string {
    return 'ChartSeriesCollection';
  }

  protected members(chart: ChartState): SeriesTarget[] {
    return chart.series.map((series) => ({ chart, series }));
  }

  protected proxyFor(target: SeriesTarget, index: number): DoubleChartSeries {
    return new DoubleChartSeries(this.context, `${this.path}.items[${index}]`, () => target, this.sheet);
  }

  getItemAt(index: number): DoubleChartSeries {
    return new DoubleChartSeries(
      this.context,
      `${this.path}.getItemAt(${index})`,
      () => {
        const chart = this.resolve();
        const series = chart.series[index];
        if (series === undefined) throw itemNotFound(`series ${index}`, 'ChartSeriesCollection.getItemAt');
        return { chart, series };
      },
      this.sheet,
    );
  }

  add(name?: string, index?: number): DoubleChartSeries {
    this.context.requires('1.7', 'ChartSeriesCollection.add');
    let created: SeriesTarget | undefined;
    const proxy = new DoubleChartSeries(this.context, `${this.path}.add(${JSON.stringify(name ?? '')})`, () => created ?? null, this.sheet);
    this.context.enqueue({ call: `${this.path}.add`, args: [name ?? null, index ?? null] }, () => {
      const chart = this.resolve();
      const series: ChartSeriesState = { name: name ?? `Series${chart.series.length + 1}` };
      chart.series.splice(index ?? chart.series.length, 0, series);
      created = { chart, series };
      proxy.bind(created);
    });
    return proxy;
  }
}

export class DoubleChartSeries extends OnSheet<SeriesTarget> {
  protected get kind(): string {
    return 'ChartSeries';
  }

  protected properties(): PropertyTable<SeriesTarget> {
    return { name: (t) => t.series.name };
  }

  get name(): string {
    return this.read('name') as string;
  }

  set name(value: string) {
    this.assign('name', value, (t) => (t.series.name = value));
  }

  setValues(sourceData: DoubleRange): void {
    this.context.requires('1.7', 'ChartSeries.setValues');
    this.invoke('setValues', [sourceData], (t) => (t.series.values = boundsOn(this.sheet(), sourceData, 'ChartSeries.setValues')));
  }

  setXAxisValues(sourceData: DoubleRange): void {
    this.context.requires('1.7', 'ChartSeries.setXAxisValues');
    this.invoke(
      'setXAxisValues',
      [sourceData],
      (t) => (t.series.xValues = boundsOn(this.sheet(), sourceData, 'ChartSeries.setXAxisValues')),
    );
  }

  get format(): { fill: { setSolidColor: (color: string) => void }; line: { color: string } } {
    const assignLine = (color: string) =>
      this.assign('format.line.color', color, (t) => {
        if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw invalidArgument(`colour '${color}'`, 'ChartLineFormat.color');
        t.series.line = color.toUpperCase();
      });
    return {
      line: {
        get color(): string {
          throw new Error('ChartLineFormat.color is not read by the adapter');
        },
        set color(value: string) {
          assignLine(value);
        },
      },
      fill: {
        setSolidColor: (color: string) =>
          this.invoke('format.fill.setSolidColor', [color], (t) => {
            if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw invalidArgument(`colour '${color}'`, 'ChartFill.setSolidColor');
            t.series.fill = color.toUpperCase();
          }),
      },
    };
  }
}
