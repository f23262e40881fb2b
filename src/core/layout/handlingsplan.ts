import type { Finding } from '../findings/types';
import type { Area, Plan, Ref, Strategy } from '../model/plan';
import { normalizeKey } from '../text/keys';
import { formatDate } from '../text/dates';
import { formatFindingValue } from '../text/figures';
import { rangeAddress } from '../util/brand';
import { PAGE_WIDTH } from './fit';
import { address, Grid, refKey } from './grid';
import { effektHandlingsplan } from './effekt';
import { marked, notesOf, writeNotes } from './merknader';
import { banner, printedSheet, sectionTitle, type SheetInput } from './sheet';
import {
  incompleteCell,
  lostAreaFrame,
  lostBudget,
  lostReallocations,
  markMissing,
  missingCell,
  unplacedBudget,
  unplacedFrames,
  unplacedSources,
} from './unknownCells';
import { hasReallocations, writeMoves, type MoveColumns } from './reallocations';
import { framesAfterReallocations } from '../count/reallocations';
import { charactersFor, columnPoints, formattedNumber, longestWord, textWidth } from './metrics';
import { STYLE } from './styles';
import type { Anchor, CellStyle, SheetLayout } from './types';

/** Sheet name defaults to `Handlingsplan {year}`. */
export type HandlingsplanInput = SheetInput;

/** Least widths of the sheet's columns, in characters; the text widens them where it needs (see ./fit). */
const LABEL_WIDTH = 18;
const STRATEGY_WIDTH = 12;
const SUM_WIDTH = 11;
/** Text tables (§2.3, §4, the error list) need room for a label, a name and a description side by side. */
const MIN_COLUMNS = 5;
/** Of the page's width, what tables may take: the rest is headroom for renderers that measure wider. */
const USABLE_WIDTH = PAGE_WIDTH * 0.96;

export function handlingsplanSheetName(year: number): string {
  return `Handlingsplan ${year}`;
}

/**
 * The board's *Handlingsplan {år}*: the seed's tables rebuilt from the validated data. Every number is the
 * model's value, every sum a live SUM over the generated cells, so the sheet always adds up even where the
 * input's declared sums did not — those input cells are marked and the banner says the sheet is a draft.
 */
export function buildHandlingsplan(input: HandlingsplanInput): SheetLayout {
  const { plan, year } = input;
  const sheet = input.sheet ?? handlingsplanSheetName(year);
  const thematic = strategiesOf(plan, 'tematisk');
  const support = strategiesOf(plan, 'stotte');
  const thematicBlocks = planBlocks(plan, year, thematic);
  const supportBlocks = planBlocks(plan, year, support);
  // A block's columns: the labels, its strategies, and in the table's last block the Sum column.
  const rightOf = (blocks: Block[]): number[] => blocks.map((b, i) => b.strategies.length + (i === blocks.length - 1 ? 2 : 1));
  const lastColumn = Math.max(MIN_COLUMNS, ...rightOf(thematicBlocks), ...rightOf(supportBlocks));
  const grid = new Grid();
  const anchors: Anchor[] = [];
  const errors = input.findings.filter((f) => f.severity === 'feil');
  const programName = plan.program.name?.value ?? '';

  grid.text(1, 1, programName ? `Handlingsplan ${year} – ${programName}` : `Handlingsplan ${year}`, STYLE.title);
  grid.merge(1, 1, 1, lastColumn);
  grid.height(1, 24);
  banner(grid, errors.length, input.generatedAt, lastColumn);

  const ctx: Ctx = { grid, plan, year, lastColumn, anchors, sheet, blocks: [] };
  let row = 4;
  row = strategyTable(ctx, row);
  row = jobTargetTable(ctx, row + 2);
  row = effektTable(ctx, row + 2);
  row = areaTable(ctx, row + 2, thematicBlocks, {
    title: `Tematiske innsatsområder – aktivitet, budsjett og delmål/mål ${year}`,
    anchor: 'Tematiske',
    withTargets: true,
    notes: 'thematic',
  });
  row = areaTable(ctx, row + 2, supportBlocks, {
    title: `Støtteområder – aktivitet, budsjett og delmål/mål ${year}`,
    anchor: 'Stotteomrader',
    withTargets: false,
    notes: 'support',
  });
  // §4 in the seed's order: the financing, then the budget frame with its notes.
  row = financingTable(ctx, row + 2);
  row = frameTable(ctx, row + 2);
  if (errors.length > 0) errorList(ctx, row + 2, errors);
  const marks = [...markErrors(grid, errors), ...markMissing(grid)];

  const minimum = new Map<number, number>([[1, LABEL_WIDTH]]);
  for (let c = 2; c <= lastColumn; c++) minimum.set(c, STRATEGY_WIDTH);
  return {
    sheet,
    ...printedSheet(
      grid,
      { minimum, lastColumn, width: USABLE_WIDTH },
      { blocks: ctx.blocks },
      {
        header: `${programName || 'Handlingsplan'} – Handlingsplan ${year}`,
        footer: `Generert ${formatDateTime(input.generatedAt)} · side &P av &N`,
      },
    ),
    anchors,
    marker: { kind: 'handlingsplan', year, inputDigest: input.inputDigest, generatedAt: input.generatedAt },
    marks,
  };
}

interface Ctx {
  grid: Grid;
  plan: Plan;
  year: number;
  lastColumn: number;
  anchors: Anchor[];
  sheet: string;
  /** rows that belong together on a printed page: a heading and its table */
  blocks: { top: number; bottom: number }[];
  /** the generated job table's period total, once written (with at least one næring) */
  jobTotal?: { row: number; column: number };
}

function strategiesOf(plan: Plan, type: Area['type']): Strategy[] {
  const areas = new Set(plan.areas.filter((a) => a.type === type).map((a) => a.nr));
  return plan.strategies.filter((s) => areas.has(s.area)).sort((a, b) => a.area - b.area);
}

function anchor(ctx: Ctx, name: string, top: number, bottom: number, right = ctx.lastColumn): void {
  ctx.anchors.push({ name: `HP${ctx.year}_${name}`, range: rangeAddress(top, 1, Math.max(top, bottom), right) });
}

function section(ctx: Ctx, row: number, title: string): void {
  sectionTitle(ctx.grid, row, title);
}

/** Rows `top`–`bottom` print on one page when they fit on one. */
function keepTogether(ctx: Ctx, top: number, bottom: number): void {
  ctx.blocks.push({ top, bottom: Math.max(top, bottom) });
}

function areaLabel(area: Area): string {
  return `${area.nr}. ${area.name}`;
}

// ---- §2.3 strategies ------------------------------------------------------------------------------

function strategyTable(ctx: Ctx, start: number): number {
  const { grid, plan, lastColumn } = ctx;
  section(ctx, start, 'Strategier');
  const header = start + 1;
  grid.text(header, 1, 'Innsatsområde', STYLE.header);
  grid.text(header, 2, 'Strategi', STYLE.header);
  grid.styleBlock(header, 2, header, 3, STYLE.header);
  grid.merge(header, 2, header, 3);
  grid.text(header, 4, 'Beskrivelse', STYLE.header);
  grid.styleBlock(header, 4, header, lastColumn, STYLE.header);
  grid.merge(header, 4, header, lastColumn);
  let row = header + 1;
  for (const [type, title] of [
    ['tematisk', 'Tematiske innsatsområder med arbeidsplassmål'],
    ['stotte', 'Støtteområder'],
  ] as const) {
    const areas = plan.areas.filter((a) => a.type === type);
    if (areas.length === 0) continue;
    grid.text(row, 1, title, STYLE.group);
    grid.styleBlock(row, 1, row, lastColumn, STYLE.group);
    grid.merge(row, 1, row, lastColumn);
    row += 1;
    for (const area of areas) {
      const strategies = plan.strategies.filter((s) => s.area === area.nr);
      const first = row;
      grid.text(row, 1, areaLabel(area), STYLE.label);
      for (const s of strategies) {
        grid.text(row, 2, `${s.code}. ${s.name}`, { ...STYLE.text, bold: true });
        grid.styleBlock(row, 2, row, 3, STYLE.text);
        grid.merge(row, 2, row, 3);
        grid.text(row, 4, s.description, STYLE.text);
        grid.styleBlock(row, 4, row, lastColumn, STYLE.text);
        grid.merge(row, 4, row, lastColumn);
        row += 1;
      }
      const last = Math.max(first, row - 1);
      grid.styleBlock(first, 1, last, 1, STYLE.label);
      grid.merge(first, 1, last, 1);
      if (strategies.length === 0) row += 1;
    }
  }
  anchor(ctx, 'Strategier', header, row - 1);
  const end = writeNotes(grid, row, lastColumn, notesOf(plan, 'strategies')) - 1;
  keepTogether(ctx, start, end);
  return end;
}

// ---- §2.1 job targets -------------------------------------------------------------------------------

function periodYears(plan: Plan, fallback: number): number[] {
  const first = plan.program.firstYear?.value;
  const last = plan.program.lastYear?.value;
  if (first !== undefined && last !== undefined && last >= first && last - first <= 20)
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const years = plan.jobTargets?.years ?? [];
  return years.length > 0 ? years : [fallback];
}

function jobTargetTable(ctx: Ctx, start: number): number {
  const { grid, plan } = ctx;
  section(ctx, start, 'Arbeidsplassmål per næring og år');
  const header = start + 1;
  const years = periodYears(plan, ctx.year);
  const sumCol = 2 + years.length;
  grid.text(header, 1, 'Prioriterte næringer/år', STYLE.header);
  years.forEach((y, i) => grid.text(header, 2 + i, String(y), STYLE.header));
  grid.text(header, sumCol, 'Sum', STYLE.header);
  let row = header + 1;
  const targetRows = plan.jobTargets?.rows ?? [];
  const naeringer =
    plan.naeringer.length > 0
      ? plan.naeringer.map((n) => ({ label: `${n.nr}. ${n.name}`, name: n.name }))
      : targetRows.map((r) => ({ label: r.naering.value, name: r.naering.value }));
  const firstBody = row;
  for (const n of naeringer) {
    const target = targetRows.find((r) => normalizeKey(r.naering.value) === normalizeKey(n.name));
    grid.text(row, 1, n.label, STYLE.label);
    let rowTotal = 0;
    years.forEach((y, i) => {
      const cell = target?.byYear.get(y);
      const lost = plan.unknowns.filter(
        (u) =>
          u.what.table === 'jobTargets' &&
          !u.what.sum &&
          !u.what.total &&
          u.what.year === y &&
          u.what.naering !== null &&
          normalizeKey(u.what.naering) === normalizeKey(n.name),
      );
      if (cell) {
        grid.number(row, 2 + i, cell.value, STYLE.count, cell);
        rowTotal += cell.value;
      } else if (lost.length > 0) {
        missingCell(grid, row, 2 + i, lost, STYLE.count);
      } else {
        grid.text(row, 2 + i, '', STYLE.count);
      }
    });
    grid.formula(row, sumCol, `SUM(${address(row, 2)}:${address(row, sumCol - 1)})`, rowTotal, STYLE.totalCount, target?.declaredSum);
    row += 1;
  }
  const lastBody = row - 1;
  grid.text(row, 1, 'Sum arbeidsplasser pr år og totalt', STYLE.totalLabel);
  const totals = plan.jobTargets;
  for (let c = 2; c <= sumCol; c++) {
    const year = years[c - 2];
    const declared = year === undefined ? totals?.declaredTotal : totals?.declaredYearSums.get(year);
    const value = sumColumnValues(grid, firstBody, lastBody, c);
    grid.formula(
      row,
      c,
      lastBody >= firstBody ? `SUM(${address(firstBody, c)}:${address(lastBody, c)})` : '0',
      value,
      STYLE.totalCount,
      declared,
    );
  }
  anchor(ctx, 'Arbeidsplassmal', header, row, sumCol);
  if (lastBody >= firstBody) ctx.jobTotal = { row, column: sumCol };
  const end = writeNotes(grid, row + 1, ctx.lastColumn, notesOf(plan, 'jobTargets')) - 1;
  keepTogether(ctx, start, end);
  return end;
}

// ---- §2.4 effect goals ----------------------------------------------------------------------------------

function effektTable(ctx: Ctx, start: number): number {
  const end = effektHandlingsplan(ctx.grid, ctx.plan, ctx.year, start, ctx.lastColumn, ctx.jobTotal);
  keepTogether(ctx, start, end);
  return end;
}

/** The value a generated column sum gives, from the cells already placed. */
function sumColumnValues(grid: Grid, top: number, bottom: number, column: number): number {
  let total = 0;
  for (let r = top; r <= bottom; r++) total += cellNumber(grid, r, column);
  return total;
}

function cellNumber(grid: Grid, row: number, column: number): number {
  const v = grid.cells.get(`${row}:${column}`)?.value;
  if (!v) return 0;
  return v.kind === 'number' ? v.number : v.kind === 'formula' && typeof v.result === 'number' ? v.result : 0;
}

// ---- §3 thematic and support areas ----------------------------------------------------------------------

interface AreaTableOptions {
  title: string;
  anchor: string;
  withTargets: boolean;
  /** the Merknader table whose notes go under it */
  notes: 'thematic' | 'support';
}

/**
 * One page-wide part of an area table: whole innsatsområder side by side (or part of one that is too wide
 * alone), with the row labels repeated. A table that fits the page is one block, as in the seed; a wider one
 * is split rather than printed in small type. The last block carries the Sum column of the whole table.
 */
interface Block {
  strategies: Strategy[];
}

/** Points a strategy's column needs: its header's and its own texts' widest words, and its budget. */
function strategyNeed(plan: Plan, year: number, strategy: Strategy): number {
  const own = [...plan.tiltak, ...plan.delmal].filter(
    (t) => t.year === year && t.strategies.length === 1 && t.strategies[0] === strategy.code,
  );
  const budget = plan.budget.find((b) => b.year === year && b.strategy.value === strategy.code)?.amount.value ?? 0;
  return Math.max(
    longestWord(`${strategy.code}. ${strategy.name}`, STYLE.header),
    ...own.map((t) => longestWord(t.text, STYLE.text)),
    textWidth(formattedNumber(budget, STYLE.kroner.numberFormat), STYLE.totalKroner),
  );
}

/**
 * The blocks of an area table. The parts are the innsatsområder in order (an area too wide for a page alone is
 * cut between its strategies); the fewest blocks that fit the page are chosen, and among those the split
 * whose widest block is narrowest, so the blocks come out alike (areas 1–2 and 3–4, not 1–3 and 4). A block
 * fits when the label column, its strategies and the Sum column fit the page width — and, since the blocks
 * share the sheet's columns, when the widest strategy at each position over all blocks does too.
 */
function planBlocks(plan: Plan, year: number, strategies: Strategy[]): Block[] {
  if (strategies.length === 0) return [];
  const need = new Map(
    strategies.map((s) => [s.code, Math.max(columnPoints(STRATEGY_WIDTH), columnPoints(charactersFor(strategyNeed(plan, year, s))))]),
  );
  const room = USABLE_WIDTH - columnPoints(LABEL_WIDTH) - columnPoints(SUM_WIDTH);
  const width = (list: readonly Strategy[]): number => list.reduce((n, s) => n + (need.get(s.code) ?? 0), 0);
  const parts: Strategy[][] = [];
  for (const area of plan.areas) {
    let part: Strategy[] = [];
    for (const strategy of strategies.filter((s) => s.area === area.nr)) {
      if (part.length > 0 && width([...part, strategy]) > room) {
        parts.push(part);
        part = [];
      }
      part.push(strategy);
    }
    if (part.length > 0) parts.push(part);
  }
  const sheetFits = (blocks: Strategy[][]): boolean => {
    const positions: number[] = [];
    for (const block of blocks) block.forEach((s, i) => (positions[i] = Math.max(positions[i] ?? 0, need.get(s.code) ?? 0)));
    return positions.reduce((a, b) => a + b, 0) <= room;
  };
  for (let count = 1; count <= parts.length; count++) {
    const best = bestSplit(parts, count, width, room, sheetFits);
    if (best !== undefined) return best.map((b) => ({ strategies: b }));
  }
  return parts.map((p) => ({ strategies: p }));
}

/**
 * Of the ways to cut `parts` in order into `count` blocks, each no wider than `room`, the one whose widest
 * block is narrowest and that `accept`s; undefined when there is none. Programmes have a handful of areas,
 * so trying every cut is cheap; with more than 12 parts only the first cuts are tried.
 */
function bestSplit(
  parts: readonly Strategy[][],
  count: number,
  widthOf: (list: Strategy[]) => number,
  room: number,
  accept: (blocks: Strategy[][]) => boolean,
): Strategy[][] | undefined {
  let best: { blocks: Strategy[][]; widest: number } | undefined;
  let tried = 0;
  const cut = (from: number, left: number, acc: Strategy[][]): void => {
    if (tried > 5000) return;
    if (left === 1) {
      tried += 1;
      const blocks = [...acc, parts.slice(from).flat()];
      const widest = Math.max(...blocks.map(widthOf));
      if (widest <= room && (best === undefined || widest < best.widest) && accept(blocks)) best = { blocks, widest };
      return;
    }
    for (let end = from + 1; end <= parts.length - left + 1; end++) cut(end, left - 1, [...acc, parts.slice(from, end).flat()]);
  };
  cut(0, count, []);
  return best?.blocks;
}

/** Where the figures of one block are, for the Sum column and the totals of the whole table. */
interface BlockRows {
  budget: number;
  sum: number;
  /** the row of each strategy's budget change from the year before */
  change: number;
  left: number;
  right: number;
  /** næring name → its row in this block */
  targets: Map<string, number>;
  /** the row of the resultatmål sums */
  targetSum?: number;
  /** the first and last rows of the resultatmål per næring */
  targetRange?: { first: number; last: number };
  /** area number → its strategies' columns in this block */
  parts: Map<number, { left: number; right: number }>;
}

function areaTable(ctx: Ctx, start: number, blocks: Block[], options: AreaTableOptions): number {
  const { grid, lastColumn } = ctx;
  section(ctx, start, options.title);
  if (blocks.length === 0) {
    grid.text(start + 1, 1, 'Ingen strategier registrert.', STYLE.note);
    keepTogether(ctx, start, start + 1);
    return start + 1;
  }
  const done: BlockRows[] = [];
  let row = start + 1;
  let top = start;
  let first = start + 1;
  blocks.forEach((block, i) => {
    const last = i === blocks.length - 1;
    if (i > 0) {
      row += 1;
      top = row;
      section(ctx, row, `${options.title} (forts.)`);
      row += 1;
    }
    if (i === 0) first = row;
    const rows = blockTable(
      ctx,
      row,
      block,
      options,
      done,
      last,
      blocks.flatMap((b) => b.strategies),
    );
    done.push(rows);
    row = (rows.targetSum ?? rows.change) + 1;
    keepTogether(ctx, top, row - 1);
  });
  anchor(ctx, options.anchor, first, row - 1);
  const notes = notesOf(ctx.plan, options.notes);
  if (notes.length > 0) {
    const notesTop = row;
    row = writeNotes(grid, row, lastColumn, notes);
    // The notes print with the table they explain.
    const lastBlock = ctx.blocks.pop();
    keepTogether(ctx, lastBlock?.top ?? notesTop, row - 1);
  }
  return row - 1;
}

/**
 * One block: the area and strategy headers, tiltak, delmål, budget and area sums, and with targets the
 * resultatmål per næring. `previous` is given for the last block, which adds the Sum column over them all.
 */
function blockTable(
  ctx: Ctx,
  start: number,
  block: Block,
  options: AreaTableOptions,
  done: BlockRows[],
  isLast: boolean,
  all: Strategy[],
): BlockRows {
  const { grid, plan, year } = ctx;
  const tableAreas = all.map((s) => s.area);
  const previous = isLast ? done : undefined;
  const strategies = block.strategies;
  const columnOf = new Map(strategies.map((s, i) => [s.code, 2 + i]));
  const right = 1 + strategies.length;
  const sumColumn = previous === undefined ? undefined : right + 1;
  const groups = areaGroups(plan, strategies, columnOf, all);
  const h1 = start;
  const h2 = h1 + 1;
  grid.text(h1, 1, 'Innsatsområde', STYLE.header);
  for (const g of groups) {
    grid.text(h1, g.left, g.continued ? `${areaLabel(g.area)} (forts.)` : areaLabel(g.area), STYLE.header);
    grid.styleBlock(h1, g.left, h1, g.right, STYLE.header);
    grid.merge(h1, g.left, h1, g.right);
  }
  if (sumColumn !== undefined) {
    grid.text(h1, sumColumn, 'Sum', STYLE.header);
    grid.styleBlock(h1, sumColumn, h2, sumColumn, STYLE.header);
    grid.merge(h1, sumColumn, h2, sumColumn);
  }
  grid.text(h2, 1, 'Strategier', STYLE.header);
  for (const s of strategies) grid.text(h2, columnOf.get(s.code) ?? 2, `${s.code}. ${s.name}`, STYLE.header);

  let row = h2 + 1;
  const notes = notesOf(plan, options.notes);
  row = packedTexts(
    ctx,
    row,
    marked('Tiltak og prosjekter', notes),
    plan.tiltak.filter((t) => t.year === year),
    columnOf,
  );
  row = packedTexts(
    ctx,
    row,
    marked(`Delmål ${year}`, notes),
    plan.delmal.filter((d) => d.year === year),
    columnOf,
  );

  const budgetRow = row;
  grid.text(budgetRow, 1, marked(`Budsjett ${year}`, notes), STYLE.label);
  for (const s of strategies) {
    const line = plan.budget.find((b) => b.year === year && b.strategy.value === s.code);
    const column = columnOf.get(s.code) ?? 2;
    const lost = lostBudget(plan, year, s.code);
    if (line) grid.number(budgetRow, column, line.amount.value, STYLE.kroner, line.amount);
    else if (lost.length > 0) missingCell(grid, budgetRow, column, lost, STYLE.kroner);
    else {
      grid.text(budgetRow, column, '', STYLE.kroner);
      // No line of its own, but a line whose strategy cannot be read may be this strategy's.
      incompleteCell(grid, budgetRow, column, unplacedBudget(plan, year, [s.area]));
    }
  }
  if (sumColumn !== undefined) grid.text(budgetRow, sumColumn, '', STYLE.kroner);
  const sumRow = budgetRow + 1;
  grid.text(sumRow, 1, 'Sum', STYLE.totalLabel);
  const rows: BlockRows = {
    budget: budgetRow,
    sum: sumRow,
    change: sumRow + 1,
    left: 2,
    right,
    targets: new Map(),
    parts: new Map(groups.map((g) => [g.area.nr, { left: g.left, right: g.right }])),
  };
  for (const g of groups) {
    if (g.continues) {
      partSumPending(grid, sumRow, g, STYLE.totalKroner);
      continue;
    }
    // An area cut over blocks is summed where its last part is, over all its parts.
    const ranges = [...done, rows].flatMap((b) => {
      const part = b.parts.get(g.area.nr);
      return part === undefined ? [] : [{ row: b.budget, ...part }];
    });
    const value = ranges.reduce((n, r) => n + sumColumnRange(grid, r.row, r.left, r.right), 0);
    const frame = plan.frames.find((f) => f.year === year && f.line.kind === 'area' && f.line.area === g.area.nr);
    grid.formula(
      sumRow,
      g.left,
      `SUM(${ranges.map((r) => `${address(r.row, r.left)}:${address(r.row, r.right)}`).join(',')})`,
      value,
      STYLE.totalKroner,
      frame?.amount,
    );
    // A budget line whose strategy (or year) cannot be read may be this area's: its sum is then incomplete.
    incompleteCell(grid, sumRow, g.left, unplacedBudget(plan, year, [g.area.nr]));
    grid.styleBlock(sumRow, g.left, sumRow, g.right, STYLE.totalKroner);
    grid.merge(sumRow, g.left, sumRow, g.right);
  }
  if (sumColumn !== undefined && previous !== undefined) {
    const all = [...previous, rows];
    const ranges = all.map((b) => `${address(b.budget, b.left)}:${address(b.budget, b.right)}`).join(',');
    const total = all.reduce((n, b) => n + sumColumnRange(grid, b.budget, b.left, b.right), 0);
    grid.formula(sumRow, sumColumn, `SUM(${ranges})`, total, STYLE.totalKroner);
    incompleteCell(grid, sumRow, sumColumn, unplacedBudget(plan, year, tableAreas));
  }
  changeRow(ctx, rows.change, strategies, columnOf, rows, previous, sumColumn);
  if (options.withTargets) targetRows(ctx, rows.change + 1, strategies, columnOf, groups, rows, done, isLast);
  return rows;
}

/**
 * Each strategy's budget change from the year before (`Budsjett {år}` − `Budsjett {år − 1}`; a strategy without a
 * line in a year had no budget that year), and in the last block their total as a live SUM. The first year of the
 * period has no year before it, and a workbook may hold no budget for it: the row says so instead of showing
 * every budget as a change from 0. A budget that cannot be read in either year is shown as missing.
 */
function changeRow(
  ctx: Ctx,
  row: number,
  strategies: Strategy[],
  columnOf: Map<string, number>,
  rows: BlockRows,
  previous: BlockRows[] | undefined,
  sumColumn: number | undefined,
): void {
  const { grid, plan, year } = ctx;
  const before = year - 1;
  grid.text(row, 1, `Endring fra ${before}`, STYLE.label);
  const right = sumColumn ?? rows.right;
  const unknownIn = (y: number, code: string) =>
    plan.unknowns.filter(
      (u) =>
        u.what.table === 'budget' && (u.what.year === y || u.what.year === null) && (u.what.strategy === code || u.what.strategy === null),
    );
  const firstYear = plan.program.firstYear?.value;
  const hasBefore =
    plan.budget.some((b) => b.year === before) || plan.unknowns.some((u) => u.what.table === 'budget' && u.what.year === before);
  if ((firstYear !== undefined && year <= firstYear) || !hasBefore) {
    const text =
      firstYear !== undefined && year <= firstYear
        ? `Første år i perioden: ingen budsjett for ${before} å sammenligne med`
        : `Ingen budsjett for ${before} i arbeidsboka å sammenligne med`;
    grid.text(row, 2, text, { ...STYLE.kroner, italic: true, horizontal: 'left', wrap: true });
    grid.styleBlock(row, 2, row, right, STYLE.kroner);
    grid.merge(row, 2, row, right);
    return;
  }
  const amountOf = (y: number, code: string) => plan.budget.find((b) => b.year === y && b.strategy.value === code)?.amount.value;
  for (const s of strategies) {
    const column = columnOf.get(s.code) ?? 2;
    const lost = [...unknownIn(year, s.code), ...unknownIn(before, s.code)];
    const now = amountOf(year, s.code);
    const then = amountOf(before, s.code);
    if (lost.length > 0) missingCell(grid, row, column, lost, STYLE.kroner);
    else if (now === undefined && then === undefined) grid.text(row, column, '', STYLE.kroner);
    else grid.number(row, column, (now ?? 0) - (then ?? 0), STYLE.kroner);
  }
  if (sumColumn !== undefined && previous !== undefined) {
    const all = [...previous, rows];
    const total = all.reduce((n, b) => n + sumColumnRange(grid, b.change, b.left, b.right), 0);
    grid.formula(
      row,
      sumColumn,
      `SUM(${all.map((b) => `${address(b.change, b.left)}:${address(b.change, b.right)}`).join(',')})`,
      total,
      STYLE.totalKroner,
    );
  }
}

interface AreaGroup {
  area: Area;
  left: number;
  right: number;
  /** the area began in an earlier block (it was too wide for one page) */
  continued: boolean;
  /** the area goes on in a later block: its sums are there */
  continues: boolean;
}

function areaGroups(plan: Plan, strategies: Strategy[], columnOf: Map<string, number>, all: readonly Strategy[]): AreaGroup[] {
  const groups: AreaGroup[] = [];
  for (const area of plan.areas) {
    const here = strategies.filter((s) => s.area === area.nr);
    if (here.length === 0) continue;
    const columns = here.map((s) => columnOf.get(s.code) ?? 0);
    const everywhere = all.filter((s) => s.area === area.nr);
    groups.push({
      area,
      left: Math.min(...columns),
      right: Math.max(...columns),
      continued: everywhere[0] !== here[0],
      continues: everywhere[everywhere.length - 1] !== here[here.length - 1],
    });
  }
  return groups;
}

/** The sum cell of an area's part when the area goes on in the next block: it says where the sum is. */
function partSumPending(grid: Grid, row: number, g: AreaGroup, style: CellStyle): void {
  grid.text(row, g.left, 'Sum i neste del', { ...style, italic: true, horizontal: 'center', wrap: true });
  grid.styleBlock(row, g.left, row, g.right, style);
  grid.merge(row, g.left, row, g.right);
}

function sumColumnRange(grid: Grid, row: number, left: number, right: number): number {
  let total = 0;
  for (let c = left; c <= right; c++) total += cellNumber(grid, row, c);
  return total;
}

/**
 * Tiltak and delmål texts packed into rows: each text spans the columns of its strategies in this block
 * (merged when it names several, as G–H in the seed) and goes into the first row where those columns are
 * still free.
 */
function packedTexts(
  ctx: Ctx,
  start: number,
  label: string,
  items: { strategies: string[]; text: string; ref: Ref }[],
  columnOf: Map<string, number>,
): number {
  const { grid } = ctx;
  const rows: { used: Set<number>; items: { left: number; right: number; text: string; ref: Ref }[] }[] = [];
  for (const item of items) {
    const columns = item.strategies.map((c) => columnOf.get(c)).filter((c): c is number => c !== undefined);
    if (columns.length === 0) continue;
    const left = Math.min(...columns);
    const right = Math.max(...columns);
    const span = Array.from({ length: right - left + 1 }, (_, i) => left + i);
    let target = rows.find((r) => span.every((c) => !r.used.has(c)));
    if (!target) {
      target = { used: new Set(), items: [] };
      rows.push(target);
    }
    span.forEach((c) => target.used.add(c));
    target.items.push({ left, right, text: item.text, ref: item.ref });
  }
  const count = Math.max(1, rows.length);
  const lastStrategyColumn = Math.max(1, ...columnOf.values());
  for (let i = 0; i < count; i++) {
    const row = start + i;
    grid.styleBlock(row, 2, row, lastStrategyColumn, STYLE.text);
    for (const item of rows[i]?.items ?? []) {
      grid.text(row, item.left, item.text, STYLE.text);
      grid.merge(row, item.left, row, item.right);
      grid.source(item.ref, row, item.left);
    }
  }
  grid.text(start, 1, label, STYLE.label);
  grid.styleBlock(start, 1, start + count - 1, 1, STYLE.label);
  grid.merge(start, 1, start + count - 1, 1);
  return start + count;
}

/**
 * The resultatmål per næring: a heading row, one row per næring named in the label column, and the sums per
 * area; in the last block the Sum column adds each næring's row over all blocks.
 */
function targetRows(
  ctx: Ctx,
  start: number,
  strategies: Strategy[],
  columnOf: Map<string, number>,
  groups: AreaGroup[],
  rows: BlockRows,
  done: BlockRows[],
  isLast: boolean,
): void {
  const { grid, plan, year } = ctx;
  const previous = isLast ? done : undefined;
  const data = (plan.resultatmal?.rows ?? []).filter((r) => r.year === year);
  const naeringer = plan.naeringer.length > 0 ? plan.naeringer.map((n) => n.name) : data.map((r) => r.naering.value);
  const sumColumn = previous === undefined ? undefined : rows.right + 1;
  const right = sumColumn ?? rows.right;
  grid.text(start, 1, `${marked('Resultatmål', notesOf(plan, 'thematic'))} – arbeidsplasser per næring`, STYLE.group);
  grid.styleBlock(start, 1, start, right, STYLE.group);
  grid.merge(start, 1, start, right);
  let row = start + 1;
  for (const name of naeringer) {
    const found = data.find((r) => normalizeKey(r.naering.value) === normalizeKey(name));
    grid.text(row, 1, name, STYLE.label);
    grid.styleBlock(row, 2, row, rows.right, STYLE.count);
    for (const s of strategies) {
      const cell = found?.byStrategy.get(s.code);
      const lost = plan.unknowns.filter(
        (u) =>
          u.what.table === 'resultatmal' &&
          u.what.year === year &&
          u.what.strategy === s.code &&
          u.what.naering !== null &&
          normalizeKey(u.what.naering) === normalizeKey(name),
      );
      if (cell) grid.number(row, columnOf.get(s.code) ?? 2, cell.value, STYLE.count, cell);
      else if (lost.length > 0) missingCell(grid, row, columnOf.get(s.code) ?? 2, lost, STYLE.count);
    }
    rows.targets.set(normalizeKey(name), row);
    if (sumColumn !== undefined && previous !== undefined) {
      const all = [...previous, rows];
      const ranges = all.flatMap((b) => {
        const r = b.targets.get(normalizeKey(name));
        return r === undefined ? [] : [{ r, b }];
      });
      const total = ranges.reduce((n, { r, b }) => n + sumColumnRange(grid, r, b.left, b.right), 0);
      grid.formula(
        row,
        sumColumn,
        `SUM(${ranges.map(({ r, b }) => `${address(r, b.left)}:${address(r, b.right)}`).join(',')})`,
        total,
        STYLE.totalCount,
        found?.declaredSum,
      );
    }
    row += 1;
  }
  const first = start + 1;
  const last = row - 1;
  rows.targetRange = { first, last };
  grid.text(row, 1, 'Sum', STYLE.totalLabel);
  for (const g of groups) {
    if (g.continues) {
      partSumPending(grid, row, g, STYLE.totalCount);
      continue;
    }
    const ranges = [...done, rows].flatMap((b) => {
      const part = b.parts.get(g.area.nr);
      return part === undefined || b.targetRange === undefined || b.targetRange.last < b.targetRange.first
        ? []
        : [{ ...b.targetRange, ...part }];
    });
    let value = 0;
    for (const r of ranges) for (let x = r.first; x <= r.last; x++) value += sumColumnRange(grid, x, r.left, r.right);
    const declared = plan.resultatmalSums.find((s) => s.year === year && s.area === g.area.nr);
    const formula =
      ranges.length > 0 ? `SUM(${ranges.map((r) => `${address(r.first, r.left)}:${address(r.last, r.right)}`).join(',')})` : '0';
    grid.formula(row, g.left, formula, value, STYLE.totalCount, declared?.jobs);
    grid.styleBlock(row, g.left, row, g.right, STYLE.totalCount);
    grid.merge(row, g.left, row, g.right);
  }
  if (sumColumn !== undefined) {
    const total = plan.resultatmalSums.find((s) => s.year === year && s.area === null);
    grid.formula(
      row,
      sumColumn,
      last >= first ? `SUM(${address(first, sumColumn)}:${address(last, sumColumn)})` : '0',
      sumColumnValues(grid, first, last, sumColumn),
      STYLE.totalCount,
      total?.jobs,
    );
  }
  rows.targetSum = row;
}

// ---- §4 frame and financing ------------------------------------------------------------------------------

function frameTable(ctx: Ctx, start: number): number {
  const { grid, plan, year } = ctx;
  section(ctx, start, `Budsjett ${year}`);
  const header = start + 1;
  const amountColumn = 4;
  // With reallocations in the year, a second column gives each frame after them (the moves are listed below).
  const after = hasReallocations(plan, year) ? framesAfterReallocations(plan, year) : null;
  const afterColumn = 5;
  const columns = after === null ? [amountColumn] : [amountColumn, afterColumn];
  // A reallocation row that cannot be read may have moved any area's frame: every figure after it is incomplete.
  const lostMoves = after === null ? [] : lostReallocations(plan, year);
  labelCell(grid, header, 'Tematisk innsatsområde', STYLE.header);
  grid.text(header, amountColumn, `Ramme ${year}`, STYLE.header);
  if (after !== null) grid.text(header, afterColumn, 'Etter omdisponering', STYLE.header);
  const frames = plan.frames.filter((f) => f.year === year);
  let row = header + 1;
  const firstArea = row;
  for (const area of plan.areas) {
    const frame = frames.find((f) => f.line.kind === 'area' && f.line.area === area.nr);
    const lost = lostAreaFrame(plan, year, area.nr);
    labelCell(grid, row, areaLabel(area), STYLE.text);
    if (frame) grid.number(row, amountColumn, frame.amount.value, STYLE.kroner, frame.amount);
    else if (lost.length > 0) missingCell(grid, row, amountColumn, lost, STYLE.kroner);
    else grid.text(row, amountColumn, '', STYLE.kroner);
    if (after !== null) {
      const moved = after.get(area.nr);
      // An unreadable frame stays unknown after the moves: a move into it gives no figure for the whole.
      if (lost.length > 0 && !frame) missingCell(grid, row, afterColumn, lost, STYLE.kroner);
      else if (moved !== undefined) grid.number(row, afterColumn, moved, STYLE.kroner);
      else grid.text(row, afterColumn, '', STYLE.kroner);
      if (!(lost.length > 0 && !frame)) incompleteCell(grid, row, afterColumn, lostMoves);
    }
    row += 1;
  }
  const lastArea = row - 1;
  const areasRow = row;
  labelCell(grid, areasRow, 'Sum innsatsområder', STYLE.totalLabel);
  const declaredAreas = frames.find((f) => f.line.kind === 'sum-areas');
  for (const c of columns) {
    const declared = c === amountColumn ? declaredAreas?.amount : undefined;
    grid.formula(
      areasRow,
      c,
      `SUM(${address(firstArea, c)}:${address(lastArea, c)})`,
      sumColumnValues(grid, firstArea, lastArea, c),
      STYLE.totalKroner,
      declared,
    );
    // A frame line whose post or year cannot be read has no row: it may be an area's, so the sums are incomplete.
    incompleteCell(grid, areasRow, c, unplacedFrames(plan, year, ['area']));
  }
  row += 1;
  const firstCost = row;
  const notes = notesOf(plan, 'frame');
  for (const cost of frames.filter((f) => f.line.kind === 'cost')) {
    labelCell(grid, row, marked(cost.post.value, notes), STYLE.text);
    grid.number(row, amountColumn, cost.amount.value, STYLE.kroner, cost.amount);
    // A reallocation moves money between the areas only: a cost line stays as it is.
    if (after !== null) grid.formula(row, afterColumn, address(row, amountColumn), cost.amount.value, STYLE.kroner);
    row += 1;
  }
  // A cost line whose amount cannot be read still has its row: shown as missing, so the total says it is incomplete.
  for (const lost of plan.unknowns.filter((u) => u.what.table === 'frames' && u.what.year === year && u.what.line?.kind === 'cost')) {
    labelCell(grid, row, marked(lost.label ?? `${lost.sheet}!${lost.cell}`, notes), STYLE.text);
    for (const c of columns) missingCell(grid, row, c, [lost], STYLE.kroner);
    row += 1;
  }
  const lastCost = row - 1;
  const totalRow = row;
  labelCell(grid, totalRow, 'Sum totalt', STYLE.totalLabel);
  const declaredTotal = frames.find((f) => f.line.kind === 'sum-total');
  for (const c of columns) {
    const costs = lastCost >= firstCost ? `+SUM(${address(firstCost, c)}:${address(lastCost, c)})` : '';
    const value = cellNumber(grid, areasRow, c) + (lastCost >= firstCost ? sumColumnValues(grid, firstCost, lastCost, c) : 0);
    grid.formula(
      totalRow,
      c,
      `${address(areasRow, c)}${costs}`,
      value,
      STYLE.totalKroner,
      c === amountColumn ? declaredTotal?.amount : undefined,
    );
    incompleteCell(grid, totalRow, c, unplacedFrames(plan, year, ['cost']));
  }
  anchor(ctx, 'Ramme', header, totalRow, columns[columns.length - 1]);
  // The frame's notes (the workbook's Merknader for Budsjett: the seed's 1) and 2)) print with it, then the year's moves.
  const afterNotes = writeNotes(grid, totalRow + 1, ctx.lastColumn, notes);
  // The moves as a table of their own, a row apart, with the amounts under the frames' figures.
  const moves: MoveColumns = { date: [1, 1], from: [2, 2], to: [3, 3], amount: amountColumn, decision: [afterColumn, ctx.lastColumn] };
  const listed = writeMoves(grid, afterNotes + 1, moves, plan, year);
  const end = (listed === afterNotes + 1 ? afterNotes : listed) - 1;
  keepTogether(ctx, start, end);
  return end;
}

function labelCell(grid: Grid, row: number, text: string, style: CellStyle): void {
  grid.text(row, 1, text, style);
  grid.styleBlock(row, 1, row, 3, style);
  grid.merge(row, 1, row, 3);
}

function financingTable(ctx: Ctx, start: number): number {
  const { grid, plan, year } = ctx;
  section(ctx, start, `Finansiering ${year} (tall i millioner)`);
  const header = start + 1;
  const amountColumn = 4;
  labelCell(grid, header, 'Finansieringskilde', STYLE.header);
  grid.text(header, amountColumn, String(year), STYLE.header);
  const lines = plan.financing.filter((f) => f.year === year);
  let row = header + 1;
  const first = row;
  for (const source of lines.filter((f) => !f.isSum)) {
    labelCell(grid, row, source.source.value, STYLE.text);
    grid.number(row, amountColumn, source.amount.value / 1_000_000, STYLE.millions, source.amount);
    row += 1;
  }
  for (const lost of plan.unknowns.filter((u) => u.what.table === 'financing' && u.what.year === year && u.what.isSum === false)) {
    labelCell(grid, row, lost.label ?? `${lost.sheet}!${lost.cell}`, STYLE.text);
    missingCell(grid, row, amountColumn, [lost], STYLE.millions);
    row += 1;
  }
  const last = row - 1;
  labelCell(grid, row, 'SUM', STYLE.totalLabel);
  const declared = lines.find((f) => f.isSum);
  grid.formula(
    row,
    amountColumn,
    last >= first ? `SUM(${address(first, amountColumn)}:${address(last, amountColumn)})` : '0',
    last >= first ? sumColumnValues(grid, first, last, amountColumn) : 0,
    STYLE.totalMillions,
    declared?.amount,
  );
  incompleteCell(grid, row, amountColumn, unplacedSources(plan, year));
  anchor(ctx, 'Finansiering', header, row, amountColumn);
  const end = writeNotes(grid, row + 1, ctx.lastColumn, notesOf(plan, 'financing')) - 1;
  keepTogether(ctx, start, end);
  return end;
}

/** The draft's errors, listed under the tables so the board can see what the draft is waiting for. */
function errorList(ctx: Ctx, start: number, errors: readonly Finding[]): number {
  const { grid, lastColumn } = ctx;
  section(ctx, start, 'Avvik i grunnlaget');
  const header = start + 1;
  labelCell(grid, header, 'Celle i grunnlaget', STYLE.header);
  grid.text(header, 4, 'Avvik', STYLE.header);
  grid.styleBlock(header, 4, header, lastColumn, STYLE.header);
  grid.merge(header, 4, header, lastColumn);
  let row = header + 1;
  for (const f of errors) {
    const text = findingText(f);
    labelCell(grid, row, `${f.sheet}!${f.cell}`, STYLE.text);
    grid.text(row, 4, text, STYLE.text);
    grid.styleBlock(row, 4, row, lastColumn, STYLE.text);
    grid.merge(row, 4, row, lastColumn);
    row += 1;
  }
  anchor(ctx, 'Avvik', header, row - 1);
  keepTogether(ctx, start, row - 1);
  return row - 1;
}

function findingText(f: Finding): string {
  const expected = f.expected !== null ? ` Forventet ${formatFindingValue(f.expected)}` : '';
  const actual = f.actual !== null ? `${expected === '' ? ' Faktisk' : ', faktisk'} ${formatFindingValue(f.actual)}` : '';
  return `${f.message.nb}${expected}${actual}${expected !== '' || actual !== '' ? '.' : ''}`;
}

// ---- marks and dates --------------------------------------------------------------------------------------

function markErrors(grid: Grid, errors: readonly Finding[]): SheetLayout['marks'] {
  const marks: SheetLayout['marks'] = [];
  for (const f of errors) {
    const positions = grid.sources.get(refKey(f)) ?? [];
    const note = `${findingText(f)} (${f.sheet}!${f.cell})`;
    for (const p of positions) {
      marks.push({ row: p.row, column: p.column, note });
      const cell = grid.cells.get(`${p.row}:${p.column}`);
      if (cell) cell.style = { ...cell.style, ...STYLE.marked };
    }
  }
  return marks;
}

function formatDateTime(iso: string): string {
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? `${formatDate(iso)} ${time}` : formatDate(iso);
}
