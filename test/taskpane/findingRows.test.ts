/**
 * The findings list's rows (pure): a heading per sheet, a group of many as one row that opens into its
 * findings, a group of one as its finding; and the keyboard's next row with controls (headings have none).
 */
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { reportsWithJobsAsText } from '../../src/core/sample/scale';
import { validateUseCase } from '../../src/core/usecase';
import { nearestControlRow, rowsOf, type Row } from '../../src/taskpane/components/findingRows';

const groups = validateUseCase({ snapshot: snapshotFromData(reportsWithJobsAsText(40)), year: 2022, today: '2022-12-31' }).groups;
const many = groups.find((g) => g.findings.length === 40);

function kinds(rows: readonly Row[]): string {
  return rows.map((r) => r.kind[0]).join('');
}

test('closed: one heading per sheet before its groups, the group of 40 one row, a group of one its finding', () => {
  expect(many).toBeDefined();
  const rows = rowsOf(groups, new Set());
  const sheets = rows.filter((r) => r.kind === 'sheet').map((r) => (r.kind === 'sheet' ? r.sheet : ''));
  expect(sheets).toEqual([...new Set(groups.map((g) => g.sheet))]);
  expect(rows.filter((r) => r.kind === 'group').map((r) => r.key)).toEqual(groups.filter((g) => g.findings.length > 1).map((g) => g.key));
  expect(rows.filter((r) => r.kind === 'finding')).toHaveLength(groups.filter((g) => g.findings.length === 1).length);
  // each heading counts the findings of its sheet, whether grouped or not
  for (const row of rows)
    if (row.kind === 'sheet')
      expect(row.count).toBe(groups.filter((g) => g.sheet === row.sheet).reduce((sum, g) => sum + g.findings.length, 0));
});

test('opened: the group is followed by each of its findings, every key unique', () => {
  const key = many?.key ?? '';
  const closed = rowsOf(groups, new Set());
  const open = rowsOf(groups, new Set([key]));
  expect(open).toHaveLength(closed.length + 40);
  const at = open.findIndex((r) => r.key === key);
  expect(kinds(open.slice(at + 1, at + 41))).toBe('f'.repeat(40));
  expect(new Set(open.map((r) => r.key)).size).toBe(open.length);
});

test('the keyboard skips sheet headings in its direction, and turns back at an end', () => {
  const rows = rowsOf(groups, new Set());
  const headings = rows.flatMap((r, i) => (r.kind === 'sheet' ? [i] : []));
  expect(headings[0]).toBe(0);
  expect(nearestControlRow(rows, 0, 1)).toBe(1);
  // back from the row after a later heading lands on the row before that heading
  const later = headings[1] ?? -1;
  expect(later).toBeGreaterThan(1);
  expect(nearestControlRow(rows, later, -1)).toBe(later - 1);
  expect(nearestControlRow(rows, later, 1)).toBe(later + 1);
  // the first row is a heading: going up from it turns back down to the first row with controls
  expect(nearestControlRow(rows, 0, -1)).toBe(1);
  expect(nearestControlRow(rows, rows.length - 1, 1)).toBe(rows.length - 1);
});
