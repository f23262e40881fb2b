import type { Finding } from '../../src/core/findings/types';
import type { A1 } from '../../src/core/util/brand';
import { formatJson, formatNumber, formatReport } from '../../src/cli/format';
import { secondProgramme } from '../fixtures/secondProgramme';
import { setCell, validate } from '../support/planBuilder';
import { reportsWithJobsAsText } from '../../src/core/sample/scale';

function finding(partial: Partial<Finding> & Pick<Finding, 'severity' | 'sheet' | 'cell'>): Finding {
  return {
    rule: 'budget.financing',
    message: { nb: 'Finansieringen (2022) dekker ikke totalrammen.', en: 'The financing (2022) does not match the total frame.' },
    expected: null,
    actual: null,
    ...partial,
  };
}

const cell = (text: string): A1 => text as A1;

describe('formatNumber', () => {
  test.each([
    [0, '0', '0'],
    [999, '999', '999'],
    [1000, '1 000', '1 000'],
    [1_200_000, '1 200 000', '1 200 000'],
    [-4_600_000, '-4 600 000', '-4 600 000'],
    [10.5, '10,5', '10.5'],
    [0.1 + 0.2, '0,3', '0.3'],
  ])('%p → %p (nb), %p (en)', (value, nb, en) => {
    expect(formatNumber(value, 'nb')).toBe(nb);
    expect(formatNumber(value, 'en')).toBe(en);
  });
});

describe('formatReport', () => {
  const findings = [
    finding({ severity: 'feil', sheet: 'Budsjett', cell: cell('C40'), expected: 4_600_000, actual: 4_500_000 }),
    finding({ severity: 'advarsel', sheet: 'Budsjett', cell: cell('C7'), expected: 'A', actual: null }),
    finding({ severity: 'info', sheet: 'Mål', cell: cell('B3:D9') }),
  ];
  const summary = { feil: 1, advarsel: 1, info: 1 };

  test('groups by sheet, aligns the columns and ends with the summary', () => {
    const text = formatReport({ file: 'plan.xlsx', year: 2022, findings, summary, lang: 'nb', color: false });
    expect(text).toBe(
      [
        'plan.xlsx: kontrollert år 2022',
        '',
        'Budsjett',
        '  FEIL      C40    Finansieringen (2022) dekker ikke totalrammen. (forventet 4 600 000, faktisk 4 500 000)',
        '  ADVARSEL  C7     Finansieringen (2022) dekker ikke totalrammen. (forventet A)',
        '',
        'Mål',
        '  INFO      B3:D9  Finansieringen (2022) dekker ikke totalrammen.',
        '',
        'Sammendrag: 1 feil, 1 advarsel, 1 info',
        '',
      ].join('\n'),
    );
  });

  test('English labels, words and plurals', () => {
    const text = formatReport({
      file: 'plan.xlsx',
      year: null,
      findings,
      summary: { feil: 2, advarsel: 0, info: 1 },
      lang: 'en',
      color: false,
    });
    expect(text).toContain('plan.xlsx: year checked not set');
    expect(text).toContain('  ERROR    C40    The financing (2022) does not match the total frame. (expected 4 600 000, actual 4 500 000)');
    expect(text).toContain('  WARNING  C7');
    expect(text).toContain('Summary: 2 errors, 0 warnings, 1 info');
  });

  test('colour codes only when asked for, without breaking the alignment', () => {
    const plain = formatReport({ file: 'p.xlsx', year: 2022, findings, summary, lang: 'nb', color: false });
    const coloured = formatReport({ file: 'p.xlsx', year: 2022, findings, summary, lang: 'nb', color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31mFEIL\u001b[0m');
    expect(coloured).toContain('\u001b[33mADVARSEL\u001b[0m');
    expect(coloured).toContain('\u001b[34mINFO\u001b[0m');
    const stripped = ['\u001b[0m', '\u001b[1m', '\u001b[31m', '\u001b[33m', '\u001b[34m'].reduce(
      (text, code) => text.split(code).join(''),
      coloured,
    );
    expect(stripped).toBe(plain);
  });

  test('no findings', () => {
    const text = formatReport({
      file: 'p.xlsx',
      year: 2023,
      findings: [],
      summary: { feil: 0, advarsel: 0, info: 0 },
      lang: 'nb',
      color: false,
    });
    expect(text).toBe('p.xlsx: kontrollert år 2023\n\nIngen funn.\n\nSammendrag: 0 feil, 0 advarsler, 0 info\n');
  });
});

describe("formatReport with the core's groups (as the pane shows them)", () => {
  test('5 000 numbers stored as text are one group: title, the first three cells, "… og N til", how to fix them all', () => {
    const result = validate(reportsWithJobsAsText(5_000));
    const group = result.groups.find((g) => g.rule === 'values.number-as-text');
    const cells = group?.findings.map((f) => f.cell) ?? [];
    const text = formatReport({
      file: 'r.xlsx',
      year: result.year,
      findings: result.findings,
      groups: result.groups,
      summary: result.summary,
      lang: 'nb',
      color: false,
    });
    const lines = text.split('\n');
    const head = lines.findIndex((l) => l.includes('tall lagret som tekst i Rapporter · Nye arbeidsplasser'));
    expect(lines[head]).toMatch(
      new RegExp(`^  ADVARSEL  ${cells[0]} … +5\u00a0000 tall lagret som tekst i Rapporter · Nye arbeidsplasser$`),
    );
    expect(lines[head + 1]?.trim()).toBe(`${cells.slice(0, 3).join(', ')} … og 4 997 til`);
    expect(lines[head + 2]?.trim()).toBe('Rett opp alle: handlingsplan rett-opp r.xlsx -o <ut.xlsx> --rule values.number-as-text');
    // a few lines, not 5 000: every other finding of the workbook still has its own line
    expect(lines.length).toBeLessThan(result.findings.length - 5_000 + 20);
    expect(text).toContain('(--all lister hvert funn for seg.)');
    expect(text).toContain(`Sammendrag: ${result.summary.feil} feil, ${formatNumber(result.summary.advarsel, 'nb')} advarsler`);
    expect(formatNumber(result.summary.advarsel, 'nb')).toBe('5 002');
  });

  test('--all lists every finding on a line of its own, as before', () => {
    const result = validate(reportsWithJobsAsText(50));
    const all = formatReport({
      file: 'r.xlsx',
      year: result.year,
      findings: result.findings,
      groups: result.groups,
      all: true,
      summary: result.summary,
      lang: 'en',
      color: false,
    });
    const flat = formatReport({
      file: 'r.xlsx',
      year: result.year,
      findings: result.findings,
      summary: result.summary,
      lang: 'en',
      color: false,
    });
    expect(all).toBe(flat);
    for (const finding of result.findings) expect(all).toContain(`  ${finding.cell}  `.trimEnd());
    expect(all.split('\n').filter((l) => l.includes('Convert') || l.includes('stored as text'))).toHaveLength(50);
  });

  test('a second programme: three amounts typed as text in Budsjett are one group; single findings look as they did', () => {
    let data = secondProgramme();
    for (const [code, text] of [
      ['R1', '150 000'],
      ['r2', '100 000'],
      ['I1', '250 000'],
    ] as const)
      data = setCell(data, 'Budsjett', [2024, code], 'Beløp', text);
    const result = validate(data);
    const group = result.groups.find((g) => g.rule === 'values.number-as-text');
    expect(group?.findings).toHaveLength(3);
    const text = formatReport({
      file: 'f.xlsx',
      year: result.year,
      findings: result.findings,
      groups: result.groups,
      summary: result.summary,
      lang: 'en',
      color: false,
    });
    const lines = text.split('\n');
    const head = lines.findIndex((l) => l.includes('3 numbers stored as text in Budsjett · Beløp'));
    expect(head).toBeGreaterThan(0);
    expect(lines[head + 1]?.trim()).toBe(group?.findings.map((f) => f.cell).join(', '));
    expect(lines[head + 2]?.trim()).toBe('Fix all: handlingsplan fix f.xlsx -o <out.xlsx> --rule values.number-as-text');
    expect(text).not.toContain('--all lists');
    // the groups of one print exactly as the flat list prints them
    const flat = formatReport({
      file: 'f.xlsx',
      year: result.year,
      findings: result.findings,
      summary: result.summary,
      lang: 'en',
      color: false,
    });
    for (const other of result.groups.filter((g) => g.findings.length === 1)) {
      const line = flat
        .split('\n')
        .find((l) => l.includes(other.findings[0]?.message.en ?? '?') && l.includes(other.findings[0]?.cell ?? '?'));
      expect(line).toBeDefined();
    }
  });
});

describe('formatJson', () => {
  test('one line, seven keys in order, message in the chosen language, fix left out', () => {
    const withFix = finding({
      severity: 'feil',
      sheet: 'Budsjett',
      cell: cell('C40'),
      expected: 1,
      actual: 2,
      fix: { kind: 'set-number', sheet: 'Budsjett', cell: cell('C40'), value: 1, text: '1', label: { nb: 'x', en: 'x' } },
    });
    const text = formatJson([withFix], { feil: 1, advarsel: 0, info: 0 }, 'en');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd()).not.toContain('\n');
    expect(text).toBe(
      '{"findings":[{"rule":"budget.financing","severity":"feil","sheet":"Budsjett","cell":"C40",' +
        '"message":"The financing (2022) does not match the total frame.","expected":1,"actual":2}],' +
        '"summary":{"feil":1,"advarsel":0,"info":0}}\n',
    );
  });
});
