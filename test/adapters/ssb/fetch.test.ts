import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeWorkbook } from '../../../src/adapters/office';
import type { WorkbookPort } from '../../../src/adapters/port';
import { SsbPort } from '../../../src/adapters/ssb/port';
import { writeWorkbookData } from '../../../src/adapters/xlsx/write';
import { openXlsxPort, type XlsxPort } from '../../../src/adapters/xlsx/port';
import type { WorkbookData } from '../../../src/core/contract/tableData';
import { fetchFromSsb } from '../../../src/core/effekt/fetch';
import { parsePlan } from '../../../src/core/parse/plan';
import { createExcelDouble, measure } from '../../../src/adapters/office/double';
import { consistentPlan } from '../../support/planBuilder';

/**
 * Hent fra SSB end to end over both workbook adapters, SSB answering from the recorded fixtures: the figures
 * land in Effektindikatorer in one write, a row the user typed is never touched, and fetching again changes
 * nothing — whatever day it is.
 */
const fixture = (name: string): string => readFileSync(join(__dirname, name), 'utf8');

function recordedSsb(): SsbPort {
  const fetch = (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = url.includes('/codelists/')
      ? fixture('codelist-agg_KommSummer.json')
      : url.includes('/07459/')
        ? fixture('data-07459.json')
        : url.includes('/11616/')
          ? fixture('data-11616.json')
          : null;
    return Promise.resolve(body === null ? new Response('{}', { status: 404 }) : new Response(body, { status: 200 }));
  };
  return new SsbPort({ fetch, sleep: () => Promise.resolve() });
}

/** A second programme: two kommuner (one under its number of 2020–2023), a row the user typed, a stale SSB row. */
function workbook(): WorkbookData {
  const data = consistentPlan();
  const table = (name: string) => {
    const found = data.tables.find((t) => t.name === name);
    if (!found) throw new Error(name);
    return found;
  };
  table('Kommuner').rows = [
    ['3320', 'Flå'],
    ['3041', 'Gol'],
  ];
  table('Effektindikatorer').rows = [
    [2021, 'Folkemengde', '3320', 999, 'Kommunens egen telling', null],
    [2022, 'Folkemengde', '3320', 1, 'SSB, tabell 07459', { date: '2025-01-01' }],
  ];
  return data;
}

type Row = [number, string, string | null, number, string | null, string | null];

async function indicatorRows(port: WorkbookPort): Promise<Row[]> {
  const { plan } = parsePlan(await port.readSnapshot());
  return plan.indicators.map((r) => [
    r.year.value,
    r.indicator.value,
    r.kommune?.value ?? null,
    r.value.value,
    r.source?.value ?? null,
    r.fetched,
  ]);
}

const adapters: [string, () => Promise<{ port: WorkbookPort; bytes?: () => Uint8Array; syncs?: () => number }>][] = [
  [
    '.xlsx',
    async () => {
      const port: XlsxPort = await openXlsxPort(await writeWorkbookData(workbook()));
      return { port, bytes: () => port.toBytes() };
    },
  ],
  [
    'Office',
    () => {
      const double = createExcelDouble({ data: workbook() });
      return Promise.resolve({ port: new OfficeWorkbook(double.run, { isSupported: double.supports }) });
    },
  ],
];

describe.each(adapters)('Hent fra SSB through the %s adapter', (_name, open) => {
  test("fills the rows SSB publishes, updates its own stale row, never the user's; twice gives the same workbook", async () => {
    const { port, bytes } = await open();
    const first = await fetchFromSsb(port, recordedSsb(), '2026-11-29');
    expect(first).toMatchObject({ appended: 12, updated: 1, unchanged: 0, kept: 1, unknownKommuner: [] });
    expect(first.lines.map((l) => l.nb).join('\n')).toMatch(/3041: SSB brukte K-3324 \(Gol/);

    const rows = await indicatorRows(port);
    expect(rows[0]).toEqual([2021, 'Folkemengde', '3320', 999, 'Kommunens egen telling', null]);
    expect(rows[1]).toEqual([2022, 'Folkemengde', '3320', 318, 'SSB, tabell 07459', '2026-11-29']);
    expect(rows).toHaveLength(14);
    expect(rows).toContainEqual([2021, 'Folkemengde 20–39 år', '3041', 200, 'SSB, tabell 07459', '2026-11-29']);
    expect(rows).toContainEqual([2022, 'Sysselsatte etter arbeidssted', '3041', 2705, 'SSB, tabell 11616', '2026-11-29']);

    const before = bytes?.();
    const again = await fetchFromSsb(port, recordedSsb(), '2026-12-24');
    expect(again).toMatchObject({ appended: 0, updated: 0, unchanged: 13, kept: 1 });
    expect(await indicatorRows(port)).toEqual(rows);
    if (before !== undefined) expect(Buffer.from(bytes?.() ?? []).equals(Buffer.from(before))).toBe(true);
  });
});

test('Office: any number of rows in two round trips', async () => {
  const double = createExcelDouble({ data: workbook() });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  const append = Array.from({ length: 12 }, (_, i) => ({
    År: 2021 + (i % 3),
    Indikator: `Egen ${i}`,
    Verdi: i,
    Kilde: 'SSB, tabell 07459',
    Hentet: { date: '2026-11-29' },
  }));
  const { result, stats } = await measure(double, () =>
    port.writeRows('Effektindikatorer', { update: [{ row: 7, values: { Verdi: 7 } }], append }),
  );
  expect(result).toMatchObject({ updated: 1, appended: 12 });
  expect(stats.syncs).toBe(2);
});
