/** Strategy codes as Strategier.Kode defines them, matched case- and space-insensitively everywhere. */
import { StrategyCodes } from '../../src/core/parse/codes';
import { addressOf, consistentPlan, validate } from '../support/planBuilder';
import type { WorkbookData } from '../../src/core/contract/tableData';

const codes = new StrategyCodes(['R1', 'R2', 'I1', 'I2', 'G1', 'G2', '1.1', '2a']);

test('a code is matched with case and surrounding spaces ignored, and kept as Strategier spells it', () => {
  expect(codes.canonical(' r1 ')).toBe('R1');
  expect(codes.canonical('2A')).toBe('2a');
  expect(codes.canonical('1.1')).toBe('1.1');
  expect(codes.canonical('R3')).toBeUndefined();
});

test('ranges follow the order of the Strategier table, with a hyphen or an en dash', () => {
  expect(codes.expand('G1-G2')).toEqual(['G1', 'G2']);
  expect(codes.expand('r2 – i2')).toEqual(['R2', 'I1', 'I2']);
  expect(codes.expand('I2-1.1')).toEqual(['I2', 'G1', 'G2', '1.1']);
  // Reversed: not a range of the table; kept as typed, so it is reported.
  expect(codes.expand('G2-G1')).toEqual(['G2-G1']);
  expect(codes.expand('G1-X9')).toEqual(['G1', 'X9']);
});

test('lists with a comma, a semicolon or "og", mixed with ranges', () => {
  expect(codes.expand('I1, I2')).toEqual(['I1', 'I2']);
  expect(codes.expand('I1;I2')).toEqual(['I1', 'I2']);
  expect(codes.expand('R1 og 2a')).toEqual(['R1', '2a']);
  expect(codes.expand('R1-R2, G1 og 1.1')).toEqual(['R1', 'R2', 'G1', '1.1']);
});

test('a Resultatmal header is the code alone or the code and its name after . - – : or a space', () => {
  expect(codes.ofHeader('R1')).toBe('R1');
  expect(codes.ofHeader('r1. Rekruttering')).toBe('R1');
  expect(codes.ofHeader('G2 – Grønn vekst')).toBe('G2');
  expect(codes.ofHeader('G2-Grønn vekst')).toBe('G2');
  expect(codes.ofHeader('I1: Innovasjon')).toBe('I1');
  expect(codes.ofHeader('1.1 Kompetanse')).toBe('1.1');
  expect(codes.ofHeader('2a. Gründere')).toBe('2a');
  expect(codes.ofHeader('R10')).toBeUndefined();
  expect(codes.ofHeader('Merknad')).toBeUndefined();
});

/** The builder's plan with its strategies recoded A→R1, B→R2, C→I1, D→S1, everywhere they are named. */
function recoded(): WorkbookData {
  const data = consistentPlan();
  const map: Record<string, string> = { A: 'R1', B: 'R2', C: 'I1', D: 'S1' };
  const mapped = (value: unknown): string => (typeof value === 'string' ? (map[value] ?? value) : '');
  for (const t of data.tables) {
    if (t.name === 'Strategier') t.rows.forEach((r) => (r[0] = mapped(r[0])));
    if (t.name === 'Resultatmal') t.header = t.header.map((h) => (map[h] !== undefined ? `${mapped(h).toLowerCase()}. Navn` : h));
    if (t.name === 'Budsjett') t.rows.forEach((r) => (r[1] = ` ${mapped(r[1]).toLowerCase()} `));
    if (t.name === 'Delmal') t.rows.forEach((r) => (r[1] = r[1] === 'A-B' ? 'R1–R2' : 'I1'));
    if (t.name === 'Tiltak') t.rows.forEach((r) => (r[1] = r[1] === 'A, B' ? 'R1 og R2' : r[1] === 'C' ? 'i1' : 'S1'));
  }
  return data;
}

test('a plan whose codes have digits, matched in every table, validates clean', () => {
  const result = validate(recoded());
  expect(result.findings).toEqual([]);
  expect(result.plan.resultatmal?.strategyCodes).toEqual(['R1', 'R2', 'I1']);
  expect(result.plan.delmal[0]?.strategies).toEqual(['R1', 'R2']);
  expect(result.plan.tiltak[0]?.strategies).toEqual(['R1', 'R2']);
});

test('a Resultatmal column that names no strategy is reported at its header, and the sums it may feed are not checked', () => {
  const data = recoded();
  const rm = data.tables.find((t) => t.name === 'Resultatmal')!;
  rm.header[2] = 'X1. Ukjent';
  const header = validate(data).findings.filter((f) => f.rule === 'structure.unknown-column');
  expect(header).toHaveLength(1);
  expect(header[0]).toMatchObject({ severity: 'feil', sheet: 'Mål', actual: 'X1. Ukjent' });
  const findings = validate(data).findings;
  // Not seven errors saying the sums should be smaller: the column's figures are unknown.
  expect(findings.filter((f) => f.severity === 'feil').map((f) => f.rule)).toEqual(['structure.unknown-column']);
  expect(findings.filter((f) => f.rule === 'values.not-checked').length).toBeGreaterThan(0);
});

test('an Arbeidsplassmal year column outside the period is reported at its header', () => {
  const data = consistentPlan();
  const jobs = data.tables.find((t) => t.name === 'Arbeidsplassmal')!;
  jobs.header.splice(4, 0, '2025');
  jobs.rows.forEach((r) => r.splice(4, 0, 1));
  jobs.totalRow!.splice(4, 0, 2);
  const findings = validate(data).findings;
  const header = findings.filter((f) => f.rule === 'structure.year-column-outside-period');
  expect(header.map((f) => `${f.sheet}!${f.cell}`)).toEqual([
    `Mål!${addressOf(data, 'Arbeidsplassmal', ['Industri'], '2025').cell.replace(/\d+/, (n) => String(Number(n) - 1))}`,
  ]);
  expect(findings.some((f) => f.rule === 'structure.year-outside-period')).toBe(false);
});
