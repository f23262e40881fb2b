import type { WorkbookData } from '../../src/core/contract/tableData';
import { countForDelmal, countJobs, grantsPerStrategy, grantTotals, leverage, projectsByPhaseAndStatus } from '../../src/core/count';
import type { Plan } from '../../src/core/model/plan';
import { addressOf, addRow, consistentPlan, validate } from '../support/planBuilder';

/**
 * A hand-made register on consistentPlan() (næringer Industri and Reiseliv, strategies A–D, period 2022–2024):
 *
 *   project  strategy næring    phase          status     decided     Innvilget  own      other
 *   P-1      A        Industri  Forstudie      Avsluttet  01.02.2022  100 000    20 000   30 000
 *   P-2      B        Reiseliv  Forprosjekt    Aktiv      01.05.2023  200 000    100 000  –
 *   P-3      C        Industri  Forstudie      Søkt       –           –          50 000   –        no grant
 *   P-4      C        Reiseliv  Hovedprosjekt  Avslått    01.08.2022  0          –        –        no grant
 *   P-5      D        Industri  hoved-prosjekt aktiv      01.10.2022  50 000     –        50 000
 *   P-6      A        Industri  Pilot          –          –          –          –        –        no grant
 *
 *   report  project  date        næring    jobs  companies  new   counts?
 *   #1      P-1      01.05.2022  Industri  3     2          1     yes
 *   #2      P-1      01.11.2022  Reiseliv  1     1          0     yes, for Reiseliv (the næring it names)
 *   #3      P-1      01.03.2023  Industri  0     –          –     yes: a report, no new jobs ("2 of the 3 are gone")
 *   #4      P-2      01.09.2023  Reiseliv  2     3          1     yes
 *   #5      P-2      01.02.2024  Reiseliv  4     –          –     yes
 *   #6      P-3      01.06.2022  Industri  5     –          –     no: no grant (empty)
 *   #7      P-4      01.01.2023  Reiseliv  1     –          –     no: no grant (0)
 *   #8      P-9      01.01.2023  Industri  7     –          –     no: unknown project
 *   #9      P-5      01.06.2023  Industri  1     –          –     yes
 */
function register(d: WorkbookData = consistentPlan()): WorkbookData {
  const projects: (string | number | null)[][] = [
    ['P-1', 'Rekruttering', 'Eier AS', 'A', 'Industri', 'Forstudie', 'Avsluttet', '01.02.2022', 100000, 20000, 30000],
    ['P-2', 'Kurs', 'Eier AS', 'B', 'Reiseliv', 'Forprosjekt', 'Aktiv', '01.05.2023', 200000, 100000, null],
    ['P-3', 'Søknad', 'Eier AS', 'C', 'Industri', 'Forstudie', 'Søkt', null, null, 50000, null],
    ['P-4', 'Avslag', 'Eier AS', 'C', 'Reiseliv', 'Hovedprosjekt', 'Avslått', '01.08.2022', 0, null, null],
    ['P-5', 'Omdømme', 'Eier AS', 'D', 'Industri', 'hoved-prosjekt', 'aktiv', '01.10.2022', 50000, null, 50000],
    ['P-6', 'Idé', 'Eier AS', 'A', 'Industri', 'Pilot', null, null, null, null, null],
  ];
  for (const p of projects) addRow(d, 'Prosjekter', p);
  const reports: (string | number | null)[][] = [
    ['P-1', '01.05.2022', 'Industri', 3, 2, 1, ''],
    ['P-1', '01.11.2022', 'Reiseliv', 1, 1, 0, ''],
    ['P-1', '01.03.2023', 'Industri', 0, null, null, '2 av de 3 arbeidsplassene fra 2022 er borte'],
    ['P-2', '01.09.2023', 'Reiseliv', 2, 3, 1, ''],
    ['P-2', '01.02.2024', 'Reiseliv', 4, null, null, ''],
    ['P-3', '01.06.2022', 'Industri', 5, null, null, ''],
    ['P-4', '01.01.2023', 'Reiseliv', 1, null, null, ''],
    ['P-9', '01.01.2023', 'Industri', 7, null, null, ''],
    ['P-5', '01.06.2023', 'Industri', 1, null, null, ''],
  ];
  for (const r of reports) addRow(d, 'Rapporter', r);
  return d;
}

function planOf(d: WorkbookData): Plan {
  return validate(d).plan;
}

const byYear = (entries: [number, number][]) => new Map(entries);

describe('gross jobs', () => {
  const count = countJobs(planOf(register()));

  test('per næring and year, with the period to date', () => {
    // Industri: #1 3 (2022); #3 0 + #9 1 (2023); nothing in 2024 → 3, 1, 0 = 4
    // Reiseliv: #2 1 (2022); #4 2 (2023); #5 4 (2024)           → 1, 2, 4 = 7
    expect(count.years).toEqual([2022, 2023, 2024]);
    expect(count.naeringer.map((n) => n.naering)).toEqual(['Industri', 'Reiseliv']);
    const [industri, reiseliv] = count.naeringer;
    expect(industri).toEqual({
      naering: 'Industri',
      perYear: byYear([
        [2022, 3],
        [2023, 1],
        [2024, 0],
      ]),
      toDate: byYear([
        [2022, 3],
        [2023, 4],
        [2024, 4],
      ]),
      total: 4,
      reports: 3,
    });
    expect(reiseliv).toEqual({
      naering: 'Reiseliv',
      perYear: byYear([
        [2022, 1],
        [2023, 2],
        [2024, 4],
      ]),
      toDate: byYear([
        [2022, 1],
        [2023, 3],
        [2024, 7],
      ]),
      total: 7,
      reports: 3,
    });
  });

  test('all næringer together: 4, 3, 4 per year; 4, 7, 11 to date', () => {
    expect(count.perYear).toEqual(
      byYear([
        [2022, 4],
        [2023, 3],
        [2024, 4],
      ]),
    );
    expect(count.toDate).toEqual(
      byYear([
        [2022, 4],
        [2023, 7],
        [2024, 11],
      ]),
    );
    expect(count.total).toBe(11);
    // #1 #2 #3 #4 #5 #9; #3 has 0 new jobs and still counts as a report
    expect(count.reports).toBe(6);
  });

  test('gross, not net: the 2 jobs reported lost in 2023 stay counted in 2022', () => {
    // net would be 11 − 2 = 9 and Industri 2022 would drop to 1
    expect(count.total).toBe(11);
    expect(count.naeringer[0]?.perYear.get(2022)).toBe(3);
    expect(count.naeringer[0]?.perYear.get(2023)).toBe(1);
  });

  test('reports of projects without a grant, and of unknown projects, are listed and not counted', () => {
    const d = register();
    const at = (id: string, date: string) => {
      const a = addressOf(d, 'Rapporter', [id, date], 'ProsjektID');
      const b = addressOf(d, 'Rapporter', [id, date], 'Kommentar');
      return { sheet: a.sheet, cell: `${a.cell}:${b.cell}` };
    };
    expect(count.excluded).toEqual([
      { projectId: 'P-3', date: '2022-06-01', naering: 'Industri', jobs: 5, reason: 'no-grant', at: at('P-3', '01.06.2022') },
      { projectId: 'P-4', date: '2023-01-01', naering: 'Reiseliv', jobs: 1, reason: 'no-grant', at: at('P-4', '01.01.2023') },
      { projectId: 'P-9', date: '2023-01-01', naering: 'Industri', jobs: 7, reason: 'unknown-project', at: at('P-9', '01.01.2023') },
    ]);
    // 5 + 1 + 7 = 13 jobs left out: counted they would make 24
    expect(count.excluded.reduce((sum, e) => sum + e.jobs, 0)).toBe(13);
  });

  test('a report counts for the næring it names, spelled as in Naeringer', () => {
    const d = addRow(consistentPlan(), 'Prosjekter', ['P-1', 'X', '', 'A', 'Industri', null, null, '01.02.2022', 10, null, null]);
    addRow(d, 'Rapporter', ['P-1', '01.05.2022', 'REISELIV', 2, null, null, '']);
    const c = countJobs(planOf(d));
    expect(c.naeringer.map((n) => [n.naering, n.total])).toEqual([
      ['Industri', 0],
      ['Reiseliv', 2],
    ]);
  });

  test('a næring not in Naeringer gets its own row after them (the rules call it an error)', () => {
    const d = addRow(consistentPlan(), 'Prosjekter', ['P-1', 'X', '', 'A', 'Industri', null, null, '01.02.2022', 10, null, null]);
    addRow(d, 'Rapporter', ['P-1', '01.05.2022', 'Fiske', 2, null, null, '']);
    const c = countJobs(planOf(d));
    expect(c.naeringer.map((n) => [n.naering, n.total])).toEqual([
      ['Industri', 0],
      ['Reiseliv', 0],
      ['Fiske', 2],
    ]);
    expect(c.total).toBe(2);
  });

  test('a report outside the period counts in its own year, which joins the years', () => {
    const d = addRow(consistentPlan(), 'Prosjekter', ['P-1', 'X', '', 'A', 'Industri', null, null, '01.02.2022', 10, null, null]);
    addRow(d, 'Rapporter', ['P-1', '01.05.2025', 'Industri', 2, null, null, '']);
    const c = countJobs(planOf(d));
    expect(c.years).toEqual([2022, 2023, 2024, 2025]);
    expect(c.toDate).toEqual(
      byYear([
        [2022, 0],
        [2023, 0],
        [2024, 0],
        [2025, 2],
      ]),
    );
  });

  test('an empty register counts nothing, for every year of the period', () => {
    const c = countJobs(planOf(consistentPlan()));
    // The same nothing per næring and in all: 0 each year, 0 to date, no reports.
    const zeros = byYear([
      [2022, 0],
      [2023, 0],
      [2024, 0],
    ]);
    const nothing = { perYear: zeros, toDate: zeros, total: 0, reports: 0 };
    expect(c).toEqual({
      years: [2022, 2023, 2024],
      naeringer: ['Industri', 'Reiseliv'].map((naering) => ({ naering, ...nothing })),
      ...nothing,
      excluded: [],
    });
  });
});

describe('grants and leverage', () => {
  const plan = planOf(register());

  test('granted per strategy in the year of the decision; projects without a grant count nowhere', () => {
    // 2022: A P-1 100 000; D P-5 50 000; C's P-4 was granted 0
    expect(grantsPerStrategy(plan, 2022)).toEqual([
      { strategy: 'A', granted: 100000, projects: 1, budget: 300000 },
      { strategy: 'B', granted: 0, projects: 0, budget: 200000 },
      { strategy: 'C', granted: 0, projects: 0, budget: 500000 },
      { strategy: 'D', granted: 50000, projects: 1, budget: 100000 },
    ]);
    // 2023: B P-2 200 000; no budget lines for 2023
    expect(grantsPerStrategy(plan, 2023)).toEqual([
      { strategy: 'A', granted: 0, projects: 0, budget: null },
      { strategy: 'B', granted: 200000, projects: 1, budget: null },
      { strategy: 'C', granted: 0, projects: 0, budget: null },
      { strategy: 'D', granted: 0, projects: 0, budget: null },
    ]);
  });

  test('totals and leverage = (own + other) / granted', () => {
    // 2022: P-1 + P-5: granted 150 000, own 20 000, other 30 000 + 50 000 → 100 000 / 150 000
    expect(grantTotals(plan, 2022)).toEqual({ granted: 150000, own: 20000, other: 80000, projects: 2 });
    expect(leverage(plan, 2022)).toBeCloseTo(2 / 3, 12);
    // 2023: P-2: 100 000 / 200 000
    expect(leverage(plan, 2023)).toBe(0.5);
    // all: 350 000 granted, 120 000 + 80 000 = 200 000 leveraged; P-3's own 50 000 had no grant and is left out
    expect(grantTotals(plan)).toEqual({ granted: 350000, own: 120000, other: 80000, projects: 3 });
    expect(leverage(plan)).toBeCloseTo(4 / 7, 12);
  });

  test('leverage is null when nothing was granted', () => {
    expect(leverage(plan, 2024)).toBeNull();
    expect(leverage(planOf(consistentPlan()))).toBeNull();
  });

  test('a strategy that is not in Strategier still shows its grants, after the known ones', () => {
    const d = addRow(consistentPlan(), 'Prosjekter', ['P-1', 'X', '', 'Q', 'Industri', null, null, '01.02.2022', 10, null, null]);
    expect(grantsPerStrategy(planOf(d), 2022).map((g) => [g.strategy, g.granted])).toEqual([
      ['A', 0],
      ['B', 0],
      ['C', 0],
      ['D', 0],
      ['Q', 10],
    ]);
  });
});

describe('projects by phase and status', () => {
  test('every project row, spellings read leniently, the rest as ukjent', () => {
    const c = projectsByPhaseAndStatus(planOf(register()));
    expect(c.total).toBe(6);
    expect(c.byPhase).toEqual({ forstudie: 2, forprosjekt: 1, hovedprosjekt: 2, ukjent: 1 });
    expect(c.byStatus).toEqual({ søkt: 1, innvilget: 0, aktiv: 2, avsluttet: 1, avslått: 1, ukjent: 1 });
    expect(c.counts.forstudie).toEqual({ søkt: 1, innvilget: 0, aktiv: 0, avsluttet: 1, avslått: 0, ukjent: 0 });
    expect(c.counts.hovedprosjekt).toEqual({ søkt: 0, innvilget: 0, aktiv: 1, avsluttet: 0, avslått: 1, ukjent: 0 });
    expect(c.counts.ukjent.ukjent).toBe(1);
  });
});

describe('what the register shows for a delmål', () => {
  const plan = planOf(register());

  test('A–B in 2022: P-1 started and completed; companies of #1 and #2', () => {
    expect(countForDelmal(plan, ['A', 'B'], 2022)).toEqual({ started: 1, completed: 1, companies: 3, newCompanies: 1 });
  });

  test('A–B in 2023: P-2 started; P-1, finished, still counts as completed; companies of #3 and #4', () => {
    expect(countForDelmal(plan, ['A', 'B'], 2023)).toEqual({ started: 1, completed: 1, companies: 3, newCompanies: 1 });
  });

  test('C: no project with a grant, so nothing, even with a report of 5 jobs', () => {
    expect(countForDelmal(plan, ['C'], 2022)).toEqual({ started: 0, completed: 0, companies: 0, newCompanies: 0 });
  });
});
