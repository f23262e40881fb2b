/**
 * Unknown is unknown: one unreadable cell is reported once, at its cell; every declared figure whose check
 * depends on it gets one info naming it, and no finding carries an expected value computed without it.
 */
import type { CellInput } from '../../src/core/contract/tableData';
import type { Finding } from '../../src/core/findings/types';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import { buildStyrerapport } from '../../src/core/layout/styrerapport';
import type { SheetLayout } from '../../src/core/layout/types';
import { addRow, addressOf, consistentPlan, setCell, setTotal, totalAddressOf, validate } from '../support/planBuilder';

function brief(f: Finding): string {
  return `${f.severity} ${f.rule} @ ${f.sheet}!${f.cell}${f.expected !== null ? ` expected ${String(f.expected)}` : ''}`;
}

function findingsOf(data: ReturnType<typeof consistentPlan>): string[] {
  return validate(data).findings.map(brief);
}

const at = (a: { sheet: string; cell: string }) => `${a.sheet}!${a.cell}`;

test('the consistent plan has no findings to begin with', () => {
  expect(findingsOf(consistentPlan())).toEqual([]);
});

test('#REF! in an area frame: one error, the sums and the share it feeds not checked, no missing frame', () => {
  const data = setCell(consistentPlan(), 'Rammer', [2022, 'Kompetanse'], 'Beløp', { error: '#REF!' });
  const broken = at(addressOf(data, 'Rammer', [2022, 'Kompetanse'], 'Beløp'));
  const result = validate(data);
  expect(result.findings.map(brief)).toEqual([
    `feil values.error-value @ ${broken} expected verdi`,
    `info values.not-checked @ ${at(addressOf(data, 'Rammer', [2022, 'Sum innsatsområder'], 'Beløp'))}`,
    `info values.not-checked @ ${at(addressOf(data, 'Rammer', [2022, 'Administrasjon'], 'Beløp'))}`,
    `info values.not-checked @ ${at(addressOf(data, 'Rammer', [2022, 'Sum totalt'], 'Beløp'))}`,
  ]);
  for (const f of result.findings.filter((x) => x.rule === 'values.not-checked')) {
    expect(f.message.nb).toContain(broken);
    expect(f.message.en).toContain(broken);
    expect(f.actual).toBe(broken);
  }
});

test('text that is no number in a budget line: its area frame is not checked against the strategies', () => {
  const data = setCell(consistentPlan(), 'Budsjett', [2022, 'A'], 'Beløp', 'tre hundre');
  const broken = at(addressOf(data, 'Budsjett', [2022, 'A'], 'Beløp'));
  const result = validate(data);
  expect(result.findings.map(brief)).toEqual([
    `feil values.not-a-number @ ${broken} expected tall`,
    `info values.not-checked @ ${at(addressOf(data, 'Rammer', [2022, 'Kompetanse'], 'Beløp'))}`,
  ]);
});

test('a financing source without a cached formula value: not calculated, and the sums it feeds not checked', () => {
  const data = setCell(consistentPlan(), 'Finansiering', [2022, 'Fylket'], 'Beløp', { formula: 'B2*2' });
  const broken = at(addressOf(data, 'Finansiering', [2022, 'Fylket'], 'Beløp'));
  const result = validate(data);
  expect(result.findings.map(brief)).toEqual([
    `advarsel values.not-calculated @ ${broken} expected verdi`,
    `info values.not-checked @ ${at(addressOf(data, 'Finansiering', [2022, 'Sum'], 'Beløp'))}`,
  ]);
  expect(result.findings[0]?.message.nb).toContain('Åpne arbeidsboka i Excel og lagre den');
});

test('a declared Sum written as a formula without a cached value is "not calculated", not "must be filled in"', () => {
  const data = setCell(consistentPlan(), 'Rammer', [2022, 'Sum totalt'], 'Beløp', { formula: 'SUM(C2:C6)' });
  const result = validate(data);
  expect(result.findings.map(brief)).toEqual([
    `advarsel values.not-calculated @ ${at(addressOf(data, 'Rammer', [2022, 'Sum totalt'], 'Beløp'))} expected verdi`,
  ]);
  expect(result.findings.some((f) => f.rule === 'structure.empty-required')).toBe(false);
});

test('an unreadable job target: its row sum, year sum, period total and the programme goal are not checked', () => {
  const data = setCell(consistentPlan(), 'Arbeidsplassmal', ['Industri'], '2023', { error: '#VALUE!' });
  const broken = at(addressOf(data, 'Arbeidsplassmal', ['Industri'], '2023'));
  const findings = findingsOf(data);
  expect(findings).toEqual(
    [
      `feil values.error-value @ ${broken} expected verdi`,
      `info values.not-checked @ ${at(addressOf(data, 'Arbeidsplassmal', ['Industri'], 'Sum'))}`,
      `info values.not-checked @ ${at(totalAddressOf(data, 'Arbeidsplassmal', '2023'))}`,
      `info values.not-checked @ ${at(totalAddressOf(data, 'Arbeidsplassmal', 'Sum'))}`,
      `info values.not-checked @ ${at(addressOf(data, 'Program', ['Arbeidsplassmål'], 'Verdi'))}`,
    ].sort(byCell),
  );
  // Not "missing": the target is there, it cannot be read.
  expect(findings.some((f) => f.includes('targets.missing-target'))).toBe(false);
});

test('an unreadable resultatmål cell: its row sum, its area sum, the total and the job target comparison are not checked', () => {
  const data = setCell(consistentPlan(), 'Resultatmal', [2022, 'Industri'], 'A', '#N/A');
  setCell(data, 'Resultatmal', [2022, 'Industri'], 'A', { error: '#N/A' });
  const broken = at(addressOf(data, 'Resultatmal', [2022, 'Industri'], 'A'));
  expect(findingsOf(data)).toEqual(
    [
      `feil values.error-value @ ${broken} expected verdi`,
      `info values.not-checked @ ${at(addressOf(data, 'Resultatmal', [2022, 'Industri'], 'Næring'))}`,
      `info values.not-checked @ ${at(addressOf(data, 'Resultatmal', [2022, 'Industri'], 'Sum'))}`,
      `info values.not-checked @ ${at(addressOf(data, 'ResultatmalSum', [2022, 1], 'Arbeidsplasser'))}`,
      `info values.not-checked @ ${at(addressOf(data, 'ResultatmalSum', [2022, 'Sum'], 'Arbeidsplasser'))}`,
    ].sort(byCell),
  );
});

test('a broken cell and a real error elsewhere: the real one keeps its computed expected value', () => {
  const data = setCell(consistentPlan(), 'Budsjett', [2022, 'A'], 'Beløp', { error: '#REF!' });
  setCell(data, 'Finansiering', [2022, 'Kommunene'], 'Beløp', 300000);
  const findings = findingsOf(data);
  expect(findings).toContain(`feil budget.financing-sum @ ${at(addressOf(data, 'Finansiering', [2022, 'Sum'], 'Beløp'))} expected 1300000`);
  expect(findings).toContain(`info values.not-checked @ ${at(addressOf(data, 'Rammer', [2022, 'Kompetanse'], 'Beløp'))}`);
});

test('an unreadable declared total is reported once and nothing else', () => {
  const data = setTotal(consistentPlan(), 'Arbeidsplassmal', 'Sum', 'tjue');
  expect(findingsOf(data)).toEqual([`feil values.not-a-number @ ${at(totalAddressOf(data, 'Arbeidsplassmal', 'Sum'))} expected tall`]);
});

function byCell(a: string, b: string): number {
  const key = (s: string) => {
    const m = /@ ([^!]+)!([A-Z]+)(\d+)/.exec(s);
    return m ? ([m[1] ?? '', Number(m[3]), m[2] ?? ''] as const) : (['', 0, ''] as const);
  };
  const [sa, ra, ca] = key(a);
  const [sb, rb, cb] = key(b);
  return sa.localeCompare(sb, 'nb') || ra - rb || ca.localeCompare(cb) || (a.startsWith('feil') ? -1 : b.startsWith('feil') ? 1 : 0);
}

describe('the generated sheet shows an unreadable figure as missing and the totals over it as incomplete', () => {
  function layoutOf(data: ReturnType<typeof consistentPlan>) {
    const result = validate(data);
    return buildHandlingsplan({
      plan: result.plan,
      year: 2022,
      findings: result.findings,
      inputDigest: 'x',
      generatedAt: '2026-11-27T10:00:00Z',
    });
  }
  const textAt = (layout: SheetLayout, row: number, column: number): string | undefined => {
    const v = layout.cells.find((c) => c.row === row && c.column === column)?.value;
    return v?.kind === 'text' ? v.text : undefined;
  };
  const rowOf = (layout: SheetLayout, label: string, nth = 0): number => {
    const rows = layout.cells.filter((c) => c.column === 1 && c.value.kind === 'text' && c.value.text === label).map((c) => c.row);
    const row = rows[nth];
    if (row === undefined) throw new Error(`no row ${label}`);
    return row;
  };
  const noteAt = (layout: SheetLayout, row: number, column: number): string[] =>
    layout.marks.filter((m) => m.row === row && m.column === column).map((m) => m.note);

  test('#REF! in a frame: the frame is "mangler" with a note, Sum innsatsområder and Sum totalt are marked incomplete', () => {
    const data = setCell(consistentPlan(), 'Rammer', [2022, 'Kompetanse'], 'Beløp', { error: '#REF!' });
    const broken = at(addressOf(data, 'Rammer', [2022, 'Kompetanse'], 'Beløp'));
    const layout = layoutOf(data);
    const frameRow = rowOf(layout, '1. Kompetanse', 1);
    expect(textAt(layout, frameRow, 4)).toBe('mangler');
    expect(noteAt(layout, frameRow, 4).join('\n')).toContain(broken);
    for (const label of ['Sum innsatsområder', 'Sum totalt']) {
      const row = rowOf(layout, label);
      const cell = layout.cells.find((c) => c.row === row && c.column === 4);
      expect(cell?.style?.fill).toBe('FFC7CE');
      expect(noteAt(layout, row, 4)).toContain(`Ufullstendig sum: ${broken} kan ikke leses og er ikke med.`);
    }
    // The sums the board sees are still live formulas over what is known, and say so.
    const total = layout.cells.find((c) => c.row === rowOf(layout, 'Sum totalt') && c.column === 4);
    expect(total?.value).toMatchObject({ kind: 'formula', result: 700000 });
  });

  test('an unreadable budget line: its cell is missing; its area sum and the table total are incomplete; others are not', () => {
    const data = setCell(consistentPlan(), 'Budsjett', [2022, 'A'], 'Beløp', 'tre hundre');
    const broken = at(addressOf(data, 'Budsjett', [2022, 'A'], 'Beløp'));
    const layout = layoutOf(data);
    const budgetRow = rowOf(layout, 'Budsjett 2022');
    expect(textAt(layout, budgetRow, 2)).toBe('mangler');
    const incomplete = layout.marks.filter((m) => m.note.startsWith('Ufullstendig')).map((m) => `${m.row}:${m.column}`);
    // Area 1's sum (A+B, merged from column 2) and the row's Sum column; not area 2's sum (column 4).
    expect(incomplete).toEqual([`${budgetRow + 1}:2`, `${budgetRow + 1}:5`]);
    expect(noteAt(layout, budgetRow, 2).join('\n')).toContain(broken);
  });
});

/** A project granted 200 000 under strategy C (whose 2022 budget the test below breaks or sets). */
const P1_OVER_C = ['P1', 'Nettverket', 'Eier AS', 'C', 'Industri', 'Forprosjekt', 'Pågår', { date: '2022-03-01' }, 200000, 50000, 0];

test('grants against an unreadable budget line: not checked, never "over a budget of 0"', () => {
  const data = addRow(setCell(consistentPlan(), 'Budsjett', [2022, 'C'], 'Beløp', { error: '#REF!' }), 'Prosjekter', P1_OVER_C);
  const broken = at(addressOf(data, 'Budsjett', [2022, 'C'], 'Beløp'));
  const granted = at(addressOf(data, 'Prosjekter', ['P1'], 'Innvilget'));
  const findings = validate(data).findings;
  expect(findings.filter((f) => f.rule === 'projects.granted-over-budget')).toEqual([]);
  const note = findings.find((f) => f.rule === 'values.not-checked' && `${f.sheet}!${f.cell}` === granted);
  expect(note?.message.nb).toContain(broken);
  // Readable again, the same grant is over a budget it can see: the check is made.
  const readable = addRow(setCell(consistentPlan(), 'Budsjett', [2022, 'C'], 'Beløp', 100000), 'Prosjekter', P1_OVER_C);
  expect(
    validate(readable)
      .findings.filter((f) => f.rule === 'projects.granted-over-budget')
      .map((f) => f.expected),
  ).toEqual([100000]);
});

describe('an unreadable cell in the project register: no project taken as unsupported, no total as complete', () => {
  const P1 = ['P1', 'Nettverket', 'Eier AS', 'C', 'Industri', 'Forprosjekt', 'Aktiv', { date: '2022-03-01' }, { error: '#REF!' }, 50000, 0];
  const P2 = ['P2', 'Rekrutteringen', 'Eier AS', 'A', 'Reiseliv', 'Forprosjekt', 'Aktiv', { date: '2022-04-01' }, 100000, 20000, 0];
  function registerPlan() {
    const data = addRow(addRow(consistentPlan(), 'Prosjekter', P1), 'Prosjekter', P2);
    addRow(data, 'Rapporter', ['P1', { date: '2022-06-01' }, 'Industri', 3, null, null, '']);
    addRow(data, 'Rapporter', ['P2', { date: '2022-06-01' }, 'Reiseliv', { error: '#REF!' }, null, null, '']);
    return data;
  }
  const at = (data: ReturnType<typeof consistentPlan>, table: string, key: CellInput[], column: string) => {
    const a = addressOf(data, table, key, column);
    return `${a.sheet}!${a.cell}`;
  };

  test('rules: the report of a project whose grant cannot be read is not said to lack one; the delmål over it not judged', () => {
    const data = registerPlan();
    const granted = at(data, 'Prosjekter', ['P1'], 'Innvilget');
    const findings = validate(data, { today: '2023-02-01' }).findings;
    expect(findings.filter((f) => f.rule === 'projects.report-without-grant')).toEqual([]);
    const reportJobs = findings.find((f) => f.rule === 'values.not-checked' && f.actual === granted && f.sheet === 'Prosjekter');
    expect(reportJobs?.message.nb).toContain('P1');
    // Delmål C (1 started, 1 completed, 4 companies): P1 may be its project; no "not met" from a count without it.
    const started = at(data, 'Delmal', [2022, 'C'], 'Prosjekter igangsatt');
    expect(findings.filter((f) => `${f.sheet}!${f.cell}` === started).map((f) => `${f.rule} ${String(f.actual)}`)).toEqual([
      `values.not-checked ${granted}`,
    ]);
    expect(
      findings
        .filter((f) => f.severity === 'feil')
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['values.error-value', 'values.error-value']);
  });

  test("Styrerapport: the strategy's grants, the næringer's reported jobs and the leverage are marked incomplete", () => {
    const data = registerPlan();
    const granted = at(data, 'Prosjekter', ['P1'], 'Innvilget');
    const result = validate(data);
    const layout = buildStyrerapport({
      plan: result.plan,
      year: 2022,
      findings: result.findings,
      inputDigest: 'x',
      generatedAt: '2022-12-01T10:00:00Z',
    });
    const rowAt = (label: string, column = 1) =>
      layout.cells.find((c) => c.column === column && c.value.kind === 'text' && c.value.text === label)?.row ?? -1;
    const notesAt = (row: number, column: number) =>
      layout.marks
        .filter((m) => m.row === row && m.column === column)
        .map((m) => m.note)
        .join('\n');
    const c = rowAt('C. Nettverk', 2);
    expect(notesAt(c, 5)).toContain(granted);
    expect(notesAt(c, 8)).toContain(granted);
    // Industri: P1's report is not counted while P1's grant is unknown; Reiseliv: P2's report cannot be read.
    expect(notesAt(rowAt('Industri'), 4)).toContain(granted);
    expect(notesAt(rowAt('Reiseliv'), 4)).not.toBe('');
    expect(notesAt(rowAt('Reiseliv'), 7)).not.toBe('');
    for (const column of [3, 4, 5, 7]) expect(notesAt(rowAt('Vedtatt i 2022'), column)).toContain(granted);
    // Not said to be a project without a grant.
    expect(layout.cells.some((x) => x.value.kind === 'text' && x.value.text.startsWith('Ikke medregnet'))).toBe(false);
    // A register that reads: nothing marked.
    const clean = validate(
      addRow(addRow(consistentPlan(), 'Prosjekter', P2), 'Rapporter', ['P2', { date: '2022-06-01' }, 'Reiseliv', 2, null, null, '']),
    );
    expect(
      buildStyrerapport({ plan: clean.plan, year: 2022, findings: clean.findings, inputDigest: 'x', generatedAt: '2022-12-01T10:00:00Z' })
        .marks,
    ).toEqual([]);
  });
});
