import { OfficeWorkbook } from '../../src/adapters/office';
import { toOperationError } from '../../src/adapters/office/errors';
import { WorkbookOperationError, type WorkbookPort } from '../../src/adapters/port';
import { SHEETS, TABLES } from '../../src/core/contract/contract';
import type { CellInput, WorkbookData } from '../../src/core/contract/tableData';
import { inputDigest } from '../../src/core/digest';
import { neededHeight, spanOf, spansOf } from '../../src/core/layout/fit';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import { buildStyrerapport } from '../../src/core/layout/styrerapport';
import type { LayoutCell, SheetLayout } from '../../src/core/layout/types';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { templateWorkbook } from '../../src/core/template/template';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import type { SnapshotCell, TableSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/types';
import { a1 } from '../../src/core/util/brand';
import { validateWorkbook } from '../../src/core/validate';
import {
  createExcelDouble,
  FIVE_MB,
  measure,
  roundTripStats,
  type CellState,
  type ExcelDouble,
  type ExcelDoubleOptions,
} from '../../src/adapters/office/double';
import { setCell } from '../support/planBuilder';
import { reportsWithJobsAsText } from '../../src/core/sample/scale';
import { cellKey } from '../../src/adapters/office/double/state';
import { parseCell } from '../../src/core/util/brand';
import { textLayout } from './conformance';

const GENERATED_AT = '2026-11-27T10:15:00Z';

function open(options: ExcelDoubleOptions = {}): { double: ExcelDouble; port: WorkbookPort } {
  const double = createExcelDouble(options);
  return { double, port: new OfficeWorkbook(double.run, { isSupported: double.supports }) };
}

function layoutOf(snapshot: WorkbookSnapshot): SheetLayout {
  const result = validateWorkbook(snapshot);
  return buildHandlingsplan({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: inputDigest(snapshot),
    generatedAt: GENERATED_AT,
  });
}

/** The sample with `count` project-leader reports in Rapporter. */
function withReports(count: number): WorkbookData {
  const sample = hallingdalSample();
  const reports = sample.tables.find((t) => t.name === TABLES.reports.name);
  if (!reports) throw new Error('no Rapporter');
  reports.rows = Array.from({ length: count }, (_, i): CellInput[] => [
    `P${(i % 40) + 1}`,
    { date: `2023-${String((i % 12) + 1).padStart(2, '0')}-15` },
    'Industri',
    i % 3,
    1,
    null,
    `Rapport nr. ${i + 1}`,
  ]);
  return sample;
}

async function rejection(promise: Promise<unknown>): Promise<WorkbookOperationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkbookOperationError) return error;
    throw new Error(`A raw error escaped: ${String(error)}`);
  }
  throw new Error('Expected the operation to fail');
}

function withoutFormats(tables: TableSnapshot[]): TableSnapshot[] {
  const strip = (c: SnapshotCell): SnapshotCell => {
    const copy = { ...c };
    delete copy.numberFormat;
    return copy;
  };
  return tables.map((t) => {
    const copy: TableSnapshot = { ...t, header: t.header.map(strip), rows: t.rows.map((r) => r.map(strip)) };
    if (t.totalRow) copy.totalRow = t.totalRow.map(strip);
    return copy;
  });
}

/** Every cell that has content, by sheet and address, as stored. */
function contentCells(double: ExcelDouble): Map<string, CellState> {
  const cells = new Map<string, CellState>();
  for (const sheet of double.state.sheets) {
    for (const [key, cell] of sheet.cells)
      if (cell.type !== 'Empty' || cell.formula !== undefined) cells.set(`${sheet.name}!${key}`, structuredClone(cell));
  }
  return cells;
}

/** The double's key of a cell address (its cells map is keyed by row and column). */
function cellKeyOf(address: string): string {
  const { row, column } = parseCell(address);
  return cellKey(row, column);
}

// ---------------------------------------------------------------------------------------------------------
// The double itself

describe('the Excel double', () => {
  test('a property read before load() and sync() throws, as in Office.js', async () => {
    const double = createExcelDouble({ data: hallingdalSample() });
    const context = double.context();
    const range = context.workbook.worksheets.getItem('Oppsett').getRange('A1');
    expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
    range.load('values');
    expect(() => range.values).toThrow(/not available/);
    await context.sync();
    expect(range.values).toEqual([['Programoppsett']]);
    expect(() => range.numberFormat).toThrow(/not available/);
  });

  test('writes reach the workbook only at sync, and each sync is counted with its bytes', async () => {
    const double = createExcelDouble({ data: hallingdalSample() });
    const context = double.context();
    context.workbook.worksheets.getItem('Oppsett').getRange('E1').values = [['x']];
    expect(double.cell('Oppsett', 'E1')).toBeUndefined();
    await context.sync();
    expect(double.cell('Oppsett', 'E1')).toMatchObject({ type: 'String', value: 'x' });
    expect(roundTripStats(double)).toMatchObject({ syncs: 1 });
    expect(roundTripStats(double).requestBytes).toBeGreaterThan(0);
  });

  test('isNullObject is known only after a sync', async () => {
    const context = createExcelDouble({ data: hallingdalSample() }).context();
    const missing = context.workbook.worksheets.getItemOrNullObject('Finnes ikke');
    expect(() => missing.isNullObject).toThrow(/not available/);
    await context.sync();
    expect(missing.isNullObject).toBe(true);
  });

  test('Excel.run sends what a batch left queued, and that costs a round trip', async () => {
    const double = createExcelDouble({ data: hallingdalSample() });
    await double.run((context) => {
      context.workbook.worksheets.getItem('Oppsett').getRange('E1').values = [['x']];
      return Promise.resolve();
    });
    expect(double.cell('Oppsett', 'E1')).toMatchObject({ value: 'x' });
    expect(double.stats.syncs).toBe(1);
  });

  test('values written into General cells are parsed as Excel does; into Text cells they stay as typed', async () => {
    const double = createExcelDouble({ data: { sheets: ['Ark1'], tables: [] } });
    const context = double.context();
    const sheet = context.workbook.worksheets.getItem('Ark1');
    sheet.getRange('A1:E1').values = [['=1+1', '123', '1 200 000', '19-8-2025', '-1+1']];
    sheet.getRange('A2:B2').numberFormat = [['@', '@']];
    sheet.getRange('A2:B2').values = [['=1+1', '123']];
    await context.sync();
    expect(double.cell('Ark1', 'A1')).toMatchObject({ formula: '=1+1' });
    expect(double.cell('Ark1', 'B1')).toMatchObject({ type: 'Double', value: 123 });
    expect(double.cell('Ark1', 'C1')).toMatchObject({ type: 'String', value: '1 200 000' });
    expect(double.cell('Ark1', 'D1')).toMatchObject({ type: 'String', value: '19-8-2025' });
    expect(double.cell('Ark1', 'E1')).toMatchObject({ formula: '=-1+1' });
    expect(double.cell('Ark1', 'A2')).toMatchObject({ type: 'String', value: '=1+1' });
    expect(double.cell('Ark1', 'B2')).toMatchObject({ type: 'String', value: '123' });
  });

  test('a request over 5 MB is refused', async () => {
    const double = createExcelDouble({ data: { sheets: ['Ark1'], tables: [] } });
    const context = double.context();
    const text = 'x'.repeat(1000);
    context.workbook.worksheets.getItem('Ark1').getRange('A1:A6000').values = Array.from({ length: 6000 }, () => [text]);
    await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Reading

describe('readSnapshot', () => {
  const kinds: WorkbookData = {
    sheets: ['Ark1'],
    tables: [
      {
        name: 'Celler',
        sheet: 'Ark1',
        caption: 'Alle slags celler',
        header: ['Tall', 'Tekst', 'Dato', 'Sann', 'Feil', 'Formel', 'Tom formel', 'Tekstformel', 'Tom'],
        rows: [
          [
            1.5,
            '=ikke formel',
            { date: '2022-03-15' },
            true,
            { error: '#REF!' },
            { formula: 'A3*2', result: 3 },
            { formula: '1/0' },
            { formula: '"a"&"b"', result: 'ab' },
            null,
          ],
        ],
        totalRow: ['Sum', null, null, false, null, { formula: 'SUBTOTAL(109,Celler[Formel])', result: 3 }, null, null, null],
        numberFormats: ['# ##0', undefined, undefined, undefined, undefined, '0.0'],
      },
    ],
  };

  test('cell kinds, values, formulas and number formats as the .xlsx adapter reads them', async () => {
    const { port } = open({ data: kinds });
    const [table] = (await port.readSnapshot()).tables;
    const expected = snapshotFromData(kinds).tables[0];
    expect(withoutFormats(table ? [table] : [])).toEqual(expected ? [expected] : []);
    expect(table?.range).toBe('A2:I4');
    expect(table?.rows[0]?.[0]).toEqual({ kind: 'number', value: 1.5, address: 'A3', numberFormat: '# ##0' });
    expect(table?.rows[0]?.[1]).toEqual({ kind: 'text', value: '=ikke formel', address: 'B3' });
    expect(table?.rows[0]?.[2]).toEqual({ kind: 'date', value: '2022-03-15', address: 'C3', numberFormat: 'dd.mm.yyyy' });
    expect(table?.rows[0]?.[5]).toEqual({ kind: 'number', value: 3, address: 'F3', formula: 'A3*2', numberFormat: '0.0' });
    expect(table?.totalRow?.[3]).toEqual({ kind: 'boolean', value: false, address: 'D4' });
  });

  test('tables come sheet by sheet, top to bottom, whatever order Excel lists them in', async () => {
    const { double, port } = open({ data: hallingdalSample() });
    double.state.tables.reverse();
    const names = (await port.readSnapshot()).tables.map((t) => t.name);
    expect(names).toEqual(hallingdalSample().tables.map((t) => t.name));
  });
});

// ---------------------------------------------------------------------------------------------------------
// Round trips

describe('round trips', () => {
  test('readSnapshot takes 2 syncs for the sample and for 10 000 report rows alike', async () => {
    const small = open({ data: hallingdalSample() });
    const big = open({ data: withReports(10_000) });
    const a = await measure(small.double, () => small.port.readSnapshot());
    const b = await measure(big.double, () => big.port.readSnapshot());
    expect(a.stats.syncs).toBeLessThanOrEqual(2);
    expect(b.stats.syncs).toBe(a.stats.syncs);
    const reports = b.result.tables.find((t) => t.name === 'Rapporter');
    expect(reports?.rows).toHaveLength(10_000);
    expect(reports?.rows[0]?.[1]).toEqual({
      kind: 'date',
      value: '2023-01-15',
      address: reports?.rows[0]?.[1]?.address,
      numberFormat: 'dd.mm.yyyy',
    });
    expect(b.stats.responseBytes).toBeLessThan(FIVE_MB);
  });

  test("a response over Excel's limit is read again in row blocks, with the same result", async () => {
    const normal = open({ data: withReports(3_000) });
    const limited = createExcelDouble({ data: withReports(3_000), responseLimitBytes: 300_000 });
    const port = new OfficeWorkbook(limited.run, { isSupported: limited.supports, maxResponseBytes: 250_000 });
    const expected = await normal.port.readSnapshot();
    const { result, stats } = await measure(limited, () => port.readSnapshot());
    expect(result).toEqual(expected);
    expect(stats.syncs).toBeGreaterThan(3);
    // The first two syncs are the whole read that Excel refused; every block read after it fits.
    expect(stats.perSync[1]?.responseBytes).toBeGreaterThan(300_000);
    expect(Math.max(...stats.perSync.slice(2).map((s) => s.responseBytes))).toBeLessThanOrEqual(300_000);
  });

  test('renderLayout: 3 syncs for a new sheet (the print setup its own), 4 when it replaces its own; the screen suspended, calculation never', async () => {
    const { double, port } = open({ data: hallingdalSample() });
    const layout = layoutOf(await port.readSnapshot());
    const first = await measure(double, () => port.renderLayout(layout));
    expect(first.stats.syncs).toBe(3);
    // Suspending calculation would leave the sheet's SUM totals for the add-in to recalculate: it is not done.
    expect(first.stats.perSync[1]).toMatchObject({ screenUpdatingSuspended: true, calculationSuspended: false });
    expect(first.stats.perSync.every((s) => !s.calculationSuspended)).toBe(true);
    const second = await measure(double, () => port.renderLayout(layout));
    expect(second.stats.syncs).toBe(4);
    expect(second.result).toEqual({ sheet: 'Handlingsplan 2022', replaced: true });
    expect(second.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
  });

  test('a single fix (Rett opp) reads the cell and writes it: 2 round trips, one cell', async () => {
    const { double, port } = open({ data: setCell(hallingdalSample(), 'Budsjett', [2022, 'A'], 'Beløp', '400 000') });
    const fix = validateWorkbook(await port.readSnapshot()).findings.find((f) => f.fix)?.fix;
    if (!fix) throw new Error('no fix');
    const before = contentCells(double);
    const { result, stats } = await measure(double, () => port.applyFixes([fix]));
    expect(result).toEqual({ changed: 1, skipped: 0, changedSince: 0, writes: 2 });
    expect(stats.syncs).toBe(2);
    const after = contentCells(double);
    const key = [...after.keys()].find((k) => JSON.stringify(after.get(k)) !== JSON.stringify(before.get(k)));
    expect(after.size).toBe(before.size);
    expect(after.get(key ?? '')).toMatchObject({ type: 'Double', value: 400000, numberFormat: '#,##0' });
    expect([...after.keys()].filter((k) => JSON.stringify(after.get(k)) !== JSON.stringify(before.get(k)))).toHaveLength(1);
  });

  test('a single fix whose cell a co-author changed since Valider: read in 1 round trip, nothing written, counted', async () => {
    const validated = setCell(hallingdalSample(), 'Budsjett', [2022, 'A'], 'Beløp', '400 000');
    const fix = validateWorkbook(snapshotFromData(validated)).findings.find((f) => f.fix)?.fix;
    if (!fix) throw new Error('no fix');
    const { double, port } = open({ data: setCell(hallingdalSample(), 'Budsjett', [2022, 'A'], 'Beløp', '4OO 000') });
    const before = contentCells(double);
    const { result, stats } = await measure(double, () => port.applyFixes([fix]));
    expect(result).toEqual({ changed: 0, skipped: 0, changedSince: 1, writes: 1 });
    expect(stats.syncs).toBe(1);
    expect(contentCells(double)).toEqual(before);
  });

  describe.each([10, 10_000])('applyFixes of %i numbers stored as text', (count) => {
    /** Every changed cell of the double; the rest of the workbook, every cell, must be as it was. */
    function changedCells(before: Map<string, CellState>, after: Map<string, CellState>): string[] {
      expect(after.size).toBe(before.size);
      return [...after.keys()].filter((k) => JSON.stringify(after.get(k)) !== JSON.stringify(before.get(k)));
    }

    test('in one column: at most 2 round trips, under 5 MB, exactly those cells changed', async () => {
      const { double, port } = open({ data: reportsWithJobsAsText(count) });
      const { groups } = validateWorkbook(await port.readSnapshot());
      const group = groups.find((g) => g.rule === 'values.number-as-text');
      expect(group?.fixes).toHaveLength(count);
      const fixes = group?.fixes ?? [];
      const before = contentCells(double);
      const { result, stats } = await measure(double, () => port.applyFixes(fixes));
      expect(result).toEqual({ changed: count, skipped: 0, changedSince: 0, writes: stats.syncs });
      expect(stats.syncs).toBeLessThanOrEqual(2);
      expect(stats.maxRequestBytes).toBeLessThan(FIVE_MB);
      const after = contentCells(double);
      const changed = changedCells(before, after);
      expect(changed.sort()).toEqual(fixes.map((f) => `${f.sheet}!${cellKeyOf(f.cell)}`).sort());
      for (const key of changed) expect(after.get(key)).toMatchObject({ type: 'Double', value: 1 });
    });

    test('cells changed since Valider: read and written in the same 2 round trips, left as they are and counted', async () => {
      const validated = reportsWithJobsAsText(count);
      const fixes = validateWorkbook(snapshotFromData(validated)).groups.flatMap((g) => g.fixes);
      expect(fixes).toHaveLength(count);
      // A co-author has typed into every fifth of those cells since (another text, or a number).
      const edited = structuredClone(validated);
      const reports = edited.tables.find((t) => t.name === 'Rapporter');
      const jobs = reports?.header.indexOf('Nye arbeidsplasser') ?? -1;
      let typed = 0;
      reports?.rows.forEach((row) => {
        if (row[jobs] !== '1') return;
        if (typed % 5 === 0) row[jobs] = typed % 10 === 0 ? '2' : 7;
        typed += 1;
      });
      const { double, port } = open({ data: edited });
      const before = contentCells(double);
      const { result, stats } = await measure(double, () => port.applyFixes(fixes));
      const left = Math.ceil(count / 5);
      expect(result).toEqual({ changed: count - left, skipped: 0, changedSince: left, writes: stats.syncs });
      expect(stats.syncs).toBe(2);
      expect(stats.maxRequestBytes).toBeLessThan(FIVE_MB);
      const after = contentCells(double);
      const changed = changedCells(before, after);
      expect(changed).toHaveLength(count - left);
      for (const key of changed) expect(before.get(key)).toMatchObject({ value: '1' });
      for (const key of changed) expect(after.get(key)).toMatchObject({ type: 'Double', value: 1 });
    });

    test('scattered (every other row): still at most 2 round trips, the cells between untouched', async () => {
      const data = reportsWithJobsAsText(count * 2);
      const reports = data.tables.find((t) => t.name === 'Rapporter');
      const jobs = reports?.header.indexOf('Nye arbeidsplasser') ?? -1;
      reports?.rows.forEach((row, i) => {
        if (row[jobs] === '1' && i % 2 === 0) row[jobs] = 1;
      });
      const { double, port } = open({ data });
      const fixes = validateWorkbook(await port.readSnapshot()).findings.flatMap((f) => (f.fix ? [f.fix] : []));
      expect(fixes).toHaveLength(count);
      const before = contentCells(double);
      const { result, stats } = await measure(double, () => port.applyFixes(fixes));
      expect(result.changed).toBe(count);
      expect(stats.syncs).toBeLessThanOrEqual(2);
      expect(stats.maxRequestBytes).toBeLessThan(FIVE_MB);
      expect(changedCells(before, contentCells(double)).sort()).toEqual(fixes.map((f) => `${f.sheet}!${cellKeyOf(f.cell)}`).sort());
    });
  });

  test('applyFixes over a small request budget is chunked, each request within it', async () => {
    const { double } = open({ data: reportsWithJobsAsText(3_000) });
    const port = new OfficeWorkbook(double.run, { isSupported: double.supports, maxRequestBytes: 8_000 });
    const fixes = validateWorkbook(await port.readSnapshot()).groups.flatMap((g) => g.fixes);
    const { result, stats } = await measure(double, () => port.applyFixes(fixes));
    expect(result.changed).toBe(3_000);
    expect(stats.syncs).toBe(result.writes);
    expect(stats.syncs).toBeGreaterThan(1);
    expect(stats.maxRequestBytes).toBeLessThan(8_000 * 1.5);
  });

  test('select activates the sheet and selects the cell in one sync, with no row context', async () => {
    const { double, port } = open({ data: hallingdalSample() });
    const { result, stats } = await measure(double, () => port.select('Mål', a1('M15')));
    expect(result).toBeNull();
    expect(stats.syncs).toBe(1);
    expect(double.state.activeSheet?.name).toBe('Mål');
    expect(double.state.selection).toEqual({ sheet: 'Mål', address: 'M15' });
  });
});

// ---------------------------------------------------------------------------------------------------------
// What renderLayout writes

describe('renderLayout', () => {
  test.each([
    ['Handlingsplan 2022', buildHandlingsplan],
    ['Styrerapport 2022', buildStyrerapport],
  ] as const)(
    '%s: Excel gets every width and every height of the layout, so wrapped and merged cells do not spill',
    async (name, build) => {
      const { double, port } = open({ data: hallingdalSample() });
      const snapshot = await port.readSnapshot();
      const result = validateWorkbook(snapshot);
      const layout = build({
        plan: result.plan,
        year: 2022,
        findings: result.findings,
        inputDigest: inputDigest(snapshot),
        generatedAt: GENERATED_AT,
      });
      await port.renderLayout(layout);
      const sheet = double.sheet(name);
      for (const { row, height } of layout.rowHeights) expect({ row, height: sheet.rowHeights.get(row) }).toEqual({ row, height });
      for (const { column, width } of layout.columnWidths)
        expect({ column, width: sheet.columnWidths.get(column) }).toEqual({ column, width: Math.round(width * 7 + 5) * 0.75 });
      // every wrapped or merged cell's rows hold its lines at the widths Excel got
      const widths = new Map(layout.columnWidths.map((w) => [w.column, w.width]));
      const spans = spansOf(layout.merges);
      for (const cell of layout.cells.filter((c) => c.style?.wrap === true || spans.has(`${c.row}:${c.column}`))) {
        const span = spanOf(cell, spans);
        let have = 0;
        for (let r = span.top; r <= span.bottom; r++) have += sheet.rowHeights.get(r) ?? 15;
        expect({ cell: `${cell.row}:${cell.column}`, fits: neededHeight(cell, widths, spans) <= have + 0.01 }).toEqual({
          cell: `${cell.row}:${cell.column}`,
          fits: true,
        });
      }
    },
  );

  test('writes values, formulas, styles, merges, sizes, panes, print setup, anchors and the marker', async () => {
    const { double, port } = open({ data: hallingdalSample() });
    const layout = layoutOf(await port.readSnapshot());
    await port.renderLayout(layout);
    const sheet = double.sheet('Handlingsplan 2022');
    expect(double.cell('Handlingsplan 2022', 'A1')).toMatchObject({
      type: 'String',
      value: 'Handlingsplan 2022 – Sats på Hallingdal',
      numberFormat: '@',
      format: { bold: true, size: 16 },
    });
    const formula = layout.cells.find((c) => c.value.kind === 'formula');
    if (formula?.value.kind !== 'formula') throw new Error('no formula in the layout');
    expect(sheet.cell(formula.row, formula.column)?.formula).toBe(`=${formula.value.formula}`);
    const number = layout.cells.find((c) => c.value.kind === 'number' && c.style?.numberFormat === '#,##0');
    if (number?.value.kind !== 'number') throw new Error('no kroner in the layout');
    expect(sheet.cell(number.row, number.column)).toMatchObject({ type: 'Double', value: number.value.number, numberFormat: '#,##0' });
    expect(sheet.merges).toHaveLength(layout.merges.length);
    expect(sheet.columnWidths.get(1)).toBe(Math.round((layout.columnWidths.find((w) => w.column === 1)?.width ?? 0) * 7 + 5) * 0.75);
    expect(sheet.rowHeights.get(1)).toBe(24);
    expect(sheet.freeze).toEqual({ rows: 2, columns: 0 });
    expect(sheet.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: '$1:$2',
      centerHeader: layout.print.header,
      centerFooter: layout.print.footer,
    });
    expect((await port.readSnapshot()).generated).toEqual([
      { sheet: 'Handlingsplan 2022', kind: 'handlingsplan', year: 2022, inputDigest: layout.marker.inputDigest, generatedAt: GENERATED_AT },
    ]);
    expect(double.state.names.map((n) => n.name)).toEqual(layout.anchors.map((a) => a.name));
    expect(double.state.names[0]?.formula).toBe(`='Handlingsplan 2022'!${layout.anchors[0]?.range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`);
    expect(sheet.names).toEqual([
      expect.objectContaining({
        name: 'HandlingsplanGenerert',
        visible: false,
        formula: `="handlingsplan|2022|${layout.marker.inputDigest}|${GENERATED_AT}"`,
      }),
    ]);
    const bordered = layout.cells.find((c) => c.style?.border === true);
    if (!bordered) throw new Error('no border');
    expect(sheet.cell(bordered.row, bordered.column)?.format?.borders).toMatchObject({
      top: { style: 'Continuous' },
      bottom: { style: 'Continuous' },
      left: { style: 'Continuous' },
      right: { style: 'Continuous' },
    });
  });

  test('styles are set per rectangle, not per cell', async () => {
    const { double, port } = open({ data: hallingdalSample() });
    const layout = layoutOf(await port.readSnapshot());
    const { stats } = await measure(double, () => port.renderLayout(layout));
    const styled = layout.cells.filter((c) => c.style !== undefined).length;
    // Rows have heights of their own (one command per run of equal heights); the rest is well under one per cell.
    expect((stats.perSync[1]?.commands ?? 0) - layout.rowHeights.length).toBeLessThan(styled);
  });

  test('replacing keeps the sheet where it stood and the anchors pointing at the new sheet', async () => {
    const { double, port } = open({ data: hallingdalSample() });
    const layout = layoutOf(await port.readSnapshot());
    await port.renderLayout(layout);
    double.sheet('Handlingsplan 2022');
    // The user moves the generated sheet to the front.
    const moved = double.state.sheets.splice(double.state.sheets.length - 1, 1)[0];
    if (moved) double.state.sheets.unshift(moved);
    await port.renderLayout(layout);
    expect(double.state.sheets.map((s) => s.name)).toEqual(['Handlingsplan 2022', ...Object.values(SHEETS)]);
    expect(double.state.names.every((n) => n.ref?.sheet === double.sheet('Handlingsplan 2022'))).toBe(true);
  });

  test('without ExcelApi 1.9 the sheet is rendered without print setup (and without suspending the screen)', async () => {
    const { double, port } = open({ data: hallingdalSample(), apiVersion: '1.8' });
    const layout = layoutOf(await port.readSnapshot());
    const { result, stats } = await measure(double, () => port.renderLayout(layout));
    expect(result).toEqual({ sheet: 'Handlingsplan 2022', replaced: false });
    const sheet = double.sheet('Handlingsplan 2022');
    expect(sheet.pageLayout).toEqual({});
    expect(sheet.freeze).toEqual({ rows: 2, columns: 0 });
    expect(stats.syncs).toBe(2);
    expect(stats.perSync[1]).toMatchObject({ screenUpdatingSuspended: false, calculationSuspended: false });
  });

  test('print setup refused by Excel: the sheet is complete all the same, and the outcome says so', async () => {
    const { double, port } = open({ data: hallingdalSample() });
    const layout = layoutOf(await port.readSnapshot());
    double.refuse('PageLayout.zoom', 'GeneralException');
    const result = await port.renderLayout(layout);
    expect(result).toEqual({ sheet: 'Handlingsplan 2022', replaced: false, printSetupSkipped: true });
    const sheet = double.sheet('Handlingsplan 2022');
    // Everything of the content batch is there: the last cells, the anchors, the marker.
    const last = layout.cells[layout.cells.length - 1];
    if (last === undefined) throw new Error('empty layout');
    expect(sheet.cell(last.row, last.column)).toBeDefined();
    expect(double.state.names.map((n) => n.name)).toEqual(layout.anchors.map((a) => a.name));
    expect((await port.readSnapshot()).generated).toHaveLength(1);
  });

  test('the header is escaped for Excel (& doubled) and capped at 255 characters', async () => {
    const data = setCell(hallingdalSample(), 'Program', ['Programnavn'], 'Verdi', `Forsk & Utvikling ${'x'.repeat(300)}`);
    const { double, port } = open({ data });
    const layout = layoutOf(await port.readSnapshot());
    await port.renderLayout(layout);
    const header = double.sheet('Handlingsplan 2022').pageLayout.centerHeader ?? '';
    expect(header.startsWith('Forsk && Utvikling x')).toBe(true);
    expect(header.length).toBeLessThanOrEqual(255);
    expect(header.endsWith('…')).toBe(true);
    expect(double.sheet('Handlingsplan 2022').pageLayout.centerFooter).toMatch(/side &P av &N$/);
  });

  test('without ExcelApi 1.7 there are no frozen panes either; the content is the same', async () => {
    const { double, port } = open({ data: hallingdalSample(), apiVersion: '1.5' });
    const layout = layoutOf(await port.readSnapshot());
    await port.renderLayout(layout);
    expect(double.sheet('Handlingsplan 2022').freeze).toBeUndefined();
    expect(double.cell('Handlingsplan 2022', 'A1')?.value).toBe('Handlingsplan 2022 – Sats på Hallingdal');
  });

  test('a layout too big for one request is written in several, each under 5 MB; the sample is one', async () => {
    const rows = 40_000;
    const cells: LayoutCell[] = [];
    for (let row = 1; row <= rows; row++) {
      for (let column = 1; column <= 5; column++)
        cells.push({
          row,
          column,
          value: column === 5 ? { kind: 'number', number: row } : { kind: 'text', text: `Tekst i rad ${row}, kolonne ${column}` },
          style: { border: true },
        });
    }
    const huge: SheetLayout = { ...textLayout('Stor', []), cells };
    const { double, port } = open({ data: hallingdalSample() });
    const { stats } = await measure(double, () => port.renderLayout(huge));
    // One sync to look for the sheet, then more than one to write it.
    expect(stats.syncs).toBeGreaterThan(2);
    expect(stats.maxRequestBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(stats.requestBytes).toBeGreaterThan(FIVE_MB);
    expect(double.cell('Stor', `D${rows}`)).toMatchObject({ type: 'String', value: `Tekst i rad ${rows}, kolonne 4` });
    expect(double.cell('Stor', `E${rows}`)).toMatchObject({ type: 'Double', value: rows });

    const sample = layoutOf(await port.readSnapshot());
    const small = await measure(double, () => port.renderLayout(sample));
    // One to look, one to write, one for the print setup.
    expect(small.stats.syncs).toBe(3);
  }, 60_000);

  test('text over 255 characters stays General (a Text cell that long shows #####) and still stays text', async () => {
    const long = `=${'x'.repeat(300)}`;
    const { double, port } = open({ data: hallingdalSample() });
    await port.renderLayout(textLayout('Lang', [long, 'kort']));
    expect(double.cell('Lang', 'A1')).toMatchObject({ type: 'String', value: long, quotePrefix: true });
    expect(double.cell('Lang', 'A1')?.numberFormat).toBeUndefined();
    expect(double.cell('Lang', 'A2')).toMatchObject({ type: 'String', value: 'kort', numberFormat: '@' });
  });

  test('a sheet name too long for " (2)" is shortened to Excel\'s 31 characters', async () => {
    const name = 'Handlingsplan 2022 for regionen X';
    const layout = { ...textLayout(name.slice(0, 31), ['x']) };
    const { double, port } = open({ data: { sheets: [name.slice(0, 31)], tables: [] } });
    const outcome = await port.renderLayout(layout);
    expect(outcome.sheet).toBe(`${name.slice(0, 27)} (2)`);
    expect(double.state.sheets.map((s) => s.name)).toContain(`${name.slice(0, 27)} (2)`);
  });
});

// ---------------------------------------------------------------------------------------------------------
// createTemplate

describe('createTemplate', () => {
  test('in an empty workbook: every table, where the .xlsx template puts them; validation finds missing values, not missing tables', async () => {
    const { double, port } = open({ data: { sheets: ['Ark1'], tables: [] } });
    const template = templateWorkbook();
    const { result, stats } = await measure(double, () => port.createTemplate(template));
    expect(result).toEqual({ createdSheets: Object.values(SHEETS), createdTables: template.tables.map((t) => t.name), addedColumns: [] });
    expect(stats.syncs).toBeLessThanOrEqual(4);

    const read = await port.readSnapshot();
    expect(withoutFormats(read.tables)).toEqual(withoutFormats(snapshotFromData(template).tables));
    const rules = validateWorkbook(read).findings.map((f) => f.rule);
    expect(rules).not.toContain('structure.missing-table');
    expect(rules).not.toContain('structure.missing-column');
    expect(rules.some((r) => r === 'structure.program-setting' || r === 'structure.empty-required')).toBe(true);
  });

  test('run again on a complete workbook: nothing is missing, nothing is written', async () => {
    const { double, port } = open({ data: { sheets: ['Ark1'], tables: [] } });
    await port.createTemplate(templateWorkbook());
    const before = contentCells(double);
    const { result, stats } = await measure(double, () => port.createTemplate(templateWorkbook()));
    expect(result).toEqual({ createdSheets: [], createdTables: [], addedColumns: [] });
    expect(stats.syncs).toBe(2);
    expect(contentCells(double)).toEqual(before);
  });

  test('styles the header, formats the columns, adds list validations and widths', async () => {
    const { double, port } = open({ data: { sheets: ['Ark1'], tables: [] } });
    await port.createTemplate(templateWorkbook());
    const budsjett = double.state.table('Budsjett');
    if (!budsjett) throw new Error('no Budsjett');
    const { top, left } = budsjett.bounds;
    expect(budsjett.sheet.cell(top, left)?.format).toMatchObject({ bold: true, fill: '#DDEBF7' });
    expect(budsjett.sheet.cell(top + 1, left + 2)?.numberFormat).toBe('#,##0');
    expect(budsjett.sheet.validations.find((v) => v.bounds.left === left + 1 && v.bounds.top === top + 1)?.rule).toEqual({
      list: { inCellDropDown: true, source: '=INDIRECT("Strategier[Kode]")' },
    });
    expect(double.sheet('Oppsett').validations.some((v) => JSON.stringify(v.rule).includes('Tematisk,Støtteområde'))).toBe(true);
    // The list is evaluated, not only its formula read: codes typed into Strategier later appear in it.
    const strategyCell = `${String.fromCharCode(64 + left + 1)}${top + 1}`;
    expect(double.dropdown(budsjett.sheet.name, strategyCell)).toEqual([]);
    await port.appendRow('Strategier', { Kode: 'R1', Strategi: 'Rekruttering', Innsatsområde: 1 });
    await port.appendRow('Strategier', { Kode: '2a', Strategi: 'Kompetanse', Innsatsområde: 1 });
    expect(double.dropdown(budsjett.sheet.name, strategyCell)).toEqual(['R1', '2a']);
    // Beskrivelse (Strategier's fourth column) is the widest column on Oppsett: 80 characters.
    expect(double.sheet('Oppsett').columnWidths.get(4)).toBe(Math.round(80 * 7 + 5) * 0.75);
    const program = double.state.table('Program');
    expect(program && program.sheet.cell(program.bounds.top - 1, 1)).toMatchObject({
      value: 'Programoppsett',
      format: { bold: true, size: 12 },
    });
  });

  test('year headers and the total row are text and the template\'s own: no "Total", no SUBTOTAL', async () => {
    const { double, port } = open({ data: { sheets: ['Ark1'], tables: [] } });
    await port.createTemplate(templateWorkbook());
    const targets = double.state.table('Arbeidsplassmal');
    if (!targets) throw new Error('no Arbeidsplassmal');
    const { top, bottom, left, right } = targets.bounds;
    expect(targets.showTotals).toBe(true);
    expect(targets.sheet.cell(top, left + 1)).toMatchObject({ type: 'String', value: '2022' });
    expect(targets.sheet.cell(bottom, left)).toMatchObject({ type: 'String', value: 'Sum' });
    expect(targets.sheet.cell(bottom, right)?.formula).toBeUndefined();
  });

  test('adds only the missing column at the end of an existing table and changes no cell with content', async () => {
    const sample = hallingdalSample();
    const strategies = sample.tables.find((t) => t.name === 'Strategier');
    if (!strategies) throw new Error('no Strategier');
    strategies.header = strategies.header.slice(0, 3);
    strategies.rows = strategies.rows.map((r) => r.slice(0, 3));
    strategies.widths = strategies.widths?.slice(0, 3);
    const { double, port } = open({ data: sample });
    const before = contentCells(double);
    const { result, stats } = await measure(double, () => port.createTemplate(templateWorkbook()));
    expect(result).toEqual({ createdSheets: [], createdTables: [], addedColumns: [{ table: 'Strategier', column: 'Beskrivelse' }] });
    expect(stats.syncs).toBeLessThanOrEqual(4);
    const after = contentCells(double);
    for (const [key, cell] of before) expect({ key, cell: after.get(key) }).toEqual({ key, cell });
    const added = [...after.keys()].filter((k) => !before.has(k));
    const table = double.state.table('Strategier');
    expect(added).toEqual([`Oppsett!${table?.bounds.top}:4`]);
    expect(after.get(added[0] ?? '')).toMatchObject({ value: 'Beskrivelse' });
    expect(validateWorkbook(await port.readSnapshot()).findings.map((f) => f.rule)).not.toContain('structure.missing-column');
  });

  test('refuses, writing nothing, when the cells a new column would take are not empty', async () => {
    const sample = hallingdalSample();
    const strategies = sample.tables.find((t) => t.name === 'Strategier');
    if (!strategies) throw new Error('no Strategier');
    strategies.header = strategies.header.slice(0, 3);
    strategies.rows = strategies.rows.map((r) => r.slice(0, 3));
    const { double, port } = open({ data: sample });
    const table = double.state.table('Strategier');
    if (!table) throw new Error('no table');
    table.sheet.cellForWrite(table.bounds.top + 2, 4).type = 'String';
    table.sheet.cellForWrite(table.bounds.top + 2, 4).value = 'notat';
    const before = contentCells(double);
    const error = await rejection(port.createTemplate(templateWorkbook()));
    expect(error.code).toBe('failed');
    expect(error.nb).toContain('ikke tomme');
    expect(contentCells(double)).toEqual(before);
    expect(table.bounds.right).toBe(3);
  });

  test('template text that Excel would read as a formula or a number stays text; the cells stay General', async () => {
    const { double, port } = open({ data: { sheets: ['Ark1'], tables: [] } });
    const texts = ['=SUM(1;2)', '-1+1', '1200', '2025-08-19', 'TRUE', 'Vanlig tekst'];
    await port.createTemplate({
      sheets: ['Ark2'],
      tables: [{ name: 'Tekster', sheet: 'Ark2', header: ['Tekst'], rows: texts.map((t) => [t]) }],
    });
    texts.forEach((text, i) => {
      const cell = double.cell('Ark2', `A${i + 2}`);
      expect({ text, cell: { type: cell?.type, value: cell?.value, numberFormat: cell?.numberFormat } }).toEqual({
        text,
        cell: { type: 'String', value: text, numberFormat: undefined },
      });
    });
  });

  test('without ExcelApi 1.8 the tables are created without list validations', async () => {
    const { double, port } = open({ data: { sheets: ['Ark1'], tables: [] }, apiVersion: '1.7' });
    const result = await port.createTemplate(templateWorkbook());
    expect(result.createdTables).toHaveLength(Object.keys(TABLES).length);
    expect(double.state.sheets.flatMap((s) => s.validations)).toEqual([]);
  });

  test('new tables on a sheet with content go below what is used there', async () => {
    const { double, port } = open({ data: { sheets: ['Oppsett'], tables: [] } });
    const notes = double.sheet('Oppsett').cellForWrite(5, 2);
    notes.type = 'String';
    notes.value = 'Mine notater';
    await port.createTemplate(templateWorkbook());
    const program = double.state.table('Program');
    expect(program?.bounds.top).toBe(5 + 2 + 2);
    expect(double.cell('Oppsett', 'B5')).toMatchObject({ value: 'Mine notater' });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Errors

describe('errors reach the caller as WorkbookOperationError', () => {
  test('a protected sheet: code protected, with the sheet named in bokmål', async () => {
    const { double, port } = open({ data: setCell(hallingdalSample(), 'Budsjett', [2022, 'A'], 'Beløp', '400 000') });
    const fix = validateWorkbook(await port.readSnapshot()).findings.find((f) => f.fix)?.fix;
    if (!fix) throw new Error('no fix');
    double.protectSheet('Budsjett');
    const error = await rejection(port.applyFixes([fix]));
    expect(error.code).toBe('protected');
    expect(error.nb).toBe('Arket «Budsjett» er beskyttet. Opphev beskyttelsen og prøv igjen.');
    expect(error.en).toBe('Sheet "Budsjett" is protected. Unprotect it and try again.');
  });

  test('merged cells where a template table goes: merged-conflict', async () => {
    const { double, port } = open({ data: { sheets: ['Oppsett'], tables: [] } });
    double.mergeCells('Oppsett', 'A1:C3');
    const error = await rejection(port.createTemplate(templateWorkbook()));
    expect(error.code).toBe('merged-conflict');
    // Excel's MergedRangeConflict also means a PivotTable, query results or a table: all are named.
    expect(error.nb).toMatch(/sammenslåtte celler, en pivottabell, resultater fra en spørring eller en annen tabell/);
  });

  test('a table over another table: the double throws what Excel throws, and it is told apart from merged cells', async () => {
    const { double } = open({ data: hallingdalSample() });
    const context = double.context();
    const sheet = context.workbook.worksheets.getItem('Oppsett');
    sheet.tables.add('A1:B3', true);
    const refusal: unknown = await context.sync().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ code: 'InvalidArgument', debugInfo: { errorLocation: 'TableCollection.add' } });
    const mapped = await toOperationError(refusal, { sheets: ['Oppsett'] }, double.run, double.supports);
    expect(mapped.code).toBe('table-overlap');
    expect(mapped.nb).toBe('En annen tabell står der den nye tabellen skal ligge. Flytt den og prøv igjen.');
    // Any other invalid argument stays Excel's own words.
    const other = await toOperationError(
      { code: 'InvalidArgument', message: 'Bad', debugInfo: { errorLocation: 'Range.values' } },
      { sheets: [] },
      double.run,
      double.supports,
    );
    expect(other.code).toBe('failed');
  });

  test("a defined name with a new table's name: refused before anything is written, naming it", async () => {
    const { double, port } = open({ data: { sheets: ['Oppsett'], tables: [] } });
    const context = double.context();
    context.workbook.names.add('Prosjekter', context.workbook.worksheets.getItem('Oppsett').getRange('A1'));
    await context.sync();
    const sheetsBefore = double.state.sheets.map((s) => s.name);
    const error = await rejection(port.createTemplate(templateWorkbook()));
    expect(error.nb).toMatch(/^Arbeidsboka har et definert navn «Prosjekter», så tabellen Prosjekter kan ikke lages\./);
    expect(error.en).toMatch(/Nothing was changed\.$/);
    expect(double.state.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(double.state.tables).toHaveLength(0);
  });

  test('a protected workbook structure refuses a new sheet: protected, naming the workbook', async () => {
    const { double, port } = open({ data: hallingdalSample() });
    const layout = layoutOf(await port.readSnapshot());
    double.protectWorkbook();
    const error = await rejection(port.renderLayout(layout));
    expect(error.code).toBe('protected');
    expect(error.nb).toMatch(/Arbeidsbokas struktur er beskyttet/);
  });

  test('a read-only workbook: permission', async () => {
    const { double, port } = open({ data: setCell(hallingdalSample(), 'Budsjett', [2022, 'A'], 'Beløp', '400 000') });
    const fix = validateWorkbook(await port.readSnapshot()).findings.find((f) => f.fix)?.fix;
    if (!fix) throw new Error('no fix');
    double.state.readOnly = true;
    expect((await rejection(port.applyFixes([fix]))).code).toBe('permission');
  });

  test('cell-edit mode: busy', async () => {
    const { double, port } = open({ data: hallingdalSample() });
    double.cellEditMode = true;
    const error = await rejection(port.readSnapshot());
    expect(error.code).toBe('busy');
    expect(error.nb).toMatch(/Enter eller Esc/);
  });

  test('an Excel without ExcelApi 1.4 cannot render or create templates: unsupported', async () => {
    const { port } = open({ data: hallingdalSample(), apiVersion: '1.3' });
    const snapshot = await port.readSnapshot();
    expect(snapshot.tables).toHaveLength(Object.keys(TABLES).length);
    expect((await rejection(port.renderLayout(layoutOf(snapshot)))).code).toBe('unsupported');
    expect((await rejection(port.createTemplate(templateWorkbook()))).code).toBe('unsupported');
  });

  test('a missing sheet: not-found', async () => {
    const { port } = open({ data: hallingdalSample() });
    const error = await rejection(
      port.applyFixes([{ kind: 'set-number', sheet: 'Borte', cell: a1('A1'), value: 1, text: '1', label: { nb: '', en: '' } }]),
    );
    expect(error.code).toBe('not-found');
    expect(error.nb).toBe('Fant ikke arket «Borte». Les arbeidsboka på nytt og prøv igjen.');
  });

  test("anything else: failed, with Excel's message on one line", async () => {
    const { port } = open({ data: hallingdalSample() });
    const error = await rejection(port.renderLayout(textLayout('Ugyldig/navn', ['x'])));
    expect(error.code).toBe('failed');
    expect(error.nb).toMatch(/^Excel kunne ikke fullføre handlingen: /);
    expect(error.nb).not.toContain('\n');
  });

  test('outside Excel the default run says the API is unavailable', async () => {
    const port = new OfficeWorkbook();
    const error = await rejection(port.readSnapshot());
    expect(error.code).toBe('unsupported');
  });
});
