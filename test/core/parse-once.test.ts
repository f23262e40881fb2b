/**
 * parsePlanOnce: a frozen snapshot (as the .xlsx port hands out per version of a file) is parsed once, and the
 * shared result is only read downstream — validation, both layouts and the use cases run on a deeply frozen
 * parse without changing it. A snapshot that is not frozen is parsed afresh every time.
 */
import type { WorkbookData } from '../../src/core/contract/tableData';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import { buildStyrerapport } from '../../src/core/layout/styrerapport';
import { parsePlan, parsePlanOnce } from '../../src/core/parse/plan';
import { hallingdalDemo } from '../../src/core/sample/demo';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { reportsWithJobsAsText } from '../../src/core/sample/scale';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { sheetUseCase, validateUseCase } from '../../src/core/usecase';
import { secondProgramme } from '../fixtures/secondProgramme';

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}

const frozen = (data: WorkbookData): WorkbookSnapshot => deepFreeze(snapshotFromData(data));

test('a frozen snapshot is parsed once: opening and validating it share one parse', () => {
  const snapshot = frozen(reportsWithJobsAsText(20));
  const first = parsePlanOnce(snapshot);
  expect(parsePlanOnce(snapshot)).toBe(first);
  const result = validateUseCase({ snapshot, year: null, today: '2022-06-01' });
  expect(result.plan).toBe(first.plan);
  // The same findings as a fresh parse gives, validated twice.
  const again = validateUseCase({ snapshot: snapshotFromData(reportsWithJobsAsText(20)), year: null, today: '2022-06-01' });
  expect(result.findings).toEqual(again.findings);
  expect(validateUseCase({ snapshot, year: null, today: '2022-06-01' }).findings).toEqual(again.findings);
  expect(result.summary.advarsel).toBeGreaterThanOrEqual(20);
});

test('a snapshot that is not frozen may change between reads: it is parsed every time', () => {
  const snapshot = snapshotFromData(hallingdalSample());
  expect(parsePlanOnce(snapshot)).not.toBe(parsePlanOnce(snapshot));
  expect(parsePlanOnce(snapshot)).toEqual(parsePlan(snapshot));
});

test.each([
  ['the sample', hallingdalSample],
  ['the demo (projects and reports)', hallingdalDemo],
  ['the second programme', secondProgramme],
])('%s: validation and both layouts only read the shared parse (it is deeply frozen here)', (_, make) => {
  const snapshot = frozen(make());
  deepFreeze(parsePlanOnce(snapshot));
  const result = validateUseCase({ snapshot, year: null, today: '2024-06-01' });
  const year = result.year;
  expect(year).not.toBeNull();
  if (year === null) return;
  const input = { plan: result.plan, year, findings: result.findings, inputDigest: 'd', generatedAt: '2024-06-01T10:00:00Z' };
  expect(buildHandlingsplan(input).cells.length).toBeGreaterThan(0);
  expect(buildStyrerapport(input).cells.length).toBeGreaterThan(0);
  for (const kind of ['handlingsplan', 'styrerapport'] as const) {
    expect(sheetUseCase({ snapshot, year: null, today: '2024-06-01', kind, generatedAt: '2024-06-01T10:00:00Z' }).ok).toBe(true);
  }
});
