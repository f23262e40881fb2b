/**
 * Notes on the marked cells of a draft through Office.js (ExcelApi 1.18), against the Excel double: one note
 * per marked cell with the error it stands for, in the same round trips; an older Excel gets none.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import { inputDigest } from '../../src/core/digest';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import type { SheetLayout } from '../../src/core/layout/types';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { cellAddress } from '../../src/core/util/brand';
import { validateWorkbook } from '../../src/core/validate';
import { createExcelDouble, measure, type ExcelDouble } from '../../src/adapters/office/double';

const SHEET = 'Handlingsplan 2022';

async function open(apiVersion: string): Promise<{ double: ExcelDouble; port: OfficeWorkbook; layout: SheetLayout }> {
  const double = createExcelDouble({ data: hallingdalSample(), apiVersion });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  const snapshot = await port.readSnapshot();
  const result = validateWorkbook(snapshot);
  const layout = buildHandlingsplan({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: inputDigest(snapshot),
    generatedAt: '2026-11-27T10:00:00Z',
  });
  return { double, port, layout };
}

test('with ExcelApi 1.18 every marked cell gets one note naming its error, and the render still takes 3 syncs (the print setup its own)', async () => {
  const { double, port, layout } = await open('1.18');
  const { stats } = await measure(double, () => port.renderLayout(layout));
  expect(stats.syncs).toBe(3);
  const notes = double.sheet(SHEET).notes;
  const marked = new Set(layout.marks.map((m) => cellAddress(m.row, m.column)));
  expect(new Set(notes.keys())).toEqual(marked);
  for (const mark of layout.marks) expect(notes.get(cellAddress(mark.row, mark.column))).toContain(mark.note);
  expect([...notes.values()].some((text) => text.includes('Mål!M15'))).toBe(true);
});

test('an Excel before 1.18 gets the marks without notes, and no failure', async () => {
  const { double, port, layout } = await open('1.17');
  await expect(port.renderLayout(layout)).resolves.toMatchObject({ sheet: SHEET });
  expect(double.sheet(SHEET).notes.size).toBe(0);
});
