/**
 * Notes on the marked cells of a draft, in the .xlsx path: a comments part and its VML drawing reached from
 * the sheet, one note per marked cell with the error it stands for, read back by another reader (exceljs),
 * well-formed, with a shape-id block of its own, and replaced with the sheet.
 */
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { renderLayoutIntoPackage } from '../../src/adapters/xlsx/render';
import { usedVmlBlocks } from '../../src/adapters/xlsx/notesXml';
import { notesByCell } from '../../src/core/layout/notes';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import { inputDigest } from '../../src/core/digest';
import { buildHandlingsplan } from '../../src/core/layout/handlingsplan';
import type { SheetLayout } from '../../src/core/layout/types';
import { hallingdalSample } from '../../src/core/sample/hallingdal';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { cellAddress } from '../../src/core/util/brand';
import { validateWorkbook } from '../../src/core/validate';
import { wellFormedProblems } from '../support/wellFormed';

const SHEET = 'Handlingsplan 2022';
let sample: Uint8Array;
let layout: SheetLayout;

beforeAll(async () => {
  const data = hallingdalSample();
  sample = await writeWorkbookData(data);
  const snapshot = snapshotFromData(data);
  const result = validateWorkbook(snapshot);
  layout = buildHandlingsplan({
    plan: result.plan,
    year: 2022,
    findings: result.findings,
    inputDigest: inputDigest(snapshot),
    generatedAt: '2026-11-27T10:00:00Z',
  });
});

function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  if (note !== null && typeof note === 'object' && 'texts' in note && Array.isArray(note.texts))
    return note.texts.map((t: { text?: string }) => t.text ?? '').join('');
  return '';
}

test('every marked cell of the draft carries a note with the error it stands for, as another reader sees it', async () => {
  expect(layout.marks.length).toBeGreaterThan(0);
  const result = await renderLayoutIntoPackage(sample, layout);
  const workbook = new Workbook();
  await workbook.xlsx.load(result.bytes.slice().buffer);
  const sheet = workbook.getWorksheet(SHEET);
  const expected = notesByCell(layout.marks);
  for (const note of expected) {
    const cell = sheet?.getCell(note.row, note.column);
    const text = noteText(cell?.note);
    expect({ cell: cellAddress(note.row, note.column), hasText: text.includes(note.text.split('\n')[0] ?? '') }).toEqual({
      cell: cellAddress(note.row, note.column),
      hasText: true,
    });
  }
  // And no other cell has one.
  let notes = 0;
  sheet?.eachRow((row) => row.eachCell((cell) => (notes += cell.note === undefined ? 0 : 1)));
  expect(notes).toBe(expected.length);
});

test('the comments and VML parts are well-formed, typed, and the sheet points at the VML', async () => {
  const zip = await JSZip.loadAsync((await renderLayoutIntoPackage(sample, layout)).bytes);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const sheetRels = await text('xl/worksheets/_rels/sheet6.xml.rels');
  expect(sheetRels).toContain('relationships/comments" Target="../comments1.xml"');
  expect(sheetRels).toContain('relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"');
  expect(await text('xl/worksheets/sheet6.xml')).toMatch(/<legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
  const types = await text('[Content_Types].xml');
  expect(types.match(/Extension="vml"/g)).toHaveLength(1);
  expect(types).toContain(
    'PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"',
  );
  for (const part of ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/worksheets/_rels/sheet6.xml.rels']) {
    expect({ part, problems: wellFormedProblems(await text(part)) }).toEqual({ part, problems: [] });
  }
});

test('a workbook that already has notes elsewhere keeps them, and the new drawing takes a shape-id block of its own', async () => {
  const first = await renderLayoutIntoPackage(sample, layout);
  // Render a second sheet (the same layout under another name): its VML must not reuse the first one's block.
  const second = await renderLayoutIntoPackage(first.bytes, { ...layout, sheet: 'Handlingsplan kopi', anchors: [] });
  const zip = await JSZip.loadAsync(second.bytes);
  const vml = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => n.endsWith('.vml'))
      .map((n) => zip.file(n)!.async('string')),
  );
  expect(vml).toHaveLength(2);
  const blocks = usedVmlBlocks(vml);
  expect(new Set(blocks).size).toBe(2);
});

test('generating again replaces the notes with the sheet: one comments part, one VML drawing', async () => {
  const once = await renderLayoutIntoPackage(sample, layout);
  const twice = await renderLayoutIntoPackage(once.bytes, layout);
  const names = Object.keys((await JSZip.loadAsync(twice.bytes)).files);
  expect(names.filter((n) => /^xl\/comments\d+\.xml$/.test(n))).toHaveLength(1);
  expect(names.filter((n) => n.endsWith('.vml'))).toHaveLength(1);
});

test('a sheet without marks gets no notes parts at all', async () => {
  const result = await renderLayoutIntoPackage(sample, { ...layout, marks: [] });
  const names = Object.keys((await JSZip.loadAsync(result.bytes)).files);
  expect(names.filter((n) => n.includes('comments') || n.endsWith('.vml'))).toEqual([]);
});

test('marks on one cell become one note with each text once', () => {
  expect(
    notesByCell([
      { row: 4, column: 1, note: 'c' },
      { row: 2, column: 3, note: 'a' },
      { row: 2, column: 3, note: 'b' },
      { row: 2, column: 3, note: 'a' },
    ]),
  ).toEqual([
    { row: 2, column: 3, text: 'a\nb' },
    { row: 4, column: 1, text: 'c' },
  ]);
});
