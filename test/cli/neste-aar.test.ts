/**
 * `handlingsplan neste-aar` (next-year) as a process on real .xlsx files: the rows the coming year gets, asserted
 * against a proposal worked out by hand from the published plan's figures; every cell that was there still
 * there with the same content; a second run adds nothing; `validate --year 2023` lists what is open; wrong years
 * and command lines exit 2 with one line, the input never written.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { openXlsxFile, writeWorkbookDataFile } from '../../src/adapters/xlsx/file';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { TABLES } from '../../src/core/contract/contract';
import type { CellInput } from '../../src/core/contract/tableData';
import { cellText } from '../../src/core/parse/table';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import type { SnapshotCell, TableSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/types';
import { validateWorkbook } from '../../src/core/validate';
import { secondProgramme } from '../fixtures/secondProgramme';
import { expectEachRefused, fileKept, runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'hp-neste-'));

function cli(args: string[]) {
  return runCli(args, { cwd: dir });
}

async function snapshotOf(name: string): Promise<WorkbookSnapshot> {
  return (await openXlsxFile(join(dir, name))).readSnapshot();
}

function tableOf(snapshot: WorkbookSnapshot, name: string): TableSnapshot {
  const table = snapshot.tables.find((t) => t.name === name);
  if (table === undefined) throw new Error(`no table ${name}`);
  return table;
}

/**
 * A cell's content without its address: what the user sees, and whether it is a formula (a formula's references
 * move with the rows inserted above what they name, as in Excel; the second programme's test checks that).
 */
function content(cell: SnapshotCell): unknown {
  return { kind: cell.kind, value: cell.value, formula: cell.formula !== undefined };
}

/** Rows of a table as plain values by header, for rows of `year` (blank cells left out). */
function rowsOfYear(table: TableSnapshot, year: number): Record<string, unknown>[] {
  const header = table.header.map((c) => cellText(c));
  const yearAt = header.indexOf('År');
  return table.rows
    .filter((cells) => cells[yearAt]?.value === year)
    .map((cells) => Object.fromEntries(cells.flatMap((c, i) => (c.kind === 'empty' ? [] : [[header[i] ?? '', c.value]]))));
}

/**
 * Every table's header, old rows (in order) and total row are exactly what they were; only rows after them are new.
 * A table in `widened` has one column more at its right end, headed `Forslag`, empty in every old row.
 */
function expectNothingChanged(before: WorkbookSnapshot, after: WorkbookSnapshot, widened: readonly string[] = []): void {
  expect(after.tables.map((t) => t.name).sort()).toEqual(before.tables.map((t) => t.name).sort());
  let compared = 0;
  for (const old of before.tables) {
    const now = tableOf(after, old.name);
    const width = old.header.length;
    const extra = widened.includes(old.name) ? 1 : 0;
    expect({ table: old.name, header: now.header.map(content) }).toEqual({
      table: old.name,
      header: [...old.header.map(content), ...(extra ? [{ kind: 'text', value: 'Forslag', formula: false }] : [])],
    });
    const oldRows = old.rows.filter((r) => r.some((c) => c.kind !== 'empty'));
    const kept = now.rows.slice(0, oldRows.length);
    expect({ table: old.name, rows: kept.map((r) => r.slice(0, width).map(content)) }).toEqual({
      table: old.name,
      rows: oldRows.map((r) => r.map(content)),
    });
    expect({
      table: old.name,
      added: kept.filter((r) => r.length !== width + extra || (extra === 1 && r[width]?.kind !== 'empty')).length,
    }).toEqual({ table: old.name, added: 0 });
    expect({ table: old.name, total: now.totalRow?.slice(0, width).map(content) }).toEqual({
      table: old.name,
      total: old.totalRow?.map(content),
    });
    compared += old.header.length + oldRows.flat().length + (old.totalRow?.length ?? 0);
  }
  expect(compared).toBeGreaterThan(300);
}

const HAND_WORKED_2023 = {
  // §4: no frame for 2023 in the published plan, so the 2022 lines are proposed as they stand
  Rammer: [
    ['Kompetanse og rekruttering', 800_000],
    ['Innovasjonskultur', 1_200_000],
    ['Kommunikasjon og samferdsel', 400_000],
    ['Bærekraft', 800_000],
    ['Attraktivitet for næringsliv', 200_000],
    ['Kultur og samfunn', 200_000],
    ['Sum innsatsområder', 3_600_000],
    ['Administrasjon', 500_000],
    ['Prosjektledelse/prosjektarbeid', 500_000],
    ['Sum totalt', 4_600_000],
  ].map(([post, amount]) => ({ År: 2023, Post: post, Beløp: amount, Forslag: 'Kopiert fra 2022' })),
  // in millions, as the table's header says
  Finansiering: [
    ['Viken fylkeskommune', 4],
    ['kommunene', 0.6],
    ['Sum', 4.6],
  ].map(([source, amount]) => ({ År: 2023, Kilde: source, 'Beløp (mill. kr)': amount, Forslag: 'Kopiert fra 2022' })),
  // each area's 2023 frame (= 2022's) split by the 2022 shares within the area: area 1 800 000 × 400/800 for A and B,
  // area 2 1 200 000 × 400, 200, 200, 400 of 1 200 for C–F, area 3 400 000 × ½ for G and H, area 4 800 000 × ½ for
  // I and J, area 5 200 000 × ½ for K and L, area 6 all of 200 000 for M
  Budsjett: [
    ['A', 400_000],
    ['B', 400_000],
    ['C', 400_000],
    ['D', 200_000],
    ['E', 200_000],
    ['F', 400_000],
    ['G', 200_000],
    ['H', 200_000],
    ['I', 400_000],
    ['J', 400_000],
    ['K', 100_000],
    ['L', 100_000],
    ['M', 200_000],
  ].map(([strategy, amount]) => ({
    År: 2023,
    Strategi: strategy,
    Beløp: amount,
    Forslag: 'Rammen for 2023 fordelt etter andelene i 2022',
  })),
  // §2.1's 2023 column: 10, 15, 15, 20
  Resultatmal: [
    ['Opplevelsesnæring', 10],
    ['Bygg og anlegg', 15],
    ['Industri', 15],
    ['Øvrig næringsliv', 20],
  ].map(([naering, sum]) => ({ År: 2023, Næring: naering, Sum: sum })),
};

beforeAll(async () => {
  await writeWorkbookDataFile(hallingdalSample(), join(dir, 'sats.xlsx'));
});

test('neste-aar on the sample adds the hand-worked 2023 rows, changes no cell that was there, and adds nothing the second time', async () => {
  const kept = fileKept(join(dir, 'sats.xlsx'));
  const result = cli(['neste-aar', 'sats.xlsx', '-o', 'sats-2023.xlsx']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Budsjett: 13 rader for 2023');
  expect(kept.untouched()).toBe(true);

  const before = await snapshotOf('sats.xlsx');
  const after = await snapshotOf('sats-2023.xlsx');
  expectNothingChanged(before, after);
  for (const [table, rows] of Object.entries(HAND_WORKED_2023))
    expect({ table, rows: rowsOfYear(tableOf(after, table), 2023) }).toEqual({ table, rows });

  // Tiltak and Delmål: 2022's rows copied for editing, in order, marked
  const sample = hallingdalSample();
  const source = (name: string) => sample.tables.find((t) => t.name === name) as { header: string[]; rows: CellInput[][] };
  for (const name of [TABLES.tiltak.name, TABLES.delmal.name]) {
    const t = source(name);
    const expected = t.rows.map((r) => ({
      ...Object.fromEntries(t.header.flatMap((h, i) => (r[i] === null || h === 'Forslag' ? [] : [[h, h === 'År' ? 2023 : r[i]]]))),
      Forslag: 'Kopiert fra 2022',
    }));
    expect({ name, rows: rowsOfYear(tableOf(after, name), 2023) }).toEqual({ name, rows: expected });
  }
  // the 2022 plan is as it was
  const said = (snapshot: WorkbookSnapshot) =>
    validateWorkbook(snapshot, { year: 2022 }).findings.map((f) => [f.rule, f.message.nb, f.expected, f.actual]);
  expect(said(after)).toEqual(said(before));

  const again = cli(['neste-aar', 'sats-2023.xlsx', '-o', 'sats-2023-igjen.xlsx']);
  expect(again.status).toBe(0);
  expect(again.stdout).toContain('Ingenting å legge til');
  const twice = await snapshotOf('sats-2023-igjen.xlsx');
  expect(twice.tables.map((t) => [t.name, t.rows.map((r) => r.map(content))])).toEqual(
    after.tables.map((t) => [t.name, t.rows.map((r) => r.map(content))]),
  );
});

test('validate --year 2023 lists exactly what is left: each proposal at its Forslag cell, and the resultatmål to distribute', async () => {
  if (!existsSync(join(dir, 'sats-2023.xlsx'))) cli(['neste-aar', 'sats.xlsx', '-o', 'sats-2023.xlsx']);
  const result = cli(['valider', 'sats-2023.xlsx', '--year', '2023', '--json']);
  expect(result.status).toBe(1);
  const { findings } = JSON.parse(result.stdout) as { findings: { rule: string; sheet: string; cell: string; actual: unknown }[] };
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  // 10 frame + 3 financing + 13 budget + 21 tiltak + 10 delmål proposals; 4 næringer whose 2023 jobs are not yet
  // given to strategies (a warning against the target, an error against the declared Sum, each)
  expect(counts).toEqual({ 'plan.proposal': 57, 'targets.resultatmal-vs-target': 4, 'targets.resultatmal-row-sum': 4 });
  const snapshot = await snapshotOf('sats-2023.xlsx');
  const forslag = (name: string) => {
    const t = tableOf(snapshot, name);
    const at = t.header.findIndex((c) => cellText(c) === 'Forslag');
    return t.rows.flatMap((r) => (r[at]?.kind === 'text' ? [r[at].address] : []));
  };
  const proposalCells = findings
    .filter((f) => f.rule === 'plan.proposal')
    .map((f) => f.cell)
    .sort();
  expect(proposalCells).toEqual(['Budsjett', 'Rammer', 'Finansiering', 'Tiltak', 'Delmal'].flatMap(forslag).sort());

  // emptying a Forslag cell is deciding it: the 2022 year shows no proposal at all
  const plan2022 = cli(['valider', 'sats-2023.xlsx', '--json']);
  expect((JSON.parse(plan2022.stdout) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === 'plan.proposal')).toEqual([]);
});

test('the second programme, an older file without Forslag: the column is added to its tables, 2025 prepared from 2024 (its Sum formulas follow the rows they add up); refused, naming the cell, where a column cannot be added', async () => {
  // Something right of Rammer: that table cannot take a column, so nothing is added anywhere and nothing written.
  const crowded = new Workbook();
  await crowded.xlsx.load((await writeWorkbookData(secondProgramme())).slice().buffer);
  const economy = crowded.getWorksheet('Økonomi');
  if (economy === undefined) throw new Error('no sheet Økonomi');
  economy.getCell('D22').value = 'Notat';
  writeFileSync(join(dir, 'fjell-opptatt.xlsx'), new Uint8Array(await crowded.xlsx.writeBuffer()));
  const refused = cli(['neste-aar', 'fjell-opptatt.xlsx', '-o', 'fjell-x.xlsx']);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toMatch(/kolonnen «Forslag» til tabellen «Rammer»: cellen Økonomi!D22 til høyre for tabellen er ikke tom/);
  expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  expect(existsSync(join(dir, 'fjell-x.xlsx'))).toBe(false);

  await writeWorkbookDataFile(secondProgramme(), join(dir, 'fjell.xlsx'));
  const result = cli(['next-year', 'fjell.xlsx', '-o', 'fjell-2025.xlsx', '--lang', 'en']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Added the "Forslag" column to Rammer, Finansiering, Budsjett, Tiltak, Delmal.');
  expect(result.stdout).toContain('Budsjett: 8 rows for 2025');
  const before = await snapshotOf('fjell.xlsx');
  const after = await snapshotOf('fjell-2025.xlsx');
  expectNothingChanged(before, after, ['Rammer', 'Finansiering', 'Budsjett', 'Tiltak', 'Delmal']);
  // every proposed row is marked in the new column
  for (const name of ['Rammer', 'Finansiering', 'Budsjett', 'Tiltak', 'Delmal']) {
    const marks = rowsOfYear(tableOf(after, name), 2025).map((r) => r['Forslag']);
    expect({ name, marks: marks.length > 0 && marks.every((m) => typeof m === 'string' && m !== '') }).toEqual({ name, marks: true });
  }
  // by hand (fixture header): 2025 has no frames, so 2024's are proposed, and each budget is 2024's share of the same frame
  expect(rowsOfYear(tableOf(after, 'Budsjett'), 2025).map((r) => [r['Strategi'], r['Beløp']])).toEqual([
    ['R1', 150_000],
    ['R2', 100_000],
    ['I1', 250_000],
    ['I2', 150_000],
    ['G1', 200_000],
    ['G2', 100_000],
    ['A1', 75_000],
    ['A2', 50_000],
  ]);
  // 2025's job targets: Havbruk 5, Reiseliv 4, Industri 5, Landbruk 2, Kreative næringer 2
  expect(rowsOfYear(tableOf(after, 'Resultatmal'), 2025).map((r) => [r['Næring'], r['Sum']])).toEqual([
    ['Havbruk', 5],
    ['Reiseliv', 4],
    ['Industri', 5],
    ['Landbruk', 2],
    ['Kreative næringer', 2],
  ]);
  expect(rowsOfYear(tableOf(after, 'Delmal'), 2025).map((r) => r['Strategier'])).toEqual(['R1, R2', 'I1 og I2', 'g1-g2', 'A1;A2']);
  // Rammer moved down by the rows inserted above it (under Tiltak and Budsjett), and its 'Sum innsatsområder' and
  // 'Sum totalt' formulas name the same cells they did (the fixture's SUM(C21:C24), C25+C26+C27), moved with them
  const rowOf = (t: TableSnapshot) => Number(/\d+$/.exec(t.header[0]?.address ?? '')?.[0]);
  const moved = rowOf(tableOf(after, 'Rammer')) - rowOf(tableOf(before, 'Rammer'));
  expect(moved).toBe(6 + 8);
  const frames = tableOf(after, 'Rammer');
  expect(frames.rows[4]?.[2]?.formula).toBe(`SUM(C${21 + moved}:C${24 + moved})`);
  expect(frames.rows[7]?.[2]?.formula).toBe(`C${25 + moved}+C${26 + moved}+C${27 + moved}`);
  // formulas on a sheet above the insertion keep their text
  expect(tableOf(after, 'Arbeidsplassmal').rows[0]?.[5]?.formula).toBe('SUM(B3:E3)');
  expect(validateWorkbook(after, { year: 2024 }).summary).toEqual(validateWorkbook(before, { year: 2024 }).summary);
});

test('a year that cannot be prepared, and wrong command lines: exit 2, one line, nothing written', () => {
  const cases: [string[], RegExp][] = [
    [['neste-aar', 'sats.xlsx', '--year', '2025', '-o', 'a.xlsx'], /utenfor programperioden 2022–2024/],
    [['neste-aar', 'sats.xlsx', '--year', '2022', '-o', 'b.xlsx'], /første år i perioden/],
    [['neste-aar', 'sats.xlsx'], /trenger -o/],
    [['neste-aar', 'sats.xlsx', '-o', 'sats.xlsx'], /arbeidsboka det leses fra/],
    [['neste-aar', 'finnes-ikke.xlsx', '-o', 'c.xlsx'], /finnes-ikke\.xlsx/],
    [['neste-aar', 'sats.xlsx', '--json', '-o', 'd.xlsx'], /gjelder ikke for «neste-aar»/],
  ];
  const kept = fileKept(join(dir, 'sats.xlsx'));
  expectEachRefused(cases, cli);
  for (const name of ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx']) expect(existsSync(join(dir, name))).toBe(false);
  expect(kept.untouched()).toBe(true);
});
