/**
 * The .xlsx code of the standalone page (exceljs, jszip and the adapter), in a chunk of its own that is
 * loaded with import() only when the page runs outside Excel: the pane in Excel never downloads it.
 */
import { openXlsxPort } from '../../adapters/xlsx/port';
import { writeWorkbookData } from '../../adapters/xlsx/write';
import { hallingdalDemo } from '../../core/sample/demo';
import { hallingdalSample } from '../../core/sample/hallingdal';
import type { PackagePort, SampleKind } from '../host';

export function openPackage(bytes: Uint8Array): Promise<PackagePort> {
  return openXlsxPort(bytes);
}

export function sampleBytes(kind: SampleKind = 'published'): Promise<Uint8Array> {
  return writeWorkbookData(kind === 'demo' ? hallingdalDemo() : hallingdalSample());
}
