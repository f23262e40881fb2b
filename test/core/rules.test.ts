import type { WorkbookData } from '../../src/core/contract/tableData';
import { inputDigest } from '../../src/core/digest';
import { validateWorkbook } from '../../src/core/validate';
import { describeRuleCases, type RuleCase } from '../support/ruleCases';
import {
  addressOf,
  addRow,
  consistentPlan,
  removeTable,
  renameHeader,
  setCell,
  setTotal,
  snapshot,
  totalAddressOf,
  validate,
} from '../support/planBuilder';

const cases: RuleCase[] = [
  // budget
  {
    name: 'strategy budgets above the area frame',
    change: (d) => setCell(d, 'Budsjett', [2022, 'A'], 'Beløp', 350000),
    rule: 'budget.strategies-exceed-frame',
    at: (d) => addressOf(d, 'Rammer', [2022, 'Kompetanse'], 'Beløp'),
    expected: 500000,
    actual: 550000,
    severity: 'feil',
  },
  {
    name: 'area frame not fully allocated to strategies',
    change: (d) => setCell(d, 'Budsjett', [2022, 'C'], 'Beløp', 400000),
    rule: 'budget.frame-not-allocated',
    at: (d) => addressOf(d, 'Rammer', [2022, 'Innovasjon'], 'Beløp'),
    expected: 500000,
    actual: 400000,
    severity: 'advarsel',
  },
  {
    name: 'declared sum of area frames wrong',
    change: (d) => setCell(d, 'Rammer', [2022, 'Sum innsatsområder'], 'Beløp', 1000000),
    rule: 'budget.frame-sum',
    at: (d) => addressOf(d, 'Rammer', [2022, 'Sum innsatsområder'], 'Beløp'),
    expected: 1100000,
    actual: 1000000,
  },
  {
    name: 'declared total wrong',
    change: (d) => setCell(d, 'Rammer', [2022, 'Sum totalt'], 'Beløp', 1300000),
    rule: 'budget.total',
    at: (d) => addressOf(d, 'Rammer', [2022, 'Sum totalt'], 'Beløp'),
    expected: 1200000,
    actual: 1300000,
  },
  {
    name: 'financing below the total frame',
    change: (d) =>
      setCell(setCell(d, 'Finansiering', [2022, 'Kommunene'], 'Beløp', 100000), 'Finansiering', [2022, 'Sum'], 'Beløp', 1100000),
    rule: 'budget.financing',
    at: (d) => addressOf(d, 'Finansiering', [2022, 'Sum'], 'Beløp'),
    expected: 1200000,
    actual: 1100000,
  },
  {
    name: 'declared financing sum wrong',
    change: (d) => setCell(d, 'Finansiering', [2022, 'Sum'], 'Beløp', 1250000),
    rule: 'budget.financing-sum',
    at: (d) => addressOf(d, 'Finansiering', [2022, 'Sum'], 'Beløp'),
    expected: 1200000,
    actual: 1250000,
  },
  {
    name: 'administration above the configured share',
    change: (d) =>
      setCell(
        setCell(
          setCell(setCell(d, 'Rammer', [2022, 'Administrasjon'], 'Beløp', 300000), 'Rammer', [2022, 'Sum totalt'], 'Beløp', 1400000),
          'Finansiering',
          [2022, 'Fylket'],
          'Beløp',
          1200000,
        ),
        'Finansiering',
        [2022, 'Sum'],
        'Beløp',
        1400000,
      ),
    rule: 'budget.admin-share',
    at: (d) => addressOf(d, 'Rammer', [2022, 'Administrasjon'], 'Beløp'),
    actual: 300000,
    severity: 'advarsel',
  },
  {
    name: 'budget for an area without a frame',
    change: (d) => {
      const t = d.tables.find((x) => x.name === 'Rammer');
      if (t) t.rows = t.rows.filter((r) => r[1] !== 'Attraktivitet');
      return d;
    },
    rule: 'budget.missing-frame',
    at: (d) => addressOf(d, 'Budsjett', [2022, 'D'], 'Beløp'),
    expected: 100000,
  },
  {
    name: 'frames for the year but no strategy budget lines yet',
    change: (d) => {
      const t = d.tables.find((x) => x.name === 'Budsjett');
      if (t) t.rows = [];
      return d;
    },
    rule: 'budget.no-strategy-budget',
    at: (d) => addressOf(d, 'Rammer', [2022, 'Kompetanse'], 'Beløp'),
    severity: 'info',
  },
  // targets
  {
    name: 'declared sum of a næring wrong',
    change: (d) => setCell(d, 'Arbeidsplassmal', ['Industri'], 'Sum', 11),
    rule: 'targets.row-sum',
    at: (d) => addressOf(d, 'Arbeidsplassmal', ['Industri'], 'Sum'),
    expected: 10,
    actual: 11,
  },
  {
    name: 'declared year sum wrong (total row)',
    change: (d) => setTotal(d, 'Arbeidsplassmal', '2023', 7),
    rule: 'targets.year-sum',
    at: (d) => totalAddressOf(d, 'Arbeidsplassmal', '2023'),
    expected: 6,
    actual: 7,
  },
  {
    name: 'declared period total wrong',
    change: (d) => setTotal(d, 'Arbeidsplassmal', 'Sum', 21),
    rule: 'targets.period-total',
    at: (d) => totalAddressOf(d, 'Arbeidsplassmal', 'Sum'),
    expected: 20,
    actual: 21,
  },
  {
    name: 'targets do not reach the programme goal',
    change: (d) => setCell(d, 'Program', ['Arbeidsplassmål'], 'Verdi', 200),
    rule: 'targets.program-goal',
    at: (d) => addressOf(d, 'Program', ['Arbeidsplassmål'], 'Verdi'),
    expected: 20,
    actual: 200,
  },
  {
    name: 'a næring without a target for a year of the period',
    change: (d) =>
      setCell(
        setCell(setCell(d, 'Arbeidsplassmal', ['Reiseliv'], '2024', null), 'Arbeidsplassmal', ['Reiseliv'], 'Sum', 6),
        'Arbeidsplassmal',
        ['Industri'],
        '2024',
        9,
      ),
    rule: 'targets.missing-target',
    at: (d) => addressOf(d, 'Arbeidsplassmal', ['Reiseliv'], 'Næring'),
    severity: 'advarsel',
  },
  {
    name: 'resultatmål row sum wrong',
    change: (d) => setCell(d, 'Resultatmal', [2022, 'Reiseliv'], 'Sum', 4),
    rule: 'targets.resultatmal-row-sum',
    at: (d) => addressOf(d, 'Resultatmal', [2022, 'Reiseliv'], 'Sum'),
    expected: 3,
    actual: 4,
  },
  {
    name: 'resultatmål area sum wrong',
    change: (d) => setCell(d, 'ResultatmalSum', [2022, 1], 'Arbeidsplasser', 4),
    rule: 'targets.resultatmal-area-sum',
    at: (d) => addressOf(d, 'ResultatmalSum', [2022, 1], 'Arbeidsplasser'),
    expected: 3,
    actual: 4,
  },
  {
    name: 'resultatmål total wrong',
    change: (d) => setCell(d, 'ResultatmalSum', [2022, 'Sum'], 'Arbeidsplasser', 6),
    rule: 'targets.resultatmal-total',
    at: (d) => addressOf(d, 'ResultatmalSum', [2022, 'Sum'], 'Arbeidsplasser'),
    expected: 5,
    actual: 6,
  },
  {
    name: 'resultatmål of a næring against its job target',
    change: (d) =>
      setCell(
        setCell(setCell(d, 'Resultatmal', [2022, 'Industri'], 'C', null), 'Resultatmal', [2022, 'Industri'], 'Sum', 1),
        'ResultatmalSum',
        [2022, 2],
        'Arbeidsplasser',
        1,
      ),
    rule: 'targets.resultatmal-vs-target',
    at: (d) => addressOf(d, 'Resultatmal', [2022, 'Industri'], 'Næring'),
    expected: 2,
    actual: 1,
    severity: 'advarsel',
  },
  // structure
  {
    name: 'unknown strategy in the budget',
    change: (d) => addRow(d, 'Budsjett', [2022, 'Q', 0]),
    rule: 'structure.unknown-reference',
    at: (d) => addressOf(d, 'Budsjett', [2022, 'Q'], 'Strategi'),
    actual: 'Q',
  },
  {
    name: 'unknown næring in the targets',
    change: (d) => addRow(d, 'Resultatmal', [2022, 'Fiske', null, null, null, null]),
    rule: 'structure.unknown-reference',
    at: (d) => addressOf(d, 'Resultatmal', [2022, 'Fiske'], 'Næring'),
    actual: 'Fiske',
  },
  {
    name: 'duplicate strategy code',
    change: (d) => addRow(d, 'Strategier', ['C', 'Klynger', 2, '']),
    rule: 'structure.duplicate-key',
    at: (d) => {
      const a = addressOf(d, 'Strategier', ['C', 'Klynger'], 'Kode');
      return a;
    },
  },
  {
    name: 'budget year outside the programme period',
    change: (d) => addRow(d, 'Budsjett', [2025, 'A', 0]),
    rule: 'structure.year-outside-period',
    at: (d) => addressOf(d, 'Budsjett', [2025, 'A'], 'Strategi'),
    actual: '2025',
  },
  {
    name: 'unknown strategy in a delmål range',
    change: (d) => setCell(d, 'Delmal', [2022, 'C'], 'Strategier', 'C-Z'),
    rule: 'delmal.unknown-strategy',
    at: (d) => {
      const a = addressOf(d, 'Delmal', [2022, 'C-Z'], 'År');
      return { sheet: a.sheet, cell: `${a.cell}:${a.cell.replace('A', 'G')}` };
    },
    actual: 'Z',
  },
  {
    name: 'missing programme setting',
    change: (d) => {
      const t = d.tables.find((x) => x.name === 'Program');
      if (t) t.rows = t.rows.filter((r) => r[0] !== 'Første år');
      return d;
    },
    rule: 'structure.program-setting',
    at: () => ({ sheet: 'Oppsett', cell: 'A1:B6' }),
  },
  {
    name: 'missing table',
    change: (d) => removeTable(d, 'Rammer'),
    rule: 'structure.missing-table',
    at: () => ({ sheet: 'Budsjett', cell: 'A1' }),
    severity: 'feil',
  },
  {
    name: 'missing column',
    change: (d) => renameHeader(d, 'Budsjett', 'Beløp', 'Sum kroner'),
    rule: 'structure.missing-column',
    at: (d) => {
      const a = addressOf(d, 'Budsjett', [2022, 'A'], 'År');
      const row = Number(a.cell.slice(1)) - 1;
      return { sheet: a.sheet, cell: `A${row}:C${row}` };
    },
    expected: 'Beløp',
  },
  {
    name: 'a requested year outside the programme period',
    change: (d) => d,
    settings: { year: 2026 },
    rule: 'structure.year-outside-period',
    at: (d) => addressOf(d, 'Program', ['Handlingsplanår'], 'Verdi'),
    actual: '2026',
    expected: '2022–2024',
  },
  {
    name: 'a year with nothing in the workbook',
    change: (d) => d,
    settings: { year: 2023 },
    rule: 'structure.no-data-for-year',
    at: (d) => addressOf(d, 'Program', ['Handlingsplanår'], 'Verdi'),
    expected: '2023',
    severity: 'info',
  },
  {
    name: 'a generated sheet made from other input',
    change: (d) => d,
    generated: [
      {
        sheet: 'Handlingsplan 2022',
        kind: 'handlingsplan',
        year: 2022,
        inputDigest: '00000000000000',
        generatedAt: '2026-01-02T03:04:05Z',
      },
    ],
    rule: 'staleness.generated-stale',
    at: () => ({ sheet: 'Handlingsplan 2022', cell: 'A1' }),
    actual: '00000000000000',
    severity: 'advarsel',
  },
  // values
  {
    name: 'number typed as text is read, flagged and offered a fix',
    change: (d) => setCell(d, 'Budsjett', [2022, 'A'], 'Beløp', '300.000,-'),
    rule: 'values.number-as-text',
    at: (d) => addressOf(d, 'Budsjett', [2022, 'A'], 'Beløp'),
    expected: 300000,
    actual: '300.000,-',
    severity: 'advarsel',
  },
  {
    name: 'text that is not a number',
    change: (d) => setCell(d, 'Budsjett', [2022, 'A'], 'Beløp', 'tre hundre tusen'),
    rule: 'values.not-a-number',
    at: (d) => addressOf(d, 'Budsjett', [2022, 'A'], 'Beløp'),
    actual: 'tre hundre tusen',
  },
  {
    name: 'error value',
    change: (d) => setCell(d, 'Budsjett', [2022, 'B'], 'Beløp', { error: '#REF!' }),
    rule: 'values.error-value',
    at: (d) => addressOf(d, 'Budsjett', [2022, 'B'], 'Beløp'),
    actual: '#REF!',
  },
  {
    name: 'negative amount',
    change: (d) => setCell(d, 'Finansiering', [2022, 'Kommunene'], 'Beløp', -200000),
    rule: 'values.negative-amount',
    at: (d) => addressOf(d, 'Finansiering', [2022, 'Kommunene'], 'Beløp'),
    actual: -200000,
  },
  {
    name: 'fractional job count',
    change: (d) => setCell(d, 'Arbeidsplassmal', ['Industri'], '2022', 2.5),
    rule: 'values.fractional-jobs',
    at: (d) => addressOf(d, 'Arbeidsplassmal', ['Industri'], '2022'),
    actual: 2.5,
  },
  {
    name: 'empty required cell',
    change: (d) => setCell(d, 'Budsjett', [2022, 'C'], 'Strategi', null),
    rule: 'structure.empty-required',
    at: (d) => addressOf(d, 'Budsjett', [2022, null], 'Strategi'),
  },
];

describeRuleCases(cases, () => consistentPlan(), 'a plan that adds up');

test('a generated sheet made from the same input is not stale', () => {
  const snap = snapshot(consistentPlan());
  snap.generated = [{ sheet: 'Handlingsplan 2022', kind: 'handlingsplan', year: 2022, inputDigest: inputDigest(snap) }];
  expect(validateWorkbook(snap).findings).toEqual([]);
  // moving a table elsewhere does not change the digest; changing a figure does
  const moved = consistentPlan();
  moved.tables.reverse();
  expect(inputDigest(snapshot(moved))).toBe(inputDigest(snap));
  expect(inputDigest(snapshot(setCell(consistentPlan(), 'Budsjett', [2022, 'A'], 'Beløp', 300001)))).not.toBe(inputDigest(snap));
});

test('the quick fix for a number typed as text writes the number into the same cell', () => {
  const data = setCell(consistentPlan(), 'Finansiering', [2022, 'Fylket'], 'Beløp', '1 000 000 kr');
  const f = validate(data).findings.find((x) => x.rule === 'values.number-as-text');
  expect(f?.fix).toMatchObject({ kind: 'set-number', value: 1000000, ...addressOf(data, 'Finansiering', [2022, 'Fylket'], 'Beløp') });
  // the parsed value counts, so nothing else is off
  expect(validate(data).findings.map((x) => x.rule)).toEqual(['values.number-as-text']);
});

test('the administration limit is a setting', () => {
  const data = consistentPlan();
  expect(validate(data, { adminShareMax: 0.05 }).findings.map((f) => f.rule)).toEqual(['budget.admin-share']);
  expect(validate(data, { adminShareMax: 0.1 }).findings).toEqual([]);
});

test('columns in another order, extra columns and æ/ø/å spelled ae/o/a are read the same', () => {
  const data = consistentPlan();
  const budget = data.tables.find((t) => t.name === 'Budsjett')!;
  budget.header = ['Merknad', 'Belop', 'STRATEGI', 'År'];
  budget.rows = budget.rows.map((r) => ['fritekst', r[2] ?? null, r[1] ?? null, r[0] ?? null]);
  const frames = data.tables.find((t) => t.name === 'Rammer')!;
  frames.header = ['aar', 'post', 'beløp'];
  expect(validate(data).findings).toEqual([]);
});

test('a table is found by name whatever sheet it stands on', () => {
  const data = consistentPlan();
  for (const t of data.tables) t.sheet = 'Alt';
  data.sheets = ['Alt'];
  expect(validate(data).findings).toEqual([]);
});

test('a column headed in millions is read in millions', () => {
  const data = renameHeader(consistentPlan(), 'Finansiering', 'Beløp', 'Beløp (mill. kr)');
  setCell(data, 'Finansiering', [2022, 'Fylket'], 'Beløp (mill. kr)', 1.0);
  setCell(data, 'Finansiering', [2022, 'Kommunene'], 'Beløp (mill. kr)', '0,2');
  setCell(data, 'Finansiering', [2022, 'Sum'], 'Beløp (mill. kr)', 1.2);
  const result = validate(data);
  expect(result.findings.map((f) => [f.rule, f.expected])).toEqual([['values.number-as-text', 200000]]);
  expect(result.findings[0]?.fix?.value).toBe(0.2);
});

test('validation is deterministic and never throws on a workbook with nothing in it', () => {
  const empty: WorkbookData = { sheets: ['Ark1'], tables: [] };
  const a = validate(empty);
  const b = validate(empty);
  expect(a).toEqual(b);
  expect(a.findings.filter((f) => f.rule === 'structure.missing-table' && f.severity === 'feil').length).toBeGreaterThanOrEqual(8);
  for (const f of a.findings) expect(f.sheet).toBe('Ark1');
});
