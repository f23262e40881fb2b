/**
 * Type that can be read, words that stay whole and rows that hold their text — for every cell of both board
 * documents of the sample, the demo and a second, much wider programme. Text is measured with Calibri's
 * metrics (Carlito's); a word wider than its cell's columns would break inside, a row lower than its lines
 * would spill, a sheet wider than A4 landscape would be shrunk to fit.
 */
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import { buildStyrerapport } from '../../src/core/layout/styrerapport';
import {
  DEFAULT_HEIGHT,
  PAGE_WIDTH,
  neededHeight,
  shownText,
  sheetWidth,
  spanOf,
  spansOf,
  spanTextPoints,
} from '../../src/core/layout/fit';
import { DEFAULT_SIZE, textWidth, wordsOf } from '../../src/core/layout/metrics';
import type { LayoutCell, SheetLayout } from '../../src/core/layout/types';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';
import { inputDigest } from '../../src/core/digest';
import { WIDE_YEAR, widePlan } from '../support/widePlan';

const PROGRAMMES: [string, () => WorkbookData, number][] = [
  ['the sample', hallingdalSample, 2022],
  ['the demo', hallingdalDemo, 2022],
  ['a second programme (16 strategies, 6 næringer, 2023–2026)', widePlan, WIDE_YEAR],
];

function documents(data: WorkbookData, year: number): SheetLayout[] {
  const snap = snapshotFromData(data);
  const result = validateWorkbook(snap, { year, today: '2026-11-27' });
  const input = { plan: result.plan, year, findings: result.findings, inputDigest: inputDigest(snap), generatedAt: '2026-11-27T10:00:00Z' };
  return [buildHandlingsplan(input), buildStyrerapport(input)];
}

const CASES = PROGRAMMES.flatMap(([name, data, year]) =>
  documents(data(), year).map((layout): [string, SheetLayout] => [`${layout.sheet} of ${name}`, layout]),
);

function widthsOf(layout: SheetLayout): Map<number, number> {
  return new Map(layout.columnWidths.map((w) => [w.column, w.width]));
}

/** Where a cell's text does not fit: the word that would break, or the number Excel would show as ####. */
function brokenWords(layout: SheetLayout): string[] {
  const widths = widthsOf(layout);
  const spans = spansOf(layout.merges);
  return layout.cells.flatMap((cell) => {
    const text = shownText(cell);
    if (text === '') return [];
    const span = spanOf(cell, spans);
    const room = spanTextPoints(widths, span.left, span.right);
    const wraps = cell.style?.wrap === true;
    // A heading without border or fill runs on over the empty cells to its right, as headings do.
    const runsOn = !wraps && cell.value.kind === 'text' && cell.style?.border !== true && cell.style?.fill === undefined;
    if (runsOn) return [];
    const pieces = wraps ? wordsOf(text) : [text];
    return pieces
      .filter((w) => textWidth(w, cell.style) > room)
      .map((w) => `${cellName(cell)} "${w}" needs ${textWidth(w, cell.style).toFixed(1)} pt, has ${room.toFixed(1)}`);
  });
}

/** Cells whose lines need more height than the rows they span have. */
function spilling(layout: SheetLayout): string[] {
  const widths = widthsOf(layout);
  const spans = spansOf(layout.merges);
  const heights = new Map(layout.rowHeights.map((h) => [h.row, h.height]));
  return layout.cells.flatMap((cell) => {
    const span = spanOf(cell, spans);
    if (cell.style?.wrap !== true && span.top === span.bottom && span.left === span.right) return [];
    const need = neededHeight(cell, widths, spans);
    let have = 0;
    for (let r = span.top; r <= span.bottom; r++) have += heights.get(r) ?? DEFAULT_HEIGHT;
    return need > have + 0.01 ? [`${cellName(cell)} needs ${need} pt, rows give ${have}`] : [];
  });
}

function cellName(cell: LayoutCell): string {
  return `R${cell.row}C${cell.column}`;
}

function lastColumn(layout: SheetLayout): number {
  return Math.max(...layout.cells.map((c) => c.column), ...layout.merges.map((m) => spansOf([m]).values().next().value?.right ?? 0));
}

describe.each(CASES)('%s', (_name, layout) => {
  test('no word is wider than its cell: none breaks inside, no number shows as ####', () => {
    expect(brokenWords(layout)).toEqual([]);
  });

  test('every wrapped or merged cell has the height its lines need', () => {
    expect(spilling(layout)).toEqual([]);
  });

  test('the sheet fits A4 landscape at 100 %, so no text prints under 8 pt', () => {
    const width = sheetWidth(widthsOf(layout), lastColumn(layout));
    expect(width).toBeLessThanOrEqual(PAGE_WIDTH);
    const scale = Math.min(1, PAGE_WIDTH / width);
    const smallest = Math.min(...layout.cells.filter((c) => shownText(c) !== '').map((c) => (c.style?.size ?? DEFAULT_SIZE) * scale));
    expect(smallest).toBeGreaterThanOrEqual(8);
  });

  test('title rows repeat on every printed page', () => {
    expect(layout.print.titleRows).toEqual({ from: 1, to: 2 });
  });
});

test("the second programme's thematic table is split into page-wide blocks of whole areas, row labels repeated", () => {
  const [handlingsplan] = documents(widePlan(), WIDE_YEAR);
  const labels = handlingsplan!.cells.filter((c) => c.column === 1 && c.value.kind === 'text' && c.value.text === `Budsjett ${WIDE_YEAR}`);
  // thematic blocks (at least two: 14 strategies do not fit one page) and the support table
  expect(labels.length).toBeGreaterThanOrEqual(3);
  const headers = handlingsplan!.cells.filter(
    (c) => c.row > 1 && c.column === 1 && c.value.kind === 'text' && c.value.text === 'Strategier',
  );
  expect(headers.length).toBe(labels.length);
});

test('an area too wide for a page alone is cut between its strategies, and summed once, over all its parts', () => {
  const [handlingsplan] = documents(widePlan(), WIDE_YEAR);
  const layout = handlingsplan!;
  const text = (t: string) => layout.cells.filter((c) => c.value.kind === 'text' && c.value.text === t);
  // area 2 has seven strategies: 300 000, 150 000, 200 000, 250 000, 300 000, 150 000, 200 000 (widePlan's budget(i), i = 3…9)
  expect(text('2. Innovasjon og næringsutvikling')).toHaveLength(3); // the strategy table, the first part's header, the frame
  expect(text('2. Innovasjon og næringsutvikling (forts.)')).toHaveLength(1);
  expect(text('Sum i neste del').length).toBeGreaterThanOrEqual(2); // the budget sum and the resultatmål sum
  const sums = layout.cells.filter((c) => c.value.kind === 'formula' && c.value.formula.includes(',') && c.value.result === 1550000);
  expect(sums).toHaveLength(1);
});
