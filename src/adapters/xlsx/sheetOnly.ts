import { packParts, readPackageParts, WORKBOOK } from './package';
import { removeSheet, sheetEntries } from './workbookXml';

/**
 * A copy of a workbook package in which `sheet` is the only sheet, for printing it alone: LibreOffice prints
 * every sheet of a workbook, hidden ones too. The other sheets' entries (and the names scoped to them) are
 * taken out of the workbook part; their parts stay in the package, unreferenced, which readers ignore.
 * Browser-safe.
 */
export async function sheetOnlyPackage(bytes: Uint8Array, sheet: string): Promise<Uint8Array> {
  const { parts } = await readPackageParts(bytes);
  const workbook = parts.get(WORKBOOK);
  if (workbook === undefined) throw new RangeError('The package has no workbook part');
  let xml = new TextDecoder().decode(workbook);
  const entries = sheetEntries(xml);
  const keep = entries.find((e) => e.name === sheet);
  if (keep === undefined) throw new RangeError(`No sheet named ${sheet}`);
  // From the last entry back, so the positions of those still to remove stay valid.
  for (const entry of [...entries].reverse()) {
    if (entry.index !== keep.index) xml = removeSheet(xml, entry.index);
  }
  parts.set(WORKBOOK, new TextEncoder().encode(xml));
  return packParts(parts);
}
