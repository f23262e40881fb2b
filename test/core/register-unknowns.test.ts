/**
 * Unknown is unknown in the project register too. A Prosjekter or Rapporter row whose key cannot be read (an
 * error value in ProsjektID or Strategi, a Strategi that names no strategy, a report naming no project) is
 * reported at its cell and is not dropped as if it were not there: every count it could belong to (per
 * strategy, per area, per delmål, per næring) is left unjudged by the rules and marked in the Styrerapport.
 * An unreadable Bedrifter involvert / Nye bedrifter makes the delmål's count unknown ("mangler"), never a
 * verdict from the rest. On the small consistent plan and on the second programme.
 */
import type { CellInput, TableData, WorkbookData } from '../../src/core/contract/tableData';
import { TABLES } from '../../src/core/contract/contract';
import type { Finding } from '../../src/core/findings/types';
import { buildStyrerapport } from '../../src/core/layout/styrerapport';
import type { SheetLayout } from '../../src/core/layout/types';
import { SECOND, secondProgramme } from '../fixtures/secondProgramme';
import { addRow, addressOf, consistentPlan, headersOf, setCell, validate } from '../support/planBuilder';

const TODAY = '2023-02-01';

function brief(f: Finding): string {
  return `${f.severity} ${f.rule} @ ${f.sheet}!${f.cell}`;
}

const cell = (data: WorkbookData, table: string, key: CellInput[], column: string) => {
  const a = addressOf(data, table, key, column);
  return `${a.sheet}!${a.cell}`;
};

/** Two supported projects and a report each; delmål A-B (2 started) and C (1 started, 1 completed, 4 companies). */
function registerPlan(): WorkbookData {
  const data = consistentPlan();
  addRow(data, 'Prosjekter', [
    'P1',
    'Nettverket',
    'Eier AS',
    'C',
    'Industri',
    'Forprosjekt',
    'Avsluttet',
    { date: '2022-03-01' },
    200000,
    50000,
    0,
  ]);
  addRow(data, 'Prosjekter', [
    'P2',
    'Rekrutteringen',
    'Eier AS',
    'A',
    'Reiseliv',
    'Forprosjekt',
    'Aktiv',
    { date: '2022-04-01' },
    100000,
    20000,
    0,
  ]);
  addRow(data, 'Rapporter', ['P1', { date: '2022-06-01' }, 'Industri', 3, 2, 1, '']);
  addRow(data, 'Rapporter', ['P2', { date: '2022-06-01' }, 'Reiseliv', 2, 1, 0, '']);
  return data;
}

function report(data: WorkbookData, year = 2022): SheetLayout {
  const result = validate(data, { today: TODAY });
  return buildStyrerapport({ plan: result.plan, year, findings: result.findings, inputDigest: 'x', generatedAt: `${TODAY}T10:00:00Z` });
}

function rowOf(layout: SheetLayout, text: string, column = 1): number {
  const found = layout.cells.find((c) => c.column === column && c.value.kind === 'text' && c.value.text === text);
  if (!found) throw new Error(`no "${text}" in column ${column}`);
  return found.row;
}

function textAt(layout: SheetLayout, row: number, column: number): string | undefined {
  const v = layout.cells.find((c) => c.row === row && c.column === column)?.value;
  return v?.kind === 'text' ? v.text : undefined;
}

function noteAt(layout: SheetLayout, row: number, column: number): string {
  return layout.marks
    .filter((m) => m.row === row && m.column === column)
    .map((m) => m.note)
    .join('\n');
}

test('readable, the register is judged: A-B has 1 of 2 started, C only 2 of 4 companies', () => {
  const findings = validate(registerPlan(), { today: TODAY }).findings;
  expect(findings.map((f) => `${f.rule} ${String(f.expected)} ${String(f.actual)}`)).toEqual([
    'delmal.minimum-not-met 2 1',
    'delmal.minimum-not-met 4 2',
  ]);
  const layout = report(registerPlan());
  expect(layout.marks).toEqual([]);
  expect(textAt(layout, rowOf(layout, 'C'), 7)).toBe('Ikke nådd');
});

describe('a project whose Strategi is #REF!', () => {
  const data = () => setCell(registerPlan(), 'Prosjekter', ['P1'], 'Strategi', { error: '#REF!' });

  test("rules: one error at the cell; every strategy's budget check and every delmål below its minimum not judged, naming it; its report not said to have no project", () => {
    const d = data();
    const broken = cell(d, 'Prosjekter', ['P1'], 'Strategi');
    const findings = validate(d, { today: TODAY }).findings;
    expect(findings.map(brief).sort()).toEqual(
      [
        `feil values.error-value @ ${broken}`,
        // A (P2's) and the strategies with no readable grant: P1 may be any of them.
        ...['A', 'B', 'C', 'D'].map((code) => `info values.not-checked @ ${cell(d, 'Budsjett', [2022, code], 'Beløp')}`),
        `info values.not-checked @ ${cell(d, 'Delmal', [2022, 'A-B'], 'Prosjekter igangsatt')}`,
        `info values.not-checked @ ${cell(d, 'Delmal', [2022, 'C'], 'Prosjekter igangsatt')}`,
        `info values.not-checked @ ${cell(d, 'Delmal', [2022, 'C'], 'Prosjekter gjennomført')}`,
        `info values.not-checked @ ${cell(d, 'Delmal', [2022, 'C'], 'Bedrifter involvert')}`,
        // P1's report: whether it counts is unknown, not "no such project".
        `info values.not-checked @ ${cell(d, 'Rapporter', ['P1'], 'Nye arbeidsplasser')}`,
      ].sort(),
    );
    for (const f of findings.filter((x) => x.rule === 'values.not-checked')) {
      expect(f.message.nb).toContain(broken);
      expect(f.message.en).toContain(broken);
      expect(f.expected).toBeNull();
    }
  });

  test('Styrerapport: every strategy\'s grants and projects, the næring\'s reported jobs, the leverage and the portfolio marked; delmål "mangler", not "Ikke nådd"', () => {
    const d = data();
    const broken = cell(d, 'Prosjekter', ['P1'], 'Strategi');
    const layout = report(d);
    for (const label of ['A. Rekruttering', 'B. Kompetanse', 'C. Nettverk', 'D. Omdømme']) {
      expect(noteAt(layout, rowOf(layout, label, 2), 5)).toContain(broken);
      expect(noteAt(layout, rowOf(layout, label, 2), 8)).toContain(broken);
    }
    expect(noteAt(layout, rowOf(layout, 'Industri'), 4)).not.toBe('');
    expect(noteAt(layout, rowOf(layout, 'Vedtatt i 2022'), 3)).toContain(broken);
    const sums = layout.cells.filter((c) => c.column === 1 && c.value.kind === 'text' && c.value.text === 'Sum').map((c) => c.row);
    expect(noteAt(layout, Math.max(...sums), 3)).toContain(broken);
    const c = rowOf(layout, 'C');
    expect(textAt(layout, c, 5)).toBe('igangsatt: mangler, gjennomført: mangler, bedrifter involvert: mangler');
    expect(textAt(layout, c, 7)).toBe('Kan ikke vurderes');
    expect(noteAt(layout, c, 7)).toContain(broken);
    expect(textAt(layout, rowOf(layout, 'A, B'), 7)).toBe('Kan ikke vurderes');
    expect(layout.cells.some((x) => x.value.kind === 'text' && /Ikke nådd|Ikke medregnet/.test(x.value.text))).toBe(false);
  });
});

test('a project whose Strategi names no strategy: the error at the cell, and the same counts left open', () => {
  const d = setCell(registerPlan(), 'Prosjekter', ['P1'], 'Strategi', 'Z9');
  const at = cell(d, 'Prosjekter', ['P1'], 'Strategi');
  const findings = validate(d, { today: TODAY }).findings;
  const unknown = findings.filter((f) => f.rule === 'projects.unknown-strategy');
  expect(unknown.map(brief)).toEqual([`feil projects.unknown-strategy @ ${at}`]);
  expect(unknown[0]?.message.en).toContain('Z9');
  expect(findings.filter((f) => f.rule === 'delmal.minimum-not-met')).toEqual([]);
  // The four budget lines, A-B's started and C's three minima.
  expect(findings.filter((f) => f.rule === 'values.not-checked' && f.actual === at).length).toBe(4 + 4);
  // P1 itself reads: its report counts (Industri 3), and the leverage is complete.
  const layout = report(d);
  expect(noteAt(layout, rowOf(layout, 'Industri'), 4)).toBe('');
  expect(noteAt(layout, rowOf(layout, 'Vedtatt i 2022'), 3)).toBe('');
  expect(noteAt(layout, rowOf(layout, 'C. Nettverk', 2), 5)).toContain(at);
});

test('a project whose ProsjektID is #REF!: its strategy C counted as unknown, A-B still judged (P1 cannot be A or B)', () => {
  const broken = cell(registerPlan(), 'Prosjekter', ['P1'], 'ProsjektID');
  const d = setCell(registerPlan(), 'Prosjekter', ['P1'], 'ProsjektID', { error: '#REF!' });
  const findings = validate(d, { today: TODAY }).findings;
  expect(findings.filter((f) => f.severity === 'feil').map(brief)).toEqual([`feil values.error-value @ ${broken}`]);
  // A-B: 1 of 2 started, for certain.
  expect(
    findings
      .filter((f) => f.rule === 'delmal.minimum-not-met')
      .map((f) => `${f.sheet}!${f.cell} ${String(f.expected)} ${String(f.actual)}`),
  ).toEqual([`${cell(d, 'Delmal', [2022, 'A-B'], 'Prosjekter igangsatt')} 2 1`]);
  expect(
    findings
      .filter((f) => f.rule === 'values.not-checked')
      .map((f) => f.sheet + '!' + f.cell)
      .sort(),
  ).toEqual(
    [
      cell(d, 'Budsjett', [2022, 'C'], 'Beløp'),
      ...['Prosjekter igangsatt', 'Prosjekter gjennomført', 'Bedrifter involvert'].map((column) => cell(d, 'Delmal', [2022, 'C'], column)),
      cell(d, 'Rapporter', ['P1'], 'Nye arbeidsplasser'),
    ].sort(),
  );
  const layout = report(d);
  expect(noteAt(layout, rowOf(layout, 'C. Nettverk', 2), 5)).toContain(broken);
  expect(noteAt(layout, rowOf(layout, 'A. Rekruttering', 2), 5)).toBe('');
});

describe('a report that cannot be placed', () => {
  test("ProsjektID #REF!: one error; its næring's reported jobs incomplete (a gap in the chart), the year's company counts open", () => {
    const broken = cell(registerPlan(), 'Rapporter', ['P1'], 'ProsjektID');
    const d = setCell(registerPlan(), 'Rapporter', ['P1'], 'ProsjektID', { error: '#REF!' });
    const findings = validate(d, { today: TODAY }).findings;
    expect(
      findings
        .filter((f) => f.severity !== 'info')
        .map(brief)
        .sort(),
    ).toEqual(
      [
        `feil values.error-value @ ${broken}`,
        `advarsel delmal.minimum-not-met @ ${cell(d, 'Delmal', [2022, 'A-B'], 'Prosjekter igangsatt')}`,
      ].sort(),
    );
    expect(findings.filter((f) => f.rule === 'values.not-checked').map(brief)).toEqual([
      `info values.not-checked @ ${cell(d, 'Delmal', [2022, 'C'], 'Bedrifter involvert')}`,
    ]);
    const layout = report(d);
    const industri = rowOf(layout, 'Industri');
    expect(noteAt(layout, industri, 4)).toContain(broken);
    expect(noteAt(layout, industri, 7)).toContain(broken);
    const chart = layout.charts?.find((c) => c.name === 'Arbeidsplasser');
    expect(chart?.series[1]?.values.map((v) => (Number.isNaN(v) ? 'gap' : v))).toEqual(['gap', 2]);
    expect(textAt(layout, rowOf(layout, 'C'), 5)).toBe('1 igangsatt, 1 gjennomført, bedrifter involvert: mangler');
    expect(textAt(layout, rowOf(layout, 'C'), 7)).toBe('Kan ikke vurderes');
  });

  test('a ProsjektID Prosjekter does not have: the error stays, and what it could count for is marked, not left out silently', () => {
    const d = setCell(registerPlan(), 'Rapporter', ['P1'], 'ProsjektID', 'P9');
    const at = cell(d, 'Rapporter', ['P9'], 'ProsjektID');
    const findings = validate(d, { today: TODAY }).findings;
    expect(findings.filter((f) => f.rule === 'projects.report-unknown-project').map(brief)).toEqual([
      `feil projects.report-unknown-project @ ${at}`,
    ]);
    const layout = report(d);
    expect(noteAt(layout, rowOf(layout, 'Industri'), 4)).toContain(at);
  });
});

describe('Bedrifter involvert / Nye bedrifter that cannot be read', () => {
  test('#REF! in P1\'s Bedrifter involvert: one error; C\'s companies not judged (never "0 of 4"); A-B unaffected', () => {
    const d = setCell(registerPlan(), 'Rapporter', ['P1'], 'Bedrifter involvert', { error: '#REF!' });
    const broken = cell(d, 'Rapporter', ['P1'], 'Bedrifter involvert');
    const findings = validate(d, { today: TODAY }).findings;
    expect(findings.map(brief).sort()).toEqual(
      [
        `feil values.error-value @ ${broken}`,
        `advarsel delmal.minimum-not-met @ ${cell(d, 'Delmal', [2022, 'A-B'], 'Prosjekter igangsatt')}`,
        `info values.not-checked @ ${cell(d, 'Delmal', [2022, 'C'], 'Bedrifter involvert')}`,
      ].sort(),
    );
    expect(findings.find((f) => f.rule === 'values.not-checked')?.message.nb).toContain(broken);
    const layout = report(d);
    const c = rowOf(layout, 'C');
    expect(textAt(layout, c, 5)).toBe('1 igangsatt, 1 gjennomført, bedrifter involvert: mangler');
    expect(noteAt(layout, c, 5)).toContain(broken);
    expect(textAt(layout, c, 7)).toBe('Kan ikke vurderes');
    // The jobs of that report read: Industri is complete.
    expect(noteAt(layout, rowOf(layout, 'Industri'), 4)).toBe('');
  });

  test('a minimum reached without the unreadable cell is reached (what is missing could only add)', () => {
    const d = setCell(
      setCell(registerPlan(), 'Rapporter', ['P1'], 'Bedrifter involvert', 4),
      'Rapporter',
      ['P1'],
      'Nye bedrifter',
      'mange',
    );
    const layout = report(d);
    expect(textAt(layout, rowOf(layout, 'C'), 7)).toBe('Nådd');
    expect(
      validate(d, { today: TODAY }).findings.filter(
        (f) =>
          f.rule.startsWith('delmal') && f.sheet === 'Mål' && f.cell === addressOf(d, 'Delmal', [2022, 'C'], 'Bedrifter involvert').cell,
      ),
    ).toEqual([]);
  });

  test('one minimum surely missed decides it: "Ikke nådd" though another count is unknown', () => {
    const d = setCell(
      setCell(registerPlan(), 'Rapporter', ['P1'], 'Bedrifter involvert', { error: '#REF!' }),
      'Prosjekter',
      ['P1'],
      'Status',
      'Aktiv',
    );
    const layout = report(d);
    expect(textAt(layout, rowOf(layout, 'C'), 5)).toBe('1 igangsatt, 0 gjennomført, bedrifter involvert: mangler');
    expect(textAt(layout, rowOf(layout, 'C'), 7)).toBe('Ikke nådd');
  });
});

describe('the second programme', () => {
  const PROJECT_HEADER = headersOf(TABLES.projects);
  const REPORT_HEADER = headersOf(TABLES.reports);
  /** Its register: two green pilots (G1, G2; one finished) and a recruitment network (R1) with 10 companies. */
  function withRegister(): WorkbookData {
    const data = secondProgramme();
    const table = (name: string, header: string[], rows: CellInput[][]): TableData => ({ name, sheet: 'Register', header, rows });
    data.sheets.push('Register');
    data.tables.push(
      table(TABLES.projects.name, PROJECT_HEADER, [
        ['F-01', 'Solkaia', 'Kaia AS', 'g1', 'Havbruk', 'Hovedprosjekt', 'Avsluttet', { date: '2024-02-01' }, 80000, 40000, 0],
        ['F-02', 'Ombruk', 'Ombruk SA', 'G2', 'Industri', 'Forprosjekt', 'Aktiv', { date: '2024-03-01' }, 60000, 10000, 0],
        [
          'F-03',
          'Nettverket',
          'Fjellbygd Næringsråd',
          'R1',
          'Reiseliv',
          'Hovedprosjekt',
          'Aktiv',
          { date: '2024-01-15' },
          100000,
          30000,
          0,
        ],
      ]),
      table(TABLES.reports.name, REPORT_HEADER, [
        ['F-01', { date: '2024-10-01' }, 'Havbruk', 2, 1, 0, ''],
        ['F-03', { date: '2024-11-01' }, 'Reiseliv', 1, 10, 1, ''],
      ]),
    );
    return data;
  }
  const today = { today: '2025-02-01' };

  // The register has no innovation or attraction projects: those two delmål are not met, for certain.
  const unmet = (d: WorkbookData) => [
    cell(d, 'Delmal', [2024, 'I1 og I2'], 'Prosjekter igangsatt'),
    cell(d, 'Delmal', [2024, 'A1;A2'], 'Prosjekter gjennomført'),
  ];

  test('readable: the green pilots (2 started, 1 completed) and the network (10 companies) reached; the other two not', () => {
    const d = withRegister();
    const findings = validate(d, today).findings;
    expect(findings.filter((f) => f.severity === 'feil')).toEqual([]);
    expect(findings.filter((f) => f.rule.startsWith('delmal')).map((f) => `${f.sheet}!${f.cell}`)).toEqual(unmet(d));
    expect(findings.filter((f) => f.rule === 'values.not-checked')).toEqual([]);
    const layout = report(d, SECOND.planYear);
    expect(textAt(layout, rowOf(layout, 'G1, G2'), 7)).toBe('Nådd');
    expect(textAt(layout, rowOf(layout, 'R1, R2'), 7)).toBe('Nådd');
  });

  test("F-02's Strategi #REF!: the g1-g2 delmål (and every strategy) open, named at the cell", () => {
    const d = setCell(withRegister(), 'Prosjekter', ['F-02'], 'Strategi', { error: '#REF!' });
    const broken = cell(d, 'Prosjekter', ['F-02'], 'Strategi');
    const findings = validate(d, today).findings;
    expect(findings.filter((f) => f.severity === 'feil').map(brief)).toEqual([`feil values.error-value @ ${broken}`]);
    expect(findings.filter((f) => f.rule === 'delmal.minimum-not-met')).toEqual([]);
    // F-02 may be any strategy's: every delmål below its minimum is open, none said not met.
    expect(
      findings
        .filter((f) => f.rule === 'values.not-checked' && f.sheet === 'Mål og resultater')
        .map((f) => `${f.sheet}!${f.cell}`)
        .sort(),
    ).toEqual([...unmet(d), cell(d, 'Delmal', [2024, 'g1-g2'], 'Prosjekter igangsatt')].sort());
    const layout = report(d, SECOND.planYear);
    const green = rowOf(layout, 'G1, G2');
    expect(textAt(layout, green, 5)).toBe('igangsatt: mangler, gjennomført: mangler');
    expect(textAt(layout, green, 7)).toBe('Kan ikke vurderes');
    for (const label of ['G1. Fornybar energi', 'R1. Rekruttering', 'A2. Bolyst'])
      expect(noteAt(layout, rowOf(layout, label, 2), 5)).toContain(broken);
  });

  test('text in F-03\'s Bedrifter involvert: the R1, R2 delmål\'s companies "mangler"; the green delmål is still judged', () => {
    const d = setCell(withRegister(), 'Rapporter', ['F-03'], 'Bedrifter involvert', 'ti');
    const broken = cell(d, 'Rapporter', ['F-03'], 'Bedrifter involvert');
    const findings = validate(d, today).findings;
    expect(findings.filter((f) => f.severity === 'feil').map(brief)).toEqual([`feil values.not-a-number @ ${broken}`]);
    expect(findings.filter((f) => f.rule === 'values.not-checked').map((f) => `${f.sheet}!${f.cell} ${String(f.actual)}`)).toEqual([
      `${cell(d, 'Delmal', [2024, 'R1, R2'], 'Bedrifter involvert')} ${broken}`,
    ]);
    const layout = report(d, SECOND.planYear);
    expect(textAt(layout, rowOf(layout, 'R1, R2'), 5)).toBe('bedrifter involvert: mangler');
    expect(textAt(layout, rowOf(layout, 'G1, G2'), 7)).toBe('Nådd');
  });
});

test('a Budsjett line whose Strategi names no strategy: reported at the cell, and the area frames it could belong to not checked against a sum without it', () => {
  const d = setCell(consistentPlan(), 'Budsjett', [2022, 'A'], 'Strategi', 'X');
  const at = cell(d, 'Budsjett', [2022, 'X'], 'Strategi');
  const findings = validate(d).findings;
  expect(findings.filter((f) => f.severity !== 'info').map(brief)).toEqual([`feil structure.unknown-reference @ ${at}`]);
  // Each area's frame against its strategies: the 300 000 may be any area's.
  expect(findings.filter((f) => f.rule === 'values.not-checked').map((f) => `${f.sheet}!${f.cell} ${String(f.actual)}`)).toEqual(
    ['Kompetanse', 'Innovasjon', 'Attraktivitet'].map((area) => `${cell(d, 'Rammer', [2022, area], 'Beløp')} ${at}`),
  );
});
