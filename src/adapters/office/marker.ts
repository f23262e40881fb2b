import type { GeneratedMarker } from '../../core/layout/types';
import type { GeneratedSheetInfo } from '../../core/snapshot/types';

/**
 * A generated sheet carries a hidden name scoped to that sheet, `HandlingsplanGenerert`, whose value is the
 * text `kind|year|digest|generatedAt`. The .xlsx adapter writes the same name, so either adapter recognises
 * the other's sheets, and a sheet the user made (without the name) is never replaced.
 */
export const MARKER_NAME = 'HandlingsplanGenerert';

export function markerText(marker: GeneratedMarker): string {
  return [marker.kind, String(marker.year), marker.inputDigest, marker.generatedAt].join('|');
}

/** The name's formula: a string constant, quotes doubled as Excel wants them. */
export function markerFormula(marker: GeneratedMarker): string {
  return `="${markerText(marker).replace(/"/g, '""')}"`;
}

/**
 * The marker read back. Excel gives a string-constant name's value as the bare text; a formula (`="…"`) is
 * accepted too, so a name read through `formula` or from a file parses the same.
 */
export function parseMarker(sheet: string, value: unknown): GeneratedSheetInfo | undefined {
  if (typeof value !== 'string') return undefined;
  let text = value.trim().replace(/^=/, '');
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1).replace(/""/g, '"');
  const [kind = '', year = '', digest = '', ...rest] = text.split('|');
  const yearNumber = Number(year);
  if (kind === '' || digest === '' || !/^\d{4}$/.test(year)) return undefined;
  const info: GeneratedSheetInfo = { sheet, kind, year: yearNumber, inputDigest: digest };
  const generatedAt = rest.join('|');
  if (generatedAt !== '') info.generatedAt = generatedAt;
  return info;
}
