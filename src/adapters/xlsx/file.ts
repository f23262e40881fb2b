import { readFile, stat, writeFile } from 'node:fs/promises';
import type { WorkbookData } from '../../core/contract/tableData';
import * as errors from './errors';
import { MAX_UNCOMPRESSED_BYTES, openXlsx, type XlsxReadOptions, type XlsxWorkbook } from './read';
import { writeWorkbookData } from './write';

/** The file-system entry points of the .xlsx adapter (Node only; read.ts and write.ts stay browser-safe). */

export async function openXlsxFile(path: string, options?: XlsxReadOptions): Promise<XlsxWorkbook> {
  await checkFileSize(path, options?.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES);
  const bytes = await readFile(path).catch((error: unknown) => {
    throw fileError(error, path);
  });
  return openXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
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
