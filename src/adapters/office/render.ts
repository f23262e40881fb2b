import { notesByCell } from '../../core/layout/notes';
import type { Anchor, ChartSeries, LayoutCell, LayoutChart, SheetLayout } from '../../core/layout/types';
import { cellAddress, columnLetters, rangeAddress } from '../../core/util/brand';
import type { RenderOutcome } from '../port';
import { COMMAND_BYTES, chunks, jsonBytes, packSteps, rectangles, sendBatches, type Position, type WriteStep } from './batches';
import { headerFooterText } from '../headerFooter';
import { errorCode, unsupported } from './errors';
import { characterWidthToPoints, STYLE_PROPERTIES, textCell } from './format';
import { MARKER_NAME, markerFormula, parseMarker } from './marker';
import { EXCEL_API, type ExcelRun, type RequirementCheck } from './run';

/**
 * renderLayout over Office.js in at most three round trips for any sheet that fits in one request:
 *  1. the sheet names, and which of the layout's anchor names exist already;
 *  2. only when a sheet of that name exists: its marker (ours → replace it, the user's → use "Name (2)");
 *  3. everything else in one batch, with screen updating suspended: a new sheet, its marker, number formats
 *     and values as 2-D arrays (text cells formatted '@' first, so text is never read as a formula or a
 *     number), formulas, styles per rectangle, merges, sizes, panes, charts, notes on marked cells and anchors;
 *  4. print setup and page breaks in a batch of their own (ExcelApi 1.9), guarded: Excel does not roll a
 *     failed batch back, so a refusal there (a printer driver, an odd header) must not leave the sheet half
 *     written — the sheet is complete without them, and the outcome says print setup was left out.
 * Calculation is not suspended: suspendApiCalculationUntilNextSync leaves recalculating to the add-in, and a
 * board sheet whose totals show stale values until the user presses F9 would be a confident false figure.
 * A layout too big for one 5 MB request is written in as many more round trips as it needs.
 */

export interface RenderOptions {
  run: ExcelRun;
  isSupported: RequirementCheck;
  maxRequestBytes: number;
}

interface Target {
  name: string;
  /** our own earlier sheet of that name, and where it stood */
  replace?: { sheet: Excel.Worksheet; position: number };
  renamedFrom?: string;
}

export async function renderLayout(layout: SheetLayout, options: RenderOptions): Promise<RenderOutcome> {
  // The marker and the anchors are names, which Office.js can look up and add from ExcelApi 1.4 on.
  if (!options.isSupported(EXCEL_API.sheetNames)) throw unsupported();
  return options.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    const anchors = layout.anchors.map((a) => context.workbook.names.getItemOrNullObject(a.name));
    await context.sync();
    const target = await chooseTarget(context, layout.sheet, sheets.items);

    let fresh: Excel.Worksheet | undefined;
    const sheet = (): Excel.Worksheet => {
      if (fresh === undefined) throw new Error('The sheet is created by the first step');
      return fresh;
    };
    const structure: WriteStep = {
      bytes: COMMAND_BYTES * (8 + anchors.length),
      queue: () => {
        fresh = queueSheet(context, layout, target, anchors);
      },
    };
    const steps = [structure, ...layoutSteps(context, sheet, layout, options)];
    await sendBatches(context, packSteps(steps, options.maxRequestBytes), () => suspendUpdates(context, options.isSupported));
    const outcome: RenderOutcome = { sheet: target.name, replaced: target.replace !== undefined };
    if (target.renamedFrom !== undefined) outcome.renamedFrom = target.renamedFrom;
    if (options.isSupported(EXCEL_API.pageLayout) && !(await printSetupApplied(context, sheet(), layout))) outcome.printSetupSkipped = true;
    return outcome;
  });
}

/** Screen updating (1.9) waits until the batch is applied: one repaint. Calculation is left on (see above). */
function suspendUpdates(context: Excel.RequestContext, isSupported: RequirementCheck): void {
  if (isSupported(EXCEL_API.suspendScreenUpdating)) context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

/**
 * Print setup in its own round trip, after the sheet is complete. A refusal is not the user's loss: the
 * sheet stands, and the pane says the print setup is missing. Only Excel's own refusals (a RichApi error
 * with a code) are swallowed; anything else is a bug and goes on.
 */
async function printSetupApplied(context: Excel.RequestContext, sheet: Excel.Worksheet, layout: SheetLayout): Promise<boolean> {
  printSetup(sheet, layout.print, layout.rowBreaks ?? []);
  try {
    await context.sync();
    return true;
  } catch (error) {
    if (errorCode(error) === undefined) throw error;
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Which sheet

/** `Name`, `Name (2)`, `Name (3)`…, shortened so the whole stays within Excel's 31 characters. */
export function candidateName(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = ` (${n})`;
  return `${base.slice(0, 31 - suffix.length)}${suffix}`;
}

/**
 * The first of Name, Name (2), … that is free or ours. Markers are read only when the name is taken, so a
 * first render costs no extra round trip.
 */
async function chooseTarget(context: Excel.RequestContext, base: string, sheets: Excel.Worksheet[]): Promise<Target> {
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const taken: Excel.Worksheet[] = [];
  for (let n = 1; ; n++) {
    const sheet = byName.get(candidateName(base, n).toLowerCase());
    if (sheet === undefined) break;
    taken.push(sheet);
  }
  const free = { name: candidateName(base, taken.length + 1), ...(taken.length > 0 ? { renamedFrom: base } : {}) };
  if (taken.length === 0) return free;

  const markers = taken.map((sheet) => ({
    sheet: sheet.load('position'),
    marker: sheet.names.getItemOrNullObject(MARKER_NAME).load('value'),
  }));
  await context.sync();
  const ours = markers.findIndex(({ sheet, marker }) => !marker.isNullObject && parseMarker(sheet.name, marker.value) !== undefined);
  const found = markers[ours];
  if (found === undefined) return free;
  const target: Target = { name: candidateName(base, ours + 1), replace: { sheet: found.sheet, position: found.sheet.position } };
  if (ours > 0) target.renamedFrom = base;
  return target;
}

/**
 * The new sheet. When it replaces our old one it is added under a temporary name first, so the workbook never
 * has no sheet and the two names never clash, then takes the old one's name and place. The marker goes in
 * with the first batch, so even a sheet a failure left half-written is known as ours and replaced next time.
 */
function queueSheet(context: Excel.RequestContext, layout: SheetLayout, target: Target, anchors: Excel.NamedItem[]): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  const fresh = target.replace ? sheets.add() : sheets.add(target.name);
  fresh.names.add(MARKER_NAME, markerFormula(layout.marker)).visible = false;
  // The anchors are the add-in's names (HP{year}_…): the old ones point at the sheet being replaced.
  for (const anchor of anchors) if (!anchor.isNullObject) anchor.delete();
  if (target.replace) {
    target.replace.sheet.delete();
    fresh.name = target.name;
    fresh.position = target.replace.position;
  }
  fresh.activate();
  return fresh;
}

// ---------------------------------------------------------------------------------------------------------
// The layout as write steps

function layoutSteps(
  context: Excel.RequestContext,
  sheet: () => Excel.Worksheet,
  layout: SheetLayout,
  options: RenderOptions,
): WriteStep[] {
  return [
    ...contentSteps(sheet, layout.cells, options.maxRequestBytes),
    ...formulaSteps(sheet, layout.cells),
    ...styleSteps(sheet, layout.cells),
    ...chunks(layout.merges, 200).map((merges): WriteStep => ({
      bytes: merges.length * COMMAND_BYTES,
      queue: () => merges.forEach((m) => sheet().getRange(m).merge(false)),
    })),
    sizeStep(sheet, layout),
    viewStep(sheet, layout, options.isSupported),
    ...chartSteps(sheet, layout.charts ?? [], options.isSupported),
    ...noteSteps(sheet, layout.marks, options.isSupported),
    anchorStep(context, sheet, layout.anchors),
  ];
}

interface Grid {
  top: number;
  left: number;
  bottom: number;
  right: number;
  cells: Map<string, LayoutCell>;
}

function gridOf(cells: readonly LayoutCell[]): Grid | undefined {
  if (cells.length === 0) return undefined;
  const grid: Grid = { top: Infinity, left: Infinity, bottom: 0, right: 0, cells: new Map() };
  for (const cell of cells) {
    grid.top = Math.min(grid.top, cell.row);
    grid.left = Math.min(grid.left, cell.column);
    grid.bottom = Math.max(grid.bottom, cell.row);
    grid.right = Math.max(grid.right, cell.column);
    grid.cells.set(`${cell.row}:${cell.column}`, cell);
  }
  return grid;
}

/** A cell's number format: '@' for text (see textCell), so Excel stores it exactly as given; the style's format otherwise. */
function formatOf(cell: LayoutCell | undefined): string {
  if (cell === undefined) return 'General';
  if (cell.value.kind === 'text' && textCell(cell.value.text).format === '@') return '@';
  return cell.style?.numberFormat ?? 'General';
}

/** What `values` gets: text and numbers; null (leave as is) for empty and formula cells, which are written apart. */
function inputOf(cell: LayoutCell | undefined): string | number | null {
  if (cell === undefined) return null;
  if (cell.value.kind === 'text') return textCell(cell.value.text).input;
  if (cell.value.kind === 'number') return Number.isFinite(cell.value.number) ? cell.value.number : null;
  return null;
}

/**
 * The values as 2-D arrays over the layout's bounding box, number formats first. Row blocks keep each
 * assignment under half a request, so a huge layout is split while a normal one is a single block.
 */
function contentSteps(sheet: () => Excel.Worksheet, cells: readonly LayoutCell[], budget: number): WriteStep[] {
  const grid = gridOf(cells);
  if (grid === undefined) return [];
  const steps: WriteStep[] = [];
  let block: { top: number; formats: string[][]; values: (string | number | null)[][]; bytes: number } | undefined;
  const flush = () => {
    if (block === undefined) return;
    const { top, formats, values, bytes } = block;
    const address = rangeAddress(top, grid.left, top + formats.length - 1, grid.right);
    const formatBytes = jsonBytes(formats);
    steps.push({
      bytes: formatBytes + COMMAND_BYTES,
      queue: () => {
        sheet().getRange(address).numberFormat = formats;
      },
    });
    steps.push({
      bytes: bytes - formatBytes + COMMAND_BYTES,
      queue: () => {
        sheet().getRange(address).values = values;
      },
    });
    block = undefined;
  };
  for (let row = grid.top; row <= grid.bottom; row++) {
    const formats: string[] = [];
    const values: (string | number | null)[] = [];
    for (let column = grid.left; column <= grid.right; column++) {
      const cell = grid.cells.get(`${row}:${column}`);
      formats.push(formatOf(cell));
      values.push(inputOf(cell));
    }
    const bytes = jsonBytes(formats) + jsonBytes(values);
    if (block !== undefined && block.bytes + bytes > budget / 2) flush();
    block ??= { top: row, formats: [], values: [], bytes: 0 };
    block.formats.push(formats);
    block.values.push(values);
    block.bytes += bytes;
  }
  flush();
  return steps;
}

/** Formulas through `formulas`, one assignment per run of adjacent formula cells in a row. */
function formulaSteps(sheet: () => Excel.Worksheet, cells: readonly LayoutCell[]): WriteStep[] {
  const runs: { row: number; left: number; formulas: string[] }[] = [];
  for (const cell of [...cells].sort((a, b) => a.row - b.row || a.column - b.column)) {
    if (cell.value.kind !== 'formula') continue;
    const formula = `=${cell.value.formula.replace(/^=/, '')}`;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.row === cell.row && last.left + last.formulas.length === cell.column) last.formulas.push(formula);
    else runs.push({ row: cell.row, left: cell.column, formulas: [formula] });
  }
  return chunks(runs, 200).map((group) => ({
    bytes: group.reduce((n, run) => n + jsonBytes(run.formulas) + COMMAND_BYTES, 0),
    queue: () => {
      for (const run of group)
        sheet().getRange(rangeAddress(run.row, run.left, run.row, run.left + run.formulas.length - 1)).formulas = [run.formulas];
    },
  }));
}

/** Each style property, each of its values on the rectangles of cells that share it. */
function styleSteps(sheet: () => Excel.Worksheet, cells: readonly LayoutCell[]): WriteStep[] {
  const steps: WriteStep[] = [];
  for (const property of STYLE_PROPERTIES) {
    const byValue = new Map<string | number | boolean, Position[]>();
    for (const cell of cells) {
      const value = cell.style === undefined ? undefined : property.of(cell.style);
      if (value === undefined) continue;
      const list = byValue.get(value) ?? [];
      list.push(cell);
      byValue.set(value, list);
    }
    for (const [value, positions] of byValue) {
      for (const group of chunks(rectangles(positions), 100)) {
        steps.push({
          bytes: group.length * property.commands * COMMAND_BYTES,
          queue: () => {
            for (const r of group)
              property.apply(
                sheet().getRange(rangeAddress(r.top, r.left, r.bottom, r.right)),
                value,
                r.bottom - r.top + 1,
                r.right - r.left + 1,
              );
          },
        });
      }
    }
  }
  return steps;
}

/** Runs of equal sizes: adjacent columns (rows) of one width (height) are set with one command. */
function sizeRuns(sizes: readonly { at: number; size: number }[]): { from: number; to: number; size: number }[] {
  const runs: { from: number; to: number; size: number }[] = [];
  for (const { at, size } of [...sizes].sort((a, b) => a.at - b.at)) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.to === at - 1 && last.size === size) last.to = at;
    else runs.push({ from: at, to: at, size });
  }
  return runs;
}

function sizeStep(sheet: () => Excel.Worksheet, layout: SheetLayout): WriteStep {
  const widths = sizeRuns(layout.columnWidths.map((w) => ({ at: w.column, size: w.width })));
  const heights = sizeRuns(layout.rowHeights.map((h) => ({ at: h.row, size: h.height })));
  return {
    bytes: (widths.length + heights.length) * COMMAND_BYTES,
    queue: () => {
      for (const w of widths)
        sheet().getRange(`${columnLetters(w.from)}:${columnLetters(w.to)}`).format.columnWidth = characterWidthToPoints(w.size);
      for (const h of heights) sheet().getRange(`${h.from}:${h.to}`).format.rowHeight = h.size;
    },
  };
}

/** Frozen panes (ExcelApi 1.7); an older Excel renders the sheet without them. Print setup is a batch of its own. */
function viewStep(sheet: () => Excel.Worksheet, layout: SheetLayout, isSupported: RequirementCheck): WriteStep {
  return {
    bytes: 4 * COMMAND_BYTES,
    queue: () => {
      if (isSupported(EXCEL_API.freezePanes)) freeze(sheet(), layout.freeze);
    },
  };
}

function freeze(sheet: Excel.Worksheet, panes: SheetLayout['freeze']): void {
  if (panes === undefined || (panes.rows === 0 && panes.columns === 0)) return;
  if (panes.columns === 0) sheet.freezePanes.freezeRows(panes.rows);
  else if (panes.rows === 0) sheet.freezePanes.freezeColumns(panes.columns);
  else sheet.freezePanes.freezeAt(rangeAddress(1, 1, panes.rows, panes.columns));
}

function printSetup(sheet: Excel.Worksheet, print: SheetLayout['print'], rowBreaks: readonly number[]): void {
  const page = sheet.pageLayout;
  page.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = print.paper;
  // One page wide, as many pages tall as it takes. Only the width is given: the typings document null, not
  // 0, for "automatic" height, and Microsoft's own samples set the one dimension alone.
  if (print.fitToWidth) page.zoom = { horizontalFitToPages: 1 };
  if (print.titleRows) page.setPrintTitleRows(`$${print.titleRows.from}:$${print.titleRows.to}`);
  for (const row of rowBreaks) sheet.horizontalPageBreaks.add(`A${row}`);
  // `&` starts a header code ("Forsk & Utvikling" would lose its `&`), and Excel takes at most 255 characters.
  page.headersFooters.defaultForAllPages.centerHeader = headerFooterText(print.header);
  page.headersFooters.defaultForAllPages.centerFooter = headerFooterText(print.footer);
}

/**
 * Charts through the chart API: created from the first series' cells, then each series named, given its
 * category labels and colour, and the others added. Naming series and setting their cells needs ExcelApi
 * 1.7; an older Excel gets the sheet without the chart rather than a chart with wrong labels.
 */
function chartSteps(sheet: () => Excel.Worksheet, charts: readonly LayoutChart[], isSupported: RequirementCheck): WriteStep[] {
  if (!isSupported(EXCEL_API.chartSeries)) return [];
  return charts.map((chart) => ({
    bytes: (10 + 5 * chart.series.length) * COMMAND_BYTES + jsonBytes([chart.title, chart.series.map((s) => s.name)]),
    queue: () => addChart(sheet(), chart),
  }));
}

function addChart(sheet: Excel.Worksheet, chart: LayoutChart): void {
  const [first, ...others] = chart.series;
  if (first === undefined) return;
  const added = sheet.charts.add(chart.kind === 'line' ? 'Line' : 'ColumnClustered', sheet.getRange(first.range), 'Columns');
  added.name = chart.name;
  added.title.text = chart.title;
  added.legend.position = 'Bottom';
  // Values on the columns; a line over years reads from its axis (labels on every point would crowd it).
  added.dataLabels.showValue = chart.kind !== 'line';
  if (chart.valueAxisTitle !== undefined) added.axes.valueAxis.title.text = chart.valueAxisTitle;
  const { top, left, bottom, right } = chart.placement;
  added.setPosition(rangeAddress(top, left, top, left), rangeAddress(bottom, right, bottom, right));
  const categories = sheet.getRange(chart.categories.range);
  describeSeries(added.series.getItemAt(0), first, categories, chart.kind);
  for (const series of others) {
    const more = added.series.add(series.name);
    more.setValues(sheet.getRange(series.range));
    describeSeries(more, series, categories, chart.kind);
  }
}

function describeSeries(target: Excel.ChartSeries, series: ChartSeries, categories: Excel.Range, kind: LayoutChart['kind']): void {
  target.name = series.name;
  target.setXAxisValues(categories);
  target.format.fill.setSolidColor(`#${series.color}`);
  if (kind === 'line') target.format.line.color = `#${series.color}`;
}

/**
 * A note on each marked cell of a draft, saying which error it stands for (ExcelApi 1.18; an older Excel
 * shows the red marks and the error list without notes). Marks on one cell share one note.
 */
function noteSteps(sheet: () => Excel.Worksheet, marks: SheetLayout['marks'], isSupported: RequirementCheck): WriteStep[] {
  if (marks.length === 0 || !isSupported(EXCEL_API.notes)) return [];
  const notes = notesByCell(marks).map((n): [string, string] => [cellAddress(n.row, n.column), n.text]);
  return chunks(notes, 200).map((group) => ({
    bytes: group.reduce((n, [address, text]) => n + COMMAND_BYTES + jsonBytes([address, text]), 0),
    queue: () => {
      for (const [address, text] of group) sheet().notes.add(address, text);
    },
  }));
}

/** Anchors are workbook names, so a link or a formula elsewhere can point at a generated table. */
function anchorStep(context: Excel.RequestContext, sheet: () => Excel.Worksheet, anchors: readonly Anchor[]): WriteStep {
  return {
    bytes: anchors.length * COMMAND_BYTES,
    queue: () => {
      for (const anchor of anchors) context.workbook.names.add(anchor.name, sheet().getRange(anchor.range));
    },
  };
}
