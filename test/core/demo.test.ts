import { TABLES } from '../../src/core/contract/contract';
import type { CellInput, TableData, WorkbookData } from '../../src/core/contract/tableData';
import { countForDelmal, countJobs, grantsPerStrategy, grantTotals, leverage, projectsByPhaseAndStatus } from '../../src/core/count';
import type { Plan } from '../../src/core/model/plan';
import { framesAfterReallocations } from '../../src/core/count/reallocations';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { parseCommandLine } from '../../src/cli/args';
import { addressOf, validate } from '../support/planBuilder';
import { sampleExpectations } from '../support/sampleExpectations';

/**
 * The demo's register, as written in src/core/sample/demo.ts, and every figure worked out by hand from it.
 *
 *   id      strategy (area)  næring      phase          status     decided     Innvilget  own      other
 *   EKS-01  A (1)            Øvrig       Hovedprosjekt  Aktiv      15.03.2022  300 000    150 000  50 000
 *   EKS-02  B (1)            Bygg        Forprosjekt    Avsluttet  20.04.2022  200 000    100 000  –
 *   EKS-03  C (2)            Industri    Forstudie      Avsluttet  10.02.2022  100 000    25 000   –
 *   EKS-04  E (2)            Opplevelse  Hovedprosjekt  Innvilget  25.01.2023  150 000    75 000   75 000
 *   EKS-05  J (4)            Industri    Forprosjekt    Aktiv      10.05.2023  250 000    100 000  150 000
 *   EKS-06  D (2)            Opplevelse  Forstudie      Søkt       –           –          40 000   –        no grant
 *   EKS-07  G (3)            Øvrig       Forstudie      Avslått    01.06.2022  0          –        –        no grant
 *   EKS-08  M (6)            Øvrig       Forprosjekt    Aktiv      01.09.2022  100 000    –        25 000
 *
 *   report  date        næring      jobs  companies  new
 *   EKS-01  30.06.2022  Øvrig       2     4          0
 *   EKS-01  30.06.2023  Opplevelse  1     3          0    (counts for the næring it names)
 *   EKS-02  15.12.2022  Bygg        3     5          1
 *   EKS-02  31.03.2023  Bygg        0     –          –    (2 of the 3 jobs of 2022 gone: gross keeps them)
 *   EKS-03  01.10.2022  Industri    1     6          0
 *   EKS-04  30.09.2023  Opplevelse  2     2          2
 *   EKS-05  30.11.2023  Industri    4     5          1
 *   EKS-06  15.11.2022  Opplevelse  1     1          0    (no grant: not counted)
 *   EKS-08  01.12.2022  Øvrig       1     0          0
 *
 * Gross jobs                2022  2023  2024  to date
 *   Opplevelsesnæring         0     3     0      3     (EKS-06's 1 in 2022 excluded; 1 + 2 in 2023)
 *   Bygg og anlegg            3     0     0      3     (net would be 1)
 *   Industri                  1     4     0      5
 *   Øvrig næringsliv          3     0     0      3     (2 + 1)
 *   all                       7     7     0     14     to date 7, 14, 14
 *
 * Granted per strategy: 2022 A 300 000, B 200 000, C 100 000, M 100 000 = 700 000;
 *                       2023 E 150 000, J 250 000 = 400 000; in all 1 100 000.
 * Leverage: 2022 (275 000 own + 75 000 other) / 700 000 = 0,5; 2023 (175 000 + 225 000) / 400 000 = 1;
 *           in all 750 000 / 1 100 000 = 15/22 ≈ 0,68. EKS-06's own 40 000 had no grant: left out.
 *
 * Reallocation 15.09.2022: 100 000 from area 3 (400 000 → 300 000) to area 1 (800 000 → 900 000); the
 * demo's Budsjett lines follow: H 200 000 → 100 000 (G 200 000 + H 100 000 = 300 000), A 400 000 → 500 000
 * (A 500 000 + B 400 000 = 900 000).
 */

const OPPLEVELSE = 'Opplevelsesnæring';
const BYGG = 'Bygg og anlegg';
const INDUSTRI = 'Industri';
const OVRIG = 'Øvrig næringsliv';

function table(data: WorkbookData, name: string): TableData {
  const found = data.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

function records(t: TableData): Record<string, CellInput>[] {
  return t.rows.map((r) => Object.fromEntries(t.header.map((header, i) => [header, r[i] ?? null])));
}

const MINIMUM_COLUMN = {
  started: 'Prosjekter igangsatt',
  completed: 'Prosjekter gjennomført',
  companies: 'Bedrifter involvert',
  newCompanies: 'Nye bedrifter',
} as const;

const years = (values: [number, number, number]) =>
  new Map([
    [2022, values[0]],
    [2023, values[1]],
    [2024, values[2]],
  ]);

describe('the demo workbook', () => {
  const demo = hallingdalDemo();
  const sample = hallingdalSample();

  test('is the published plan plus the register: every other table is the sample, untouched', () => {
    const added = new Set<string>([TABLES.projects.name, TABLES.reports.name, TABLES.reallocations.name, TABLES.budget.name]);
    expect(demo.sheets).toEqual(sample.sheets);
    expect(demo.tables.map((t) => t.name)).toEqual(sample.tables.map((t) => t.name));
    for (const t of sample.tables.filter((x) => !added.has(x.name))) expect(table(demo, t.name)).toEqual(t);
    for (const name of [TABLES.projects.name, TABLES.reports.name, TABLES.reallocations.name]) {
      const { rows, ...rest } = table(demo, name);
      const { rows: sampleRows, ...sampleRest } = table(sample, name);
      expect(rest).toEqual(sampleRest);
      expect(sampleRows).toEqual([]);
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  test('changes only the Budsjett lines of A and H, by the 100 000 reallocated', () => {
    const before = records(table(sample, 'Budsjett'));
    const after = records(table(demo, 'Budsjett'));
    const changed = after.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i]));
    expect(changed).toEqual([
      { År: 2022, Strategi: 'A', Beløp: 500000, Forslag: null },
      { År: 2022, Strategi: 'H', Beløp: 100000, Forslag: null },
    ]);
    expect(before.find((r) => r['Strategi'] === 'A')?.['Beløp']).toBe(400000);
    expect(before.find((r) => r['Strategi'] === 'H')?.['Beløp']).toBe(200000);
  });

  test('hallingdalSample() is still the published plan: a fresh copy each call, with no register', () => {
    expect(hallingdalSample()).toEqual(sample);
    hallingdalDemo();
    expect(hallingdalSample()).toEqual(sample);
    for (const name of [TABLES.projects.name, TABLES.reports.name, TABLES.reallocations.name]) expect(table(sample, name).rows).toEqual([]);
  });

  test('has 6–10 clearly fictional projects spread over strategies, næringer, phases and statuses', () => {
    const projects = records(table(demo, 'Prosjekter'));
    expect(projects.length).toBeGreaterThanOrEqual(6);
    expect(projects.length).toBeLessThanOrEqual(10);
    for (const p of projects) {
      expect(p['Prosjekt']).toMatch(/^Eksempel: /);
      expect(p['Prosjekteier']).toMatch(/^Eksempel /);
    }
    for (const r of records(table(demo, 'Rapporter'))) expect(r['Kommentar']).toMatch(/^Eksempel: /);
    expect(new Set(projects.map((p) => p['Strategi'])).size).toBe(8);
    expect(new Set(projects.map((p) => p['Næring']))).toEqual(new Set([OPPLEVELSE, BYGG, INDUSTRI, OVRIG]));
    expect(new Set(projects.map((p) => p['PLP-fase']))).toEqual(new Set(['Forstudie', 'Forprosjekt', 'Hovedprosjekt']));
    expect(new Set(projects.map((p) => p['Status']))).toEqual(new Set(['Søkt', 'Innvilget', 'Aktiv', 'Avsluttet', 'Avslått']));
  });
});

describe('the demo validated', () => {
  const demo = hallingdalDemo();

  test("for 2022: the published plan's findings, the report without a grant, and the delmål the register does not meet yet", () => {
    const result = validate(demo);
    const found = result.findings.map(({ rule, severity, sheet, cell, expected, actual }) => ({
      rule,
      severity,
      sheet,
      cell,
      expected,
      actual,
    }));
    // no feil other than the published plan's four resultatmål errors
    expect(found.filter((f) => f.severity === 'feil')).toEqual(sampleExpectations(demo).filter((f) => f.severity === 'feil'));
    expect(found.filter((f) => f.severity === 'advarsel')).toEqual([
      ...sampleExpectations(demo).filter((f) => f.severity === 'advarsel'),
      {
        rule: 'projects.report-without-grant',
        severity: 'advarsel',
        ...addressOf(demo, 'Rapporter', ['EKS-06'], 'Nye arbeidsplasser'),
        expected: 'Innvilget > 0',
        actual: 0,
      },
    ]);
    // Delmål 2022 against the register (today unknown, so info). Per row, [minimum, counted]:
    //   A: started 2 vs 1 (EKS-01), completed 1 vs 0, companies 5 vs 4 (EKS-01's 2022 report)
    //   B: started 2 vs 1 (EKS-02); completed 1 vs 1 and companies 5 vs 5 are met
    //   C: started 1 vs 1, completed 1 vs 1: met
    //   D: completed 1 vs 0 (EKS-06 has no grant)
    //   E-F: started 5 vs 0 and new companies 3 vs 0 (EKS-04 is 2023)
    //   G-H: started 3 vs 0, completed 1 vs 0 (EKS-07 granted 0)
    //   I-J: started 3 vs 0, completed 1 vs 0, companies 5 vs 0 (EKS-05 is 2023)
    //   K: started 1 vs 0; L: completed 1 vs 0; M: completed 1 vs 0 (EKS-08 is aktiv)
    type Minimum = keyof typeof MINIMUM_COLUMN;
    const info = (strategies: string, triples: [Minimum, number, number][]) =>
      triples.map(([minimum, expected, actual]) => ({
        rule: 'delmal.minimum-not-met',
        severity: 'info',
        ...addressOf(demo, 'Delmal', [2022, strategies], MINIMUM_COLUMN[minimum]),
        expected,
        actual,
      }));
    expect(found.filter((f) => f.severity === 'info')).toEqual([
      ...info('A', [
        ['started', 2, 1],
        ['completed', 1, 0],
        ['companies', 5, 4],
      ]),
      ...info('B', [['started', 2, 1]]),
      ...info('D', [['completed', 1, 0]]),
      ...info('E-F', [
        ['started', 5, 0],
        ['newCompanies', 3, 0],
      ]),
      ...info('G-H', [
        ['started', 3, 0],
        ['completed', 1, 0],
      ]),
      ...info('I-J', [
        ['started', 3, 0],
        ['completed', 1, 0],
        ['companies', 5, 0],
      ]),
      ...info('K', [['started', 1, 0]]),
      ...info('L', [['completed', 1, 0]]),
      ...info('M', [['completed', 1, 0]]),
    ]);
    expect(result.summary).toEqual({ feil: 4, advarsel: 2, info: 15 });
  });

  test('once 2022 is over, the delmål not met are warnings', () => {
    const result = validate(demo, { today: '2023-01-15' });
    expect(result.summary).toEqual({ feil: 4, advarsel: 17, info: 0 });
  });

  test('for 2023: grants without a 2023 budget line are over budget, at the first project of each strategy', () => {
    const found = validate(demo, { year: 2023 }).findings.map(({ rule, severity, cell, expected, actual }) => ({
      rule,
      severity,
      cell,
      expected,
      actual,
    }));
    expect(found).toEqual([
      {
        rule: 'structure.no-data-for-year',
        severity: 'info',
        cell: addressOf(demo, 'Program', ['Handlingsplanår'], 'Verdi').cell,
        expected: '2023',
        actual: null,
      },
      {
        rule: 'projects.granted-over-budget',
        severity: 'advarsel',
        cell: addressOf(demo, 'Prosjekter', ['EKS-04'], 'Innvilget').cell,
        expected: 0,
        actual: 150000,
      },
      {
        rule: 'projects.granted-over-budget',
        severity: 'advarsel',
        cell: addressOf(demo, 'Prosjekter', ['EKS-05'], 'Innvilget').cell,
        expected: 0,
        actual: 250000,
      },
      {
        rule: 'projects.report-without-grant',
        severity: 'advarsel',
        cell: addressOf(demo, 'Rapporter', ['EKS-06'], 'Nye arbeidsplasser').cell,
        expected: 'Innvilget > 0',
        actual: 0,
      },
    ]);
  });
});

describe('the demo counted, figure by figure', () => {
  const plan: Plan = validate(hallingdalDemo()).plan;

  test('gross jobs per næring and year, and to date', () => {
    const count = countJobs(plan);
    expect(count.years).toEqual([2022, 2023, 2024]);
    expect(count.naeringer.map((n) => [n.naering, n.perYear, n.toDate, n.total, n.reports])).toEqual([
      [OPPLEVELSE, years([0, 3, 0]), years([0, 3, 3]), 3, 2],
      [BYGG, years([3, 0, 0]), years([3, 3, 3]), 3, 2],
      [INDUSTRI, years([1, 4, 0]), years([1, 5, 5]), 5, 2],
      [OVRIG, years([3, 0, 0]), years([3, 3, 3]), 3, 2],
    ]);
    expect(count.perYear).toEqual(years([7, 7, 0]));
    expect(count.toDate).toEqual(years([7, 14, 14]));
    expect(count.total).toBe(14);
    expect(count.reports).toBe(8);
    expect(count.excluded.map((e) => [e.projectId, e.date, e.naering, e.jobs, e.reason])).toEqual([
      ['EKS-06', '2022-11-15', OPPLEVELSE, 1, 'no-grant'],
    ]);
  });

  test('granted per strategy', () => {
    const granted = (year: number) =>
      grantsPerStrategy(plan, year)
        .filter((g) => g.granted > 0)
        .map((g) => [g.strategy, g.granted, g.projects, g.budget]);
    expect(granted(2022)).toEqual([
      ['A', 300000, 1, 500000],
      ['B', 200000, 1, 400000],
      ['C', 100000, 1, 400000],
      ['M', 100000, 1, 200000],
    ]);
    expect(granted(2023)).toEqual([
      ['E', 150000, 1, null],
      ['J', 250000, 1, null],
    ]);
    expect(granted(2024)).toEqual([]);
    expect(grantsPerStrategy(plan, 2022)).toHaveLength(13);
  });

  test('leverage', () => {
    expect(grantTotals(plan, 2022)).toEqual({ granted: 700000, own: 275000, other: 75000, projects: 4 });
    expect(grantTotals(plan, 2023)).toEqual({ granted: 400000, own: 175000, other: 225000, projects: 2 });
    expect(grantTotals(plan)).toEqual({ granted: 1100000, own: 450000, other: 300000, projects: 6 });
    expect(leverage(plan, 2022)).toBe(0.5);
    expect(leverage(plan, 2023)).toBe(1);
    expect(leverage(plan)).toBeCloseTo(15 / 22, 12);
    expect(leverage(plan, 2024)).toBeNull();
  });

  test('projects by phase and status', () => {
    const c = projectsByPhaseAndStatus(plan);
    expect(c.total).toBe(8);
    expect(c.byPhase).toEqual({ forstudie: 3, forprosjekt: 3, hovedprosjekt: 2, ukjent: 0 });
    expect(c.byStatus).toEqual({ søkt: 1, innvilget: 1, aktiv: 3, avsluttet: 2, avslått: 1, ukjent: 0 });
    expect(c.counts).toEqual({
      forstudie: { søkt: 1, innvilget: 0, aktiv: 0, avsluttet: 1, avslått: 1, ukjent: 0 },
      forprosjekt: { søkt: 0, innvilget: 0, aktiv: 2, avsluttet: 1, avslått: 0, ukjent: 0 },
      hovedprosjekt: { søkt: 0, innvilget: 1, aktiv: 1, avsluttet: 0, avslått: 0, ukjent: 0 },
      ukjent: { søkt: 0, innvilget: 0, aktiv: 0, avsluttet: 0, avslått: 0, ukjent: 0 },
    });
  });

  test('frames after the reallocation keep the total of 3 600 000', () => {
    expect(framesAfterReallocations(plan, 2022)).toEqual(
      new Map([
        [1, 900000],
        [2, 1200000],
        [3, 300000],
        [4, 800000],
        [5, 200000],
        [6, 200000],
      ]),
    );
  });

  test('delmål figures from the register', () => {
    expect(countForDelmal(plan, ['A'], 2022)).toEqual({ started: 1, completed: 0, companies: 4, newCompanies: 0 });
    expect(countForDelmal(plan, ['B'], 2022)).toEqual({ started: 1, completed: 1, companies: 5, newCompanies: 1 });
    expect(countForDelmal(plan, ['E', 'F'], 2023)).toEqual({ started: 1, completed: 0, companies: 2, newCompanies: 2 });
  });
});

describe('handlingsplan sample --demo', () => {
  test('the option is read for sample (eksempel) and only there', () => {
    expect(parseCommandLine(['sample', '--demo', 'demo.xlsx'])).toEqual({
      lang: 'nb',
      command: { kind: 'sample', out: 'demo.xlsx', force: false, demo: true },
    });
    expect(parseCommandLine(['eksempel', 'demo.xlsx', '--demo', '--force'])).toEqual({
      lang: 'nb',
      command: { kind: 'sample', out: 'demo.xlsx', force: true, demo: true },
    });
    expect(parseCommandLine(['sample', 'plain.xlsx']).command).not.toHaveProperty('demo');
    expect(() => parseCommandLine(['validate', 'x.xlsx', '--demo'])).toThrow();
    expect(() => parseCommandLine(['sample', 'x.xlsx', '--demo=yes'])).toThrow();
  });
});
