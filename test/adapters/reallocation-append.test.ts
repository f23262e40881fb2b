/**
 * Ny omdisponering's row through both adapters: the checked row appended to Omdisponeringer in a file and
 * in Excel (the strict double: 2 round trips, no rows.add), read back as the reallocation the form showed,
 * with the frames moved and no reallocation finding.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import type { WorkbookPort } from '../../src/adapters/port';
import { openXlsxPort } from '../../src/adapters/xlsx/port';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { checkReallocationForm, reallocationChoices } from '../../src/core/forms/reallocation';
import { parsePlan } from '../../src/core/parse/plan';
import { framesAfterReallocations, reallocationMoves } from '../../src/core/count/reallocations';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { validateWorkbook } from '../../src/core/validate';
import { createExcelDouble } from '../../src/adapters/office/double';
import { tableGrowth } from '../../src/adapters/office/double/growth';

const MOVE = { from: '3', to: 'A', amount: '50 000', date: '01.10.2022', decision: 'Styresak 12/22' };

async function appendAndReadBack(port: WorkbookPort) {
  const choices = reallocationChoices(await port.readSnapshot());
  const checked = checkReallocationForm(MOVE, choices);
  if (!checked.ok) throw new Error(`refused: ${JSON.stringify(checked.errors)}`);
  const outcome = await port.appendRow(checked.table, checked.row);
  const snapshot = await port.readSnapshot();
  const { plan } = parsePlan(snapshot);
  return { outcome, plan, snapshot };
}

function expectMoved(plan: ReturnType<typeof parsePlan>['plan']): void {
  expect(reallocationMoves(plan, 2022).map((m) => [m.date, m.from, m.to, m.amount])).toEqual([
    ['2022-09-15', '3. Kommunikasjon og samferdsel', 'Kompetanse og rekruttering', 100000],
    ['2022-10-01', '3. Kommunikasjon og samferdsel', 'A', 50000],
  ]);
  expect(plan.reallocations.at(-1)?.decision).toBe('Styresak 12/22');
  expect(framesAfterReallocations(plan, 2022).get(3)).toBe(250000);
  expect(framesAfterReallocations(plan, 2022).get(1)).toBe(950000);
}

test('in a file: one row below the table, read back as the move, the frames after it', async () => {
  const port = await openXlsxPort(await writeWorkbookData(hallingdalDemo()));
  const { outcome, plan, snapshot } = await appendAndReadBack(port);
  expect(outcome.table).toBe('Omdisponeringer');
  expect(outcome.sheet).toBe('Budsjett');
  expectMoved(plan);
  expect(validateWorkbook(snapshot, { year: 2022 }).findings.filter((f) => f.rule.startsWith('reallocation.'))).toEqual([]);
});

test('in Excel: the same row in 2 round trips after the check’s read, into the row below, never rows.add', async () => {
  const double = createExcelDouble({ data: hallingdalDemo() });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  const choices = reallocationChoices(await port.readSnapshot());
  const checked = checkReallocationForm(MOVE, choices);
  if (!checked.ok) throw new Error('refused');
  double.resetStats();
  await port.appendRow(checked.table, checked.row);
  expect(double.stats.syncs).toBe(2);
  expect(tableGrowth(double.state).calls).not.toContain('TableRowCollection.add');
  const { plan } = parsePlan(await port.readSnapshot());
  expectMoved(plan);
});
