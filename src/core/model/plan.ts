import type { A1, Kroner } from '../util/brand';
import type { ColumnKeyOfKind, NoteTable } from '../contract/contract';
import type { AreaType, Minima } from './schemas';

/** Where a value came from, so every finding can point at its cell. */
export interface Ref {
  sheet: string;
  cell: A1;
}

export interface Located<T> extends Ref {
  value: T;
}

export interface Program {
  name?: Located<string>;
  region?: Located<string>;
  firstYear?: Located<number>;
  lastYear?: Located<number>;
  planYear?: Located<number>;
  /** Gross jobs for the whole period (200 in the seed). */
  jobGoal?: Located<number>;
  /** The Program table's range, for findings about a missing setting. */
  at?: Ref;
}

export interface Area {
  nr: number;
  name: string;
  type: AreaType;
  ref: Ref;
}

export interface Strategy {
  code: string;
  name: string;
  area: number;
  description: string;
  ref: Ref;
}

export interface Naering {
  nr: number;
  name: string;
  ref: Ref;
}

export interface JobTargetRow {
  naering: Located<string>;
  byYear: Map<number, Located<number>>;
  declaredSum?: Located<number>;
  /** the row's range */
  row: Ref;
}

export interface JobTargets {
  years: number[];
  rows: JobTargetRow[];
  declaredYearSums: Map<number, Located<number>>;
  declaredTotal?: Located<number>;
  table: Ref;
}

export interface ResultatmalRow {
  year: number;
  naering: Located<string>;
  byStrategy: Map<string, Located<number>>;
  declaredSum?: Located<number>;
  row: Ref;
}

export interface Resultatmal {
  /** strategy codes that have a column, in column order */
  strategyCodes: string[];
  rows: ResultatmalRow[];
  table: Ref;
}

export interface ResultatmalSumRow {
  year: number;
  /** null for the declared total row ("Sum") */
  area: number | null;
  jobs: Located<number>;
}

/** The `Forslag` cell of a row next year's plan proposed and nobody has decided yet (see contract). */
export interface Proposed {
  proposal?: Located<string>;
}

export interface Delmal extends Proposed {
  year: number;
  strategies: string[];
  text: string;
  minima: Minima;
  /** the cell of each minimum that is set */
  minimaAt: Partial<Record<keyof Minima, Ref>>;
  ref: Ref;
}

export interface Tiltak extends Proposed {
  year: number;
  strategies: string[];
  text: string;
  ref: Ref;
}

export interface BudgetLine extends Proposed {
  year: number;
  strategy: Located<string>;
  amount: Located<Kroner>;
}

/** How a `Rammer` line is read: an area's frame, a cost line outside the areas, or a declared sum. */
export type FrameKind = { kind: 'area'; area: number } | { kind: 'cost' } | { kind: 'sum-areas' } | { kind: 'sum-total' };

export interface FrameLine extends Proposed {
  year: number;
  post: Located<string>;
  line: FrameKind;
  amount: Located<Kroner>;
}

export interface FinancingLine extends Proposed {
  year: number;
  source: Located<string>;
  /** true for the declared sum line ("Sum") */
  isSum: boolean;
  amount: Located<Kroner>;
}

export interface Reallocation {
  date: string;
  from: Located<string>;
  to: Located<string>;
  amount: Located<Kroner>;
  decision: string;
  ref: Ref;
}

export interface Project {
  id: Located<string>;
  name: string;
  owner: string;
  strategy: Located<string>;
  naering: Located<string> | null;
  phase: Located<string> | null;
  status: Located<string> | null;
  decisionDate: string | null;
  granted: Located<Kroner> | null;
  ownFinancing: Kroner | null;
  otherFinancing: Kroner | null;
  ref: Ref;
}

export interface Report {
  projectId: Located<string>;
  date: Located<string>;
  naering: Located<string>;
  jobs: Located<number>;
  companies: number | null;
  newCompanies: number | null;
  comment: string;
  ref: Ref;
}

/** One kommune of the programme's region (`Kommuner`). */
export interface Kommune {
  /** four digits, as text (0301 keeps its zero) */
  nr: string;
  name: string;
  ref: Ref;
}

/** One row of `Effektindikatorer`: an indicator's value for a year, for one kommune or (kommune null) the region. */
export interface IndicatorRow {
  year: Located<number>;
  indicator: Located<string>;
  /** as typed: a kommunenummer or a kommune's name; null for the whole region */
  kommune: Located<string> | null;
  value: Located<number>;
  source: Located<string> | null;
  /** the Kilde cell, also when it is empty (for the finding that asks for a source) */
  sourceAt: Ref | null;
  /** ISO date the value was fetched, when known */
  fetched: string | null;
  ref: Ref;
}

/** A note printed under a generated table (`Merknader`), numbered as the workbook numbers it. */
export interface Note {
  table: NoteTable;
  /** `1`, `2`, `a` … as typed, without the closing parenthesis */
  nr: string;
  text: string;
  /** the row label the note belongs to, normalised for matching; that label then carries `{nr})` */
  refers: string | null;
  ref: Ref;
}

/**
 * What an unreadable cell stood for. A key the cell's row could not give (its year, strategy, post …) is
 * null: the figure may then belong to any of them, and every check it could feed is left unchecked.
 */
export type UnknownWhat =
  | { table: 'budget'; year: number | null; strategy: string | null }
  | { table: 'frames'; year: number | null; line: FrameKind | null }
  | { table: 'financing'; year: number | null; isSum: boolean | null }
  /**
   * `sum`: the row's Sum cell; `year` null without `sum`: a year column outside the period; `total`: the total
   * row (the declared year sums and period total)
   */
  | { table: 'jobTargets'; naering: string | null; year: number | null; sum: boolean; total: boolean }
  /** `strategy` null with `sum` false: a column that names no known strategy */
  | { table: 'resultatmal'; year: number | null; naering: string | null; strategy: string | null; sum: boolean }
  /** `area` null: the declared total; undefined: not known which */
  | { table: 'resultatmalSum'; year: number | null; area: number | null | undefined }
  /**
   * A reallocation row that moved nothing because a cell could not be read; what the row's other cells say
   * (null: unreadable or empty), so the generated sheets can list it with the unreadable part missing
   */
  | {
      table: 'reallocations';
      year: number | null;
      date?: string | null;
      from?: string | null;
      to?: string | null;
      amount?: number | null;
      decision?: string;
    }
  /** an Effektindikatorer value; `kommune` as typed, null for the whole region */
  | { table: 'indicators'; year: number | null; indicator: string | null; kommune: string | null }
  /**
   * A project: `year` its Vedtaksdato's year (null: no readable date), `id`/`strategy` null when unreadable (a
   * strategy that names no Strategier code is null too). `field`: a money cell that cannot be read; `row`: the
   * project could not be read at all (its id, Strategi or Vedtaksdato is unreadable) and is not in the plan, so
   * every count it could belong to is unknown; `strategy`: the project is in the plan but its Strategi names no
   * strategy, so every strategy's (and delmål's) count is unknown; `status`: whether it is finished is unknown.
   */
  | {
      table: 'projects';
      id: string | null;
      strategy: string | null;
      year: number | null;
      field: ColumnKeyOfKind<'projects', 'kroner'> | 'row' | 'strategy' | 'status';
    }
  /**
   * A report: `jobs`, `companies`, `newCompanies` a figure that cannot be read; `row` a report that cannot be
   * placed (its ProsjektID, Rapportdato or Næring cannot be read, or it names no project in Prosjekter), so
   * every count it could belong to is unknown. `naering` and `year` null when their cells cannot be read.
   */
  | {
      table: 'reports';
      projectId: string | null;
      naering: string | null;
      year: number | null;
      field: 'jobs' | 'companies' | 'newCompanies' | 'row';
    };

/** A cell that holds a figure the rules cannot read (reported once, at the cell). */
export interface UnknownFigure extends Ref {
  what: UnknownWhat;
  /** the row's label when it could be read (a Rammer post, a financing source), for the generated sheet */
  label?: string;
}

/** The programme's plan as read from the workbook. Absent tables give empty lists; findings say why. */
export interface Plan {
  program: Program;
  areas: Area[];
  strategies: Strategy[];
  naeringer: Naering[];
  jobTargets: JobTargets | null;
  resultatmal: Resultatmal | null;
  resultatmalSums: ResultatmalSumRow[];
  delmal: Delmal[];
  tiltak: Tiltak[];
  budget: BudgetLine[];
  frames: FrameLine[];
  financing: FinancingLine[];
  reallocations: Reallocation[];
  projects: Project[];
  reports: Report[];
  kommuner: Kommune[];
  indicators: IndicatorRow[];
  /** notes under the generated tables, in the workbook's order */
  notes: Note[];
  /** the figures that could not be read, each with the cell that holds it */
  unknowns: UnknownFigure[];
}
