import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openXlsxFile, writeWorkbookDataFile } from '../../src/adapters/xlsx/file';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { consistentWorkbook } from '../support/consistentWorkbook';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import type { SnapshotCell } from '../../src/core/snapshot/types';
import { validateWorkbook } from '../../src/core/validate';
import { sampleExpectations } from '../support/sampleExpectations';

const dir = mkdtempSync(join(tmpdir(), 'hp-sample-'));

/** Kind, value and address: what the parser reads. Number formats are the writer's business. */
const essence = (c: SnapshotCell) => ({ kind: c.kind, value: c.value, address: c.address });

test('the sample written to disk and read back validates to exactly the published inconsistencies', async () => {
  const path = join(dir, 'sample.xlsx');
  const sample = hallingdalSample();
  await writeWorkbookDataFile(sample, path);
  expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
  const snapshot = await (await openXlsxFile(path)).readSnapshot();
  const result = validateWorkbook(snapshot);
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

test('the file holds the same tables, cells and addresses as the core builds from the same data', async () => {
  const path = join(dir, 'sample2.xlsx');
  const sample = hallingdalSample();
  await writeWorkbookDataFile(sample, path);
  const fromFile = await (await openXlsxFile(path)).readSnapshot();
  const fromData = snapshotFromData(sample);
  expect(fromFile.sheets).toEqual(fromData.sheets);
  for (const table of fromData.tables) {
    const read = fromFile.tables.find((t) => t.name === table.name);
    expect(read).toBeDefined();
    expect(read?.sheet).toBe(table.sheet);
    expect(read?.range).toBe(table.range);
    expect(read?.header.map(essence)).toEqual(table.header.map(essence));
    expect(read?.rows.map((r) => r.map(essence))).toEqual(table.rows.map((r) => r.map(essence)));
    expect(read?.totalRow?.map(essence)).toEqual(table.totalRow?.map(essence));
  }
  const amount = fromFile.tables.find((t) => t.name === 'Budsjett')?.rows[0]?.[2];
  expect(amount?.numberFormat).toBe('#,##0');
});

test('an init template filled in consistently validates with no findings of severity feil', async () => {
  const template = consistentWorkbook();
  const path = join(dir, 'filled.xlsx');
  await writeWorkbookDataFile(template, path);
  const result = validateWorkbook(await (await openXlsxFile(path)).readSnapshot());
  expect(result.findings.filter((f) => f.severity === 'feil')).toEqual([]);
  expect(result.summary.feil).toBe(0);
});
