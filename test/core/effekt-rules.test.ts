import { describeRuleCases, type RuleCase } from '../support/ruleCases';
import { addressOf, addRow, consistentPlan, setCell, validate } from '../support/planBuilder';

const IND = 'Effektindikatorer';

const cases: RuleCase[] = [
  {
    name: 'a kommune the region does not have',
    change: (d) => setCell(d, IND, [2022, 'Folkemengde'], 'Kommune', '9999'),
    rule: 'effekt.unknown-kommune',
    at: (d) => addressOf(d, IND, [2022, 'Folkemengde'], 'Kommune'),
    expected: '1001, 1002',
    actual: '9999',
    severity: 'feil',
  },
  {
    name: 'a figure without a source',
    change: (d) => setCell(d, IND, [2022, 'Folkemengde'], 'Kilde', null),
    rule: 'effekt.missing-source',
    at: (d) => addressOf(d, IND, [2022, 'Folkemengde'], 'Kilde'),
    severity: 'advarsel',
  },
  {
    name: 'the same year, indicator and kommune twice (by number and by name)',
    change: (d) => addRow(d, IND, [2022, 'folkemengde', 'Nordby', 1011, 'Kommunens tall', null]),
    rule: 'effekt.duplicate-row',
    at: (d) => addressOf(d, IND, [2022, 'folkemengde'], 'Indikator'),
    actual: 1011,
    severity: 'feil',
  },
  {
    name: 'a rank that is not a whole number from 1',
    change: (d) => setCell(d, IND, [2022, 'Kommune-NM-plassering'], 'Verdi', 0),
    rule: 'effekt.wrong-kind',
    at: (d) => addressOf(d, IND, [2022, 'Kommune-NM-plassering'], 'Verdi'),
    actual: 0,
    severity: 'feil',
  },
  {
    name: 'a count with a fraction',
    change: (d) => setCell(d, IND, [2022, 'Folkemengde'], 'Verdi', 1010.5),
    rule: 'effekt.wrong-kind',
    at: (d) => addressOf(d, IND, [2022, 'Folkemengde'], 'Verdi'),
    actual: 1010.5,
  },
  {
    name: 'a negative count',
    change: (d) => setCell(d, IND, [2021, 'Folkemengde'], 'Verdi', -3),
    rule: 'effekt.wrong-kind',
    at: (d) => addressOf(d, IND, [2021, 'Folkemengde'], 'Verdi'),
    actual: -3,
  },
  {
    name: 'later values without the baseline year (the year before the period)',
    change: (d) =>
      addRow(addRow(d, IND, [2023, 'Nyetablerte foretak', '1002', 14, 'SSB', null]), IND, [
        2024,
        'Nyetablerte foretak',
        '1002',
        9,
        'SSB',
        null,
      ]),
    rule: 'effekt.missing-baseline',
    at: (d) => addressOf(d, IND, [2023, 'Nyetablerte foretak'], 'År'),
    expected: 2021,
    actual: 2023,
    severity: 'advarsel',
  },
  {
    name: 'a kommunenummer twice in Kommuner',
    change: (d) => addRow(d, 'Kommuner', ['1001', 'Nordby igjen']),
    rule: 'structure.duplicate-key',
    at: (d) => {
      const first = addressOf(d, 'Kommuner', ['1001', 'Nordby igjen'], 'Kommunenummer');
      const row = /\d+/.exec(first.cell)?.[0] ?? '';
      return { sheet: first.sheet, cell: `A${row}:B${row}` };
    },
  },
];

describeRuleCases(cases, consistentPlan, 'the consistent plan');

describe('effect indicators in any programme', () => {
  test('a free indicator takes any number, and a kommune number typed as a number keeps its zero', () => {
    const d = consistentPlan();
    const kommuner = d.tables.find((t) => t.name === 'Kommuner');
    kommuner?.rows.push(['0301', 'Oslo']);
    addRow(d, IND, [2021, 'Hytteturister per helg', 301, -2.5, 'Egen telling', null]);
    const findings = validate(d).findings.filter((f) => f.rule.startsWith('effekt.'));
    expect(findings).toEqual([]);
  });

  test('a baseline that moves with the period: 2019 for a programme from 2020', () => {
    const d = setCell(setCell(consistentPlan(), 'Program', ['Første år'], 'Verdi', 2020), 'Program', ['Siste år'], 'Verdi', 2024);
    const baseline = validate(d).findings.filter((f) => f.rule === 'effekt.missing-baseline');
    // Both series start in 2021, which is no longer the baseline.
    expect(baseline.map((f) => f.expected)).toEqual([2019, 2019]);
  });
});
