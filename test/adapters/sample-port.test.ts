import { openXlsxPort } from '../../src/adapters/xlsx/port';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { validateUseCase } from '../../src/core/usecase';
import { SamplePort } from '../../src/taskpane/hosts/samplePort';
import { secondProgramme } from '../fixtures/secondProgramme';

/** The snapshot as findings and the tables' cells without number formats (the data carries none). */
function comparable(snapshot: WorkbookSnapshot): unknown {
  const cells = snapshot.tables.map((t) => ({
    ...t,
    header: t.header.map(strip),
    rows: t.rows.map((r) => r.map(strip)),
    totalRow: t.totalRow?.map(strip),
  }));
  return {
    sheets: snapshot.sheets,
    tables: JSON.parse(JSON.stringify(cells)) as unknown,
    findings: validateUseCase({ snapshot, year: null, today: '2026-11-30' }).findings,
  };
}

function strip<T extends { numberFormat?: string }>(cell: T): Omit<T, 'numberFormat'> {
  const rest: T = { ...cell };
  delete rest.numberFormat;
  return rest;
}

describe("the standalone page's sample, shown from its data before its .xlsx is made", () => {
  test.each([
    ['the published sample', hallingdalSample],
    ['the demo', hallingdalDemo],
    ['a second programme', secondProgramme],
  ] as [string, () => WorkbookData][])(
    "%s: the data's snapshot is what the written .xlsx reads as, finding for finding",
    async (_name, data) => {
      const fromFile = await (await openXlsxPort(await writeWorkbookData(data()))).readSnapshot();
      expect(comparable(snapshotFromData(data()))).toEqual(comparable(fromFile));
    },
  );

  test('the package is made once, on the first write, and is then what is read; a row is shown without it', async () => {
    let made = 0;
    const port = new SamplePort(hallingdalSample(), snapshotFromData, async () => {
      made += 1;
      return openXlsxPort(await writeWorkbookData(hallingdalSample()));
    });
    const before = await port.readSnapshot();
    expect(made).toBe(0);
    expect(before).toEqual(snapshotFromData(hallingdalSample()));
    const first = before.tables.find((t) => t.name === 'Resultatmal')?.rows[0]?.[0]?.address ?? ('A1' as never);
    const selected = await port.select('Mål', first);
    expect(made).toBe(0);
    const reference = await (await openXlsxPort(await writeWorkbookData(hallingdalSample()))).select('Mål', first);
    expect(selected).toEqual(reference);
    expect(selected?.table).toBe('Resultatmal');
    const bytes = await port.toBytes();
    expect(bytes.byteLength).toBeGreaterThan(1000);
    expect(made).toBe(1);
    // made but not written to: still the data
    expect(await port.readSnapshot()).toBe(before);
    expect(await port.applyFixes([])).toMatchObject({ changed: 0 });
    expect(made).toBe(1);
    // after the package is made, reads come from it (number formats and all)
    const after = await port.readSnapshot();
    expect(comparable(after)).toEqual(comparable(before));
    expect(after.tables.some((t) => t.rows.some((r) => r.some((c) => c.numberFormat !== undefined)))).toBe(true);
  });

  test('a package that fails to be made is tried again', async () => {
    let attempts = 0;
    const port = new SamplePort(hallingdalSample(), snapshotFromData, async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      return openXlsxPort(await writeWorkbookData(hallingdalSample()));
    });
    await expect(port.toBytes()).rejects.toThrow('offline');
    await expect(port.toBytes()).resolves.toBeInstanceOf(Uint8Array);
    expect(attempts).toBe(2);
  });
});
