/**
 * One use case, every shell: the CLI (`validate --json`), the pane over the .xlsx adapter (standalone page) and
 * the pane over the Office adapter (Excel, here the strict Excel double) give the same findings for the same
 * workbook, year and date — for the sample, the demo and the second programme.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfficeWorkbook } from '../../src/adapters/office';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { XlsxPort } from '../../src/adapters/xlsx/port';
import { run } from '../../src/cli/main';
import type { WorkbookData } from '../../src/core/contract/tableData';
import type { Finding } from '../../src/core/findings/types';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { check } from '../../src/taskpane/session';
import { secondProgramme } from '../fixtures/secondProgramme';
import { createExcelDouble } from '../../src/adapters/office/double';

/** A day when 2022 is over (the demo's delmål then are warnings, not info) and one during 2024. */
const CASES: { name: string; data: () => WorkbookData; year: number; today: string }[] = [
  { name: 'the sample', data: hallingdalSample, year: 2022, today: '2026-11-29' },
  { name: 'the demo (sample --demo), 2022', data: hallingdalDemo, year: 2022, today: '2026-11-29' },
  { name: 'the demo, 2023', data: hallingdalDemo, year: 2023, today: '2023-06-15' },
  { name: 'the second programme', data: secondProgramme, year: 2024, today: '2024-06-15' },
];

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  expected: string | number | null;
  actual: string | number | null;
}

function asJson(findings: readonly Finding[]): JsonFinding[] {
  return findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    message: f.message.nb,
    expected: f.expected,
    actual: f.actual,
  }));
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shells-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function viaCli(bytes: Uint8Array, year: number, today: string): Promise<JsonFinding[]> {
  const file = join(dir, `w${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, bytes);
  let out = '';
  await run(['validate', file, '--json', '--year', String(year)], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    color: false,
    cwd: dir,
    today,
    now: `${today}T12:00:00Z`,
  });
  return (JSON.parse(out) as { findings: JsonFinding[] }).findings;
}

async function viaPaneOverXlsx(bytes: Uint8Array, year: number, today: string): Promise<JsonFinding[]> {
  const port = await XlsxPort.open(bytes);
  return asJson((await check(port, year, new Date(`${today}T12:00:00`))).result.findings);
}

async function viaPaneInExcel(data: WorkbookData, year: number, today: string): Promise<JsonFinding[]> {
  const double = createExcelDouble({ data });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  return asJson((await check(port, year, new Date(`${today}T12:00:00`))).result.findings);
}

test.each(CASES)(
  '$name: the CLI, the pane over the file and the pane in Excel agree finding for finding',
  async ({ data, year, today }) => {
    const bytes = await writeWorkbookData(data());
    const cli = await viaCli(bytes, year, today);
    const file = await viaPaneOverXlsx(bytes, year, today);
    const excel = await viaPaneInExcel(data(), year, today);
    expect(JSON.stringify(file)).toBe(JSON.stringify(cli));
    expect(JSON.stringify(excel)).toBe(JSON.stringify(cli));
  },
);

test('the date matters, and the pane passes it: the demo 2022 seen in 2022 and in 2026 differ', async () => {
  const bytes = await writeWorkbookData(hallingdalDemo());
  const during = await viaPaneOverXlsx(bytes, 2022, '2022-06-15');
  const after = await viaPaneOverXlsx(bytes, 2022, '2026-11-29');
  expect(during.filter((f) => f.rule === 'delmal.minimum-not-met').every((f) => f.severity === 'info')).toBe(true);
  expect(after.filter((f) => f.rule === 'delmal.minimum-not-met').every((f) => f.severity === 'advarsel')).toBe(true);
  expect(after.some((f) => f.rule === 'delmal.minimum-not-met')).toBe(true);
});
