import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { validateWorkbook } from '../../src/core/validate';
import { sampleExpectations } from '../support/sampleExpectations';

test('the published plan: every place that does not add up is reported at its declared cell, and nothing else', () => {
  const sample = hallingdalSample();
  const result = validateWorkbook(snapshotFromData(sample));
  const found = result.findings.map(({ rule, severity, sheet, cell, expected, actual }) => ({
    rule,
    severity,
    sheet,
    cell,
    expected,
    actual,
  }));
  expect(found).toEqual(sampleExpectations(sample));
  expect(result.summary).toEqual({ feil: 4, advarsel: 1, info: 0 });
  expect(result.year).toBe(2022);
});

test('the published plan read for 2023 only says that 2023 has no figures yet', () => {
  const result = validateWorkbook(snapshotFromData(hallingdalSample()), { year: 2023 });
  expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['structure.no-data-for-year', 'info']]);
});
