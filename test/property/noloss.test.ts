/**
 * Generating through the .xlsx path loses nothing of the user's workbook: every input cell's value, formula
 * and number format reads back unchanged, and every package part except the four the new sheet is
 * registered in is byte for byte the same (uncompressed). For the sample through the CLI, and for random
 * consistent workbooks (with formulas, number formats, dates, booleans, error values and unicode in them)
 * through the same render the CLI uses.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { writeWorkbookDataFile } from '../../src/adapters/xlsx/file';
import { openXlsx } from '../../src/adapters/xlsx/read';
import { renderLayoutIntoPackage } from '../../src/adapters/xlsx/render';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { inputDigest } from '../../src/core/digest';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { validateWorkbook } from '../../src/core/validate';
import { configureProperties, consistentWorkbookArb, runs, timeout } from '../support/arbitraries';
import { runCli } from '../support/cli';

configureProperties('noloss.test.ts');

/** The parts a new sheet must be registered in; everything else is carried over untouched. */
const REGISTRY_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hp-noloss-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function unzip(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) parts.set(name, Buffer.from(await entry.async('uint8array')));
  }
  return parts;
}

async function snapshotOf(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return (await openXlsx(bytes)).readSnapshot();
}

/** Everything lost or changed between the input package and the output, as readable lines. */
async function losses(input: Uint8Array, output: Uint8Array): Promise<string[]> {
  const before = await unzip(input);
  const after = await unzip(output);
  const problems: string[] = [];
  for (const [name, data] of before) {
    const kept = after.get(name);
    if (kept === undefined) problems.push(`${name}: gone`);
    else if (!REGISTRY_PARTS.has(name) && !kept.equals(data)) problems.push(`${name}: changed`);
  }
  const added = [...after.keys()].filter((name) => !before.has(name));
  // The new sheet, and the parts that belong to it only: its relationships, its notes (comments and their VML
  // drawing, for a draft's marks) and its chart (drawing and chart part, for the board report).
  const sheets = added.filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  const own =
    /^xl\/(worksheets\/_rels\/sheet\d+\.xml\.rels|comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|drawings\/drawing\d+\.xml|drawings\/_rels\/drawing\d+\.xml\.rels|charts\/chart\d+\.xml)$/;
  if (sheets.length !== 1 || added.some((name) => !sheets.includes(name) && !own.test(name)))
    problems.push(`added parts: ${added.join(', ')}`);
  return problems;
}

/** The reader's view of the input tables and the findings are the same before and after generating. */
async function expectSameInput(input: Uint8Array, output: Uint8Array, sheet: string): Promise<void> {
  const before = await snapshotOf(input);
  const after = await snapshotOf(output);
  expect(after.tables).toEqual(before.tables);
  expect(after.sheets).toEqual([...before.sheets, sheet]);
  // The marker records the input's digest, so the generated sheet is current, and the findings are as before.
  expect(validateWorkbook(after).findings).toEqual(validateWorkbook(before).findings);
}

test('the sample through `handlingsplan generate`: every input cell and every other part survives', async () => {
  const input = join(dir, 'sample.xlsx');
  await writeWorkbookDataFile(hallingdalSample(), input);
  const result = runCli(['generate', 'sample.xlsx', '-o', 'board.xlsx'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const inputBytes = new Uint8Array(readFileSync(input));
  const outputBytes = new Uint8Array(readFileSync(join(dir, 'board.xlsx')));
  expect(await losses(inputBytes, outputBytes)).toEqual([]);
  await expectSameInput(inputBytes, outputBytes, 'Handlingsplan 2022');
});

test(
  "random consistent workbooks: every input cell's value, formula and number format and every other part survive",
  async () => {
    await fc.assert(
      fc.asyncProperty(consistentWorkbookArb, async ({ rendered }) => {
        const input = await writeWorkbookData(rendered.data);
        const snapshot = await snapshotOf(input);
        const validation = validateWorkbook(snapshot);
        const year = validation.year ?? 0;
        const layout = buildHandlingsplan({
          plan: validation.plan,
          year,
          findings: validation.findings,
          inputDigest: inputDigest(snapshot),
          generatedAt: '2024-05-02T10:15:00.000Z',
        });
        const { bytes, sheet } = await renderLayoutIntoPackage(input, layout);
        expect(await losses(input, bytes)).toEqual([]);
        await expectSameInput(input, bytes, sheet);
      }),
      { numRuns: runs(30) },
    );
  },
  timeout(60_000),
);
