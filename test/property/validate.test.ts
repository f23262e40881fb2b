/**
 * Validation on messy workbooks built from the contract: it never throws, it is deterministic, and every
 * finding points at a place the user can go to.
 */
import fc from 'fast-check';
import { TABLES } from '../../src/core/contract/contract';
import type { Finding } from '../../src/core/findings/types';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import type { TableSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/types';
import { isA1, parseCell } from '../../src/core/util/brand';
import { validateWorkbook } from '../../src/core/validate';
import { configureProperties, messyWorkbookArb, type MessyWorkbook } from '../support/arbitraries';

configureProperties('validate.test.ts');

function snapshotOf(input: MessyWorkbook): WorkbookSnapshot {
  const snapshot = snapshotFromData(input.data);
  if (input.generated.length > 0) snapshot.generated = input.generated;
  return snapshot;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function boxOf(range: string): Box {
  const [start = range, end = start] = range.split(':');
  const a = parseCell(start);
  const b = parseCell(end);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

function inside(inner: Box, outer: Box): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

const CONTRACT_SHEETS = new Set<string>(Object.values(TABLES).map((t) => t.sheet));

/**
 * Where a finding may point: a missing table at A1 of the sheet it belongs on (or, when the workbook has no
 * such sheet, its first sheet); a stale generated sheet at its A1; everything else inside one of the tables
 * on the sheet it names.
 */
function locationProblem(f: Finding, snapshot: WorkbookSnapshot): string | undefined {
  if (!isA1(f.cell)) return `not an A1 address: ${f.cell}`;
  if (f.rule === 'structure.missing-table') {
    if (f.cell !== 'A1') return 'a missing table is reported at A1';
    if (snapshot.sheets.length === 0) return CONTRACT_SHEETS.has(f.sheet) ? undefined : `no sheets, yet ${f.sheet}`;
    return snapshot.sheets.includes(f.sheet) ? undefined : `missing table on a sheet that is not there: ${f.sheet}`;
  }
  if (f.rule === 'staleness.generated-stale') {
    return f.cell === 'A1' && (snapshot.generated ?? []).some((g) => g.sheet === f.sheet) ? undefined : 'stale sheet not at its A1';
  }
  if (!snapshot.sheets.includes(f.sheet)) return `sheet ${f.sheet} is not in the workbook`;
  const box = boxOf(f.cell);
  const tables: TableSnapshot[] = snapshot.tables.filter((t) => t.sheet === f.sheet);
  return tables.some((t) => inside(box, boxOf(t.range))) ? undefined : `${f.sheet}!${f.cell} is outside every table on the sheet`;
}

function valueProblem(value: Finding['expected']): string | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return `not a finite number: ${value}`;
  return undefined;
}

test('validation never throws on a messy workbook, and a result is always complete', () => {
  fc.assert(
    fc.property(messyWorkbookArb, (input) => {
      const result = validateWorkbook(snapshotOf(input));
      const counts = { feil: 0, advarsel: 0, info: 0 };
      for (const f of result.findings) counts[f.severity] += 1;
      expect(result.summary).toEqual(counts);
      for (const f of result.findings) {
        expect(f.message.nb.trim()).not.toBe('');
        expect(f.message.en.trim()).not.toBe('');
      }
    }),
  );
});

test('validation is deterministic and leaves its input alone', () => {
  fc.assert(
    fc.property(messyWorkbookArb, (input) => {
      const snapshot = snapshotOf(input);
      const copy = structuredClone(snapshot);
      const first = validateWorkbook(snapshot);
      expect(snapshot).toEqual(copy);
      const second = validateWorkbook(snapshotOf(input));
      expect(second).toEqual(first);
      // Settings passed explicitly as the defaults give the same answer.
      expect(validateWorkbook(copy, { year: first.year ?? undefined })).toEqual(first);
    }),
  );
});

test('every finding names a sheet of the workbook and a cell or range inside a table there', () => {
  fc.assert(
    fc.property(messyWorkbookArb, (input) => {
      const snapshot = snapshotOf(input);
      const problems = validateWorkbook(snapshot).findings.flatMap((f) => {
        const problem = locationProblem(f, snapshot) ?? valueProblem(f.expected) ?? valueProblem(f.actual);
        return problem === undefined ? [] : [`${f.rule} ${f.sheet}!${f.cell}: ${problem}`];
      });
      expect(problems).toEqual([]);
    }),
  );
});

test('a quick fix writes a finite number into the very cell its finding names', () => {
  fc.assert(
    fc.property(messyWorkbookArb, (input) => {
      for (const f of validateWorkbook(snapshotOf(input)).findings) {
        if (!f.fix) continue;
        expect({ sheet: f.fix.sheet, cell: f.fix.cell }).toEqual({ sheet: f.sheet, cell: f.cell });
        expect(Number.isFinite(f.fix.value)).toBe(true);
      }
    }),
  );
});
