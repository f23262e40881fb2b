import type { FindingGroup } from '../../core/findings/group';
import type { Finding } from '../../core/findings/types';

/** One row of a severity's list: a sheet's heading, a group of many, or one finding (alone, or one of an opened group). */
export type Row =
  | { kind: 'sheet'; key: string; sheet: string; count: number }
  | { kind: 'group'; key: string; group: FindingGroup }
  | { kind: 'finding'; key: string; finding: Finding };

/** The rows: under a heading per sheet (in the order the core gives), its groups, and the findings of open groups. */
export function rowsOf(groups: readonly FindingGroup[], open: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  const perSheet = new Map<string, number>();
  for (const group of groups) perSheet.set(group.sheet, (perSheet.get(group.sheet) ?? 0) + group.findings.length);
  let sheet: string | undefined;
  for (const group of groups) {
    if (group.sheet !== sheet) {
      sheet = group.sheet;
      rows.push({ kind: 'sheet', key: `sheet|${sheet}|${rows.length}`, sheet, count: perSheet.get(sheet) ?? 0 });
    }
    const [only] = group.findings;
    if (group.findings.length === 1 && only) {
      rows.push({ kind: 'finding', key: group.key, finding: only });
      continue;
    }
    rows.push({ kind: 'group', key: group.key, group });
    if (open.has(group.key)) group.findings.forEach((finding, i) => rows.push({ kind: 'finding', key: `${group.key}#${i}`, finding }));
  }
  return rows;
}

/** The row at `index` if it has controls, else the next one that has in `direction` (or back the other way at an end). */
export function nearestControlRow(rows: readonly Row[], index: number, direction: 1 | -1): number {
  for (let i = index; i >= 0 && i < rows.length; i += direction) if (rows[i]?.kind !== 'sheet') return i;
  for (let i = index; i >= 0 && i < rows.length; i -= direction) if (rows[i]?.kind !== 'sheet') return i;
  return index;
}
