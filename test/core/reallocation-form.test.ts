/**
 * Ny omdisponering without UI: the sides offered (the workbook's areas and strategies), the frames before
 * and after, the refusals (a frame made negative now or for a later move, the total changed, no frames, a
 * frame that cannot be read) and the typed row for Omdisponeringer; on the sample, the demo and the second
 * programme.
 */
import { TABLES } from '../../src/core/contract/contract';
import type { WorkbookData } from '../../src/core/contract/tableData';
import {
  checkReallocationForm,
  previewReallocation,
  reallocationChoices,
  type ReallocationFormInput,
} from '../../src/core/forms/reallocation';
import { parsePlan } from '../../src/core/parse/plan';
import { framesAfterReallocations, reallocationMoves } from '../../src/core/count/reallocations';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';
import { secondProgramme } from '../fixtures/secondProgramme';

const move: ReallocationFormInput = {
  from: '3. Kommunikasjon og samferdsel',
  to: '1. Kompetanse og rekruttering',
  amount: '50 000',
  date: '01.10.2022',
  decision: 'Styresak 12/22',
};

function withReallocations(data: WorkbookData, rows: (string | number | { date: string })[][]): WorkbookData {
  const table = data.tables.find((t) => t.name === TABLES.reallocations.name);
  if (table) {
    table.rows.push(...rows);
    return data;
  }
  data.tables.push({ name: TABLES.reallocations.name, sheet: 'Økonomi', header: ['Dato', 'Fra', 'Til', 'Beløp', 'Vedtak'], rows });
  return data;
}

/** Message text with the non-breaking spaces of grouped numbers as ordinary ones. */
function plain(text: string | undefined): string | undefined {
  return text?.replace(/\u00a0/g, ' ');
}

describe('on the demo (100 000 already moved from area 3 to area 1 on 15.09.2022)', () => {
  const choices = reallocationChoices(snapshotFromData(hallingdalDemo()));

  test('offers every area by number and name, then every strategy by code', () => {
    expect(choices.hasTable).toBe(true);
    expect(choices.sides.filter((s) => s.kind === 'area').map((s) => s.value)).toEqual(
      [
        '1. Kompetanse og rekruttering',
        '2. Innovasjonskultur',
        '3. Kommunikasjon og samferdsel',
        '4. Næringsutvikling',
        '5. Profilering',
        '6. Mobilisering og kompetanse',
      ].map((v): unknown => expect.stringMatching(new RegExp(`^${v.slice(0, 3)}`))),
    );
    expect(choices.sides.filter((s) => s.kind === 'strategy').map((s) => s.value)).toContain('A');
    expect(choices.period).toEqual({ first: 2022, last: 2024 });
  });

  test('the frames before are those after the decided reallocation; after moves the amount', () => {
    const preview = previewReallocation(move, choices);
    expect(preview?.year).toBe(2022);
    const row = (area: number) => preview?.rows.find((r) => r.area === area);
    expect([row(3)?.before, row(3)?.after]).toEqual([300000, 250000]);
    expect([row(1)?.before, row(1)?.after]).toEqual([900000, 950000]);
    expect([row(2)?.before, row(2)?.after]).toEqual([1200000, 1200000]);
    expect(preview?.totalBefore).toBe(3600000);
    expect(preview?.totalAfter).toBe(3600000);
  });

  test('a valid move gives one typed row keyed by the Omdisponeringer headers', () => {
    expect(checkReallocationForm({ ...move, from: ' 3. kommunikasjon og samferdsel ', to: 'a' }, choices)).toEqual({
      ok: true,
      table: 'Omdisponeringer',
      projectId: '3. Kommunikasjon og samferdsel → A',
      row: { Dato: { date: '2022-10-01' }, Fra: '3. Kommunikasjon og samferdsel', Til: 'A', Beløp: 50000, Vedtak: 'Styresak 12/22' },
    });
  });

  test('a move that would make a frame negative is refused at the amount, with what is left', () => {
    const checked = checkReallocationForm({ ...move, amount: '300 001' }, choices);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors)).toEqual(['amount']);
    expect(checked.ok ? null : plain(checked.errors.amount?.nb)).toBe(
      'Rammen for 3. Kommunikasjon og samferdsel har 300 000 kr i 2022; å flytte 300 001 kr ville gjort den negativ.',
    );
    expect(checkReallocationForm({ ...move, amount: '300 000' }, choices).ok).toBe(true);
  });

  test('a move dated before decided ones is checked in date order: its own frame then, and the later moves', () => {
    // Area 1 has 800 000 until it gets 100 000 on 15.09: on 01.06 it cannot give 850 000.
    const early = checkReallocationForm({ ...move, from: '1', to: '2', amount: '850 000', date: '01.06.2022' }, choices);
    expect(early.ok ? null : plain(early.errors.amount?.nb)).toBe(
      'Rammen for 1. Kompetanse og rekruttering har 800 000 kr den 01.06.2022; å flytte 850 000 kr ville gjort den negativ.',
    );
    // With 200 000 more to area 3 on 01.11, its frame ends the year at 400 000: taking 350 000 on 01.06 fits
    // the year's end, but leaves 50 000 for the 100 000 decided on 15.09.
    const more = reallocationChoices(
      snapshotFromData(withReallocations(hallingdalDemo(), [[{ date: '2022-11-01' }, '1', '3', 200000, 'Sak 20/22']])),
    );
    const later = checkReallocationForm({ ...move, amount: '350 000', date: '01.06.2022' }, more);
    expect(later.ok ? null : later.errors.amount?.nb).toBe(
      'Da blir det for lite igjen i rammen for 3. Kommunikasjon og samferdsel til en senere omdisponering i 2022.',
    );
    expect(checkReallocationForm({ ...move, amount: '300 000', date: '01.06.2022' }, more).ok).toBe(true);
  });

  test('each wrong field is named, and nothing is written', () => {
    const checked = checkReallocationForm({ from: 'Havbruk', to: '', amount: '-5', date: '31.02.2022', decision: ' ' }, choices);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['amount', 'date', 'decision', 'from', 'to']);
    expect(checked.errors.from?.nb).toBe('Velg et innsatsområde eller en strategi fra lista.');
    const same = checkReallocationForm({ ...move, to: '3' }, choices);
    expect(same.ok ? null : same.errors.to?.nb).toBe('Fra og Til må være forskjellige.');
    const zero = checkReallocationForm({ ...move, amount: '0' }, choices);
    expect(zero.ok ? null : zero.errors.amount?.nb).toBe('Beløpet må være større enn 0.');
    const outside = checkReallocationForm({ ...move, date: '01.01.2025' }, choices);
    expect(outside.ok ? null : outside.errors.date?.nb).toBe('Datoen må være i programperioden 2022–2024.');
  });

  test('a year without frames is refused at the date', () => {
    const checked = checkReallocationForm({ ...move, date: '01.03.2023' }, choices);
    expect(checked.ok ? null : checked.errors.date?.nb).toBe('Rammer har ingen innsatsområder for 2023.');
  });

  test('the row written and read back moves the frames as the preview said, with no finding', () => {
    const checked = checkReallocationForm(move, choices);
    if (!checked.ok) throw new Error('refused');
    const data = withReallocations(hallingdalDemo(), [
      [{ date: '2022-10-01' }, checked.row.Fra as string, checked.row.Til as string, 50000, 'Styresak 12/22'],
    ]);
    const { plan } = parsePlan(snapshotFromData(data));
    expect(framesAfterReallocations(plan, 2022).get(3)).toBe(250000);
    expect(framesAfterReallocations(plan, 2022).get(1)).toBe(950000);
    expect(validateWorkbook(snapshotFromData(data), { year: 2022 }).findings.filter((f) => f.rule.startsWith('reallocation.'))).toEqual([]);
    expect(reallocationMoves(plan, 2022).map((m) => [m.date, m.from, m.to, m.amount])).toEqual([
      ['2022-09-15', '3. Kommunikasjon og samferdsel', 'Kompetanse og rekruttering', 100000],
      ['2022-10-01', '3. Kommunikasjon og samferdsel', '1. Kompetanse og rekruttering', 50000],
    ]);
  });
});

test('a frame that cannot be read refuses the move at the date, naming the cell', () => {
  const data = hallingdalSample();
  const frames = data.tables.find((t) => t.name === TABLES.frames.name);
  if (!frames) throw new Error('no Rammer');
  frames.rows[2]![2] = 'mye';
  const choices = reallocationChoices(snapshotFromData(data));
  const checked = checkReallocationForm(move, choices);
  expect(checked.ok ? null : checked.errors.date?.nb).toMatch(/^Rammene for 2022 kan ikke leses: rett Budsjett!C\d+ først\.$/);
});

describe('on the second programme (2023–2026, strategies R1 … A2, no Omdisponeringer table)', () => {
  test('says the table is missing; with one, a strategy moves its area frame; within an area no frame moves', () => {
    expect(reallocationChoices(snapshotFromData(secondProgramme())).hasTable).toBe(false);
    const data = withReallocations(secondProgramme(), []);
    const choices = reallocationChoices(snapshotFromData(data));
    expect(choices.hasTable).toBe(true);
    expect(choices.sides.map((s) => s.value)).toEqual([
      '1. Rekruttering og kompetanse',
      '2. Innovasjon',
      '3. Grønn vekst',
      '4. Attraktivitet',
      'R1',
      'R2',
      'I1',
      'I2',
      'G1',
      'G2',
      'A1',
      'A2',
    ]);
    const across = { from: 'g2', to: 'I1', amount: '40 000', date: '2024-05-02', decision: 'Sak 4/24' };
    const preview = previewReallocation(across, choices);
    expect(preview?.rows.map((r) => [r.area, r.before, r.after])).toEqual([
      [1, 250000, 250000],
      [2, 400000, 440000],
      [3, 300000, 260000],
      [4, 125000, 125000],
    ]);
    const checked = checkReallocationForm(across, choices);
    expect(checked.ok && checked.row).toEqual({ Dato: { date: '2024-05-02' }, Fra: 'G2', Til: 'I1', Beløp: 40000, Vedtak: 'Sak 4/24' });
    expect(checkReallocationForm({ ...across, amount: '300 001' }, choices).ok).toBe(false);
    // R1 and R2 are both area 1: nothing moves between frames, and the amount is not limited by them.
    const within = { ...across, from: 'R1', to: 'R2' };
    expect(previewReallocation(within, choices)?.rows.map((r) => r.after)).toEqual([250000, 400000, 300000, 125000]);
    expect(checkReallocationForm(within, choices).ok).toBe(true);
    // Written and read back: G2 → I1 moves the frames, and no reallocation finding.
    const written = withReallocations(secondProgramme(), [[{ date: '2024-05-02' }, 'G2', 'I1', 40000, 'Sak 4/24']]);
    const { plan } = parsePlan(snapshotFromData(written));
    expect([...framesAfterReallocations(plan, 2024)]).toEqual([
      [1, 250000],
      [2, 440000],
      [3, 260000],
      [4, 125000],
    ]);
    expect(validateWorkbook(snapshotFromData(written), { year: 2024 }).findings.filter((f) => f.rule.startsWith('reallocation.'))).toEqual(
      [],
    );
  });
});
