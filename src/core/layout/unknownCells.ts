import type { ColumnKeyOfKind } from '../contract/contract';
import type { Plan, UnknownFigure, UnknownWhat } from '../model/plan';
import { normalizeKey } from '../text/keys';
import { parseCell } from '../util/brand';
import { refKey, type Grid } from './grid';
import { STYLE } from './styles';
import type { CellStyle, SheetLayout } from './types';

/**
 * Unknown is unknown in the generated sheets too: a figure that could not be read is shown as missing —
 * marked, with a note naming its input cell — never as a blank the board would read as nothing, and every
 * total that depends on it (directly or through another total) is marked incomplete.
 */

export const MISSING_TEXT = 'mangler';

/** Writes the missing figure at (row, column). */
export function missingCell(grid: Grid, row: number, column: number, figures: readonly UnknownFigure[], style: CellStyle): void {
  grid.text(row, column, MISSING_TEXT, { ...style, ...STYLE.marked, horizontal: 'center' });
  grid.missing.set(`${row}:${column}`, figures.map(refKey));
}

/**
 * Marks the total at (row, column) incomplete: `figures` could not be read and have no cell of their own in the
 * sheet (their strategy, post or year is the unreadable part), yet may belong to this total.
 */
export function incompleteCell(grid: Grid, row: number, column: number, figures: readonly UnknownFigure[]): void {
  if (figures.length === 0) return;
  const key = `${row}:${column}`;
  grid.incomplete.set(key, [...new Set([...(grid.incomplete.get(key) ?? []), ...figures.map(refKey)])]);
}

type Of<T extends UnknownWhat['table']> = Extract<UnknownWhat, { table: T }>;

function unknownsIn<T extends UnknownWhat['table']>(plan: Plan, table: T, matches: (what: Of<T>) => boolean): UnknownFigure[] {
  return plan.unknowns.filter((u) => u.what.table === table && matches(u.what as Of<T>));
}

/** The budget figure of strategy `code` in `year`, when its amount could not be read: it has its own cell. */
export function lostBudget(plan: Plan, year: number, code: string): UnknownFigure[] {
  return unknownsIn(plan, 'budget', (w) => w.year === year && w.strategy === code);
}

/**
 * Budget figures of `year` that may belong to one of `areas` but have no strategy cell to be shown in: their
 * strategy or their year could not be read. A sum over those areas is then incomplete.
 */
export function unplacedBudget(plan: Plan, year: number, areas: readonly number[]): UnknownFigure[] {
  const areaOf = new Map(plan.strategies.map((s) => [s.code, s.area]));
  return unknownsIn(plan, 'budget', (w) => {
    if (w.year !== null && w.year !== year) return false;
    if (w.strategy === null) return true;
    const area = areaOf.get(w.strategy);
    return w.year === null && area !== undefined && areas.includes(area);
  });
}

/** The frame line of `area` in `year`, when its amount could not be read. */
export function lostAreaFrame(plan: Plan, year: number, area: number): UnknownFigure[] {
  return unknownsIn(plan, 'frames', (w) => w.year === year && w.line?.kind === 'area' && w.line.area === area);
}

/**
 * Frame lines of `year` that may be one of `kinds` ('area', 'cost') but have no row of their own: their post or
 * year could not be read.
 */
export function unplacedFrames(plan: Plan, year: number, kinds: readonly ('area' | 'cost')[]): UnknownFigure[] {
  return unknownsIn(
    plan,
    'frames',
    (w) =>
      (w.year === null || (w.year === year && w.line === null)) && (w.line === null || (kinds as readonly string[]).includes(w.line.kind)),
  );
}

/** Financing sources that may be of `year` but have no row of their own (their year, or whether they are a sum, unknown). */
export function unplacedSources(plan: Plan, year: number): UnknownFigure[] {
  return unknownsIn(plan, 'financing', (w) => (w.year === null && w.isSum !== true) || (w.year === year && w.isSum === null));
}

/** Reallocations of `year` (or of an unreadable year) that could not be read: every frame after them is incomplete. */
export function lostReallocations(plan: Plan, year: number): UnknownFigure[] {
  return unknownsIn(plan, 'reallocations', (w) => w.year === null || w.year === year);
}

/**
 * Job target cells of the period that could not be read, for the næring (null: a row whose næring could not be
 * read either, which may be any) and the years `years` accepts.
 */
export function lostJobTargets(plan: Plan, naering: string | null, years: (year: number) => boolean): UnknownFigure[] {
  return unknownsIn(
    plan,
    'jobTargets',
    (w) =>
      !w.sum &&
      !w.total &&
      w.year !== null &&
      years(w.year) &&
      (naering === null ? w.naering === null : w.naering !== null && normalizeKey(w.naering) === normalizeKey(naering)),
  );
}

/**
 * Grants (or the financing of `field`) that could not be read, of projects decided in `year` (every year when
 * undefined) and of `strategy` (every strategy when undefined); and projects that could not be placed at all
 * (their id, Strategi or Vedtaksdato unreadable) that may be of that year and strategy. Per strategy also the
 * projects whose Strategi names no strategy: any strategy's figure may miss them.
 */
export function lostGrants(
  plan: Plan,
  year: number | undefined,
  strategy?: string,
  field: ColumnKeyOfKind<'projects', 'kroner'> = 'granted',
): UnknownFigure[] {
  return unknownsIn(plan, 'projects', (w) => {
    const inYear = year === undefined || w.year === year;
    if (w.field === field) return inYear && (strategy === undefined || w.strategy === strategy);
    const mayBeYear = inYear || w.year === null;
    if (w.field === 'row') return mayBeYear && (strategy === undefined || w.strategy === null || w.strategy === strategy);
    return w.field === 'strategy' && strategy !== undefined && mayBeYear;
  });
}

/** Ids of the projects whose grant cannot be read (or that could not be read at all): whether they are supported is unknown. */
export function unknownGrantIds(plan: Plan): Set<string> {
  return new Set(
    lostGrants(plan, undefined).flatMap((u) => (u.what.table === 'projects' && u.what.id !== null ? [normalizeKey(u.what.id)] : [])),
  );
}

function sameNaering(a: string | null, b: string | null): boolean {
  return b === null ? a === null : a !== null && normalizeKey(a) === normalizeKey(b);
}

/**
 * Reported jobs of the næring (null: a report whose næring cannot be read) in the years `years` accepts that are
 * not counted because a cell cannot be read: the report's own Nye arbeidsplasser, a report that cannot be placed
 * (its ProsjektID, Rapportdato or Næring unreadable, or a project Prosjekter does not have), or its project's
 * grant (then whether the project is supported, and so whether its report counts, is unknown).
 */
export function lostReportedJobs(plan: Plan, naering: string | null, years: (year: number) => boolean): UnknownFigure[] {
  const own = unknownsIn(
    plan,
    'reports',
    (w) => (w.field === 'jobs' || w.field === 'row') && (w.year === null || years(w.year)) && sameNaering(w.naering, naering),
  );
  // (A report of a project that could not be read at all names no project of the plan: it is among `own`.)
  const grants = unknownsIn(plan, 'projects', (w) => w.field === 'granted').filter((g) => {
    const id = g.what.table === 'projects' ? g.what.id : null;
    return (
      id !== null &&
      plan.reports.some(
        (r) =>
          normalizeKey(r.projectId.value) === normalizeKey(id) &&
          years(Number(r.date.value.slice(0, 4))) &&
          sameNaering(r.naering.value, naering),
      )
    );
  });
  return [...own, ...grants];
}

/** Cells a formula's references cover (`B5`, `B5:D9`; absolute or not), as `row:column` keys. */
function referencedCells(formula: string): string[] {
  const keys: string[] = [];
  for (const m of formula.matchAll(/\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g)) {
    const start = parseCell(`${m[1] ?? ''}${m[2] ?? ''}`);
    const end = m[3] !== undefined && m[4] !== undefined ? parseCell(`${m[3]}${m[4]}`) : start;
    for (let r = Math.min(start.row, end.row); r <= Math.max(start.row, end.row); r++) {
      for (let c = Math.min(start.column, end.column); c <= Math.max(start.column, end.column); c++) keys.push(`${r}:${c}`);
    }
  }
  return keys;
}

/**
 * Marks every missing figure and every formula whose result depends on one (through any chain of totals), and
 * returns the notes for them. A total stays a live formula over the cells it has; its note says it is incomplete.
 */
export function markMissing(grid: Grid): SheetLayout['marks'] {
  const behind = new Map<string, Set<string>>();
  for (const [key, inputs] of [...grid.missing, ...grid.incomplete]) behind.set(key, new Set([...(behind.get(key) ?? []), ...inputs]));
  const formulas = [...grid.cells.values()].filter((c) => c.value.kind === 'formula');
  let changed = behind.size > 0;
  while (changed) {
    changed = false;
    for (const cell of formulas) {
      if (cell.value.kind !== 'formula') continue;
      const key = `${cell.row}:${cell.column}`;
      const found = behind.get(key) ?? new Set<string>();
      const before = found.size;
      for (const ref of referencedCells(cell.value.formula)) for (const input of behind.get(ref) ?? []) found.add(input);
      if (found.size > before) {
        behind.set(key, found);
        changed = true;
      }
    }
  }
  const marks: SheetLayout['marks'] = [];
  for (const [key, inputs] of behind) {
    const cell = grid.cells.get(key);
    if (!cell) continue;
    const list = [...inputs].join(', ');
    if (grid.missing.has(key)) {
      marks.push({ row: cell.row, column: cell.column, note: `Mangler: ${list} kan ikke leses. Tallet er ikke med i summene.` });
    } else {
      cell.style = { ...cell.style, ...STYLE.marked };
      // A figure (or blank) with no formula: an unreadable line may be this one's, or part of it.
      const note =
        cell.value.kind === 'formula'
          ? `Ufullstendig sum: ${list} kan ikke leses og er ikke med.`
          : `Ufullstendig: ${list} kan ikke leses og kan høre til her.`;
      marks.push({ row: cell.row, column: cell.column, note });
    }
  }
  return marks.sort((a, b) => a.row - b.row || a.column - b.column);
}
