import { columnKeysOfKind, NOTE_TABLES, PROGRAM_FIELDS, TABLES, type NoteTable, type TableSpec } from '../contract/contract';
import { makeFinding } from '../findings/make';
import type {
  Proposed,
  Area,
  BudgetLine,
  IndicatorRow,
  Kommune,
  Delmal,
  FinancingLine,
  FrameKind,
  FrameLine,
  JobTargetRow,
  JobTargets,
  Located,
  Naering,
  Plan,
  Program,
  Note,
  Project,
  Reallocation,
  Report,
  Resultatmal,
  ResultatmalRow,
  ResultatmalSumRow,
  Strategy,
  Tiltak,
  UnknownFigure,
  UnknownWhat,
} from '../model/plan';
import * as S from '../model/schemas';
import type { SnapshotCell, WorkbookSnapshot } from '../snapshot/types';
import { kroner as toKroner } from '../util/brand';
import type { z } from 'zod';
import { StrategyCodes } from './codes';
import { normalizeKey } from '../text/keys';
import { bindTable, cellText, isBlank, isCount, readRows, RowReader, tableRef, type BoundTable, type Sink } from './table';

export interface ParseResult {
  plan: Plan;
  findings: Sink;
}

/** Tables a budget-only workbook may lack without an error (their rules come with the project register). */
const OPTIONAL_TABLES = new Set<string>([
  TABLES.reallocations.name,
  TABLES.projects.name,
  TABLES.reports.name,
  TABLES.tiltak.name,
  TABLES.delmal.name,
  // Workbooks made before the effect indicators came have neither; the rest of the plan does not need them.
  TABLES.kommuner.name,
  TABLES.indicators.name,
  // A programme without notes under its tables has none.
  TABLES.notes.name,
]);

/** Parses of snapshots that cannot change: deeply frozen, as the .xlsx port hands out one per version of a file. */
const parsedOnce = new WeakMap<WorkbookSnapshot, ParseResult>();

/**
 * parsePlan, remembered for a frozen snapshot: a workbook opened (its header and years read) and then
 * validated is parsed once, not twice — for 10 000 report rows a third of Valider's time. A snapshot that is
 * not frozen (Excel's reads, built data) may change between calls and is parsed every time. The result is
 * shared: callers read it and never change it (test/core/parse-once.test.ts holds validation and layouts to that).
 */
export function parsePlanOnce(workbook: WorkbookSnapshot): ParseResult {
  if (!Object.isFrozen(workbook)) return parsePlan(workbook);
  let parsed = parsedOnce.get(workbook);
  if (parsed === undefined) {
    parsed = parsePlan(workbook);
    parsedOnce.set(workbook, parsed);
  }
  return parsed;
}

/** Snapshot → plan. Never throws on bad cells: each problem is a finding and the cell is left out. */
export function parsePlan(workbook: WorkbookSnapshot): ParseResult {
  const sink: Sink = [];
  const bind = (spec: TableSpec) => bindOptional(workbook, spec, sink);
  const programTable = bind(TABLES.program);
  const program = programTable ? parseProgram(programTable, sink) : {};
  const areas = mapTable(bind(TABLES.areas), sink, (r) => parseArea(r, sink));
  const strategyTable = bind(TABLES.strategies);
  const strategies = strategyTable ? readRows(strategyTable, sink).flatMap((r) => opt(parseStrategy(r, areas, sink))) : [];
  const naeringer = mapTable(bind(TABLES.naeringer), sink, parseNaering);
  const jobTable = bind(TABLES.jobTargets);
  const resultatTable = bind(TABLES.resultatmal);
  const sumTable = bind(TABLES.resultatmalSum);
  const codes = new StrategyCodes(strategies.map((s) => s.code));
  const unknowns: UnknownFigure[] = [];
  const unknown: Unknowns = (row, what, ...keys) => {
    const at = row.firstFailure(...keys);
    const labelKey = what.table === 'frames' ? 'post' : what.table === 'financing' ? 'source' : undefined;
    const label = labelKey && !row.failed(labelKey) ? cellText(row.cell(labelKey)) : '';
    if (at) unknowns.push(label !== '' ? { ...at, what, label } : { ...at, what });
    return at !== undefined;
  };
  const plan: Plan = {
    program,
    areas,
    strategies,
    naeringer,
    jobTargets: jobTable ? parseJobTargets(jobTable, program, sink, unknowns) : null,
    resultatmal: resultatTable ? parseResultatmal(resultatTable, codes, sink, unknowns) : null,
    resultatmalSums: mapTable(sumTable, sink, (r) => parseResultatmalSum(r, areas, sink, unknown)),
    delmal: mapTable(bind(TABLES.delmal), sink, (r) => parseDelmal(r, codes, sink)),
    tiltak: mapTable(bind(TABLES.tiltak), sink, (r) => parseTiltak(r, codes, sink)),
    budget: mapTable(bind(TABLES.budget), sink, (r) => parseBudget(r, codes, unknown, unknowns)),
    frames: mapTable(bind(TABLES.frames), sink, (r) => parseFrame(r, areas, unknown)),
    financing: mapTable(bind(TABLES.financing), sink, (r) => parseFinancingLine(r, unknown)),
    reallocations: mapTable(bind(TABLES.reallocations), sink, (r) => parseReallocation(r, unknown)),
    projects: mapTable(bind(TABLES.projects), sink, (r) => parseProject(r, codes, unknown, unknowns)),
    reports: mapTable(bind(TABLES.reports), sink, (r) => parseReport(r, unknown)),
    kommuner: mapTable(bind(TABLES.kommuner), sink, (r) => parseKommune(r, sink)),
    indicators: mapTable(bind(TABLES.indicators), sink, (r) => parseIndicator(r, unknown)),
    notes: mapTable(bind(TABLES.notes), sink, (r) => parseNote(r, sink)),
    unknowns,
  };
  unknowns.push(...unplacedReports(plan.projects, plan.reports, unknowns));
  return { plan, findings: sink };
}

/**
 * Records the figure a row stands for as unknown when any of `keys`' cells could not be read; true when it did.
 * Called after the row's cells were read (reading is what finds them unreadable).
 */
type Unknowns = (row: RowReader, what: UnknownWhat, ...keys: string[]) => boolean;

/** A key read from a cell, or null when that cell could not be read. */
function keyOf<T>(row: RowReader, key: string, value: T | undefined): T | null {
  return value === undefined || row.failed(key) ? null : value;
}

function bindOptional(workbook: WorkbookSnapshot, spec: TableSpec, sink: Sink): BoundTable | undefined {
  if (!OPTIONAL_TABLES.has(spec.name)) return bindTable(workbook, spec, sink);
  const local: Sink = [];
  const bound = bindTable(workbook, spec, local);
  // A missing optional table is worth a note, not an error; a broken one is still an error. A programme
  // without notes under its tables simply has none: no word about Merknader.
  for (const f of local) {
    if (f.rule !== 'structure.missing-table') sink.push(f);
    else if (spec.name !== TABLES.notes.name) sink.push({ ...f, severity: 'info' });
  }
  return bound;
}

function mapTable<T>(table: BoundTable | undefined, sink: Sink, parse: (row: RowReader) => T | undefined): T[] {
  if (!table) return [];
  return readRows(table, sink).flatMap((row) => opt(parse(row)));
}

function opt<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** Runs the row's zod schema; a value the cell readers accepted but the domain does not is reported at its cell. */
function checked<T extends z.ZodTypeAny>(
  schema: T,
  values: Record<string, unknown>,
  row: RowReader,
  sink: Sink,
  table: string,
): z.infer<T> | undefined {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    const value = values[key];
    // Undefined values were reported by the cell reader already.
    if (value === undefined) continue;
    const shown = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
    sink.push(
      makeFinding(
        'structure.invalid-value',
        row.at(key),
        { value: shown, column: row.header(key), table, allowed: issue.message },
        { actual: shown },
      ),
    );
  }
  return undefined;
}

// ---- Program ---------------------------------------------------------------------------------------

type ProgramKey = keyof typeof PROGRAM_FIELDS;
const NUMERIC_FIELDS: ProgramKey[] = ['firstYear', 'lastYear', 'planYear', 'jobGoal'];
/** The years ProgramSchema allows, in words. */
const YEAR_FIELDS: ProgramKey[] = ['firstYear', 'lastYear', 'planYear'];
const YEAR_RANGE = '1900–2200';

function parseProgram(table: BoundTable, sink: Sink): Program {
  const program: Program = { at: tableRef(table.snapshot) };
  for (const row of readRows(table, sink)) {
    const field = row.text('field');
    const key = field && programKey(field.value);
    const cell = row.cell('value');
    // An empty value is an unset field: the required ones are reported by structure.program-setting.
    if (!key || !cell || cell.kind === 'empty' || (cell.kind === 'text' && cell.value.trim() === '')) continue;
    if (NUMERIC_FIELDS.includes(key)) {
      const value = row.numberAt(cell, 'value', 'units');
      const at = { sheet: row.sheet, cell: cell.address };
      if (value !== undefined && !Number.isInteger(value)) {
        sink.push(makeFinding('values.fractional-jobs', at, { column: field.value }, { expected: 'heltall', actual: value }));
      } else if (value !== undefined && YEAR_FIELDS.includes(key) && !S.ProgramSchema.shape[key].safeParse(value).success) {
        // A year the programme cannot have (say -2022) would otherwise name the generated sheet and its anchors.
        sink.push(
          makeFinding(
            'structure.invalid-value',
            at,
            { value, column: field.value, table: TABLES.program.name, allowed: YEAR_RANGE },
            { expected: YEAR_RANGE, actual: String(value) },
          ),
        );
      } else if (value !== undefined) {
        program[key] = { value, ...at } as Located<number> & Located<string>;
      }
    } else {
      const text = cellText(cell);
      if (text !== '') program[key] = { value: text, sheet: row.sheet, cell: cell.address } as Located<number> & Located<string>;
    }
  }
  return program;
}

function programKey(field: string): ProgramKey | undefined {
  const wanted = normalizeKey(field);
  return (Object.keys(PROGRAM_FIELDS) as ProgramKey[]).find((k) => normalizeKey(PROGRAM_FIELDS[k]) === wanted);
}

// ---- Reference data --------------------------------------------------------------------------------

function parseArea(row: RowReader, sink?: Sink): Area | undefined {
  const nr = row.count('nr');
  const name = row.text('name');
  const type = row.text('type');
  const kind = type ? areaType(type.value) : undefined;
  if (type && kind === undefined && sink) {
    sink.push(
      makeFinding(
        'structure.invalid-value',
        row.at('type'),
        { value: type.value, column: row.header('type'), table: TABLES.areas.name, allowed: 'Tematisk, Støtteområde' },
        { expected: 'Tematisk | Støtteområde', actual: type.value },
      ),
    );
  }
  if (!nr || !name || !kind) return undefined;
  return { nr: nr.value, name: name.value, type: kind, ref: row.range };
}

function areaType(text: string): 'tematisk' | 'stotte' | undefined {
  const key = normalizeKey(text);
  if (key.startsWith('tema')) return 'tematisk';
  if (key.startsWith('stotte')) return 'stotte';
  return undefined;
}

/** The area column holds the area's number, or its name (`2. Innovasjonskultur` or `Innovasjonskultur`). */
export function resolveArea(text: string, areas: readonly Area[]): number | undefined {
  const numbered = /^\s*(\d+)\s*\.?/.exec(text);
  if (numbered?.[1] !== undefined) return Number(numbered[1]);
  const key = normalizeKey(text);
  return areas.find((a) => normalizeKey(a.name) === key)?.nr;
}

function parseStrategy(row: RowReader, areas: readonly Area[], sink: Sink): Strategy | undefined {
  const code = row.text('code');
  const name = row.text('name');
  const areaText = row.text('area');
  const description = row.has('description') ? (row.text('description')?.value ?? '') : '';
  const area = areaText ? resolveArea(areaText.value, areas) : undefined;
  if (areaText && area === undefined) {
    sink.push(
      makeFinding(
        'structure.unknown-reference',
        row.at('area'),
        { what: 'innsatsområde', value: areaText.value, table: TABLES.strategies.name },
        { actual: areaText.value },
      ),
    );
  }
  const values = checked(
    S.StrategyRowSchema,
    { code: code?.value.trim(), name: name?.value, area, description },
    row,
    sink,
    TABLES.strategies.name,
  );
  if (!values) return undefined;
  return { ...values, ref: row.range };
}

function parseNaering(row: RowReader): Naering | undefined {
  const nr = row.count('nr');
  const name = row.text('name');
  if (!nr || !name) return undefined;
  return { nr: nr.value, name: name.value, ref: row.range };
}

// ---- Targets ---------------------------------------------------------------------------------------

function yearOfHeader(header: string): number | undefined {
  const m = /^\s*(\d{4})\s*$/.exec(header);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

function isSumLabel(text: string): boolean {
  const key = normalizeKey(text);
  return key === 'totalt' || key === 'total' || startsWithSumWord(text);
}

/**
 * `Sum`, `Sum totalt`, `SUM:`, `Sum innsatsområder`, `Summen`, `Sum.` — but not a post that only begins with
 * the letters (`Sumpmarka`, `Summit-konferanse`): the word Sum (or Summen, Summert) itself must stand first.
 */
function startsWithSumWord(text: string): boolean {
  return /^\s*sum(?:men|mert)?(?![\p{L}\p{N}])/iu.test(text);
}

function parseJobTargets(table: BoundTable, program: Program, sink: Sink, unknowns: UnknownFigure[]): JobTargets {
  const first = program.firstYear?.value;
  const last = program.lastYear?.value;
  const outside = (year: number) => first !== undefined && last !== undefined && first <= last && (year < first || year > last);
  const allYears = table.others.flatMap((c) => {
    const year = yearOfHeader(c.header);
    return year === undefined ? [] : [{ year, index: c.index }];
  });
  // A year column outside the period is reported once at its header and not read: its figures would count
  // towards no year the plan has, and the declared sums that include them cannot be checked.
  for (const column of allYears.filter((c) => outside(c.year))) {
    const header = table.snapshot.header[column.index];
    if (header)
      sink.push(
        makeFinding(
          'structure.year-column-outside-period',
          { sheet: table.snapshot.sheet, cell: header.address },
          { year: column.year, table: table.spec.name, first: first ?? '', last: last ?? '' },
          { expected: `${first}–${last}`, actual: String(column.year) },
        ),
      );
  }
  const yearColumns = allYears.filter((c) => !outside(c.year));
  const ignoredColumns = allYears.filter((c) => outside(c.year));
  const rows: JobTargetRow[] = [];
  let totalCells: SnapshotCell[] | undefined = table.snapshot.totalRow;
  let totalReader: RowReader | undefined = totalCells ? new RowReader(table, totalCells, sink) : undefined;
  for (const row of readRows(table, sink)) {
    const label = cellText(row.cell('naering'));
    // A body row labelled "Sum" stands in for the total row in workbooks that do not show one.
    if (isSumLabel(label) && !totalCells) {
      totalCells = row.cells;
      totalReader = row;
      continue;
    }
    const naering = row.text('naering');
    const name = naering?.value ?? null;
    const { figures: byYear, sum } = readMatrixRow(
      row,
      yearColumns.map((c) => ({ key: c.year, index: c.index })),
      ignoredColumns.map((c) => c.index),
      sink,
      unknowns,
      (year, isSum) => ({ table: 'jobTargets', naering: name, year, sum: isSum, total: false }),
    );
    if (!naering) continue;
    const entry: JobTargetRow = { naering, byYear, row: row.range };
    if (sum) entry.declaredSum = sum;
    rows.push(entry);
  }
  const declaredYearSums = new Map<number, Located<number>>();
  const result: JobTargets = { years: yearColumns.map((c) => c.year), rows, declaredYearSums, table: tableRef(table.snapshot) };
  if (totalReader) {
    for (const { year, index } of yearColumns) {
      const cell = totalReader.cells[index];
      if (!cell || isBlank(cell)) continue;
      const value = countAt(totalReader, cell, String(year), sink);
      if (value !== undefined) declaredYearSums.set(year, { value, sheet: totalReader.sheet, cell: cell.address });
      else
        unknowns.push({
          sheet: totalReader.sheet,
          cell: cell.address,
          what: { table: 'jobTargets', naering: null, year, sum: false, total: true },
        });
    }
    const total = totalReader.present('sum') ? totalReader.count('sum') : undefined;
    if (total) result.declaredTotal = total;
    const totalCell = totalReader.cell('sum');
    if (totalCell && totalReader.failed('sum'))
      unknowns.push({
        sheet: totalReader.sheet,
        cell: totalCell.address,
        what: { table: 'jobTargets', naering: null, year: null, sum: true, total: true },
      });
  }
  return result;
}

/** A whole, non-negative count from a cell outside the contract's named columns (years, strategies). */
/**
 * One row of a target matrix (a column per year in Arbeidsplassmal, per strategy in Resultatmal): its figures by
 * column key, and its declared Sum. A figure that cannot be read, a figure in a column that counts towards
 * nothing (`stray`) and an unreadable Sum are each an unknown at their cell, described by `what` (the key is null
 * for a stray column and for the sum).
 */
function readMatrixRow<K extends string | number>(
  row: RowReader,
  columns: readonly { key: K; index: number }[],
  stray: readonly number[],
  sink: Sink,
  unknowns: UnknownFigure[],
  what: (key: K | null, sum: boolean) => UnknownFigure['what'],
): { figures: Map<K, Located<number>>; sum: Located<number> | undefined } {
  const figures = new Map<K, Located<number>>();
  for (const { key, index } of columns) {
    const cell = row.cells[index];
    if (!cell || isBlank(cell)) continue;
    const value = countAt(row, cell, String(key), sink);
    if (value !== undefined) figures.set(key, { value, sheet: row.sheet, cell: cell.address });
    else unknowns.push({ sheet: row.sheet, cell: cell.address, what: what(key, false) });
  }
  for (const index of stray) {
    const cell = row.cells[index];
    if (cell && !isBlank(cell)) unknowns.push({ sheet: row.sheet, cell: cell.address, what: what(null, false) });
  }
  // Reading the sum is what marks its cell as failed.
  const sum = row.present('sum') ? row.count('sum') : undefined;
  const sumCell = row.cell('sum');
  if (sumCell && row.failed('sum')) unknowns.push({ sheet: row.sheet, cell: sumCell.address, what: what(null, true) });
  return { figures, sum };
}

function countAt(row: RowReader, cell: SnapshotCell, column: string, sink: Sink): number | undefined {
  const value = row.numberAt(cell, column, 'units');
  if (value === undefined) return undefined;
  return isCount(value, { sheet: row.sheet, cell: cell.address }, column, sink) ? value : undefined;
}

/** A column header that is neither a contract column nor anything the table reads, when it matters. */
function looksEmpty(table: BoundTable, index: number): boolean {
  return table.snapshot.rows.every((row) => {
    const cell = row[index];
    return cell === undefined || isBlank(cell);
  });
}

/**
 * Resultatmal's strategy columns are headed by a code of Strategier (`R1`, `R1. Rekruttering`, `1.1 – Kompetanse`).
 * A column headed otherwise is reported at its header, never silently dropped: an empty one is a warning, one
 * holding figures an error, and its figures make the sums they may belong to unknown.
 */
function parseResultatmal(table: BoundTable, codes: StrategyCodes, sink: Sink, unknowns: UnknownFigure[]): Resultatmal {
  const strategyColumns: { code: string; index: number }[] = [];
  const strayColumns: number[] = [];
  for (const c of table.others) {
    const code = codes.ofHeader(c.header);
    if (code !== undefined) {
      strategyColumns.push({ code, index: c.index });
      continue;
    }
    const header = table.snapshot.header[c.index];
    if (!header) continue;
    const empty = looksEmpty(table, c.index);
    const shown = c.header === '' ? `(${header.address})` : c.header;
    sink.push(
      makeFinding(
        'structure.unknown-column',
        { sheet: table.snapshot.sheet, cell: header.address },
        { header: shown, table: table.spec.name },
        { actual: shown, ...(empty ? { severity: 'advarsel' as const } : {}) },
      ),
    );
    if (!empty) strayColumns.push(c.index);
  }
  const rows: ResultatmalRow[] = [];
  for (const row of readRows(table, sink)) {
    if (isSumLabel(cellText(row.cell('naering')))) continue;
    const year = row.count('year');
    const naering = row.text('naering');
    const yearKey = keyOf(row, 'year', year?.value);
    const naeringKey = keyOf(row, 'naering', naering?.value);
    const { figures: byStrategy, sum } = readMatrixRow(
      row,
      strategyColumns.map((c) => ({ key: c.code, index: c.index })),
      strayColumns,
      sink,
      unknowns,
      (strategy, isSum) => ({ table: 'resultatmal', year: yearKey, naering: naeringKey, strategy, sum: isSum }),
    );
    // A row whose year or næring cannot be read: its figures may belong to any year's matrix.
    if (!year || !naering) {
      const at = row.firstFailure('year', 'naering');
      if (at && byStrategy.size > 0)
        unknowns.push({ ...at, what: { table: 'resultatmal', year: yearKey, naering: naeringKey, strategy: null, sum: false } });
      continue;
    }
    const entry: ResultatmalRow = { year: year.value, naering, byStrategy, row: row.range };
    if (sum) entry.declaredSum = sum;
    rows.push(entry);
  }
  return { strategyCodes: strategyColumns.map((c) => c.code), rows, table: tableRef(table.snapshot) };
}

function parseResultatmalSum(row: RowReader, areas: readonly Area[], sink: Sink, unknown: Unknowns): ResultatmalSumRow | undefined {
  const year = row.count('year');
  const areaText = row.text('area');
  const jobs = row.count('jobs');
  const areaKey = areaText === undefined ? undefined : isSumLabel(areaText.value) ? null : resolveArea(areaText.value, areas);
  if (unknown(row, { table: 'resultatmalSum', year: keyOf(row, 'year', year?.value), area: areaKey }, 'jobs', 'year', 'area'))
    return undefined;
  if (!year || !areaText || !jobs) return undefined;
  if (isSumLabel(areaText.value)) return { year: year.value, area: null, jobs };
  const area = resolveArea(areaText.value, areas);
  if (area === undefined) {
    sink.push(
      makeFinding(
        'structure.unknown-reference',
        row.at('area'),
        { what: 'innsatsområde', value: areaText.value, table: TABLES.resultatmalSum.name },
        { actual: areaText.value },
      ),
    );
    return undefined;
  }
  return { year: year.value, area, jobs };
}

// ---- Delmål and tiltak -----------------------------------------------------------------------------

/**
 * `G-H` means every strategy from G to H in the Strategier table's order; `E, F`, `E; F` and `E og F` name each
 * one. Unknown codes are kept as typed, so the structure rules can report them.
 */
export function expandStrategies(text: string, codes: readonly string[]): string[] {
  return new StrategyCodes(codes).expand(text);
}

function parseDelmal(row: RowReader, codes: StrategyCodes, sink: Sink): Delmal | undefined {
  const year = row.count('year');
  const strategies = row.text('strategies');
  const text = row.text('text');
  const minima: S.Minima = {};
  const minimaAt: Delmal['minimaAt'] = {};
  for (const key of ['started', 'completed', 'companies', 'newCompanies'] as const) {
    if (!row.present(key)) continue;
    const value = row.count(key);
    if (value) {
      minima[key] = value.value;
      minimaAt[key] = { sheet: value.sheet, cell: value.cell };
    }
  }
  const values = checked(
    S.DelmalRowSchema,
    { year: year?.value, strategies: strategies ? codes.expand(strategies.value) : undefined, text: text?.value, minima },
    row,
    sink,
    TABLES.delmal.name,
  );
  return values ? { ...values, minimaAt, ref: row.range, ...proposalOf(row) } : undefined;
}

function parseTiltak(row: RowReader, codes: StrategyCodes, sink: Sink): Tiltak | undefined {
  const year = row.count('year');
  const strategies = row.text('strategies');
  const text = row.text('text');
  const values = checked(
    S.TiltakRowSchema,
    { year: year?.value, strategies: strategies ? codes.expand(strategies.value) : undefined, text: text?.value },
    row,
    sink,
    TABLES.tiltak.name,
  );
  return values ? { ...values, ref: row.range, ...proposalOf(row) } : undefined;
}

/** A non-empty `Forslag` cell: the row is a proposal still to be decided. */
function proposalOf(row: RowReader): Proposed {
  const proposal = optionalText(row, 'proposal');
  return proposal !== null && proposal.value.trim() !== '' ? { proposal } : {};
}

// ---- Budget ----------------------------------------------------------------------------------------

function parseBudget(row: RowReader, codes: StrategyCodes, unknown: Unknowns, unknowns: UnknownFigure[]): BudgetLine | undefined {
  const year = row.count('year');
  const strategy = row.text('strategy');
  const amount = row.kroner('amount');
  const code = strategy && codes.resolve(strategy.value);
  if (
    unknown(
      row,
      { table: 'budget', year: keyOf(row, 'year', year?.value), strategy: keyOf(row, 'strategy', code) },
      'amount',
      'year',
      'strategy',
    )
  )
    return undefined;
  if (!year || !strategy || !amount || code === undefined) return undefined;
  // A Strategi that names no strategy (structure.unknown-reference at the cell): the line may be any area's.
  if (codes.size > 0 && codes.canonical(strategy.value) === undefined)
    unknowns.push({ ...row.at('strategy'), what: { table: 'budget', year: year.value, strategy: null } });
  return {
    year: year.value,
    strategy: { ...strategy, value: code },
    amount: { ...amount, value: toKroner(amount.value) },
    ...proposalOf(row),
  };
}

/** How a `Rammer` post is read: an area (by number or name), a declared sum line, or a cost line. */
export function classifyPost(post: string, areas: readonly Area[]): FrameKind {
  const key = normalizeKey(post);
  if (startsWithSumWord(post)) return key.includes('innsats') || key.includes('omrad') ? { kind: 'sum-areas' } : { kind: 'sum-total' };
  const area = resolveArea(post, areas);
  if (area !== undefined && areas.some((a) => a.nr === area)) return { kind: 'area', area };
  return { kind: 'cost' };
}

function parseFrame(row: RowReader, areas: readonly Area[], unknown: Unknowns): FrameLine | undefined {
  const year = row.count('year');
  const post = row.text('post');
  const amount = row.kroner('amount');
  const line = post && classifyPost(post.value, areas);
  if (unknown(row, { table: 'frames', year: keyOf(row, 'year', year?.value), line: keyOf(row, 'post', line) }, 'amount', 'year', 'post'))
    return undefined;
  if (!year || !post || !amount) return undefined;
  return {
    year: year.value,
    post,
    line: classifyPost(post.value, areas),
    amount: { ...amount, value: toKroner(amount.value) },
    ...proposalOf(row),
  };
}

function parseFinancingLine(row: RowReader, unknown: Unknowns): FinancingLine | undefined {
  const year = row.count('year');
  const source = row.text('source');
  const amount = row.kroner('amount');
  const isSum = source && isSumLabel(source.value);
  if (
    unknown(
      row,
      { table: 'financing', year: keyOf(row, 'year', year?.value), isSum: keyOf(row, 'source', isSum) },
      'amount',
      'year',
      'source',
    )
  )
    return undefined;
  if (!year || !source || !amount) return undefined;
  return {
    year: year.value,
    source,
    isSum: isSumLabel(source.value),
    amount: { ...amount, value: toKroner(amount.value) },
    ...proposalOf(row),
  };
}

// ---- Register (rules come with the project issue) --------------------------------------------------

function parseReallocation(row: RowReader, unknown: Unknowns): Reallocation | undefined {
  const date = row.date('date');
  const from = row.text('from');
  const to = row.text('to');
  const amount = row.kroner('amount');
  const year = date ? Number(date.value.slice(0, 4)) : undefined;
  const decision = row.text('decision')?.value ?? '';
  const what = {
    table: 'reallocations',
    year: keyOf(row, 'date', year),
    date: date?.value ?? null,
    from: from?.value ?? null,
    to: to?.value ?? null,
    amount: amount ? toKroner(amount.value) : null,
    decision,
  } as const;
  if (unknown(row, what, 'amount', 'date', 'from', 'to')) return undefined;
  if (!date || !from || !to || !amount) return undefined;
  return { date: date.value, from, to, amount: { ...amount, value: toKroner(amount.value) }, decision, ref: row.range };
}

function optionalText(row: RowReader, key: string): Located<string> | null {
  if (!row.present(key)) return null;
  return row.text(key) ?? null;
}

function parseProject(row: RowReader, codes: StrategyCodes, unknown: Unknowns, unknowns: UnknownFigure[]): Project | undefined {
  const id = row.text('id');
  // An empty name is reported; the project still counts (its grant is no less real without one).
  const name = row.text('name');
  const strategy = row.text('strategy');
  const granted = row.present('granted') ? row.kroner('granted') : undefined;
  const own = row.present('ownFinancing') ? row.kroner('ownFinancing') : undefined;
  const other = row.present('otherFinancing') ? row.kroner('otherFinancing') : undefined;
  const decision = row.present('decisionDate') ? row.date('decisionDate') : undefined;
  const status = optionalText(row, 'status');
  const year = decision?.value !== undefined ? Number(decision.value.slice(0, 4)) : null;
  const code = strategy ? codes.canonical(strategy.value) : undefined;
  const what = (field: Extract<UnknownWhat, { table: 'projects' }>['field']): UnknownWhat => ({
    table: 'projects',
    id: keyOf(row, 'id', id?.value),
    strategy: keyOf(row, 'strategy', code),
    year,
    field,
  });
  // A project whose id, Strategi or Vedtaksdato cannot be read cannot be placed: not dropped as if it were not
  // there, but every count it could belong to (its strategy's, any strategy's, its reports') left unknown.
  if (unknown(row, what('row'), 'id', 'strategy', 'decisionDate')) return undefined;
  if (!id || !strategy) return undefined;
  // A Strategi that names no strategy (projects.unknown-strategy says so at the cell): any strategy's count may miss it.
  if (code === undefined && codes.size > 0) unknowns.push({ ...row.at('strategy'), what: what('strategy') });
  // A money cell that cannot be read is no 0: what it feeds (grants, leverage, who is supported) is left unknown.
  for (const field of [...columnKeysOfKind('projects', 'kroner'), 'status' as const]) unknown(row, what(field), field);
  return {
    id,
    name: name?.value ?? '',
    owner: optionalText(row, 'owner')?.value ?? '',
    strategy: { ...strategy, value: codes.resolve(strategy.value) },
    naering: optionalText(row, 'naering'),
    phase: optionalText(row, 'phase'),
    status,
    decisionDate: decision?.value ?? null,
    granted: granted ? { ...granted, value: toKroner(granted.value) } : null,
    ownFinancing: own ? toKroner(own.value) : null,
    otherFinancing: other ? toKroner(other.value) : null,
    ref: row.range,
  };
}

function parseReport(row: RowReader, unknown: Unknowns): Report | undefined {
  const projectId = row.text('projectId');
  const date = row.date('date');
  const naering = row.text('naering');
  const jobs = row.count('jobs');
  const companies = row.present('companies') ? row.count('companies') : undefined;
  const newCompanies = row.present('newCompanies') ? row.count('newCompanies') : undefined;
  const year = date ? Number(date.value.slice(0, 4)) : undefined;
  const what = (field: Extract<UnknownWhat, { table: 'reports' }>['field']): UnknownWhat => ({
    table: 'reports',
    projectId: keyOf(row, 'projectId', projectId?.value),
    naering: keyOf(row, 'naering', naering?.value),
    year: keyOf(row, 'date', year),
    field,
  });
  for (const field of ['jobs', 'companies', 'newCompanies'] as const) unknown(row, what(field), field);
  // A report that cannot be placed (whose project, date or næring is unknown) may count for any of them.
  if (unknown(row, what('row'), 'projectId', 'date', 'naering')) return undefined;
  if (!projectId || !date || !naering || !jobs) return undefined;
  return {
    projectId,
    date,
    naering,
    jobs,
    companies: companies?.value ?? null,
    newCompanies: newCompanies?.value ?? null,
    comment: optionalText(row, 'comment')?.value ?? '',
    ref: row.range,
  };
}

/**
 * A report whose ProsjektID names no project of Prosjekter (projects.report-unknown-project, or a project row
 * that could not be read) is kept for the rules, and its figures are unknown for every count it could be in:
 * it may be a supported project's, under an id typed another way. When a project row that cannot be read may be
 * its project (that row's id is this one, or cannot be read), that row's cell is what blocks it, and is named.
 */
function unplacedReports(projects: readonly Project[], reports: readonly Report[], unknowns: readonly UnknownFigure[]): UnknownFigure[] {
  const ids = new Set(projects.map((p) => normalizeKey(p.id.value)));
  const unread = unknowns.filter((u) => u.what.table === 'projects' && u.what.field === 'row');
  const idOf = (u: UnknownFigure) => (u.what.table === 'projects' ? u.what.id : null);
  return reports
    .filter((r) => !ids.has(normalizeKey(r.projectId.value)))
    .map((r) => {
      const own = normalizeKey(r.projectId.value);
      const project = unread.find((u) => idOf(u) !== null && normalizeKey(idOf(u) ?? '') === own) ?? unread.find((u) => idOf(u) === null);
      const at = project ?? r.projectId;
      return {
        sheet: at.sheet,
        cell: at.cell,
        what: {
          table: 'reports',
          projectId: r.projectId.value,
          naering: r.naering.value,
          year: Number(r.date.value.slice(0, 4)),
          field: 'row',
        },
      };
    });
}

// ---- Effect indicators (§2.4) ------------------------------------------------------------------------

/** A kommunenummer as SSB writes it: four digits. A number cell lost its leading zero (301 is 0301). */
export function kommuneCode(cell: SnapshotCell | undefined): string {
  if (cell?.kind === 'number' && Number.isInteger(cell.value) && cell.value >= 0 && cell.value < 10_000)
    return String(cell.value).padStart(4, '0');
  return cellText(cell);
}

const KOMMUNENUMMER = /^\d{4}$/;

function parseKommune(row: RowReader, sink: Sink): Kommune | undefined {
  const nr = row.text('nr');
  const name = row.text('name');
  if (!nr || !name) return undefined;
  const code = kommuneCode(row.cell('nr'));
  if (!KOMMUNENUMMER.test(code)) {
    sink.push(
      makeFinding(
        'structure.invalid-value',
        row.at('nr'),
        { value: code, column: row.header('nr'), table: TABLES.kommuner.name, allowed: 'fire sifre (3320)' },
        { expected: 'fire sifre', actual: code },
      ),
    );
    return undefined;
  }
  return { nr: code, name: name.value, ref: row.range };
}

/**
 * An indicator row. A value that cannot be read is recorded as unknown (with its year, indicator and kommune),
 * so the generated reports show it as missing at that cell rather than as no data or 0.
 */
function parseIndicator(row: RowReader, unknown: Unknowns): IndicatorRow | undefined {
  const year = row.count('year');
  const indicator = row.text('indicator');
  const kommuneCell = row.has('kommune') ? row.cell('kommune') : undefined;
  const kommune = kommuneCell && kommuneCell.kind !== 'empty' && kommuneCode(kommuneCell) !== '' ? row.text('kommune') : undefined;
  const valueCell = row.cell('value');
  const value = valueCell ? row.numberAt(valueCell, 'value', 'units') : undefined;
  const fetched = row.has('fetched') && row.cell('fetched')?.kind !== 'empty' ? row.date('fetched') : undefined;
  const where = kommune ? kommuneCode(kommuneCell) : null;
  if (
    unknown(
      row,
      { table: 'indicators', year: keyOf(row, 'year', year?.value), indicator: keyOf(row, 'indicator', indicator?.value), kommune: where },
      'value',
    )
  )
    return undefined;
  if (!year || !indicator || value === undefined || !valueCell) return undefined;
  return {
    year,
    indicator,
    kommune: kommune ? { ...kommune, value: kommuneCode(kommuneCell) } : null,
    value: { value, sheet: row.sheet, cell: valueCell.address },
    source: optionalText(row, 'source'),
    sourceAt: row.has('source') ? row.at('source') : null,
    fetched: fetched?.value ?? null,
    ref: row.range,
  };
}

// ---- Notes -------------------------------------------------------------------------------------------

/** A `Merknader` row: the table it goes under (by name), its number (`1`, `1)`, `a`), its text. */
function parseNote(row: RowReader, sink: Sink): Note | undefined {
  const table = row.text('table');
  const nr = row.text('nr');
  const text = row.text('text');
  const refers = optionalText(row, 'refers');
  const key = table && noteTable(table.value);
  if (table && key === undefined) {
    const allowed = Object.values(NOTE_TABLES).join(', ');
    sink.push(
      makeFinding(
        'structure.invalid-value',
        row.at('table'),
        { value: table.value, column: row.header('table'), table: TABLES.notes.name, allowed },
        { expected: allowed, actual: table.value },
      ),
    );
  }
  if (!key || !nr || !text) return undefined;
  return {
    table: key,
    nr: nr.value.replace(/\)\s*$/, '').trim(),
    text: text.value,
    refers: refers ? normalizeKey(refers.value) : null,
    ref: row.range,
  };
}

function noteTable(text: string): NoteTable | undefined {
  const key = normalizeKey(text);
  return (Object.keys(NOTE_TABLES) as NoteTable[]).find((k) => normalizeKey(NOTE_TABLES[k]) === key);
}
