/**
 * The next-year use case on plain data: the period plan's own frames for the coming year win over the year
 * before's, the budget proposal splits them in whole kroner that add up exactly, and an unreadable figure gives
 * no proposed amount.
 */
import { TABLES } from '../../src/core/contract/contract';
import type { CellInput } from '../../src/core/contract/tableData';
import { nextYearProblemText, nextYearUseCase, prepareNextYear, splitWhole } from '../../src/core/nextYear';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { secondProgramme } from '../fixtures/secondProgramme';

function sampleWith(frames2023: [string, CellInput][], budgetCell?: CellInput) {
  const data = hallingdalSample();
  const frames = data.tables.find((t) => t.name === TABLES.frames.name);
  const budget = data.tables.find((t) => t.name === TABLES.budget.name);
  if (!frames || !budget) throw new Error('sample without Rammer/Budsjett');
  for (const [post, amount] of frames2023) frames.rows.push([2023, post, amount, null]);
  if (budgetCell !== undefined && budget.rows[2]) budget.rows[2][2] = budgetCell;
  return snapshotFromData(data);
}

test('2023 frames typed in the period plan are kept, the rest proposed from 2022, and the budget split from them by hand', () => {
  const outcome = nextYearUseCase({
    snapshot: sampleWith([
      ['Kompetanse og rekruttering', 900_000],
      ['Innovasjonskultur', 1_000_000],
    ]),
    year: null,
  });
  if (!outcome.ok) throw new Error(outcome.problem.kind);
  expect(outcome.year).toBe(2023);
  const frames = outcome.appends.find((a) => a.table === 'Rammer');
  expect(frames?.rows.map((r) => r['Post'])).toEqual([
    'Kommunikasjon og samferdsel',
    'Bærekraft',
    'Attraktivitet for næringsliv',
    'Kultur og samfunn',
    'Sum innsatsområder',
    'Administrasjon',
    'Prosjektledelse/prosjektarbeid',
    'Sum totalt',
  ]);
  const budget: Record<string, unknown> = Object.fromEntries(
    (outcome.appends.find((a) => a.table === 'Budsjett')?.rows ?? []).map((r) => [String(r['Strategi']), r['Beløp']]),
  );
  // area 1: 900 000 × 400/800 each; area 2: 1 000 000 × 400, 200, 200, 400 of 1 200 = 333 333,33, 166 666,67,
  // 166 666,67, 333 333,33: rounded down 999 998, the 2 kroner left go to the largest remainders (D and E)
  expect(budget).toEqual({
    A: 450_000,
    B: 450_000,
    C: 333_333,
    D: 166_667,
    E: 166_667,
    F: 333_333,
    G: 200_000,
    H: 200_000,
    I: 400_000,
    J: 400_000,
    K: 100_000,
    L: 100_000,
    M: 200_000,
  });
});

test('an unreadable 2022 budget line in an area leaves that area without proposed amounts, saying which cell', () => {
  const outcome = nextYearUseCase({ snapshot: sampleWith([], { error: '#REF!' }), year: 2023 });
  if (!outcome.ok) throw new Error(outcome.problem.kind);
  const rows = outcome.appends.find((a) => a.table === 'Budsjett')?.rows ?? [];
  const area2 = rows.filter((r) => ['C', 'D', 'E', 'F'].includes(String(r['Strategi'])));
  expect(area2.map((r) => r['Beløp'])).toEqual([null, null, null, null]);
  expect(area2[0]?.['Forslag']).toMatch(/^Kan ikke foreslå beløp: Budsjett!C\d+ kan ikke leses$/);
  expect(rows.find((r) => r['Strategi'] === 'A')?.['Beløp']).toBe(400_000);
});

test('years that cannot be prepared, and the whole-kroner split', () => {
  const snapshot = snapshotFromData(hallingdalSample());
  expect(nextYearUseCase({ snapshot, year: 2025 })).toEqual({
    ok: false,
    problem: { kind: 'outside-period', year: 2025, first: 2022, last: 2024 },
  });
  expect(nextYearUseCase({ snapshot, year: 2022 })).toEqual({ ok: false, problem: { kind: 'first-year', year: 2022 } });
  expect(splitWhole(100, [1, 1, 1])).toEqual([34, 33, 33]);
  expect(splitWhole(0, [1, 2])).toEqual([0, 0]);
  expect(splitWhole(1_000_000, [0, 0])).toEqual([0, 0]);
});

test('a workbook whose tables lack Forslag: a port that cannot add columns (Excel) is refused, naming every table, and nothing is written', async () => {
  const data = secondProgramme();
  const written: string[] = [];
  const workbook = {
    readSnapshot: () => Promise.resolve(snapshotFromData(data)),
    writeRows: (table: string) => {
      written.push(table);
      return Promise.resolve();
    },
  };
  const outcome = await prepareNextYear(workbook, null);
  expect(outcome).toEqual({
    ok: false,
    problem: {
      kind: 'missing-column',
      table: 'Rammer',
      tables: ['Rammer', 'Finansiering', 'Budsjett', 'Tiltak', 'Delmal'],
      column: 'Forslag',
    },
  });
  expect(written).toEqual([]);
  if (outcome.ok) return;
  expect(nextYearProblemText(outcome.problem).nb).toBe(
    'Tabellene Rammer, Finansiering, Budsjett, Tiltak, Delmal mangler kolonnen «Forslag», der forslagene merkes. Legg den til (eller bruk «Opprett / oppdater arbeidsbok» i Excel) og prøv igjen.',
  );
});

test("a Rammer post typed as a number is copied as that number, a text post as that text (the second programme's Post 3)", () => {
  const data = secondProgramme();
  // Every table next year's rows are marked in gets the Forslag column the fixture lacks.
  const marked: string[] = [TABLES.budget.name, TABLES.frames.name, TABLES.financing.name, TABLES.tiltak.name, TABLES.delmal.name];
  for (const t of data.tables.filter((t) => marked.includes(t.name))) {
    t.header.push('Forslag');
    for (const r of t.rows) r.push(null);
  }
  const outcome = nextYearUseCase({ snapshot: snapshotFromData(data), year: null });
  if (!outcome.ok) throw new Error(outcome.problem.kind);
  const posts = outcome.appends.find((a) => a.table === TABLES.frames.name)?.rows.map((r) => r.Post);
  expect(posts).toEqual([
    'Rekruttering og kompetanse',
    '2. Innovasjon',
    3,
    'Attraktivitet',
    'Sum innsatsområder',
    'Administrasjon',
    'Prosjektledelse',
    'Sum totalt',
  ]);
});
