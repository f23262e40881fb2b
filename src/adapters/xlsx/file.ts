import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { WorkbookData } from '../../core/contract/tableData';
import type { SheetLayout } from '../../core/layout/types';
import type { QuickFix } from '../../core/findings/types';
import type { FixesOutcome } from '../port';
import * as errors from './errors';
import { readPackageParts } from './package';
import { XlsxPort } from './port';
import { MAX_UNCOMPRESSED_BYTES, openXlsx, type XlsxReadOptions, type XlsxWorkbook } from './read';
import { renderLayoutIntoPackage, type RenderResult } from './render';
import { writeWorkbookData } from './write';

/** The file-system entry points of the .xlsx adapter (Node only; read.ts and write.ts stay browser-safe). */

export async function openXlsxFile(path: string, options?: XlsxReadOptions): Promise<XlsxWorkbook> {
  return openXlsx(await readWorkbookFile(path, options), options);
}

/**
 * Renders a layout into a copy of the workbook at `inputPath`, written to `outputPath` (an existing file
 * there is replaced). The input file is only read: an output path that is the input file (by name, link or
 * hard link) is refused before anything is written.
 */
export async function renderLayoutIntoFile(
  inputPath: string,
  layout: SheetLayout,
  outputPath: string,
  options?: XlsxReadOptions,
): Promise<RenderResult> {
  await refuseSameFile(inputPath, outputPath);
  const result = await renderLayoutIntoPackage(await readWorkbookFile(inputPath, options), layout, options);
  // Excel will not open a macro-enabled package under an .xlsx name ("format or extension not valid").
  if (result.macroEnabled && !MACRO_EXTENSION.test(outputPath)) throw errors.macroExtension(outputPath);
  // …nor a plain one under a macro-enabled name.
  if (!result.macroEnabled && MACRO_EXTENSION.test(outputPath)) throw errors.plainExtension(outputPath);
  await writeFile(outputPath, result.bytes);
  return result;
}

/**
 * Applies quick fixes to a copy of the workbook at `inputPath`, written to `outputPath` in one write; the
 * input is only read, and an output that is the input file (by name, link or hard link) is refused first.
 * Nothing is written when a fix's cell is missing.
 */
export async function applyFixesIntoFile(
  inputPath: string,
  fixes: readonly QuickFix[],
  outputPath: string,
  options?: XlsxReadOptions,
): Promise<{ outcome: FixesOutcome; bytes: Uint8Array }> {
  await refuseSameFile(inputPath, outputPath);
  const bytes = await readWorkbookFile(inputPath, options);
  const { macroEnabled } = await readPackageParts(bytes, options);
  if (macroEnabled && !MACRO_EXTENSION.test(outputPath)) throw errors.macroExtension(outputPath);
  if (!macroEnabled && MACRO_EXTENSION.test(outputPath)) throw errors.plainExtension(outputPath);
  const port = await XlsxPort.open(bytes, options);
  const outcome = await port.applyFixes(fixes);
  await writeFile(outputPath, port.toBytes());
  return { outcome, bytes: port.toBytes() };
}

const MACRO_EXTENSION = /\.xl[st]m$|\.xlam$/i;

async function readWorkbookFile(path: string, options?: XlsxReadOptions): Promise<Uint8Array> {
  await checkFileSize(path, options?.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES);
  const bytes = await readFile(path).catch((error: unknown) => {
    throw fileError(error, path);
  });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function refuseSameFile(inputPath: string, outputPath: string): Promise<void> {
  if (resolve(inputPath) === resolve(outputPath)) throw errors.sameFile(outputPath);
  const [input, output] = await Promise.all([stat(inputPath).catch(() => undefined), stat(outputPath).catch(() => undefined)]);
  if (input !== undefined && output !== undefined && input.dev === output.dev && input.ino === output.ino)
    throw errors.sameFile(outputPath);
}

export async function writeWorkbookDataFile(data: WorkbookData, path: string): Promise<void> {
  await writeFile(path, await writeWorkbookData(data));
}

/**
 * Checked before reading the file into memory. Zipped parts are never much bigger than unzipped ones, so a
 * file twice the unpacked limit cannot be a workbook within it.
 */
async function checkFileSize(path: string, limit: number): Promise<void> {
  const info = await stat(path).catch((error: unknown) => {
    throw fileError(error, path);
  });
  if (info.isDirectory()) throw errors.isFolder(path);
  if (info.size > 2 * limit) throw errors.tooLarge(limit);
}

/** Missing files become the user's error; other I/O failures (permissions, disk) stay what they are. */
function fileError(error: unknown, path: string): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT' || code === 'ENOTDIR') return errors.notFound(path);
  if (code === 'EISDIR') return errors.isFolder(path);
  return error;
}
