/**
 * Spreadsheets other programs write — LibreOffice's .ods and .fods, Apple Numbers, Excel 2003 XML — get the
 * same one-line hint as an old .xls: save it as .xlsx and try again. Never "damaged", never a stack trace.
 */
import JSZip from 'jszip';
import { WorkbookFileError } from '../../src/adapters/port';
import { openXlsx } from '../../src/adapters/xlsx/read';

async function zip(entries: Record<string, string>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(entries)) z.file(name, text);
  return z.generateAsync({ type: 'uint8array' });
}

async function refusal(bytes: Uint8Array): Promise<WorkbookFileError> {
  try {
    await openXlsx(bytes);
  } catch (error) {
    if (error instanceof WorkbookFileError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const encode = (text: string) => new TextEncoder().encode(text);

test.each([
  [
    'an .ods (LibreOffice, OpenOffice)',
    () =>
      zip({
        mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
        'content.xml': '<office:document-content/>',
        'META-INF/manifest.xml': '<manifest/>',
      }),
    /OpenDocument-regneark \(\.ods/,
  ],
  ['a Numbers document', () => zip({ 'Index/Document.iwa': 'x', 'Metadata/Properties.plist': 'x' }), /Apple Numbers/],
  [
    'a flat .fods',
    () =>
      Promise.resolve(
        encode(
          '<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet/></office:body></office:document>',
        ),
      ),
    /\.fods/,
  ],
  [
    'an Excel 2003 XML spreadsheet',
    () => Promise.resolve(encode('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>')),
    /Excel 2003/,
  ],
])('%s: one line, "save it as .xlsx", as for an .xls', async (_name, build, format) => {
  const error = await refusal(await build());
  expect(error.code).toBe('legacy-format');
  expect(error.nb).toMatch(format);
  expect(error.nb).toMatch(/Lagre den som \.xlsx og prøv igjen\.$/);
  expect(error.en).toMatch(/Save it as \.xlsx and try again\.$/);
  expect(error.nb).not.toContain('\n');
});

test('a text document in OpenDocument format is still "not an Excel workbook"', async () => {
  const error = await refusal(await zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }));
  expect(error.code).toBe('not-xlsx');
});
