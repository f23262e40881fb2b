import { OfficeWorkbook } from '../../src/adapters/office';
import { createExcelDouble } from '../../src/adapters/office/double';
import { describeWorkbookPortConformance } from './conformance';

/** The Office.js adapter over the Excel double: a live workbook, so no reopen; stored cells come from the double. */
describeWorkbookPortConformance('Office.js adapter (Excel double)', (data) => {
  const double = createExcelDouble({ data });
  const port = new OfficeWorkbook(double.run, { isSupported: double.supports });
  return Promise.resolve({
    port,
    readCell: (sheet, cell) => {
      const stored = double.cell(sheet, cell);
      if (stored === undefined) return Promise.resolve(undefined);
      return Promise.resolve(stored.formula === undefined ? { value: stored.value } : { value: stored.value, formula: stored.formula });
    },
    dropdown: (sheet, cell) => Promise.resolve(double.dropdown(sheet, cell)),
  });
});
