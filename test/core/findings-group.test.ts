import { groupFindings } from '../../src/core/findings/group';
import { plannedFixes, planFixes, runBytes, runCells, stillAsValidated, type FixRun } from '../../src/core/findings/fixPlan';
import type { QuickFix } from '../../src/core/findings/types';
import { a1, parseCell } from '../../src/core/util/brand';
import { addressOf, consistentPlan, setCell, snapshot, totalAddressOf, validate } from '../support/planBuilder';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { reportsWithJobsAsText } from '../../src/core/sample/scale';

describe('groupFindings', () => {
  test('the same rule in the same table column is one group, titled with count, table and column (a second programme)', () => {
    const data = consistentPlan();
    for (const code of ['A', 'B', 'C']) setCell(data, 'Budsjett', [2022, code], 'Beløp', '100 000');
    const { groups, findings } = validate(data);
    const asText = groups.filter((g) => g.rule === 'values.number-as-text');
    expect(asText).toHaveLength(1);
    const [group] = asText;
    expect(group?.findings.map((f) => f.cell)).toEqual(
      ['A', 'B', 'C'].map((code) => addressOf(data, 'Budsjett', [2022, code], 'Beløp').cell),
    );
    expect(group?.fixes).toHaveLength(3);
    expect(group?.title).toEqual({ nb: '3 tall lagret som tekst i Budsjett · Beløp', en: '3 numbers stored as text in Budsjett · Beløp' });
    expect(group).toMatchObject({ table: 'Budsjett', column: 'Beløp', sheet: 'Budsjett', severity: 'advarsel' });
    // nothing is lost or doubled: every finding is in exactly one group
    expect(groups.flatMap((g) => g.findings)).toHaveLength(findings.length);
    expect(new Set(groups.flatMap((g) => g.findings))).toEqual(new Set(findings));
  });

  test("a group of one carries the finding's own message", () => {
    const data = setCell(consistentPlan(), 'Budsjett', [2022, 'A'], 'Beløp', '300 000');
    const group = validate(data).groups.find((g) => g.rule === 'values.number-as-text');
    expect(group?.findings).toHaveLength(1);
    expect(group?.title).toEqual(group?.findings[0]?.message);
  });

  test('other columns, other tables and other rules make other groups; sums outside a body stay single', () => {
    const data = consistentPlan();
    setCell(data, 'Budsjett', [2022, 'A'], 'Beløp', '300 000');
    setCell(data, 'Budsjett', [2022, 'B'], 'Beløp', '200 000');
    setCell(data, 'Rammer', [2022, 'Kompetanse'], 'Beløp', '500 000');
    setCell(data, 'Arbeidsplassmal', ['Industri'], 'Sum', 11);
    setCell(data, 'Arbeidsplassmal', ['Reiseliv'], 'Sum', 12);
    const { groups } = validate(data);
    const budget = groups.find((g) => g.rule === 'values.number-as-text' && g.table === 'Budsjett');
    const frames = groups.find((g) => g.rule === 'values.number-as-text' && g.table === 'Rammer');
    expect(budget?.findings).toHaveLength(2);
    expect(frames?.findings).toHaveLength(1);
    // row sums name their own næring: each stays a finding of its own, even in one column
    const rowSums = groups.filter((g) => g.rule === 'targets.row-sum');
    expect(rowSums).toHaveLength(2);
    expect(rowSums.map((g) => g.findings.length)).toEqual([1, 1]);
    expect(rowSums.map((g) => g.table)).toEqual([undefined, undefined]);
  });

  test('total-row findings are groups of their own, and groups are ordered by severity', () => {
    const data = consistentPlan();
    setCell(data, 'Budsjett', [2022, 'A'], 'Beløp', '300 000');
    const total = totalAddressOf(data, 'Arbeidsplassmal', '2022');
    const table = data.tables.find((t) => t.name === 'Arbeidsplassmal');
    if (table?.totalRow) table.totalRow[1] = 99;
    const { groups } = validate(data);
    const yearSum = groups.find((g) => g.rule === 'targets.year-sum');
    expect(yearSum).toMatchObject({ sheet: total.sheet, findings: [expect.objectContaining({ cell: total.cell })] });
    expect(yearSum?.table).toBeUndefined();
    const order = { feil: 0, advarsel: 1, info: 2 };
    const severities = groups.map((g) => order[g.severity]);
    expect(severities).toEqual([...severities].sort((x, y) => x - y));
  });

  test('the published sample: five findings, five groups, as today', () => {
    const { groups, findings } = validate(hallingdalSample());
    expect(groups).toHaveLength(findings.length);
    for (const g of groups) expect(g.title).toEqual(g.findings[0]?.message);
  });

  test('5 000 numbers stored as text in Rapporter are one group', () => {
    const data = reportsWithJobsAsText(5_000);
    const result = validate(data);
    const group = result.groups.find((g) => g.rule === 'values.number-as-text');
    expect(group?.findings).toHaveLength(5_000);
    expect(group?.title.nb).toBe('5\u00a0000 tall lagret som tekst i Rapporter · Nye arbeidsplasser');
    expect(group?.title.en).toBe('5,000 numbers stored as text in Rapporter · Nye arbeidsplasser');
    expect(groupFindings(result.findings, snapshot(data))).toEqual(result.groups);
  });
});

function fix(sheet: string, cell: string, value: number): QuickFix {
  return { kind: 'set-number', sheet, cell: a1(cell), value, text: String(value), label: { nb: '', en: '' } };
}

/** Every cell a run writes, with its value. */
function written(runs: readonly FixRun[]): string[] {
  return runs.flatMap((run) => {
    const [start = run.range, end = start] = run.range.split(':');
    const top = parseCell(start);
    const bottom = parseCell(end);
    expect(top.column).toBe(bottom.column);
    expect(run.values).toHaveLength(bottom.row - top.row + 1);
    return run.values.map((v, i) => `${run.sheet}!${start.replace(/\d+$/, '')}${top.row + i}=${v}`);
  });
}

describe('planFixes', () => {
  test('adjacent cells of a column become one run; a gap, another column or another sheet starts a new one', () => {
    const fixes = [fix('S', 'B3', 3), fix('S', 'B2', 2), fix('S', 'B4', 4), fix('S', 'B6', 6), fix('S', 'C2', 7), fix('T', 'B5', 8)];
    const plan = planFixes(fixes, { maxRequestBytes: 1_000_000 });
    expect(plan.requests).toHaveLength(1);
    expect(plan.requests[0]?.map((r) => `${r.sheet}!${r.range}`)).toEqual(['S!B2:B4', 'S!B6', 'S!C2', 'T!B5']);
    expect(plan.cells).toBe(6);
    expect(written(plan.requests.flat()).sort()).toEqual(['S!B2=2', 'S!B3=3', 'S!B4=4', 'S!B6=6', 'S!C2=7', 'T!B5=8']);
  });

  test('a repeated fix is written once; a conflicting one, a range or a non-number is skipped', () => {
    const range = { ...fix('S', 'A1', 1), cell: a1('A1:A3') };
    const nan = fix('S', 'A9', Number.NaN);
    const plan = planFixes([fix('S', 'A1', 1), fix('S', 'A1', 1), fix('S', 'A1', 2), range, nan], { maxRequestBytes: 1_000_000 });
    expect(plan.cells).toBe(1);
    expect(plan.skipped).toEqual([fix('S', 'A1', 2), range, nan]);
  });

  test('requests stay within the budget, a long run is split, and every cell is written exactly once', () => {
    const fixes = Array.from({ length: 10_000 }, (_, i) => fix('Rapporter', `D${i + 2 + (i >= 5_000 ? 1 : 0)}`, i % 7));
    const budget = 20_000;
    const plan = planFixes(fixes, { maxRequestBytes: budget });
    expect(plan.requests.length).toBeGreaterThan(1);
    for (const request of plan.requests) expect(request.reduce((sum, run) => sum + runBytes(run), 0)).toBeLessThanOrEqual(budget);
    const cells = written(plan.requests.flat());
    expect(cells).toHaveLength(10_000);
    expect(new Set(cells)).toEqual(new Set(fixes.map((f) => `${f.sheet}!${f.cell}=${f.value}`)));
  });

  test("10 000 cells fit in one request of Excel's budget, scattered or not", () => {
    const column = Array.from({ length: 10_000 }, (_, i) => fix('R', `D${i + 2}`, 1));
    const scattered = Array.from({ length: 10_000 }, (_, i) => fix('R', `D${2 * i + 2}`, 1));
    expect(planFixes(column, { maxRequestBytes: 4 * 1024 * 1024 }).requests).toHaveLength(1);
    expect(planFixes(scattered, { maxRequestBytes: 4 * 1024 * 1024 }).requests).toHaveLength(1);
  });

  test('nothing to fix is no request', () => {
    expect(planFixes([], { maxRequestBytes: 100 })).toEqual({ requests: [], cells: 0, skipped: [] });
  });
});

describe('stillAsValidated', () => {
  test('a fix applies only while its cell holds the text it was validated with', () => {
    const fixes = [fix('S', 'B2', 1), fix('S', 'B3', 2), fix('S', 'B4', 3), fix('S', 'B5', 4), fix('T', 'B2', 5)];
    const now = new Map<string, string | undefined>([
      ['S!B2', '1'],
      ['S!B3', '20'],
      ['S!B4', undefined],
      ['T!B2', '5'],
    ]);
    const verified = stillAsValidated(fixes, (sheet, cell) => now.get(`${sheet}!${cell}`));
    // B3 holds another text now, B4 no text (a number or empty), B5 is not there any more
    expect(verified.unchanged).toEqual([fixes[0], fixes[4]]);
    expect(verified.changed).toBe(3);
  });

  test('the same cell named twice counts once', () => {
    const verified = stillAsValidated([fix('S', 'B2', 1), fix('S', 'B2', 1)], () => 'x');
    expect(verified).toEqual({ unchanged: [], changed: 1 });
  });

  test('runCells names every cell of a run, top to bottom; plannedFixes drops what the plan skipped', () => {
    expect(runCells({ range: a1('D5:D7') })).toEqual(['D5', 'D6', 'D7']);
    expect(runCells({ range: a1('AA9') })).toEqual(['AA9']);
    const conflict = fix('S', 'A1', 2);
    const fixes = [fix('S', 'A1', 1), conflict, fix('S', 'A2', 1)];
    expect(plannedFixes(fixes, planFixes(fixes, { maxRequestBytes: 1_000 }))).toEqual([fixes[0], fixes[2]]);
  });
});
