/**
 * Live checks over the Office adapter and the strict Excel double, with fake timers: Excel's table change
 * events reach the pane's checker, edits in the contract's tables become one validation (one read, two
 * round trips) after the typing pauses, edits anywhere else cost nothing, co-authors' changes count, and
 * the count with what is new and what is fixed follows the workbook. On the sample and on the second
 * programme.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import type { ValidationResult } from '../../src/core/validate';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { countChecked, LiveChecker, LIVE_PAUSE_MS, type CheckCount, type EditBatch } from '../../src/taskpane/live';
import { check, loadCore } from '../../src/taskpane/session';
import { TABLES } from '../../src/core/contract/contract';
import { secondProgramme } from '../fixtures/secondProgramme';
import { createExcelDouble, type ExcelDouble } from '../../src/adapters/office/double';
import type { WorkbookData } from '../../src/core/contract/tableData';

const CONTRACT = Object.values(TABLES).map((t) => t.name);

interface Rig {
  double: ExcelDouble;
  port: OfficeWorkbook;
  checker: LiveChecker;
  /** each live validation's edits, count and syncs */
  runs: { batch: EditBatch; count: CheckCount; syncs: number }[];
  stop: () => Promise<void>;
}

/** The pane's loop without React: the checker, the port's watch, and a validation per pause. */
async function rig(data: WorkbookData, year: number): Promise<Rig> {
  const double = createExcelDouble({ data });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  let previous: Set<string> | null = null;
  const note = (result: ValidationResult): CheckCount => {
    const counted = countChecked(result.findings, result.summary, previous);
    previous = counted.keys;
    return counted.count;
  };
  // The pane's first read (its header), which also tells the adapter the tables' ids.
  note((await check(port, year)).result);
  const runs: Rig['runs'] = [];
  const checker = new LiveChecker({
    tables: CONTRACT,
    revalidate: (batch) => {
      double.resetStats();
      void check(port, year).then((checked) => runs.push({ batch, count: note(checked.result), syncs: double.stats.syncs }));
      return true;
    },
  });
  const watch = await port.watchTables(checker.onChange);
  if (watch === null) throw new Error('the double supports ExcelApi 1.7');
  double.resetStats();
  return { double, port, checker, runs, stop: () => watch.stop() };
}

/** The cell of a table's column in its n-th body row (1-based). */
function cellOf(double: ExcelDouble, table: string, header: string, row: number): { sheet: string; address: string } {
  const t = double.state.table(table);
  if (!t) throw new Error(`no table ${table}`);
  for (let c = t.bounds.left; c <= t.bounds.right; c++) {
    if (t.sheet.cell(t.bounds.top, c)?.value === header)
      return { sheet: t.sheet.name, address: `${String.fromCharCode(64 + c)}${t.bounds.top + row}` };
  }
  throw new Error(`no column ${header} in ${table}`);
}

beforeAll(async () => {
  await loadCore();
});

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

test('one typed edit in a contract table: nothing during the pause, then one validation of 2 round trips', async () => {
  const { double, runs, stop } = await rig(hallingdalSample(), 2022);
  const at = cellOf(double, 'Budsjett', 'Beløp', 1);
  expect(double.edit(at.sheet, at.address, 450000)).toBe(1);
  await jest.advanceTimersByTimeAsync(LIVE_PAUSE_MS - 1);
  expect(double.stats.syncs).toBe(0);
  expect(runs).toHaveLength(0);
  await jest.advanceTimersByTimeAsync(1);
  await jest.runAllTimersAsync();
  expect(runs).toHaveLength(1);
  expect(runs[0]!.syncs).toBe(2);
  expect(runs[0]!.batch).toEqual({ edits: 1, remote: 0, tables: ['Budsjett'] });
  await stop();
  expect(double.tableChangedHandlers).toBe(0);
});

test('ten edits within the pause are one validation', async () => {
  const { double, runs } = await rig(hallingdalSample(), 2022);
  for (let i = 1; i <= 10; i++) {
    const at = cellOf(double, 'Budsjett', 'Beløp', 1 + (i % 3));
    double.edit(at.sheet, at.address, 100000 + i);
    await jest.advanceTimersByTimeAsync(LIVE_PAUSE_MS / 2);
  }
  expect(runs).toHaveLength(0);
  await jest.runAllTimersAsync();
  expect(runs).toHaveLength(1);
  expect(runs[0]!.batch.edits).toBe(10);
  expect(runs[0]!.syncs).toBe(2);
});

test("an edit outside the contract (no table, or a table of the user's own) costs no round trip and no validation", async () => {
  const { double, runs } = await rig(hallingdalSample(), 2022);
  // A cell in no table: Excel raises no table event.
  expect(double.edit('Budsjett', 'Z99', 'notat')).toBe(0);
  // A table of the user's own beside the contract's: the event comes, the checker leaves it.
  const own = double.sheet('Budsjett');
  own.cellForWrite(200, 1).value = 'Notat';
  own.cellForWrite(200, 1).type = 'String';
  own.cellForWrite(201, 1).value = 'x';
  own.cellForWrite(201, 1).type = 'String';
  double.state.tables.push({
    name: 'Notater',
    sheet: own,
    bounds: { top: 200, left: 1, bottom: 201, right: 1 },
    showHeaders: true,
    showTotals: false,
    style: 'TableStyleLight1',
  });
  expect(double.edit('Budsjett', 'A201', 'y')).toBe(1);
  await jest.runAllTimersAsync();
  expect(runs).toHaveLength(0);
  expect(double.stats.syncs).toBe(0);
});

test("a co-author's change (source Remote) triggers one validation too, counted as theirs", async () => {
  const { double, runs } = await rig(hallingdalSample(), 2022);
  const at = cellOf(double, 'Rammer', 'Beløp', 1);
  double.edit(at.sheet, at.address, 700000, 'remote');
  await jest.runAllTimersAsync();
  expect(runs).toHaveLength(1);
  expect(runs[0]!.batch).toEqual({ edits: 1, remote: 1, tables: ['Rammer'] });
  expect(runs[0]!.syncs).toBe(2);
});

test('the count and what is new and fixed follow the edits', async () => {
  const { double, runs } = await rig(hallingdalSample(), 2022);
  // The published plan: 4 feil, 1 advarsel (the resultatmål table does not add up).
  const budget = cellOf(double, 'Budsjett', 'Beløp', 1);
  const was = double.cell(budget.sheet, budget.address)?.value;
  double.edit(budget.sheet, budget.address, 'mye');
  await jest.runAllTimersAsync();
  expect(runs).toHaveLength(1);
  const first = runs[0]!.count;
  // Text in an amount is one new error; the area's frame check is then not made (an info, not counted).
  expect(first.added).toBe(1);
  expect(first.fixed).toBe(0);
  expect([first.feil, first.advarsel]).toEqual([5, 1]);
  double.edit(budget.sheet, budget.address, was as number);
  await jest.runAllTimersAsync();
  expect(runs).toHaveLength(2);
  expect(runs[1]!.count).toEqual({ feil: 4, advarsel: 1, added: 0, fixed: 1 });
});

test('a validation the pane makes by itself (Valider) takes in the edits waiting for the pause', async () => {
  const { double, checker, runs } = await rig(hallingdalSample(), 2022);
  const at = cellOf(double, 'Budsjett', 'Beløp', 2);
  double.edit(at.sheet, at.address, 1);
  expect(checker.pending).toBe(true);
  checker.reset();
  await jest.runAllTimersAsync();
  expect(runs).toHaveLength(0);
});

test('while the pane is busy the edits wait for the next pause, and are not lost', async () => {
  const double = createExcelDouble({ data: hallingdalSample() });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  await check(port, 2022);
  const batches: EditBatch[] = [];
  let busy = true;
  const checker = new LiveChecker({ tables: CONTRACT, revalidate: (batch) => (busy ? false : (batches.push(batch), true)) });
  await port.watchTables(checker.onChange);
  const at = cellOf(double, 'Budsjett', 'Beløp', 1);
  double.edit(at.sheet, at.address, 1);
  await jest.advanceTimersByTimeAsync(LIVE_PAUSE_MS);
  expect(batches).toHaveLength(0);
  double.edit(at.sheet, at.address, 2, 'remote');
  busy = false;
  await jest.runAllTimersAsync();
  expect(batches).toEqual([{ edits: 2, remote: 1, tables: ['Budsjett'] }]);
});

test('the generated sheet is reported stale as soon as its input changes', async () => {
  const double = createExcelDouble({ data: hallingdalSample() });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  const c = await loadCore();
  const snapshot = await port.readSnapshot();
  const made = c.sheetUseCase({ snapshot, year: 2022, today: '2026-11-27', kind: 'handlingsplan', generatedAt: '2026-11-27T10:00:00Z' });
  if (!made.ok) throw new Error('not generated');
  await port.renderLayout(made.layout);
  const results: ValidationResult[] = [];
  const checker = new LiveChecker({
    tables: CONTRACT,
    revalidate: () => (void check(port, 2022).then((x) => results.push(x.result)), true),
  });
  await port.watchTables(checker.onChange);
  const at = cellOf(double, 'Tiltak', 'Tiltak', 1);
  double.edit(at.sheet, at.address, 'Et nytt tiltak');
  await jest.runAllTimersAsync();
  expect(results).toHaveLength(1);
  expect(results[0]!.findings.filter((f) => f.rule === 'staleness.generated-stale').map((f) => f.sheet)).toEqual(['Handlingsplan 2022']);
});

test('the second programme: its own tables and sheets, the same one validation of 2 round trips', async () => {
  const { double, runs } = await rig(secondProgramme(), 2024);
  const at = cellOf(double, 'Budsjett', 'Beløp', 3);
  expect(at.sheet).toBe('Økonomi');
  double.edit(at.sheet, at.address, 260000);
  double.edit('Økonomi', 'Z1', 'utenfor');
  await jest.runAllTimersAsync();
  expect(runs).toHaveLength(1);
  expect(runs[0]!.syncs).toBe(2);
  expect(runs[0]!.count.added).toBe(1);
  expect(runs[0]!.count.feil).toBe(1);
});

test('without ExcelApi 1.7 there is nothing to watch: null, and the button stays the way', async () => {
  const double = createExcelDouble({ data: hallingdalSample(), apiVersion: '1.6' });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  expect(await port.watchTables(() => undefined)).toBeNull();
  expect(double.stats.syncs).toBe(0);
});
