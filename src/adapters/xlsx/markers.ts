import type JSZip from 'jszip';
import type { GeneratedMarker } from '../../core/layout/types';
import type { GeneratedSheetInfo } from '../../core/snapshot/types';
import { definedNames, sheetEntries } from './workbookXml';

/**
 * The marker that makes a sheet recognisably ours: a hidden, sheet-scoped defined name holding a string
 * constant `"kind|year|inputDigest|generatedAt"`. A name rather than a cell or a custom property because it
 * travels with the sheet (copy, rename, move) in Excel, is invisible to the user, and can be written the same
 * way through Office.js (worksheet.names.add). exceljs drops constant names, so they are read from
 * workbook.xml directly.
 */
export const MARKER_NAME = 'HandlingsplanGenerert';

const WORKBOOK = 'xl/workbook.xml';
const SEPARATOR = '|';

/** The name's value: a formula string constant, quotes doubled as Excel requires inside one. */
export function markerValue(marker: GeneratedMarker): string {
  const fields = [marker.kind, String(marker.year), marker.inputDigest, marker.generatedAt];
  for (const field of fields) {
    if (field.includes(SEPARATOR) || field === '')
      throw new RangeError(`A marker field may not be empty or contain "${SEPARATOR}": ${field}`);
  }
  const text = fields.join(SEPARATOR);
  // Excel caps a string constant in a formula at 255 characters.
  if (text.length > 255) throw new RangeError('The marker is longer than Excel allows (255 characters)');
  return `"${text.replace(/"/g, '""')}"`;
}

/** The marker's fields, or undefined when the value is not a marker this program wrote. */
export function parseMarker(value: string): GeneratedMarker | undefined {
  // Office.js hands names back with a leading "="; the file stores them without.
  const m = /^=?\s*"((?:[^"]|"")*)"\s*$/.exec(value);
  const fields = m?.[1]?.replace(/""/g, '"').split(SEPARATOR);
  if (fields?.length !== 4) return undefined;
  const [kind, year, inputDigest, generatedAt] = fields;
  if ((kind !== 'handlingsplan' && kind !== 'styrerapport') || year === undefined || !/^\d{4}$/.test(year) || !inputDigest || !generatedAt)
    return undefined;
  return { kind, year: Number(year), inputDigest, generatedAt };
}

export function isMarkerName(name: string): boolean {
  // Excel compares defined names without regard to case.
  return name.toLowerCase() === MARKER_NAME.toLowerCase();
}

/** The generated sheets of a workbook, from the marker names in its workbook.xml, in sheet order. */
export function markersFromWorkbookXml(xml: string): GeneratedSheetInfo[] {
  const sheets = sheetEntries(xml);
  const found: { index: number; info: GeneratedSheetInfo }[] = [];
  for (const name of definedNames(xml)) {
    if (!isMarkerName(name.name) || name.localSheetId === undefined) continue;
    const sheet = sheets[name.localSheetId];
    const marker = parseMarker(name.value);
    if (sheet === undefined || marker === undefined) continue;
    found.push({ index: sheet.index, info: { sheet: sheet.name, kind: marker.kind, year: marker.year, inputDigest: marker.inputDigest } });
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.info);
}

/** The same from a loaded package (for callers and tests that hold a JSZip). */
export async function readMarkers(zip: JSZip): Promise<GeneratedSheetInfo[]> {
  const workbook = zip.file(WORKBOOK) ?? zip.file(`/${WORKBOOK}`);
  if (workbook === null) return [];
  return markersFromWorkbookXml(await workbook.async('string'));
}
