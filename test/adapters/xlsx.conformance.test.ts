import { Workbook } from 'exceljs';
import { openXlsxPort, type XlsxPort } from '../../src/adapters/xlsx/port';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { xlsxDropdown } from '../support/xlsxDropdown';
import { describeWorkbookPortConformance, type StoredCell } from './conformance';

/** Reads one stored cell of the port's current package with exceljs (read only, in a test). */
async function storedCell(port: XlsxPort, sheet: string, cell: string): Promise<StoredCell | undefined> {
  const workbook = new Workbook();
  await workbook.xlsx.load(port.toBytes().slice().buffer);
  const value: unknown = workbook.getWorksheet(sheet)?.getCell(cell).value;
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (typeof value === 'object' && 'formula' in value && typeof value.formula === 'string') {
    const result = 'result' in value && (typeof value.result === 'number' || typeof value.result === 'string') ? value.result : null;
    return { value: result, formula: value.formula };
  }
  return { value: JSON.stringify(value) };
}

/** The .xlsx adapter over the bytes of a written workbook: its writes give new bytes in memory. */
describeWorkbookPortConformance('.xlsx adapter (bytes in memory)', async (data) => {
  const port = await openXlsxPort(await writeWorkbookData(data));
  return {
    port,
    readCell: (sheet, cell) => storedCell(port, sheet, cell),
    dropdown: (sheet, cell) => xlsxDropdown(port.toBytes(), sheet, cell),
  };
});
