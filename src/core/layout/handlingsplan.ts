import type { Finding } from '../findings/types';
import type { Area, Plan, Ref, Strategy } from '../model/plan';
import { normalizeKey } from '../parse/header';
import { rangeAddress } from '../util/brand';
import { address, Grid, linesFor, refKey } from './grid';
import { STYLE } from './styles';
import type { Anchor, CellStyle, SheetLayout } from './types';

export interface HandlingsplanInput {
  plan: Plan;
  year: number;
  /** the findings of validating the same input: errors make the sheet a draft and mark their cells */
  findings: readonly Finding[];
  inputDigest: string;
  /** ISO date-time of generation, passed in: the core reads no clock */
  generatedAt: string;
  /** sheet name; defaults to `Handlingsplan {year}` */
  sheet?: string;
}

/** The seed's notes under the thematic table (§3, notes 1 and 2). */
export const NOTE_DELMAL = '1) Delmål er delvis konkrete målsettinger, delvis aktivitetsmål, altså et uttrykk for ønskelig aktivitet nødvendig for å nå det overordnede arbeidsplassmålet.';
export const NOTE_RESULTATMAL = '2) Måltall for arbeidsplasser er knyttet til de viktigste næringer i Hallingdal, men her er forsøkt illustrert de tematiske innsatsområdenes innflytelse på måloppnåelse.';

const LABEL_WIDTH = 24;
const STRATEGY_WIDTH = 16;
const SUM_WIDTH = 12;
const NAERING_WIDTH = 20;
const LINE_HEIGHT = 15;
/** The strategy table needs room for area, strategy and description side by side. */
const MIN_STRATEGY_COLUMNS = 4;

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
  const strategyColumns = Math.max(MIN_STRATEGY_COLUMNS, thematic.length, support.length);
  const sumColumn = 2 + strategyColumns;
  const lastColumn = sumColumn + 1;
  const grid = new Grid();
  const anchors: Anchor[] = [];
  const errors = input.findings.filter((f) => f.severity === 'feil');
  const programName = plan.program.name?.value ?? '';

  grid.text(1, 1, programName ? `Handlingsplan ${year} – ${programName}` : `Handlingsplan ${year}`, STYLE.title);
  grid.merge(1, 1, 1, lastColumn);
  grid.height(1, 24);
  banner(grid, errors.length, input.generatedAt, lastColumn);

  const ctx: Ctx = { grid, plan, year, lastColumn, sumColumn, anchors, sheet };
  let row = 4;
  row = strategyTable(ctx, row);
  row = jobTargetTable(ctx, row + 2);
  row = areaTable(ctx, row + 2, thematic, { title: `Tematiske innsatsområder – aktivitet, budsjett og delmål/mål ${year}`, anchor: 'Tematiske', withTargets: true });
  // The support areas, the frame and the financing start a page of their own, as in the seed (§3, §4).
  const supportStart = row + 2;
  row = areaTable(ctx, supportStart, support, { title: `Støtteområder – aktivitet, budsjett og delmål/mål ${year}`, anchor: 'Stotteomrader', withTargets: false });
  row = frameTable(ctx, row + 2);
  row = financingTable(ctx, row + 2);
  if (errors.length > 0) errorList(ctx, row + 2, errors);
  const marks = markErrors(grid, errors);

  return {
    sheet,
    cells: grid.sortedCells(),
    merges: grid.merges,
    columnWidths: [
      { column: 1, width: LABEL_WIDTH },
      ...Array.from({ length: strategyColumns }, (_, i) => ({ column: 2 + i, width: STRATEGY_WIDTH })),
      { column: sumColumn, width: SUM_WIDTH },
      { column: lastColumn, width: NAERING_WIDTH },
    ],
    rowHeights: [...grid.rowHeights].map(([r, height]) => ({ row: r, height })).sort((a, b) => a.row - b.row),
    freeze: { rows: 2, columns: 0 },
    rowBreaks: [supportStart],
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: { from: 1, to: 2 },
      header: `${programName || 'Handlingsplan'} – Handlingsplan ${year}`,
      footer: `Generert ${formatDateTime(input.generatedAt)} · side &P av &N`,
    },
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
  sumColumn: number;
  anchors: Anchor[];
  sheet: string;
}

function strategiesOf(plan: Plan, type: Area['type']): Strategy[] {
  const areas = new Set(plan.areas.filter((a) => a.type === type).map((a) => a.nr));
  return plan.strategies.filter((s) => areas.has(s.area)).sort((a, b) => a.area - b.area);
}

/** Row 2 of every generated sheet: a draft warning with the error count, or when it was validated. */
export function banner(grid: Grid, errorCount: number, generatedAt: string, lastColumn: number): void {
  const date = formatDate(generatedAt);
  const text = errorCount > 0 ? `Utkast – ${errorCount} feil i grunnlaget (${date})` : `Validert ${date}`;
  grid.text(2, 1, text, errorCount > 0 ? STYLE.bannerDraft : STYLE.bannerOk);
  grid.styleBlock(2, 1, 2, lastColumn, errorCount > 0 ? STYLE.bannerDraft : STYLE.bannerOk);
  grid.merge(2, 1, 2, lastColumn);
  grid.height(2, 20);
}

function anchor(ctx: Ctx, name: string, top: number, bottom: number, right = ctx.lastColumn): void {
  ctx.anchors.push({ name: `HP${ctx.year}_${name}`, range: rangeAddress(top, 1, Math.max(top, bottom), right) });
}

function section(ctx: Ctx, row: number, title: string): void {
  ctx.grid.text(row, 1, title, STYLE.section);
  ctx.grid.height(row, 18);
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
  const descriptionWidth = (lastColumn - 4) * STRATEGY_WIDTH + NAERING_WIDTH;
  for (const [type, title] of [['tematisk', 'Tematiske innsatsområder med arbeidsplassmål'], ['stotte', 'Støtteområder']] as const) {
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
        grid.height(row, LINE_HEIGHT * Math.max(linesFor(s.description, descriptionWidth), linesFor(`${s.code}. ${s.name}`, 2 * STRATEGY_WIDTH)));
        row += 1;
      }
      const last = Math.max(first, row - 1);
      grid.styleBlock(first, 1, last, 1, STYLE.label);
      grid.merge(first, 1, last, 1);
      if (strategies.length === 0) row += 1;
    }
  }
  anchor(ctx, 'Strategier', header, row - 1);
  return row - 1;
}

// ---- §2.1 job targets -------------------------------------------------------------------------------

function periodYears(plan: Plan, fallback: number): number[] {
  const first = plan.program.firstYear?.value;
  const last = plan.program.lastYear?.value;
  if (first !== undefined && last !== undefined && last >= first && last - first <= 20) return Array.from({ length: last - first + 1 }, (_, i) => first + i);
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
  const naeringer = plan.naeringer.length > 0 ? plan.naeringer.map((n) => ({ label: `${n.nr}. ${n.name}`, name: n.name })) : targetRows.map((r) => ({ label: r.naering.value, name: r.naering.value }));
  const firstBody = row;
  for (const n of naeringer) {
    const target = targetRows.find((r) => normalizeKey(r.naering.value) === normalizeKey(n.name));
    grid.text(row, 1, n.label, STYLE.label);
    let rowTotal = 0;
    years.forEach((y, i) => {
      const cell = target?.byYear.get(y);
      if (cell) {
        grid.number(row, 2 + i, cell.value, STYLE.count, cell);
        rowTotal += cell.value;
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
    grid.formula(row, c, lastBody >= firstBody ? `SUM(${address(firstBody, c)}:${address(lastBody, c)})` : '0', value, STYLE.totalCount, declared);
  }
  anchor(ctx, 'Arbeidsplassmal', header, row, sumCol);
  return row;
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
  return v.kind === 'number' ? v.number : v.kind === 'formula' ? v.result : 0;
}

// ---- §3 thematic and support areas ----------------------------------------------------------------------

interface AreaTableOptions {
  title: string;
  anchor: string;
  withTargets: boolean;
}

function areaTable(ctx: Ctx, start: number, strategies: Strategy[], options: AreaTableOptions): number {
  const { grid, plan, year, lastColumn } = ctx;
  // Each table's Sum column follows its own last strategy, so the support table has no gap before it.
  const sumColumn = 2 + strategies.length;
  section(ctx, start, options.title);
  if (strategies.length === 0) {
    grid.text(start + 1, 1, 'Ingen strategier registrert.', STYLE.note);
    return start + 1;
  }
  const columnOf = new Map(strategies.map((s, i) => [s.code, 2 + i]));
  const groups = areaGroups(plan, strategies, columnOf);
  const h1 = start + 1;
  const h2 = h1 + 1;
  grid.text(h1, 1, 'Innsatsområde', STYLE.header);
  for (const g of groups) {
    grid.text(h1, g.left, areaLabel(g.area), STYLE.header);
    grid.styleBlock(h1, g.left, h1, g.right, STYLE.header);
    grid.merge(h1, g.left, h1, g.right);
  }
  grid.text(h1, sumColumn, 'Sum', STYLE.header);
  grid.styleBlock(h1, sumColumn, h2, sumColumn, STYLE.header);
  grid.merge(h1, sumColumn, h2, sumColumn);
  grid.height(h1, LINE_HEIGHT * Math.max(...groups.map((g) => linesFor(areaLabel(g.area), (g.right - g.left + 1) * STRATEGY_WIDTH))));
  grid.text(h2, 1, 'Strategier', STYLE.header);
  for (const s of strategies) grid.text(h2, columnOf.get(s.code) ?? 2, `${s.code}. ${s.name}`, STYLE.header);
  grid.height(h2, LINE_HEIGHT * Math.max(...strategies.map((s) => linesFor(`${s.code}. ${s.name}`, STRATEGY_WIDTH))));

  let row = h2 + 1;
  row = packedTexts(ctx, row, 'Tiltak og prosjekter', plan.tiltak.filter((t) => t.year === year), columnOf);
  row = packedTexts(ctx, row, `Delmål ${year}${options.withTargets ? ' 1)' : ''}`, plan.delmal.filter((d) => d.year === year), columnOf);

  const budgetRow = row;
  grid.text(budgetRow, 1, `Budsjett ${year}`, STYLE.label);
  for (const s of strategies) {
    const line = plan.budget.find((b) => b.year === year && b.strategy.value === s.code);
    const column = columnOf.get(s.code) ?? 2;
    if (line) grid.number(budgetRow, column, line.amount.value, STYLE.kroner, line.amount);
    else grid.text(budgetRow, column, '', STYLE.kroner);
  }
  const sumRow = budgetRow + 1;
  grid.text(sumRow, 1, 'Sum', STYLE.totalLabel);
  for (const g of groups) {
    const value = sumColumnRange(grid, budgetRow, g.left, g.right);
    const frame = plan.frames.find((f) => f.year === year && f.line.kind === 'area' && f.line.area === g.area.nr);
    grid.formula(sumRow, g.left, `SUM(${address(budgetRow, g.left)}:${address(budgetRow, g.right)})`, value, STYLE.totalKroner, frame?.amount);
    grid.styleBlock(sumRow, g.left, sumRow, g.right, STYLE.totalKroner);
    grid.merge(sumRow, g.left, sumRow, g.right);
  }
  const lastStrategyColumn = 1 + strategies.length;
  grid.formula(sumRow, sumColumn, `SUM(${address(budgetRow, 2)}:${address(budgetRow, lastStrategyColumn)})`, sumColumnRange(grid, budgetRow, 2, lastStrategyColumn), STYLE.totalKroner);
  row = sumRow + 1;

  if (options.withTargets) row = targetRows(ctx, row, strategies, columnOf, groups, sumColumn);
  anchor(ctx, options.anchor, h1, row - 1);
  if (options.withTargets) {
    for (const note of [NOTE_DELMAL, NOTE_RESULTATMAL]) {
      grid.text(row, 1, note, STYLE.note);
      grid.merge(row, 1, row, lastColumn);
      grid.height(row, LINE_HEIGHT * linesFor(note, (lastColumn - 1) * STRATEGY_WIDTH));
      row += 1;
    }
  }
  return row - 1;
}

interface AreaGroup {
  area: Area;
  left: number;
  right: number;
}

function areaGroups(plan: Plan, strategies: Strategy[], columnOf: Map<string, number>): AreaGroup[] {
  const groups: AreaGroup[] = [];
  for (const area of plan.areas) {
    const columns = strategies.filter((s) => s.area === area.nr).map((s) => columnOf.get(s.code) ?? 0);
    if (columns.length > 0) groups.push({ area, left: Math.min(...columns), right: Math.max(...columns) });
  }
  return groups;
}

function sumColumnRange(grid: Grid, row: number, left: number, right: number): number {
  let total = 0;
  for (let c = left; c <= right; c++) total += cellNumber(grid, row, c);
  return total;
}

/**
 * Tiltak and delmål texts packed into rows: each text spans the columns of its strategies (merged when it
 * names several, as G–H in the seed) and goes into the first row where those columns are still free.
 */
function packedTexts(ctx: Ctx, start: number, label: string, items: { strategies: string[]; text: string; ref: Ref }[], columnOf: Map<string, number>): number {
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
    let lines = 1;
    for (const item of rows[i]?.items ?? []) {
      grid.text(row, item.left, item.text, STYLE.text);
      grid.merge(row, item.left, row, item.right);
      grid.source(item.ref, row, item.left);
      lines = Math.max(lines, linesFor(item.text, (item.right - item.left + 1) * STRATEGY_WIDTH));
    }
    grid.height(row, LINE_HEIGHT * lines);
  }
  grid.text(start, 1, label, STYLE.label);
  grid.styleBlock(start, 1, start + count - 1, 1, STYLE.label);
  grid.merge(start, 1, start + count - 1, 1);
  return start + count;
}

function targetRows(ctx: Ctx, start: number, strategies: Strategy[], columnOf: Map<string, number>, groups: AreaGroup[], sumColumn: number): number {
  const { grid, plan, year } = ctx;
  const labelColumn = sumColumn + 1;
  const rows = (plan.resultatmal?.rows ?? []).filter((r) => r.year === year);
  const naeringer = plan.naeringer.length > 0 ? plan.naeringer.map((n) => n.name) : rows.map((r) => r.naering.value);
  const lastStrategyColumn = 1 + strategies.length;
  let row = start;
  for (const name of naeringer) {
    const data = rows.find((r) => normalizeKey(r.naering.value) === normalizeKey(name));
    grid.styleBlock(row, 2, row, lastStrategyColumn, STYLE.count);
    let total = 0;
    for (const s of strategies) {
      const cell = data?.byStrategy.get(s.code);
      if (!cell) continue;
      grid.number(row, columnOf.get(s.code) ?? 2, cell.value, STYLE.count, cell);
      total += cell.value;
    }
    grid.formula(row, sumColumn, `SUM(${address(row, 2)}:${address(row, lastStrategyColumn)})`, total, STYLE.totalCount, data?.declaredSum);
    grid.text(row, labelColumn, name, STYLE.label);
    row += 1;
  }
  const first = start;
  const last = row - 1;
  if (last >= first) {
    grid.text(first, 1, 'Resultatmål 2)', STYLE.label);
    grid.styleBlock(first, 1, last, 1, STYLE.label);
    grid.merge(first, 1, last, 1);
  }
  grid.text(row, 1, 'Sum', STYLE.totalLabel);
  for (const g of groups) {
    let value = 0;
    for (let r = first; r <= last; r++) value += sumColumnRange(grid, r, g.left, g.right);
    const declared = plan.resultatmalSums.find((s) => s.year === year && s.area === g.area.nr);
    grid.formula(row, g.left, last >= first ? `SUM(${address(first, g.left)}:${address(last, g.right)})` : '0', value, STYLE.totalCount, declared?.jobs);
    grid.styleBlock(row, g.left, row, g.right, STYLE.totalCount);
    grid.merge(row, g.left, row, g.right);
  }
  const total = plan.resultatmalSums.find((s) => s.year === year && s.area === null);
  grid.formula(row, sumColumn, last >= first ? `SUM(${address(first, sumColumn)}:${address(last, sumColumn)})` : '0', sumColumnValues(grid, first, last, sumColumn), STYLE.totalCount, total?.jobs);
  return row + 1;
}

// ---- §4 frame and financing ------------------------------------------------------------------------------

function frameTable(ctx: Ctx, start: number): number {
  const { grid, plan, year } = ctx;
  section(ctx, start, `Budsjett ${year}`);
  const header = start + 1;
  const amountColumn = 4;
  labelCell(grid, header, 'Tematisk innsatsområde', STYLE.header);
  grid.text(header, amountColumn, `Ramme ${year}`, STYLE.header);
  const frames = plan.frames.filter((f) => f.year === year);
  let row = header + 1;
  const firstArea = row;
  for (const area of plan.areas) {
    const frame = frames.find((f) => f.line.kind === 'area' && f.line.area === area.nr);
    labelCell(grid, row, areaLabel(area), STYLE.text);
    if (frame) grid.number(row, amountColumn, frame.amount.value, STYLE.kroner, frame.amount);
    else grid.text(row, amountColumn, '', STYLE.kroner);
    row += 1;
  }
  const lastArea = row - 1;
  const areasRow = row;
  labelCell(grid, areasRow, 'Sum innsatsområder', STYLE.totalLabel);
  const declaredAreas = frames.find((f) => f.line.kind === 'sum-areas');
  grid.formula(areasRow, amountColumn, `SUM(${address(firstArea, amountColumn)}:${address(lastArea, amountColumn)})`, sumColumnValues(grid, firstArea, lastArea, amountColumn), STYLE.totalKroner, declaredAreas?.amount);
  row += 1;
  const firstCost = row;
  for (const cost of frames.filter((f) => f.line.kind === 'cost')) {
    labelCell(grid, row, cost.post.value, STYLE.text);
    grid.number(row, amountColumn, cost.amount.value, STYLE.kroner, cost.amount);
    row += 1;
  }
  const lastCost = row - 1;
  const totalRow = row;
  labelCell(grid, totalRow, 'Sum totalt', STYLE.totalLabel);
  const declaredTotal = frames.find((f) => f.line.kind === 'sum-total');
  const costs = lastCost >= firstCost ? `+SUM(${address(firstCost, amountColumn)}:${address(lastCost, amountColumn)})` : '';
  const value = cellNumber(grid, areasRow, amountColumn) + (lastCost >= firstCost ? sumColumnValues(grid, firstCost, lastCost, amountColumn) : 0);
  grid.formula(totalRow, amountColumn, `${address(areasRow, amountColumn)}${costs}`, value, STYLE.totalKroner, declaredTotal?.amount);
  anchor(ctx, 'Ramme', header, totalRow, amountColumn);
  return totalRow;
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
  const last = row - 1;
  labelCell(grid, row, 'SUM', STYLE.totalLabel);
  const declared = lines.find((f) => f.isSum);
  grid.formula(row, amountColumn, last >= first ? `SUM(${address(first, amountColumn)}:${address(last, amountColumn)})` : '0', last >= first ? sumColumnValues(grid, first, last, amountColumn) : 0, STYLE.totalMillions, declared?.amount);
  anchor(ctx, 'Finansiering', header, row, amountColumn);
  return row;
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
    grid.height(row, LINE_HEIGHT * linesFor(text, (lastColumn - 4) * STRATEGY_WIDTH + NAERING_WIDTH));
    row += 1;
  }
  anchor(ctx, 'Avvik', header, row - 1);
  return row - 1;
}

function findingText(f: Finding): string {
  return `${f.message.nb}${f.expected !== null ? ` Forventet ${String(f.expected)}, faktisk ${String(f.actual)}.` : ''}`;
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

export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

function formatDateTime(iso: string): string {
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? `${formatDate(iso)} ${time}` : formatDate(iso);
}
