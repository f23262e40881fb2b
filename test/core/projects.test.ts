import type { WorkbookData } from '../../src/core/contract/tableData';
import { framesAfterReallocations } from '../../src/core/count/reallocations';
import { describeRuleCases, type RuleCase } from '../support/ruleCases';
import { addressOf, addRow, consistentPlan, setCell, validate } from '../support/planBuilder';

/**
 * consistentPlan() with a register that meets every rule, its delmål minima included:
 *   Delmal 2022 'A-B': 2 started      → P-1 (A) and P-2 (B), both decided 2022 with a grant
 *   Delmal 2022 'C': 1 started, 1 completed, 4 companies
 *                                      → P-3 (C), decided 2022, avsluttet; its 2022 report has 4 companies
 *   grants 2022: A 100 000 ≤ 300 000, B 100 000 ≤ 200 000, C 200 000 ≤ 500 000
 * Dates are typed in three ways (a date cell, dd.mm.yyyy text); both read the same.
 */
function withRegister(d: WorkbookData = consistentPlan()): WorkbookData {
  addRow(d, 'Prosjekter', [
    'P-1',
    'Rekruttering',
    'Eier AS',
    'A',
    'Industri',
    'Forstudie',
    'Aktiv',
    { date: '2022-02-01' },
    100000,
    50000,
    10000,
  ]);
  addRow(d, 'Prosjekter', ['P-2', 'Kurs', 'Eier AS', 'B', 'Reiseliv', 'Forprosjekt', 'Innvilget', '01.03.2022', 100000, null, null]);
  addRow(d, 'Prosjekter', [
    'P-3',
    'Nettverk',
    'Eier AS',
    'C',
    'Industri',
    'Hovedprosjekt',
    'Avsluttet',
    '01.04.2022',
    200000,
    100000,
    100000,
  ]);
  addRow(d, 'Rapporter', ['P-1', '01.06.2022', 'Industri', 1, 1, 0, '']);
  addRow(d, 'Rapporter', ['P-3', '01.09.2022', 'Industri', 2, 4, 1, '']);
  return d;
}

/** The Delmal cell of the minimum that is not met. */
const DELMAL = (key: (string | number)[], column: string) => (d: WorkbookData) => addressOf(d, 'Delmal', key, column);

const cases: RuleCase[] = [
  // references from Prosjekter
  {
    name: 'a project of a strategy that does not exist',
    change: (d) => setCell(d, 'Prosjekter', ['P-1'], 'Strategi', 'Q'),
    rule: 'projects.unknown-strategy',
    at: (d) => addressOf(d, 'Prosjekter', ['P-1'], 'Strategi'),
    actual: 'Q',
    severity: 'feil',
  },
  {
    name: 'a project of a næring that is not in Naeringer',
    change: (d) => setCell(d, 'Prosjekter', ['P-2'], 'Næring', 'Fiske'),
    rule: 'projects.unknown-naering',
    at: (d) => addressOf(d, 'Prosjekter', ['P-2'], 'Næring'),
    actual: 'Fiske',
    severity: 'feil',
  },
  {
    name: 'a PLP phase that is not forstudie, forprosjekt or hovedprosjekt',
    change: (d) => setCell(d, 'Prosjekter', ['P-3'], 'PLP-fase', 'Pilot'),
    rule: 'projects.unknown-phase',
    at: (d) => addressOf(d, 'Prosjekter', ['P-3'], 'PLP-fase'),
    actual: 'Pilot',
    severity: 'feil',
  },
  {
    name: 'a status that is not søkt, innvilget, aktiv, avsluttet or avslått',
    change: (d) => setCell(d, 'Prosjekter', ['P-1'], 'Status', 'Pågår'),
    rule: 'projects.unknown-status',
    at: (d) => addressOf(d, 'Prosjekter', ['P-1'], 'Status'),
    actual: 'Pågår',
    severity: 'feil',
  },
  {
    name: 'a project id twice (spelled differently) is the existing duplicate-key rule',
    change: (d) => addRow(d, 'Prosjekter', ['p-1', 'Kopi', '', 'A', 'Industri', null, null, null, null, null, null]),
    rule: 'structure.duplicate-key',
    at: (d) => addressOf(d, 'Prosjekter', ['p-1', 'Kopi'], 'ProsjektID'),
    actual: 'p-1',
    severity: 'feil',
  },
  // Rapporter
  {
    name: 'a report for a project that is not in Prosjekter',
    change: (d) => setCell(d, 'Rapporter', ['P-1'], 'ProsjektID', 'P-9'),
    rule: 'projects.report-unknown-project',
    at: (d) => addressOf(d, 'Rapporter', ['P-9'], 'ProsjektID'),
    actual: 'P-9',
    severity: 'feil',
  },
  {
    name: 'a report for a project whose grant is 0',
    change: (d) => setCell(d, 'Prosjekter', ['P-1'], 'Innvilget', 0),
    rule: 'projects.report-without-grant',
    at: (d) => addressOf(d, 'Rapporter', ['P-1'], 'Nye arbeidsplasser'),
    actual: 0,
    severity: 'advarsel',
  },
  {
    name: 'a report for a project whose grant is empty',
    change: (d) => setCell(d, 'Prosjekter', ['P-3'], 'Innvilget', null),
    rule: 'projects.report-without-grant',
    at: (d) => addressOf(d, 'Rapporter', ['P-3'], 'Nye arbeidsplasser'),
    actual: 0,
    severity: 'advarsel',
  },
  {
    name: 'a report for a næring that is not in Naeringer',
    change: (d) => setCell(d, 'Rapporter', ['P-1'], 'Næring', 'Fiske'),
    rule: 'projects.report-unknown-naering',
    at: (d) => addressOf(d, 'Rapporter', ['P-1'], 'Næring'),
    actual: 'Fiske',
    severity: 'feil',
  },
  {
    name: 'a report dated after the programme period',
    change: (d) => setCell(d, 'Rapporter', ['P-3'], 'Rapportdato', '15.01.2025'),
    rule: 'projects.report-outside-period',
    at: (d) => addressOf(d, 'Rapporter', ['P-3'], 'Rapportdato'),
    expected: '2022–2024',
    actual: '2025-01-15',
    severity: 'feil',
  },
  {
    name: 'a report dated before the programme period',
    change: (d) => setCell(d, 'Rapporter', ['P-1'], 'Rapportdato', { date: '2021-12-31' }),
    rule: 'projects.report-outside-period',
    at: (d) => addressOf(d, 'Rapporter', ['P-1'], 'Rapportdato'),
    expected: '2022–2024',
    actual: '2021-12-31',
  },
  {
    name: 'a fractional job count in a report (the cell reader)',
    change: (d) => setCell(d, 'Rapporter', ['P-1'], 'Nye arbeidsplasser', 1.5),
    rule: 'values.fractional-jobs',
    at: (d) => addressOf(d, 'Rapporter', ['P-1'], 'Nye arbeidsplasser'),
    actual: 1.5,
    severity: 'feil',
  },
  {
    name: 'a negative job count in a report (the cell reader)',
    change: (d) => setCell(d, 'Rapporter', ['P-3'], 'Nye arbeidsplasser', -2),
    rule: 'values.negative-count',
    at: (d) => addressOf(d, 'Rapporter', ['P-3'], 'Nye arbeidsplasser'),
    actual: -2,
    severity: 'feil',
  },
  // grants against budgets
  {
    name: 'granted to a strategy above its budget for the year',
    change: (d) => setCell(d, 'Prosjekter', ['P-2'], 'Innvilget', 250000),
    rule: 'projects.granted-over-budget',
    at: (d) => addressOf(d, 'Budsjett', [2022, 'B'], 'Beløp'),
    expected: 200000,
    actual: 250000,
    severity: 'advarsel',
  },
  {
    name: 'grants of several projects of a strategy add up above its budget (100 000 + 250 000 > 300 000)',
    change: (d) =>
      addRow(d, 'Prosjekter', [
        'P-4',
        'Rekruttering 2',
        'Eier AS',
        'A',
        'Industri',
        'Forprosjekt',
        'Aktiv',
        '01.10.2022',
        250000,
        null,
        null,
      ]),
    rule: 'projects.granted-over-budget',
    at: (d) => addressOf(d, 'Budsjett', [2022, 'A'], 'Beløp'),
    expected: 300000,
    actual: 350000,
  },
  {
    name: 'a grant in a year without a budget line points at the first project of the strategy that year',
    change: (d) => setCell(d, 'Prosjekter', ['P-2'], 'Vedtaksdato', '01.03.2023'),
    settings: { year: 2023 },
    rule: 'projects.granted-over-budget',
    at: (d) => addressOf(d, 'Prosjekter', ['P-2'], 'Innvilget'),
    expected: 0,
    actual: 100000,
  },
  // delmål minima against the register
  {
    name: 'fewer projects completed than the delmål says (year not over: today unknown)',
    change: (d) => setCell(d, 'Prosjekter', ['P-3'], 'Status', 'Aktiv'),
    rule: 'delmal.minimum-not-met',
    at: DELMAL([2022, 'C'], 'Prosjekter gjennomført'),
    expected: 1,
    actual: 0,
    severity: 'info',
  },
  {
    name: 'still info on 30.12 of the year',
    change: (d) => setCell(d, 'Prosjekter', ['P-3'], 'Status', 'Aktiv'),
    settings: { today: '2022-12-30' },
    rule: 'delmal.minimum-not-met',
    at: DELMAL([2022, 'C'], 'Prosjekter gjennomført'),
    expected: 1,
    actual: 0,
    severity: 'info',
  },
  {
    name: 'a warning from 31.12 of the year on',
    change: (d) => setCell(d, 'Prosjekter', ['P-3'], 'Status', 'Aktiv'),
    settings: { today: '2022-12-31' },
    rule: 'delmal.minimum-not-met',
    at: DELMAL([2022, 'C'], 'Prosjekter gjennomført'),
    expected: 1,
    actual: 0,
    severity: 'advarsel',
  },
  {
    name: 'a warning once the year is over',
    change: (d) => setCell(d, 'Rapporter', ['P-3'], 'Bedrifter involvert', 3),
    settings: { today: '2023-02-01' },
    rule: 'delmal.minimum-not-met',
    at: DELMAL([2022, 'C'], 'Bedrifter involvert'),
    expected: 4,
    actual: 3,
    severity: 'advarsel',
  },
  {
    name: 'a project decided the next year was not started in the delmål year',
    change: (d) => setCell(d, 'Prosjekter', ['P-2'], 'Vedtaksdato', '01.03.2023'),
    rule: 'delmal.minimum-not-met',
    at: DELMAL([2022, 'A-B'], 'Prosjekter igangsatt'),
    expected: 2,
    actual: 1,
  },
  {
    name: 'a project without a grant was not started',
    change: (d) => setCell(d, 'Prosjekter', ['P-2'], 'Innvilget', 0),
    rule: 'delmal.minimum-not-met',
    at: DELMAL([2022, 'A-B'], 'Prosjekter igangsatt'),
    expected: 2,
    actual: 1,
  },
  {
    name: 'companies of a report dated the next year do not count for the delmål year',
    change: (d) => setCell(d, 'Rapporter', ['P-3'], 'Rapportdato', '02.01.2023'),
    rule: 'delmal.minimum-not-met',
    at: DELMAL([2022, 'C'], 'Bedrifter involvert'),
    expected: 4,
    actual: 0,
  },
  // Omdisponeringer: areas Kompetanse 500 000, Innovasjon 500 000, Attraktivitet 100 000 (sum 1 100 000)
  {
    name: 'a reallocation from a name that is no area',
    change: (d) => addRow(d, 'Omdisponeringer', ['15.09.2022', 'Fiskeri', 'Innovasjon', 50000, '']),
    rule: 'reallocation.unknown-area',
    at: (d) => addressOf(d, 'Omdisponeringer', ['15.09.2022'], 'Fra'),
    actual: 'Fiskeri',
    severity: 'feil',
  },
  {
    name: 'a reallocation to an area number that does not exist',
    change: (d) => addRow(d, 'Omdisponeringer', ['15.09.2022', '1. Kompetanse', '7', 50000, '']),
    rule: 'reallocation.unknown-area',
    at: (d) => addressOf(d, 'Omdisponeringer', ['15.09.2022'], 'Til'),
    actual: '7',
  },
  {
    name: 'more moved than the frame holds',
    change: (d) => addRow(d, 'Omdisponeringer', ['15.09.2022', 'Attraktivitet', 'Kompetanse', 150000, '']),
    rule: 'reallocation.not-available',
    at: (d) => addressOf(d, 'Omdisponeringer', ['15.09.2022'], 'Beløp'),
    expected: 100000,
    actual: 150000,
    severity: 'feil',
  },
  {
    name: 'more moved than is left after an earlier reallocation (rows out of date order)',
    // 01.03: 60 000 of Attraktivitet's 100 000 moved; 01.06: only 40 000 left, 60 000 asked.
    change: (d) =>
      addRow(addRow(d, 'Omdisponeringer', ['01.06.2022', '3', '2', 60000, 'Sak 2']), 'Omdisponeringer', [
        '01.03.2022',
        'Attraktivitet',
        'Kompetanse',
        60000,
        'Sak 1',
      ]),
    rule: 'reallocation.not-available',
    at: (d) => addressOf(d, 'Omdisponeringer', ['01.06.2022'], 'Beløp'),
    expected: 40000,
    actual: 60000,
  },
  {
    name: 'money moved from an area to a cost line changes the total of the areas',
    change: (d) => addRow(d, 'Omdisponeringer', ['15.09.2022', 'Kompetanse', 'Administrasjon', 50000, '']),
    rule: 'reallocation.changes-total',
    at: (d) => addressOf(d, 'Omdisponeringer', ['15.09.2022'], 'Til'),
    expected: 1100000,
    actual: 1050000,
    severity: 'feil',
  },
  {
    name: 'money brought in from a financing source changes the total of the areas',
    change: (d) => addRow(d, 'Omdisponeringer', ['15.09.2022', 'Fylket', 'Innovasjon', 50000, '']),
    rule: 'reallocation.changes-total',
    at: (d) => addressOf(d, 'Omdisponeringer', ['15.09.2022'], 'Fra'),
    expected: 1100000,
    actual: 1150000,
  },
];

test('the plan with its register meets every rule', () => {
  expect(validate(withRegister()).findings).toEqual([]);
});

describeRuleCases(cases, () => withRegister(), 'a register that meets the rules', true);

describe('phases and statuses are read leniently', () => {
  test.each([
    ['PLP-fase', 'FORPROSJEKT'],
    ['PLP-fase', ' hoved prosjekt '],
    ['PLP-fase', 'for-studie'],
    ['Status', 'SØKT'],
    ['Status', 'sokt'],
    ['Status', 'Avslått'],
    ['Status', 'avslaatt'],
    ['Status', 'avslatt'],
    ['Status', ' innvilget'],
    ['Status', 'AVSLUTTET'],
  ])('%s «%s»', (column, value) => {
    const data = setCell(withRegister(), 'Prosjekter', ['P-2'], column, value);
    expect(validate(data).findings.filter((f) => f.rule.startsWith('projects.'))).toEqual([]);
  });

  test('an empty phase or status is no finding (the columns are optional)', () => {
    const data = setCell(setCell(withRegister(), 'Prosjekter', ['P-2'], 'PLP-fase', null), 'Prosjekter', ['P-2'], 'Status', null);
    expect(validate(data).findings).toEqual([]);
  });

  test('a report names its project as codes are matched (p-1 is P-1)', () => {
    const data = setCell(withRegister(), 'Rapporter', ['P-1'], 'ProsjektID', 'p-1');
    expect(validate(data).findings).toEqual([]);
  });
});

describe('delmål minima', () => {
  test('an empty register counts nothing yet: the rule stays silent (the published plan has none)', () => {
    expect(validate(consistentPlan()).findings).toEqual([]);
  });

  test('only the years checked: a 2022 delmål is not checked for 2023', () => {
    const data = setCell(withRegister(), 'Prosjekter', ['P-3'], 'Status', 'Aktiv');
    expect(validate(data, { year: 2023 }).findings.filter((f) => f.rule === 'delmal.minimum-not-met')).toEqual([]);
  });

  test('a finished project counts as completed only from the year of its decision', () => {
    // P-3 decided in 2023: not started in 2022 and not completed by the end of 2022. Its report dated 2022
    // still counts for the companies (4 ≥ 4): reports count in the year they are dated.
    const data = setCell(withRegister(), 'Prosjekter', ['P-3'], 'Vedtaksdato', '01.04.2023');
    const found = validate(data).findings.filter((f) => f.rule === 'delmal.minimum-not-met');
    expect(found.map((f) => [f.expected, f.actual])).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(found[0]?.message.nb).toBe('Delmål 2022 (C): prosjekter igangsatt er 0 i prosjektregisteret, minimum er 1.');
    expect(found[1]?.message.en).toBe('Sub-goal 2022 (C): projects completed is 0 in the project register, the minimum is 1.');
  });
});

describe('reallocations', () => {
  /** 100 000 from Innovasjon (2) to Kompetanse (1) on 15.09.2022. */
  const move = (d: WorkbookData) => addRow(d, 'Omdisponeringer', ['15.09.2022', '2. Innovasjon', 'Kompetanse', 100000, 'Sak 7/22']);

  test('one that keeps the total, with the strategy budgets following it, has no finding', () => {
    // After the move: Kompetanse 600 000 = A 400 000 + B 200 000; Innovasjon 400 000 = C 400 000.
    const data = setCell(setCell(move(withRegister()), 'Budsjett', [2022, 'A'], 'Beløp', 400000), 'Budsjett', [2022, 'C'], 'Beløp', 400000);
    const result = validate(data);
    expect(result.findings).toEqual([]);
    expect(framesAfterReallocations(result.plan, 2022)).toEqual(
      new Map([
        [1, 600000],
        [2, 400000],
        [3, 100000],
      ]),
    );
    // the declared sum of the frames is untouched: a reallocation keeps the total
    expect([...framesAfterReallocations(result.plan, 2022).values()].reduce((a, b) => a + b, 0)).toBe(1100000);
  });

  test('the strategy budgets are checked against the frames after it', () => {
    const data = move(consistentPlan());
    const found = validate(data).findings.map(({ rule, sheet, cell, expected, actual }) => ({ rule, sheet, cell, expected, actual }));
    expect(found).toEqual([
      { rule: 'budget.frame-not-allocated', ...addressOf(data, 'Rammer', [2022, 'Kompetanse'], 'Beløp'), expected: 600000, actual: 500000 },
      {
        rule: 'budget.strategies-exceed-frame',
        ...addressOf(data, 'Rammer', [2022, 'Innovasjon'], 'Beløp'),
        expected: 400000,
        actual: 500000,
      },
    ]);
  });

  test('one that changes the total is an error and moves nothing', () => {
    const data = addRow(consistentPlan(), 'Omdisponeringer', ['15.09.2022', 'Innovasjon', 'Administrasjon', 100000, '']);
    const result = validate(data);
    expect(result.findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['reallocation.changes-total', 1100000, 1000000]]);
    expect(framesAfterReallocations(result.plan, 2022)).toEqual(
      new Map([
        [1, 500000],
        [2, 500000],
        [3, 100000],
      ]),
    );
  });

  test('between two posts outside the areas: neither is an area', () => {
    const data = addRow(consistentPlan(), 'Omdisponeringer', ['15.09.2022', 'Administrasjon', 'Fylket', 100000, '']);
    expect(validate(data).findings.map((f) => [f.rule, f.actual])).toEqual([
      ['reallocation.unknown-area', 'Administrasjon'],
      ['reallocation.unknown-area', 'Fylket'],
    ]);
  });

  test('a year without frames has nothing to move', () => {
    const data = addRow(consistentPlan(), 'Omdisponeringer', ['15.03.2023', 'Innovasjon', 'Kompetanse', 1, '']);
    expect(validate(data).findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['reallocation.not-available', 0, 1]]);
  });

  test('from a frame that cannot be read: not judged against a frame taken as 0, but made', () => {
    // Innovasjon's frame is #REF!: what is left of it is unknown. The move still adds to Kompetanse's 500 000.
    const data = addRow(setCell(consistentPlan(), 'Rammer', [2022, 'Innovasjon'], 'Beløp', { error: '#REF!' }), 'Omdisponeringer', [
      '15.09.2022',
      'Innovasjon',
      'Kompetanse',
      100000,
      '',
    ]);
    const result = validate(data);
    const frameCell = addressOf(data, 'Rammer', [2022, 'Innovasjon'], 'Beløp');
    expect(result.findings.filter((f) => f.rule.startsWith('reallocation.'))).toEqual([]);
    const amountCell = addressOf(data, 'Omdisponeringer', ['15.09.2022'], 'Beløp');
    const notChecked = result.findings.filter((f) => f.rule === 'values.not-checked' && f.cell === amountCell.cell);
    expect(notChecked.map(({ sheet, cell, actual }) => ({ sheet, cell, actual }))).toEqual([
      { ...amountCell, actual: `${frameCell.sheet}!${frameCell.cell}` },
    ]);
    expect(framesAfterReallocations(result.plan, 2022).get(1)).toBe(600000);
  });

  test('after an earlier row that cannot be read, the amount left is not judged', () => {
    // 01.03's amount is unreadable: how much of Attraktivitet's 100 000 is left on 01.06 is unknown.
    const data = addRow(
      addRow(consistentPlan(), 'Omdisponeringer', ['01.03.2022', 'Attraktivitet', 'Kompetanse', { error: '#VALUE!' }, 'Sak 1']),
      'Omdisponeringer',
      ['01.06.2022', 'Attraktivitet', 'Innovasjon', 60000, 'Sak 2'],
    );
    const found = validate(data).findings;
    expect(found.filter((f) => f.rule === 'reallocation.not-available')).toEqual([]);
    expect(found.filter((f) => f.rule === 'values.not-checked').map(({ cell }) => cell)).toContain(
      addressOf(data, 'Omdisponeringer', ['01.06.2022'], 'Beløp').cell,
    );
  });

  test('one that changes the total while a frame cannot be read: the error without false totals', () => {
    const data = addRow(setCell(consistentPlan(), 'Rammer', [2022, 'Kompetanse'], 'Beløp', { error: '#REF!' }), 'Omdisponeringer', [
      '15.09.2022',
      'Innovasjon',
      'Administrasjon',
      100000,
      '',
    ]);
    const found = validate(data).findings.filter((f) => f.rule.startsWith('reallocation.'));
    expect(found.map((f) => [f.rule, f.expected, f.actual])).toEqual([['reallocation.changes-total', null, null]]);
  });

  test('frames after reallocations of a year with none are the Rammer lines', () => {
    const { plan } = validate(consistentPlan());
    expect(framesAfterReallocations(plan, 2022)).toEqual(
      new Map([
        [1, 500000],
        [2, 500000],
        [3, 100000],
      ]),
    );
    expect(framesAfterReallocations(plan, 2023)).toEqual(new Map());
  });
});
