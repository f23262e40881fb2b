import { boundsOf } from './read';
import { EXCEL_API, type RequirementCheck } from './run';

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The merged areas Excel lists for `range` (ExcelApi 1.13; without it none can be seen, and undefined is returned).
 * Excel lists only merges whose top-left cell lies in the range (office-js #3611, "by design"), so callers ask
 * about whole sheet rows or columns, where every merge that reaches the cells they care about starts.
 */
export function loadMergedAreas(range: Excel.Range, isSupported: RequirementCheck): Excel.RangeAreas | undefined {
  if (!isSupported(EXCEL_API.mergedAreas)) return undefined;
  return range.getMergedAreasOrNullObject().load('address');
}

/** The areas of a loaded RangeAreas (`Sheet!A7:E7, Sheet!B9:C9`); none for a null object or when it was not asked. */
export function mergedAreasOf(areas: Excel.RangeAreas | undefined): Area[] {
  if (areas === undefined || areas.isNullObject) return [];
  // Each area is `sheet!ref`; the sheet name may itself hold a comma, so the refs are found after each '!'.
  return [...areas.address.matchAll(/!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)(?=,|\s*$)/g)].map((m) => boundsOf(m[1] ?? ''));
}

export function overlapsArea(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
