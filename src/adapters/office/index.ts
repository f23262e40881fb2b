/** The Office.js adapter: the workbook port over the workbook open in Excel. */
export { OfficeWorkbook, type OfficeWorkbookOptions } from './workbook';
export { officeRun, officeRequirementCheck, EXCEL_API, type ExcelRun, type ExcelBatch, type RequirementCheck } from './run';
export { MARKER_NAME, markerFormula, markerText, parseMarker } from './marker';
