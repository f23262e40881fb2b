import { WorkbookOperationError, type RowValue, type WorkbookPort } from '../../src/adapters/port';
import { DATE_FORMAT } from '../../src/core/contract/contract';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { inputDigest } from '../../src/core/digest';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import type { LayoutCell, SheetLayout } from '../../src/core/layout/types';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import type { SnapshotCell, TableSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/types';
import { cellAddress, type A1 } from '../../src/core/util/brand';
import { validateWorkbook } from '../../src/core/validate';
import { setCell } from '../support/planBuilder';
import { sampleExpectations } from '../support/sampleExpectations';
import { reportsWithJobsAsText } from '../../src/core/sample/scale';

/**
 * Tests every WorkbookPort adapter must pass, whatever it runs on: the Office.js adapter over the Excel double,
 * the .xlsx adapter over bytes. Each adapter supplies `open`, which makes a workbook holding `data` (placed as
 * placeTables places it) and returns a port over it.
 *
 *  - `reopen`: for an adapter whose writes produce new bytes, a port over the workbook as the writes left it;
 *    without it the suite reads back through `port` (a live workbook).
 *  - `readCell`: the stored cell, as the file or Excel holds it, to prove that text stayed text; without it
 *    that test only checks what readSnapshot and the outcome say.
 *
 * Compared with snapshotFromData, number formats are ignored: snapshotFromData carries none, while both
 * adapters write the sample's number formats (as the .xlsx template does), so the cells read back have them.
 * Everything else (sheets and their order, tables, header, rows, total rows, cell kinds, values, addresses,
 * formulas) must be equal.
 */
export interface StoredCell {
  value: string | number | boolean | null;
  /** with or without '='; absent for a constant */
  formula?: string;
}

export interface OpenedWorkbook {
  port: WorkbookPort;
  reopen?: () => Promise<WorkbookPort>;
  readCell?: (sheet: string, cell: A1) => Promise<StoredCell | undefined>;
  /**
   * What the cell's dropdown list offers, its list source evaluated against the workbook as the writes left it
   * (undefined: no list there). Without it the dropdown test is skipped for that adapter.
   */
  dropdown?: (sheet: string, cell: A1) => Promise<string[] | undefined>;
}

export type OpenWorkbook = (data: WorkbookData) => Promise<OpenedWorkbook>;

const GENERATED_AT = '2026-11-27T10:15:00Z';

/** Text that Excel would turn into a formula, a number, a date or a boolean if it were written carelessly. */
export const TRICKY_TEXTS = [
  '=HYPERLINK("http://example.com","x")',
  '+1+1',
  '-1+1',
  '@SUM(A1)',
  '19-8-2025',
  '1 200 000',
  '0042',
  '2025-08-19',
  'TRUE',
];

async function current(opened: OpenedWorkbook): Promise<WorkbookPort> {
  return opened.reopen ? opened.reopen() : opened.port;
}

function withoutFormat(cell: SnapshotCell): SnapshotCell {
  const copy = { ...cell };
  delete copy.numberFormat;
  return copy;
}

function withoutFormats(table: TableSnapshot): TableSnapshot {
  const copy: TableSnapshot = { ...table, header: table.header.map(withoutFormat), rows: table.rows.map((r) => r.map(withoutFormat)) };
  if (table.totalRow) copy.totalRow = table.totalRow.map(withoutFormat);
  return copy;
}

function comparable(snapshot: WorkbookSnapshot): { sheets: string[]; tables: TableSnapshot[] } {
  return { sheets: snapshot.sheets, tables: snapshot.tables.map(withoutFormats) };
}

function sampleLayout(snapshot: WorkbookSnapshot): SheetLayout {
  const result = validateWorkbook(snapshot);
  return buildHandlingsplan({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: inputDigest(snapshot),
    generatedAt: GENERATED_AT,
  });
}

/** A small layout of text cells only, one per row in column A. */
export function textLayout(sheet: string, texts: readonly string[]): SheetLayout {
  const cells: LayoutCell[] = texts.map((text, i) => ({ row: i + 1, column: 1, value: { kind: 'text', text }, style: { border: true } }));
  return {
    sheet,
    cells,
    merges: [],
    columnWidths: [{ column: 1, width: 40 }],
    rowHeights: [],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true, header: 'Tekst', footer: 'side &P av &N' },
    anchors: [],
    marker: { kind: 'handlingsplan', year: 2022, inputDigest: '00000000000000', generatedAt: GENERATED_AT },
    marks: [],
  };
}

function cellOf(snapshot: WorkbookSnapshot, sheet: string, address: string): { table: number; row: number; column: number } | undefined {
  for (const [t, table] of snapshot.tables.entries()) {
    if (table.sheet !== sheet) continue;
    for (const [r, row] of table.rows.entries()) {
      const column = row.findIndex((c) => c.address === address);
      if (column >= 0) return { table: t, row: r, column };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// appendRow

/**
 * Three tables: Prosjekter with rows (the empty row 5 below it), Rapporter empty (one blank body row, 8),
 * and on a sheet of its own Beregnet, whose last row holds only a calculated formula.
 */
export function appendData(): WorkbookData {
  return {
    sheets: ['Prosjekter', 'Beregning'],
    tables: [
      {
        name: 'Prosjekter',
        sheet: 'Prosjekter',
        caption: 'Prosjekter',
        header: ['Nr', 'Navn', 'Beløp (kr)', 'Start', 'Merknad'],
        rows: [
          ['P1', 'Første prosjekt', 100000, { date: '2024-01-15' }, 'Ok'],
          ['P2', 'Andre prosjekt', 250000, { date: '2024-03-01' }, null],
        ],
        numberFormats: [undefined, undefined, '#,##0', DATE_FORMAT, undefined],
      },
      {
        name: 'Rapporter',
        sheet: 'Prosjekter',
        header: ['Prosjekt', 'Dato', 'Tekst'],
        rows: [],
        numberFormats: [undefined, DATE_FORMAT, undefined],
      },
      {
        name: 'Beregnet',
        sheet: 'Beregning',
        header: ['Nr', 'Beløp', 'Dobbelt'],
        rows: [
          ['A', 10, { formula: 'B2*2', result: 20 }],
          [null, null, { formula: 'B3*2', result: 0 }],
        ],
      },
    ],
  };
}

function tableNamed(snapshot: WorkbookSnapshot, name: string): TableSnapshot {
  const table = snapshot.tables.find((t) => t.name === name);
  if (table === undefined) throw new Error(`no table ${name}`);
  return table;
}

/** A row's cells as kind and value only (formats differ between adapters by design). */
function kindsAndValues(row: readonly SnapshotCell[] | undefined): { kind: string; value: unknown }[] {
  return (row ?? []).map((c) => ({ kind: c.kind, value: c.value }));
}

export async function operationError(promise: Promise<unknown>): Promise<WorkbookOperationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkbookOperationError) return error;
    throw new Error(`Not a WorkbookOperationError: ${String(error)}`);
  }
  throw new Error('Expected the operation to fail');
}

/** Codes on one sheet, a table whose Kode column lists them (a dropdown through INDIRECT) on another. */
export function listData(): WorkbookData {
  return {
    sheets: ['Koder', 'Bruk'],
    tables: [
      {
        name: 'Koder',
        sheet: 'Koder',
        header: ['Kode', 'Navn'],
        rows: [
          ['R1', 'Rekruttering'],
          ['I1', 'Innovasjon'],
        ],
      },
      {
        name: 'Bruk',
        sheet: 'Bruk',
        header: ['Kode', 'Beløp'],
        rows: [['R1', 1000]],
        lists: [{ tableColumn: { table: 'Koder', column: 'Kode' } }, undefined],
      },
    ],
  };
}

function describeDropdowns(open: OpenWorkbook): void {
  test("a dropdown over another table's code column lists codes added to that table later, also in rows added since", async () => {
    const opened = await open(listData());
    if (!opened.dropdown) return;
    expect(await opened.dropdown('Bruk', 'A2' as A1)).toEqual(['R1', 'I1']);
    await opened.port.appendRow('Koder', { Kode: 'G1', Navn: 'Grønn vekst' });
    await (await current(opened)).appendRow('Koder', { Kode: 'G2', Navn: 'Sirkulær' });
    const added = await (await current(opened)).appendRow('Bruk', { Kode: 'G2', Beløp: 500 });
    expect(added.range).toBe('A3:B3');
    const reopened = await current(opened);
    const dropdown = opened.dropdown;
    expect(reopened).toBeDefined();
    // The first row's list and the new row's list both follow the grown Koder table.
    expect(await dropdown('Bruk', 'A2' as A1)).toEqual(['R1', 'I1', 'G1', 'G2']);
    expect(await dropdown('Bruk', 'A3' as A1)).toEqual(['R1', 'I1', 'G1', 'G2']);
    // Beløp has no list.
    expect(await dropdown('Bruk', 'B2' as A1)).toBeUndefined();
  });
}

function describeAppendRow(open: OpenWorkbook): void {
  describe('appendRow', () => {
    describeDropdowns(open);
    test('a row appended to a table with rows reads back below them: text, number, date; a column not given stays empty', async () => {
      const opened = await open(appendData());
      const before = await opened.port.readSnapshot();
      const outcome = await opened.port.appendRow('Prosjekter', {
        Nr: 'P3',
        navn: 'Tredje prosjekt',
        Beløp: 300000,
        Start: { date: '2024-06-30' },
      });
      expect(outcome).toEqual({ table: 'Prosjekter', sheet: 'Prosjekter', range: 'A5:E5' });
      const after = await (await current(opened)).readSnapshot();
      const table = tableNamed(after, 'Prosjekter');
      expect(table.range).toBe('A2:E5');
      expect(table.rows.slice(0, 2)).toEqual(tableNamed(before, 'Prosjekter').rows);
      expect(kindsAndValues(table.rows[2])).toEqual([
        { kind: 'text', value: 'P3' },
        { kind: 'text', value: 'Tredje prosjekt' },
        { kind: 'number', value: 300000 },
        { kind: 'date', value: '2024-06-30' },
        { kind: 'empty', value: null },
      ]);
      expect(table.rows[2]?.map((c) => c.address)).toEqual(['A5', 'B5', 'C5', 'D5', 'E5']);
      expect(after.tables.filter((t) => t.name !== 'Prosjekter')).toEqual(before.tables.filter((t) => t.name !== 'Prosjekter'));
    });

    test("an empty table's blank row is filled first (name in any case), the next row goes below it", async () => {
      const opened = await open(appendData());
      const first = await opened.port.appendRow('rapporter', { Prosjekt: 'P1', Dato: { date: '2024-02-01' }, Tekst: 'Første rapport' });
      expect(first).toEqual({ table: 'Rapporter', sheet: 'Prosjekter', range: 'A8:C8' });
      const once = tableNamed(await (await current(opened)).readSnapshot(), 'Rapporter');
      expect(once.range).toBe('A7:C8');
      expect(kindsAndValues(once.rows[0])).toEqual([
        { kind: 'text', value: 'P1' },
        { kind: 'date', value: '2024-02-01' },
        { kind: 'text', value: 'Første rapport' },
      ]);

      const second = await (await current(opened)).appendRow('Rapporter', { Prosjekt: 'P2', Tekst: 'Andre rapport' });
      expect(second.range).toBe('A9:C9');
      const twice = tableNamed(await (await current(opened)).readSnapshot(), 'Rapporter');
      expect(twice.range).toBe('A7:C9');
      expect(kindsAndValues(twice.rows[1])).toEqual([
        { kind: 'text', value: 'P2' },
        { kind: 'empty', value: null },
        { kind: 'text', value: 'Andre rapport' },
      ]);
    });

    test('a table stacked right above another grows by a whole sheet row inserted under it; the table below moves down whole', async () => {
      const opened = await open(appendData());
      const before = tableNamed(await opened.port.readSnapshot(), 'Rapporter');
      expect(before.range).toBe('A7:C8');
      // Rows 5 and 6 are free; row 7 holds Rapporter's header.
      for (const [i, nr] of ['P3', 'P4', 'P5'].entries()) {
        const outcome = await (await current(opened)).appendRow('Prosjekter', { Nr: nr, Navn: `Prosjekt ${nr}` });
        expect(outcome.range).toBe(`A${5 + i}:E${5 + i}`);
      }
      const after = await (await current(opened)).readSnapshot();
      expect(tableNamed(after, 'Prosjekter').range).toBe('A2:E7');
      expect(tableNamed(after, 'Prosjekter').rows.map((r) => r[0]?.value)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
      const moved = tableNamed(after, 'Rapporter');
      expect(moved.range).toBe('A8:C9');
      expect(moved.header.map((c) => c.value)).toEqual(before.header.map((c) => c.value));
    });

    test('text that looks like a formula, a number, a date or a boolean stays text', async () => {
      const opened = await open(appendData());
      for (const [i, text] of TRICKY_TEXTS.entries()) {
        const outcome = await (await current(opened)).appendRow('Rapporter', { Prosjekt: `T${i}`, Tekst: text });
        expect(outcome.range).toBe(`A${8 + i}:C${8 + i}`);
      }
      const rows = tableNamed(await (await current(opened)).readSnapshot(), 'Rapporter').rows;
      expect(rows.map((r) => ({ kind: r[2]?.kind, value: r[2]?.value, formula: r[2]?.formula }))).toEqual(
        TRICKY_TEXTS.map((text) => ({ kind: 'text', value: text, formula: undefined })),
      );
      if (!opened.readCell) return;
      for (const [i, text] of TRICKY_TEXTS.entries()) {
        const stored = await opened.readCell('Prosjekter', cellAddress(8 + i, 3));
        expect({ text, stored }).toEqual({ text, stored: { value: text } });
      }
    });

    test('a last row holding only a calculated formula takes the row, and the formula stays', async () => {
      const opened = await open(appendData());
      const outcome = await opened.port.appendRow('Beregnet', { Nr: 'B', beløp: 7 });
      expect(outcome).toEqual({ table: 'Beregnet', sheet: 'Beregning', range: 'A3:C3' });
      const table = tableNamed(await (await current(opened)).readSnapshot(), 'Beregnet');
      expect(table.range).toBe('A1:C3');
      expect(kindsAndValues(table.rows[1]?.slice(0, 2))).toEqual([
        { kind: 'text', value: 'B' },
        { kind: 'number', value: 7 },
      ]);
      expect(table.rows[1]?.[2]?.formula?.replace(/^=/, '')).toBe('B3*2');
      // Writing the calculated column itself would overwrite the formula: that row goes below instead.
      const below = await (await current(opened)).appendRow('Beregnet', { Nr: 'C', Dobbelt: 1 });
      expect(below.range).toBe('A4:C4');
    });

    test('an unknown table or column is refused, naming it, and nothing is written', async () => {
      const opened = await open(appendData());
      const before = await opened.port.readSnapshot();
      const table = await operationError(opened.port.appendRow('Søknader', { Nr: 'P3' }));
      expect(table).toMatchObject({ code: 'not-found' });
      expect(table.en).toContain('Søknader');
      expect(table.nb).toContain('Søknader');
      const column = await operationError(opened.port.appendRow('Prosjekter', { Nr: 'P3', Fylke: 'Viken' }));
      expect(column).toMatchObject({ code: 'not-found' });
      expect(column.en).toContain('Prosjekter');
      expect(column.en).toContain('Fylke');
      expect(await (await current(opened)).readSnapshot()).toEqual(before);
    });

    test('values Excel cannot store (NaN, Infinity, an impossible date) are refused before anything is written', async () => {
      const opened = await open(appendData());
      const before = await opened.port.readSnapshot();
      const refused: Record<string, RowValue>[] = [
        { Nr: 'P3', Beløp: Number.NaN },
        { Nr: 'P3', Beløp: Number.POSITIVE_INFINITY },
        { Nr: 'P3', Start: { date: '2025-02-30' } },
      ];
      for (const values of refused) {
        expect(await operationError(opened.port.appendRow('Prosjekter', values))).toMatchObject({ code: 'failed' });
      }
      expect(await (await current(opened)).readSnapshot()).toEqual(before);
    });
  });
}

export function describeWorkbookPortConformance(name: string, open: OpenWorkbook): void {
  describe(`${name}: WorkbookPort conformance`, () => {
    test('reads the sample as snapshotFromData describes it (sheets, tables, cells, kinds, addresses)', async () => {
      const sample = hallingdalSample();
      const { port } = await open(sample);
      const read = await port.readSnapshot();
      expect(comparable(read)).toEqual(comparable(snapshotFromData(sample)));
      expect(read.generated ?? []).toEqual([]);
    });

    test('validating what it read gives the five published findings', async () => {
      const sample = hallingdalSample();
      const { port } = await open(sample);
      const result = validateWorkbook(await port.readSnapshot());
      const found = result.findings.map(({ rule, severity, sheet, cell, expected, actual }) => ({
        rule,
        severity,
        sheet,
        cell,
        expected,
        actual,
      }));
      expect(found).toEqual(sampleExpectations(sample));
    });

    test('a single fix (Rett opp) of a number typed as text writes that number into that cell and changes nothing else', async () => {
      const data = setCell(hallingdalSample(), 'Budsjett', [2022, 'A'], 'Beløp', '400 000');
      const opened = await open(data);
      const before = await opened.port.readSnapshot();
      const fix = validateWorkbook(before).findings.find((f) => f.rule === 'values.number-as-text')?.fix;
      expect(fix).toMatchObject({ kind: 'set-number', value: 400000 });
      if (fix === undefined) return;
      expect(await opened.port.applyFixes([fix])).toMatchObject({ changed: 1, skipped: 0, changedSince: 0 });
      const after = await (await current(opened)).readSnapshot();
      const at = cellOf(before, fix.sheet, fix.cell);
      expect(at).toBeDefined();
      if (at === undefined) return;
      const changed = after.tables[at.table]?.rows[at.row]?.[at.column];
      expect(changed).toMatchObject({ kind: 'number', value: 400000, address: fix.cell });
      // Everything else as it was: put the changed cell into the old snapshot and compare the whole.
      const expected = structuredClone(before);
      const row = expected.tables[at.table]?.rows[at.row];
      if (row && changed) row[at.column] = changed;
      expect(after).toEqual(expected);
    });

    test('applyFixes writes every fix of the groups at once, exactly the cells named, and says how many', async () => {
      const data = setCell(reportsWithJobsAsText(12), 'Budsjett', [2022, 'A'], 'Beløp', '400 000');
      const opened = await open(data);
      const before = await opened.port.readSnapshot();
      const { groups } = validateWorkbook(before);
      const jobs = groups.find((g) => g.rule === 'values.number-as-text' && g.table === 'Rapporter');
      expect(jobs?.findings).toHaveLength(12);
      expect(jobs?.title.nb).toBe('12 tall lagret som tekst i Rapporter · Nye arbeidsplasser');
      const fixes = groups.flatMap((g) => g.fixes);
      expect(fixes).toHaveLength(13);
      const outcome = await opened.port.applyFixes(fixes);
      expect(outcome).toMatchObject({ changed: 13, skipped: 0 });
      expect(outcome.writes).toBeLessThanOrEqual(2);
      const after = await (await current(opened)).readSnapshot();
      // Every fixed cell is now its number; everything else is as it was, compared as a whole.
      const expected = structuredClone(before);
      for (const fix of fixes) {
        const at = cellOf(before, fix.sheet, fix.cell);
        expect(at).toBeDefined();
        if (at === undefined) continue;
        const changed = after.tables[at.table]?.rows[at.row]?.[at.column];
        expect(changed).toMatchObject({ kind: 'number', value: fix.value, address: fix.cell });
        const row = expected.tables[at.table]?.rows[at.row];
        if (row && changed) row[at.column] = changed;
      }
      expect(after).toEqual(expected);
      expect(validateWorkbook(after).findings.filter((f) => f.rule === 'values.number-as-text')).toEqual([]);
    });

    test('a single fix whose cell was typed into since Valider writes nothing and says so', async () => {
      const validated = setCell(hallingdalSample(), 'Budsjett', [2022, 'A'], 'Beløp', '400 000');
      const fix = validateWorkbook(snapshotFromData(validated)).findings.find((f) => f.rule === 'values.number-as-text')?.fix;
      if (fix === undefined) throw new Error('no fix');
      // Since Valider the user typed another text into the cell.
      const opened = await open(setCell(hallingdalSample(), 'Budsjett', [2022, 'A'], 'Beløp', '450 000'));
      const before = await opened.port.readSnapshot();
      expect(await opened.port.applyFixes([fix])).toMatchObject({ changed: 0, skipped: 0, changedSince: 1 });
      expect(await (await current(opened)).readSnapshot()).toEqual(before);
    });

    test('applyFixes leaves a cell that changed since Valider as it is, and counts it', async () => {
      const validated = reportsWithJobsAsText(12);
      const fixes = validateWorkbook(snapshotFromData(validated)).groups.flatMap((g) => g.fixes);
      expect(fixes).toHaveLength(12);
      // Since Valider a co-author typed another text into one cell and a number into another, and cleared a third.
      const reports = validated.tables.find((t) => t.name === 'Rapporter');
      const jobs = reports?.header.indexOf('Nye arbeidsplasser') ?? -1;
      const edited = structuredClone(validated);
      const rows = edited.tables.find((t) => t.name === 'Rapporter')?.rows ?? [];
      const asText = rows.map((row, i) => (row[jobs] === '1' ? i : -1)).filter((i) => i >= 0);
      const [typedText = 0, typedNumber = 0, cleared = 0] = [asText[2], asText[5], asText[9]];
      (rows[typedText] ?? [])[jobs] = '3';
      (rows[typedNumber] ?? [])[jobs] = 2;
      (rows[cleared] ?? [])[jobs] = null;
      const opened = await open(edited);
      const before = await opened.port.readSnapshot();
      const outcome = await opened.port.applyFixes(fixes);
      expect(outcome).toMatchObject({ changed: 9, skipped: 0, changedSince: 3 });
      expect(outcome.writes).toBeLessThanOrEqual(2);
      const after = await (await current(opened)).readSnapshot();
      const expected = structuredClone(before);
      let left = 0;
      for (const fix of fixes) {
        const at = cellOf(before, fix.sheet, fix.cell);
        if (at === undefined) throw new Error(`no cell ${fix.cell}`);
        const was = before.tables[at.table]?.rows[at.row]?.[at.column];
        const now = after.tables[at.table]?.rows[at.row]?.[at.column];
        if (was?.kind === 'text' && was.value === fix.text) {
          expect(now).toMatchObject({ kind: 'number', value: fix.value, address: fix.cell });
          const row = expected.tables[at.table]?.rows[at.row];
          if (row && now) row[at.column] = now;
        } else {
          left += 1;
          expect(now).toEqual(was);
        }
      }
      expect(left).toBe(3);
      // The edited cells kept what the co-author typed; every other cell is as it was or its fixed number.
      expect(after).toEqual(expected);
      const texts = after.tables.flatMap((t) => t.rows.flat()).filter((c) => c.kind === 'text' && c.value === '3');
      expect(texts).toHaveLength(1);
    });

    test('applyFixes with nothing to fix writes nothing', async () => {
      const opened = await open(hallingdalSample());
      const before = await opened.port.readSnapshot();
      expect(await opened.port.applyFixes([])).toEqual({ changed: 0, skipped: 0, changedSince: 0, writes: 0 });
      expect(await (await current(opened)).readSnapshot()).toEqual(before);
    });

    test('renderLayout adds a sheet marked as generated, and the input tables are unchanged', async () => {
      const opened = await open(hallingdalSample());
      const before = await opened.port.readSnapshot();
      const layout = sampleLayout(before);
      const outcome = await opened.port.renderLayout(layout);
      expect(outcome).toEqual({ sheet: 'Handlingsplan 2022', replaced: false });
      const after = await (await current(opened)).readSnapshot();
      expect(after.tables).toEqual(before.tables);
      expect(after.sheets).toEqual([...before.sheets, 'Handlingsplan 2022']);
      expect(after.generated).toEqual([
        expect.objectContaining({ sheet: 'Handlingsplan 2022', kind: 'handlingsplan', year: 2022, inputDigest: layout.marker.inputDigest }),
      ]);
      // generatedAt is optional in a snapshot ("when the marker records it"); when an adapter reports it, it must be right.
      const generatedAt = after.generated?.[0]?.generatedAt;
      if (generatedAt !== undefined) expect(generatedAt).toBe(GENERATED_AT);
      const title = await opened.readCell?.('Handlingsplan 2022', cellAddress(1, 1));
      if (opened.readCell) expect(title).toEqual({ value: 'Handlingsplan 2022 – Sats på Hallingdal' });
    });

    test("rendering again replaces the add-in's own sheet: one sheet, replaced true", async () => {
      const opened = await open(hallingdalSample());
      const layout = sampleLayout(await opened.port.readSnapshot());
      await opened.port.renderLayout(layout);
      const again = await (await current(opened)).renderLayout(layout);
      expect(again).toEqual({ sheet: 'Handlingsplan 2022', replaced: true });
      const after = await (await current(opened)).readSnapshot();
      expect(after.sheets.filter((s) => s.startsWith('Handlingsplan 2022'))).toEqual(['Handlingsplan 2022']);
      expect(after.generated).toHaveLength(1);
    });

    test('a sheet the user made with that name is left alone; the layout goes to "Name (2)"', async () => {
      const sample = hallingdalSample();
      const opened = await open({ ...sample, sheets: [...sample.sheets, 'Handlingsplan 2022'] });
      const layout = sampleLayout(await opened.port.readSnapshot());
      const outcome = await opened.port.renderLayout(layout);
      expect(outcome).toEqual({ sheet: 'Handlingsplan 2022 (2)', replaced: false, renamedFrom: 'Handlingsplan 2022' });
      const again = await (await current(opened)).renderLayout(layout);
      expect(again).toEqual({ sheet: 'Handlingsplan 2022 (2)', replaced: true, renamedFrom: 'Handlingsplan 2022' });
      const after = await (await current(opened)).readSnapshot();
      expect(after.sheets.filter((s) => s.startsWith('Handlingsplan 2022'))).toEqual(['Handlingsplan 2022', 'Handlingsplan 2022 (2)']);
      expect(after.generated?.map((g) => g.sheet)).toEqual(['Handlingsplan 2022 (2)']);
    });

    test('text that looks like a formula, a number or a date stays text after rendering', async () => {
      const opened = await open(hallingdalSample());
      const outcome = await opened.port.renderLayout(textLayout('Tekst', TRICKY_TEXTS));
      expect(outcome.sheet).toBe('Tekst');
      if (!opened.readCell) return;
      for (const [i, text] of TRICKY_TEXTS.entries()) {
        const stored = await opened.readCell('Tekst', cellAddress(i + 1, 1));
        expect({ text, stored }).toEqual({ text, stored: { value: text } });
      }
    });

    describeAppendRow(open);
  });
}
