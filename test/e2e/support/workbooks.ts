/** Workbooks the end-to-end tests open or get back, made and read with the project's own code. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueType, Workbook, type CellValue } from 'exceljs';
import { openXlsxFile, writeWorkbookDataFile } from '../../../src/adapters/xlsx/file';
import type { WorkbookData } from '../../../src/core/contract/tableData';
import { hallingdalSample } from '../../../src/core/sample/hallingdal';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';

/** A temporary folder for the file's downloads and inputs, removed after its tests. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hp-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export { consistentWorkbook } from '../../support/consistentWorkbook';

export async function writeWorkbook(data: WorkbookData, path: string): Promise<string> {
  await writeWorkbookDataFile(data, path);
  return path;
}

/** The sample as the page makes it (the same writer), read back: what a generated copy must still hold. */
export async function sampleSnapshot(dir: string): Promise<WorkbookSnapshot> {
  return readSnapshot(await writeWorkbook(hallingdalSample(), join(dir, 'sample-reference.xlsx')));
}

export async function readSnapshot(path: string): Promise<WorkbookSnapshot> {
  return (await openXlsxFile(path)).readSnapshot();
}

function text(value: CellValue): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return '';
}

/**
 * Column D of the row whose column A says `label`, on `sheet`, as exceljs reads it: a formula's cached result
 * (what Excel shows before it recalculates), or the value. Undefined when there is no such row.
 */
export async function valueByLabel(
  path: string,
  sheet: string,
  label: string,
): Promise<{ value: unknown; formula: string | undefined } | undefined> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  const ws = workbook.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet} in ${path}`);
  for (let row = 1; row <= ws.rowCount; row++) {
    if (text(ws.getCell(row, 1).value).trim() !== label) continue;
    const cell = ws.getCell(row, 4);
    return cell.type === ValueType.Formula ? { value: cell.result, formula: cell.formula } : { value: cell.value, formula: undefined };
  }
  return undefined;
}

export async function sheetNames(path: string): Promise<string[]> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((w) => w.name);
}
