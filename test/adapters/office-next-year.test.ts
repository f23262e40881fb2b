/**
 * *Forbered {år+1}* (prepareNextYear, the one use case the pane's button runs) through the Office adapter over
 * the strict Excel double: the rows it adds are exactly the use case's proposal and exactly what the .xlsx
 * adapter adds to the same workbook, nothing that was there changes, the round trips are counted, and a second
 * run adds nothing. For the sample (2023 from 2022) and the second programme (2025 from 2024).
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import { createExcelDouble, measure } from '../../src/adapters/office/double';
import { openXlsxPort } from '../../src/adapters/xlsx/port';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { TABLES } from '../../src/core/contract/contract';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { nextYearUseCase, prepareNextYear } from '../../src/core/nextYear';
import { cellText } from '../../src/core/parse/table';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { secondProgramme } from '../fixtures/secondProgramme';

/** The second programme with the Forslag column next year's rows are marked in (the fixture has none). */
function secondWithForslag(): WorkbookData {
  const data = secondProgramme();
  for (const t of data.tables) {
    if (
      ([TABLES.budget.name, TABLES.frames.name, TABLES.financing.name, TABLES.tiltak.name, TABLES.delmal.name] as string[]).includes(t.name)
    ) {
      t.header.push('Forslag');
      for (const r of t.rows) r.push(null);
    }
  }
  return data;
}

/** Every table's rows as the user sees them (text of each cell), without addresses. */
function contents(snapshot: WorkbookSnapshot): Record<string, string[][]> {
  return Object.fromEntries(snapshot.tables.map((t) => [t.name, t.rows.map((r) => r.map((c) => cellText(c)))]));
}

function office(data: WorkbookData) {
  const double = createExcelDouble({ data });
  return { double, port: new OfficeWorkbook(double.run, { isSupported: double.supports }) };
}

describe.each([
  ['the sample', hallingdalSample, 2023],
  ['the second programme', secondWithForslag, 2025],
])('%s', (_name, data, year) => {
  test(`Forbered ${year}: the proposed rows appended below each table, as the .xlsx adapter appends them, in counted round trips`, async () => {
    const proposal = nextYearUseCase({ snapshot: snapshotFromData(data()), year: null });
    if (!proposal.ok) throw new Error(proposal.problem.kind);
    const { double, port } = office(data());
    const before = await port.readSnapshot();
    const { result: outcome, stats } = await measure(double, () => prepareNextYear(port, null));
    if (!outcome.ok) throw new Error(outcome.problem.kind);
    expect(outcome.year).toBe(year);
    expect(outcome.added).toBe(proposal.ok ? proposal.added : -1);
    const after = await port.readSnapshot();
    const was = contents(before);
    const now = contents(after);
    for (const append of outcome.appends) {
      const table = after.tables.find((t) => t.name === append.table);
      if (!table) throw new Error(`no ${append.table}`);
      // The old rows first, untouched; then one row per proposed row, each cell as proposed.
      expect(now[append.table]?.slice(0, was[append.table]?.length)).toEqual(was[append.table]);
      const added = table.rows.slice(was[append.table]?.length ?? 0);
      expect(added).toHaveLength(append.rows.length);
      const headers = table.header.map((h) => cellText(h));
      added.forEach((row, i) => {
        for (const [key, value] of Object.entries(append.rows[i] ?? {})) {
          const cell = row[headers.indexOf(key)];
          expect({ table: append.table, key, value: cell?.kind === 'number' ? cell.value : cellText(cell) }).toEqual({
            table: append.table,
            key,
            value: value ?? '',
          });
        }
      });
    }
    // Tables with nothing proposed are as they were.
    for (const name of Object.keys(was).filter((n) => !outcome.appends.some((a) => a.table === n))) expect(now[name]).toEqual(was[name]);
    // The same rows as the .xlsx adapter gives the same workbook.
    const file = await openXlsxPort(await writeWorkbookData(data()));
    await prepareNextYear(file, null);
    expect(now).toEqual(contents(await file.readSnapshot()));
    // One read, then each table's rows written in its own batch: the syncs grow with the tables, not the rows.
    expect(stats.syncs).toBeLessThanOrEqual(2 + 2 * outcome.appends.length);
  });

  test(`Forbered ${year} twice adds nothing the second time, in Excel as in the file`, async () => {
    const { port } = office(data());
    await prepareNextYear(port, null);
    const once = contents(await port.readSnapshot());
    const again = await prepareNextYear(port, null);
    expect(again.ok && again.added).toBe(0);
    expect(contents(await port.readSnapshot())).toEqual(once);
  });
});
