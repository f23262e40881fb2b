/** One way to write numbers: kroner grouped with a space everywhere, years never grouped, shares never printed as the limit. */
import { formatFigure, formatShareAbove } from '../../src/core/text/figures';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import { formatReport } from '../../src/cli/format';
import { formatValue } from '../../src/taskpane/format';
import { consistentPlan, setCell, validate } from '../support/planBuilder';

test('figures are grouped with a space and take a decimal comma', () => {
  expect(formatFigure(900000)).toBe('900\u00a0000');
  expect(formatFigure(900000, { space: ' ' })).toBe('900 000');
  expect(formatFigure(1050000.5)).toBe('1\u00a0050\u00a0000,5');
  expect(formatFigure(-4600000, { space: ' ' })).toBe('-4 600 000');
});

test('a share over its limit is never printed as the limit', () => {
  expect(formatShareAbove(0.1204, 0.12)).toBe('12,04\u00a0%');
  expect(formatShareAbove(0.125, 0.12)).toBe('12,5\u00a0%');
  expect(formatShareAbove(0.1200001, 0.12)).toBe('over 12,0\u00a0%');
});

test('the admin-share warning shows a share that differs from the limit', () => {
  // Administrasjon 100 000 of 1 200 000 is 8,3 %; a limit of 8,3 % that it exceeds by a hair.
  const result = validate(consistentPlan(), { adminShareMax: 0.0833 });
  const f = result.findings.find((x) => x.rule === 'budget.admin-share');
  expect(f?.message.nb).toBe('Administrasjon er 8,333\u00a0% av totalrammen (2022); grensen er 8,3\u00a0%.');
});

test('a year is never grouped: --year 2030 says "faktisk 2030" in the CLI and the pane', () => {
  const result = validate(consistentPlan(), { year: 2030 });
  const f = result.findings.find((x) => x.rule === 'structure.year-outside-period');
  expect(f?.actual).toBe('2030');
  const text = formatReport({ file: 'x.xlsx', year: 2030, findings: result.findings, summary: result.summary, lang: 'nb', color: false });
  expect(text).toContain('faktisk 2030');
  expect(text).not.toContain('2 030');
  expect(formatValue(f?.actual ?? null, '–')).toBe('2030');
});

test("the draft's error list writes kroner as the CLI and the pane do", () => {
  const data = setCell(consistentPlan(), 'Rammer', [2022, 'Sum totalt'], 'Beløp', 1050000);
  const result = validate(data);
  const layout = buildHandlingsplan({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: 'x',
    generatedAt: '2026-11-27T10:00:00Z',
  });
  const texts = layout.cells.flatMap((c) => (c.value.kind === 'text' ? [c.value.text] : []));
  expect(texts.some((t) => t.includes('Forventet 1\u00a0200\u00a0000, faktisk 1\u00a0050\u00a0000.'))).toBe(true);
  // Years and SSB's table ids (a Kilde in §2.4: `SSB tabell 07459`) are not amounts.
  expect(texts.some((t) => /\d{4,}/.test(t.replace(/20\d\d/g, '').replace(/tabell \d+/g, '')))).toBe(false);
  const cli = formatReport({ file: 'x.xlsx', year: 2022, findings: result.findings, summary: result.summary, lang: 'nb', color: false });
  expect(cli).toContain('forventet 1 200 000, faktisk 1 050 000');
});
