/**
 * Next year's plan (`neste-aar`, *Forbered {år}*): the rows the coming year needs, proposed from the year before
 * and the period plan, for the shells to append through the workbook port. Nothing existing is changed, and a
 * row whose key the coming year already has is not proposed again, so running it twice adds nothing the second
 * time. Every proposed row of Budsjett, Rammer, Finansiering, Tiltak and Delmal says in its `Forslag` cell what it
 * was made from, and `plan.proposal` reports it until the user empties that cell.
 */
import { TABLES, type TableSpec } from './contract/contract';
import type { Finding } from './findings/types';
import type { Located, Plan, Ref } from './model/plan';
import { StrategyCodes } from './parse/codes';
import { normalizeKey } from './text/keys';
import { parsePlan } from './parse/plan';
import { bindTable, cellText, type BoundTable } from './parse/table';
import type { SnapshotCell, TableSnapshot, WorkbookSnapshot } from './snapshot/types';
import { parseCell } from './util/brand';

/** A new cell: text stays text, numbers are numbers, null leaves the cell empty (the port's RowValue). */
export type NewCell = string | number | null;

/** Rows to append to one table, keyed by the table's own header texts. */
export interface TableAppend {
  table: string;
  rows: Record<string, NewCell>[];
}

export interface NextYearRequest {
  snapshot: WorkbookSnapshot;
  /** the year to prepare; null: the year after the workbook's Handlingsplanår */
  year: number | null;
}

export type NextYearProblem =
  | { kind: 'no-year' }
  | { kind: 'outside-period'; year: number; first: number; last: number }
  /** the first year of the period has no year before it to start from */
  | { kind: 'first-year'; year: number }
  /** rows would be proposed into tables that have no `Forslag` column to mark them with (`table`: the first) */
  | { kind: 'missing-column'; table: string; tables: string[]; column: string };

export type NextYearOutcome =
  /** `columnsAdded`: the tables the `Forslag` column was added to first (a file without it) */
  | { ok: true; year: number; from: number; appends: TableAppend[]; added: number; columnsAdded?: string[] }
  | { ok: false; problem: NextYearProblem };

/** The proposed rows for the coming year, or why none can be proposed. */
export function nextYearUseCase(request: NextYearRequest): NextYearOutcome {
  const { plan } = parsePlan(request.snapshot);
  const planYear = plan.program.planYear?.value;
  const year = request.year ?? (planYear === undefined ? null : planYear + 1);
  if (year === null) return { ok: false, problem: { kind: 'no-year' } };
  const first = plan.program.firstYear?.value;
  const last = plan.program.lastYear?.value;
  if (first === undefined || last === undefined) return { ok: false, problem: { kind: 'no-year' } };
  if (year < first || year > last) return { ok: false, problem: { kind: 'outside-period', year, first, last } };
  if (year === first) return { ok: false, problem: { kind: 'first-year', year } };

  const context = new Context(request.snapshot, plan, year);
  const appends = [
    context.frames(),
    context.financing(),
    context.budget(),
    context.texts(TABLES.tiltak, plan.tiltak, ['text']),
    context.texts(TABLES.delmal, plan.delmal, ['text', 'started', 'completed', 'companies', 'newCompanies']),
    context.resultatmal(),
  ].filter((a): a is TableAppend => a !== undefined && a.rows.length > 0);

  const unmarked = appends.filter((a) => a.table !== TABLES.resultatmal.name && !context.hasProposalColumn(a.table)).map((a) => a.table);
  const [firstUnmarked] = unmarked;
  if (firstUnmarked !== undefined)
    return { ok: false, problem: { kind: 'missing-column', table: firstUnmarked, tables: unmarked, column: proposalHeader() } };
  return { ok: true, year, from: year - 1, appends, added: appends.reduce((n, a) => n + a.rows.length, 0) };
}

function proposalHeader(): string {
  return TABLES.budget.columns.find((c) => c.key === 'proposal')?.header ?? 'Forslag';
}

/** What the `Forslag` cell of a proposed row says (bokmål: it is written into the workbook). */
const PROPOSAL_TEXT = {
  copied: (from: number) => `Kopiert fra ${from}`,
  split: (year: number, from: number) => `Rammen for ${year} fordelt etter andelene i ${from}`,
  even: (year: number, from: number) => `Rammen for ${year} delt likt (ingen budsjett i ${from})`,
  noFrame: (year: number) => `Ingen ramme for innsatsområdet i ${year}: fyll inn beløpet`,
  unreadable: (cell: string) => `Kan ikke foreslå beløp: ${cell} kan ikke leses`,
};

class Context {
  private readonly from: number;
  private readonly codes: StrategyCodes;

  constructor(
    private readonly snapshot: WorkbookSnapshot,
    private readonly plan: Plan,
    private readonly year: number,
  ) {
    this.from = year - 1;
    this.codes = new StrategyCodes(plan.strategies.map((s) => s.code));
  }

  hasProposalColumn(table: string): boolean {
    const spec = Object.values(TABLES).find((t) => t.name === table);
    return spec !== undefined && this.bind(spec)?.columns.has('proposal') === true;
  }

  private bind(spec: TableSpec): BoundTable | undefined {
    const sink: Finding[] = [];
    const bound = bindTable(this.snapshot, spec, sink);
    return bound !== undefined && spec.columns.every((c) => !c.required || bound.columns.has(c.key)) ? bound : undefined;
  }

  /** `Rammer` lines of the coming year: the period plan's where the workbook has them, else the year before's, copied. */
  frames(): TableAppend | undefined {
    return this.copyLines(TABLES.frames, 'post', this.plan.frames);
  }

  financing(): TableAppend | undefined {
    return this.copyLines(TABLES.financing, 'source', this.plan.financing);
  }

  private copyLines(
    spec: TableSpec,
    key: 'post' | 'source',
    lines: readonly { year: number; amount: Ref; post?: Located<string>; source?: Located<string> }[],
  ): TableAppend | undefined {
    const table = this.bind(spec);
    if (table === undefined) return undefined;
    const labelOf = (line: (typeof lines)[number]) => (key === 'post' ? line.post?.value : line.source?.value) ?? '';
    // The label copied as its cell holds it: a post typed as the number 3 stays the number 3, text stays text.
    const labelCellOf = (line: (typeof lines)[number]) => {
      const located = key === 'post' ? line.post : line.source;
      return (located === undefined ? null : valueAt(table.snapshot, located)) ?? labelOf(line);
    };
    const have = new Set(lines.filter((l) => l.year === this.year).map((l) => normalizeKey(labelOf(l))));
    const rows = lines
      .filter((l) => l.year === this.from && !have.has(normalizeKey(labelOf(l))))
      .map((l) =>
        row(table, {
          year: this.year,
          [key]: labelCellOf(l),
          amount: valueAt(table.snapshot, l.amount),
          proposal: PROPOSAL_TEXT.copied(this.from),
        }),
      );
    return { table: table.snapshot.name, rows };
  }

  /** The frame of each area in the coming year: its own line, or the line the year before that `frames()` copies. */
  private framesOfYear(): Map<number, { amount: number } | { unreadable: string }> {
    const frames = new Map<number, { amount: number } | { unreadable: string }>();
    // The coming year's own lines win over the year before's, area by area.
    for (const y of [this.year, this.from]) {
      for (const f of this.plan.frames)
        if (f.year === y && f.line.kind === 'area' && !frames.has(f.line.area)) frames.set(f.line.area, { amount: f.amount.value });
      for (const u of this.plan.unknowns) {
        if (
          u.what.table === 'frames' &&
          (u.what.year === y || u.what.year === null) &&
          u.what.line?.kind === 'area' &&
          !frames.has(u.what.line.area)
        )
          frames.set(u.what.line.area, { unreadable: `${u.sheet}!${u.cell}` });
      }
    }
    return frames;
  }

  /**
   * A `Budsjett` line for every strategy the coming year lacks: the area's frame for the year (less what lines
   * already there take) split between them by their shares of the area's budget the year before, in whole kroner
   * that add up to the frame exactly (largest remainders); evenly when the year before had no budget in the area.
   */
  budget(): TableAppend | undefined {
    const table = this.bind(TABLES.budget);
    if (table === undefined) return undefined;
    const frames = this.framesOfYear();
    const rows: Record<string, NewCell>[] = [];
    for (const area of this.plan.areas) {
      const strategies = this.plan.strategies.filter((s) => s.area === area.nr).map((s) => s.code);
      const existing = this.plan.budget.filter((b) => b.year === this.year && strategies.includes(b.strategy.value));
      const missing = strategies.filter((code) => !existing.some((b) => b.strategy.value === code));
      if (missing.length === 0) continue;
      const amounts = this.proposedAmounts(
        strategies,
        missing,
        frames.get(area.nr),
        existing.reduce((n, b) => n + b.amount.value, 0),
      );
      for (const code of missing) {
        const proposal = amounts.get(code) ?? { amount: null, text: PROPOSAL_TEXT.noFrame(this.year) };
        rows.push(row(table, { year: this.year, strategy: code, amount: proposal.amount, proposal: proposal.text }));
      }
    }
    return { table: table.snapshot.name, rows };
  }

  private proposedAmounts(
    strategies: readonly string[],
    missing: readonly string[],
    frame: { amount: number } | { unreadable: string } | undefined,
    taken: number,
  ): Map<string, { amount: number | null; text: string }> {
    const none = (text: string) => new Map(missing.map((code) => [code, { amount: null, text }]));
    if (frame === undefined) return none(PROPOSAL_TEXT.noFrame(this.year));
    if ('unreadable' in frame) return none(PROPOSAL_TEXT.unreadable(frame.unreadable));
    // Never a confident false figure: shares cannot be worked out while a budget line of the area is unreadable.
    const blocked = this.plan.unknowns.find(
      (u) =>
        u.what.table === 'budget' &&
        (u.what.year === this.from || u.what.year === null) &&
        (u.what.strategy === null || strategies.includes(u.what.strategy)),
    );
    if (blocked !== undefined) return none(PROPOSAL_TEXT.unreadable(`${blocked.sheet}!${blocked.cell}`));
    const before = missing.map((code) =>
      this.plan.budget.filter((b) => b.year === this.from && b.strategy.value === code).reduce((n, b) => n + b.amount.value, 0),
    );
    const total = before.reduce((n, v) => n + v, 0);
    const shares = splitWhole(Math.max(0, frame.amount - taken), total > 0 ? before : missing.map(() => 1));
    const text = total > 0 ? PROPOSAL_TEXT.split(this.year, this.from) : PROPOSAL_TEXT.even(this.year, this.from);
    return new Map(missing.map((code, i) => [code, { amount: shares[i] ?? 0, text }]));
  }

  /**
   * `Tiltak` and `Delmal` rows of the year before, copied for editing, group by group: a group of rows naming the
   * same strategies is copied only when the coming year has no row for those strategies.
   */
  texts(
    spec: TableSpec,
    items: readonly { year: number; strategies: string[]; ref: Ref }[],
    keys: readonly string[],
  ): TableAppend | undefined {
    const table = this.bind(spec);
    if (table === undefined) return undefined;
    const groupOf = (strategies: readonly string[]) => strategies.map((s) => s.toLowerCase()).join('|');
    const have = new Set(items.filter((i) => i.year === this.year).map((i) => groupOf(i.strategies)));
    const rows = items
      .filter((i) => i.year === this.from && !have.has(groupOf(i.strategies)))
      .map((i) => {
        const cells = rowCells(table.snapshot, i.ref);
        const values: Record<string, NewCell> = {
          year: this.year,
          strategies: cellText(cellOf(table, cells, 'strategies')),
          proposal: PROPOSAL_TEXT.copied(this.from),
        };
        for (const key of keys) values[key] = copied(cellOf(table, cells, key));
        return row(table, values);
      });
    return { table: table.snapshot.name, rows };
  }

  /** A `Resultatmal` row for each næring the coming year lacks: its Sum the næring's job target for the year, the strategy cells empty. */
  resultatmal(): TableAppend | undefined {
    const table = this.bind(TABLES.resultatmal);
    if (table === undefined) return undefined;
    const have = new Set((this.plan.resultatmal?.rows ?? []).filter((r) => r.year === this.year).map((r) => normalizeKey(r.naering.value)));
    const targets = new Map(
      (this.plan.jobTargets?.rows ?? []).map((r) => [normalizeKey(r.naering.value), r.byYear.get(this.year)?.value ?? null]),
    );
    const rows = this.plan.naeringer
      .filter((n) => !have.has(normalizeKey(n.name)))
      .map((n) => {
        const values: Record<string, NewCell> = { year: this.year, naering: n.name };
        if (table.columns.has('sum')) values.sum = targets.get(normalizeKey(n.name)) ?? null;
        return row(table, values);
      });
    return { table: table.snapshot.name, rows };
  }
}

/** A row keyed by the table's own header texts, from values keyed by contract column key. */
function row(table: BoundTable, values: Record<string, NewCell>): Record<string, NewCell> {
  const out: Record<string, NewCell> = {};
  for (const [key, value] of Object.entries(values)) {
    const column = table.columns.get(key);
    if (column !== undefined) out[column.header] = value;
  }
  return out;
}

function rowCells(table: TableSnapshot, ref: Ref): SnapshotCell[] {
  const wanted = parseCell(ref.cell.split(':')[0] ?? ref.cell).row;
  return table.rows.find((cells) => cells[0] !== undefined && parseCell(cells[0].address).row === wanted) ?? [];
}

function cellOf(table: BoundTable, cells: readonly SnapshotCell[], key: string): SnapshotCell | undefined {
  const column = table.columns.get(key);
  return column === undefined ? undefined : cells[column.index];
}

/** A cell's value to copy: a number (a formula's result) or text as it is; anything unreadable stays empty. */
function copied(cell: SnapshotCell | undefined): NewCell {
  if (cell === undefined) return null;
  if (cell.kind === 'number') return cell.value;
  if (cell.kind === 'text') return cell.value;
  return null;
}

/** The number (in the table's own unit: millions stay millions) or text at a located cell, as the cell holds it. */
function valueAt(table: TableSnapshot, ref: Ref): NewCell {
  for (const cells of table.rows) for (const cell of cells) if (cell.address === ref.cell) return copied(cell);
  return null;
}

/**
 * `total` whole kroner split by `weights` so the parts add up to `total` exactly: each part rounded down, and
 * the kroner left over given one each to the largest remainders (the first of equal ones first).
 */
export function splitWhole(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((n, w) => n + w, 0);
  if (sum <= 0 || weights.length === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - parts.reduce((n, p) => n + p, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x + 1e-9) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/**
 * What preparing the year needs from the workbook: the reading and the row writing of the workbook port, and
 * where the port can (a file, Excel), adding the `Forslag` column to tables made before it was in the contract.
 */
export interface NextYearWorkbook {
  readSnapshot(): Promise<WorkbookSnapshot>;
  writeRows(table: string, changes: { update: never[]; append: Record<string, NewCell>[]; makeRoom?: boolean }): Promise<unknown>;
  addColumns?(tables: readonly string[], header: string): Promise<unknown>;
}

/**
 * *Forbered {år}*, the one use case the CLI, the pane and the standalone page run: reads the workbook, works out
 * the coming year's rows, and appends them table by table (both adapters insert whole sheet rows under a table
 * that has none free). A workbook whose tables lack the `Forslag` column gets it first (in a file and in Excel
 * alike: all the tables or none, refused naming the cell in the way); only a port that cannot add columns gets
 * the year refused, the message pointing to *Opprett / oppdater arbeidsbok*. Nothing is written when the year
 * is refused.
 */
export async function prepareNextYear(workbook: NextYearWorkbook, year: number | null): Promise<NextYearOutcome> {
  let outcome = nextYearUseCase({ snapshot: await workbook.readSnapshot(), year });
  let columnsAdded: string[] | undefined;
  if (!outcome.ok && outcome.problem.kind === 'missing-column' && workbook.addColumns !== undefined) {
    columnsAdded = outcome.problem.tables;
    await workbook.addColumns(columnsAdded, outcome.problem.column);
    outcome = nextYearUseCase({ snapshot: await workbook.readSnapshot(), year });
  }
  if (!outcome.ok) return outcome;
  for (const append of outcome.appends) await workbook.writeRows(append.table, { update: [], append: append.rows, makeRoom: true });
  return columnsAdded === undefined ? outcome : { ...outcome, columnsAdded };
}

/** Why a year cannot be prepared, in one line (bokmål, English). */
export function nextYearProblemText(problem: NextYearProblem): { nb: string; en: string } {
  switch (problem.kind) {
    case 'no-year':
      return {
        nb: 'Arbeidsboka mangler Handlingsplanår, Første år eller Siste år i tabellen Program.',
        en: 'The workbook lacks Handlingsplanår, Første år or Siste år in the Program table.',
      };
    case 'outside-period':
      return {
        nb: `${problem.year} ligger utenfor programperioden ${problem.first}–${problem.last}; neste års plan lages bare for år i perioden.`,
        en: `${problem.year} is outside the programme period ${problem.first}–${problem.last}; next year's plan is only made for years in the period.`,
      };
    case 'first-year':
      return {
        nb: `${problem.year} er første år i perioden: det finnes ikke noe år før det å bygge på.`,
        en: `${problem.year} is the first year of the period: there is no year before it to build on.`,
      };
    case 'missing-column':
      return {
        nb: `${problem.tables.length > 1 ? `Tabellene ${problem.tables.join(', ')}` : `Tabellen ${problem.table}`} mangler kolonnen «${problem.column}», der forslagene merkes. Legg den til (eller bruk «Opprett / oppdater arbeidsbok» i Excel) og prøv igjen.`,
        en: `${problem.tables.length > 1 ? `The tables ${problem.tables.join(', ')} have` : `The ${problem.table} table has`} no "${problem.column}" column, where proposals are marked. Add it (or use "Opprett / oppdater arbeidsbok" in Excel) and try again.`,
      };
  }
}

/** What was added, in one line per table (bokmål, English). */
export function nextYearSummary(
  outcome: Extract<NextYearOutcome, { ok: true }>,
  shell: 'cli' | 'pane' = 'cli',
): { nb: string; en: string }[] {
  if (outcome.added === 0)
    return [
      {
        nb: `Ingenting å legge til: ${outcome.year} har alle radene allerede.`,
        en: `Nothing to add: ${outcome.year} already has every row.`,
      },
    ];
  const columns = outcome.columnsAdded ?? [];
  const added =
    columns.length === 0
      ? []
      : [
          {
            nb: `La til kolonnen «${proposalHeader()}» i ${columns.join(', ')}.`,
            en: `Added the "${proposalHeader()}" column to ${columns.join(', ')}.`,
          },
        ];
  const check =
    shell === 'cli'
      ? { nb: `«valider --year ${outcome.year}»`, en: `"validate --year ${outcome.year}"` }
      : { nb: `Valider for ${outcome.year}`, en: `Validate for ${outcome.year}` };
  return [
    ...added,
    ...outcome.appends.map((a) => ({
      nb: `${a.table}: ${a.rows.length} ${a.rows.length === 1 ? 'rad' : 'rader'} for ${outcome.year}`,
      en: `${a.table}: ${a.rows.length} ${a.rows.length === 1 ? 'row' : 'rows'} for ${outcome.year}`,
    })),
    {
      nb: `Forslagene er merket i kolonnen Forslag; ${check.nb} viser hva som gjenstår.`,
      en: `The proposals are marked in the Forslag column; ${check.en} lists what is left.`,
    },
  ];
}
