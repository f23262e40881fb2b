/**
 * Hostile and broken files through the CLI, as a process: `validate` and `generate` on each. A file that
 * cannot be used ends within seconds in exit status 2 with one line on stderr and no stack trace, writes
 * nothing, and keeps its memory bounded (a zip bomb included); a file that can be read ends in 0 or 1 with
 * findings, and `generate` writes its sheet.
 *
 * Every file is built first and all the commands then run side by side, as many at a time as the machine
 * has cores (each is a Node process that spends most of its time loading exceljs).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { writeWorkbookData } from '../../src/adapters/xlsx/write';
import type { WorkbookData } from '../../src/core/contract/tableData';
import { snapshotFromData } from '../../src/core/snapshot/fromTableData';
import { consistentPlan } from '../support/planBuilder';
import { deflatedZeros, measureCli, zip, type CliRun } from './cli';

/**
 * "Within seconds": CPU time of one process, which a busy machine does not inflate; the worst (the lying zip
 * bomb) uses about three. The wall clock only guards against a process that hangs.
 */
const MAX_CPU_MS = 10_000;
const MAX_WALL_MS = 60_000;
/** Peak resident memory of one CLI process; Node with exceljs starts at about 80 MB. */
const MAX_PEAK_MB = 600;

interface JsonReport {
  findings: { rule: string; severity: 'feil' | 'advarsel' | 'info'; sheet: string; cell: string }[];
  summary: { feil: number; advarsel: number; info: number };
}

/** Rewrites parts of a package: a function per part name returns the new text, or null to drop the part. */
async function editParts(bytes: Uint8Array, edits: Record<string, (text: string) => string | null>): Promise<Uint8Array> {
  const z = await JSZip.loadAsync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    const entry = z.file(name);
    if (!entry) throw new Error(`no part ${name}`);
    const next = edit(await entry.async('string'));
    if (next === null) z.remove(name);
    else z.file(name, next);
  }
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The table part that defines `table`. */
async function tablePart(bytes: Uint8Array, table: string): Promise<string> {
  const z = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(z.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
    if ((await z.file(name)?.async('string'))?.includes(`name="${table}"`)) return name;
  }
  throw new Error(`no table part for ${table}`);
}

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`pattern ${String(pattern)} not found`);
  return text.replace(pattern, replacement);
}

/** Where consistentPlan's Budsjett amounts stand once written (sheet Budsjett, the third sheet part). */
function budgetAmountCells(data: WorkbookData): string[] {
  const table = snapshotFromData(data).tables.find((t) => t.name === 'Budsjett');
  return (table?.rows ?? []).map((r) => r[2]?.address ?? '');
}

/** Where a table's cell stands once written: row by its first cell, column by header. */
function cellOf(data: WorkbookData, tableName: string, first: string, header: string): string {
  const table = data.tables.find((t) => t.name === tableName);
  const snap = snapshotFromData(data).tables.find((t) => t.name === tableName);
  const row = table?.rows.findIndex((r) => r[0] === first) ?? -1;
  const column = table?.header.indexOf(header) ?? -1;
  const address = snap?.rows[row]?.[column]?.address;
  if (address === undefined) throw new Error(`no cell ${header} of ${first} in ${tableName}`);
  return address;
}

/** A plan whose programme years cannot be (before this was caught, generate failed with an internal error). */
function negativeYears(): WorkbookData {
  const data = consistentPlan();
  const program = data.tables.find((t) => t.name === 'Program');
  for (const [field, year] of [
    ['Første år', -2024],
    ['Siste år', -2020],
    ['Handlingsplanår', -2022],
  ] as const) {
    const row = program?.rows.find((r) => r[0] === field);
    if (row) row[1] = year;
  }
  return data;
}

/** consistentPlan with one table moved to a sheet of its own at A1 (the fifth sheet part). */
async function aloneOnASheet(name: string, extra?: (data: WorkbookData) => void): Promise<Uint8Array> {
  const data = consistentPlan();
  extra?.(data);
  data.sheets.push('Stor');
  const table = data.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  table.sheet = 'Stor';
  return writeWorkbookData(data);
}

const WORKBOOK_XML =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const CONTENT_TYPES_XML =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
const PACKAGE_START = [
  { name: '[Content_Types].xml', data: new Uint8Array(Buffer.from(CONTENT_TYPES_XML)) },
  { name: 'xl/workbook.xml', data: new Uint8Array(Buffer.from(WORKBOOK_XML)) },
];

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A compound file (the container of .xls and of encrypted .xlsx) with one named stream in its directory. */
function compoundFile(streamName: string): Uint8Array {
  const out = new Uint8Array(4096);
  out.set(CFB_MAGIC);
  out.set(new Uint8Array(Buffer.from(streamName, 'utf16le')), 1024);
  return out;
}

const MB = 1024 * 1024;

/** The files, by name. Built once in beforeAll. */
const FILES: Record<string, () => Promise<Uint8Array> | Uint8Array> = {
  'not-a-zip.xlsx': () => new Uint8Array(Buffer.from('%PDF-1.7\nDette er ikke en arbeidsbok.\n')),
  'truncated.xlsx': async () => {
    const bytes = await writeWorkbookData(consistentPlan());
    return bytes.subarray(0, Math.floor(bytes.length * 0.6));
  },
  'encrypted.xlsx': () => compoundFile('EncryptedPackage'),
  'legacy.xls': () => compoundFile('Workbook'),
  'no-workbook.xlsx': async () => editParts(await writeWorkbookData(consistentPlan()), { 'xl/workbook.xml': () => null }),
  // 210 MB of zeros deflate to about 200 KB.
  'bomb.xlsx': () => zip([...PACKAGE_START, { name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(210) }]),
  'bomb-lying.xlsx': () => zip([...PACKAGE_START, { name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(210), declaredSize: 1024 }]),
  // Four honest parts of 45 MB (180 MB: within the limit), then one that claims 1 KB and is 45 MB.
  'bomb-parts.xlsx': () => {
    const part = deflatedZeros(45);
    const honest = Array.from({ length: 4 }, (_, i) => ({ name: `xl/media/image${i + 1}.bin`, deflated: part }));
    return zip([...PACKAGE_START, ...honest, { name: 'xl/media/image5.bin', deflated: part, declaredSize: 1024 }]);
  },
  'no-styles.xlsx': async () =>
    editParts(await writeWorkbookData(consistentPlan()), {
      'xl/styles.xml': () => null,
      'xl/_rels/workbook.xml.rels': (xml) => replaceOnce(xml, /<Relationship [^>]*Target="styles\.xml"[^>]*\/>/, ''),
      '[Content_Types].xml': (xml) => replaceOnce(xml, /<Override PartName="\/xl\/styles\.xml"[^>]*\/>/, ''),
    }),
  'million-rows.xlsx': async () => {
    const written = await aloneOnASheet('Budsjett');
    return editParts(written, {
      [await tablePart(written, 'Budsjett')]: (xml) => replaceOnce(xml, /ref="A1:C5"/g, 'ref="A1:C1048576"'),
      'xl/worksheets/sheet6.xml': (xml) => replaceOnce(xml, /<dimension ref="[^"]*"\/>/, '<dimension ref="A1:A1048576"/>'),
    });
  },
  // One column over the whole sheet is a million cells: under the reader's cap, so every row is listed.
  'whole-column.xlsx': async () => {
    // The user's own table (not the contract's Merknader).
    const written = await aloneOnASheet('Notater', (data) =>
      data.tables.push({ name: 'Notater', sheet: 'Oppsett', header: ['Merknad'], rows: [['Ført inn av økonomi']] }),
    );
    return editParts(written, { [await tablePart(written, 'Notater')]: (xml) => replaceOnce(xml, /ref="A1:A2"/g, 'ref="A1:A1048576"') });
  },
  // The same with a cell stored in the sheet's last row: nothing to trim, a million cells to list.
  'whole-column-last-row.xlsx': async () => {
    const written = await aloneOnASheet('Notater', (data) =>
      data.tables.push({ name: 'Notater', sheet: 'Oppsett', header: ['Merknad'], rows: [['Ført inn av økonomi']] }),
    );
    return editParts(written, {
      [await tablePart(written, 'Notater')]: (xml) => replaceOnce(xml, /ref="A1:A2"/g, 'ref="A1:A1048576"'),
      'xl/worksheets/sheet6.xml': (xml) =>
        replaceOnce(xml, /<\/sheetData>/, '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>'),
    });
  },
  'last-row.xlsx': async () => {
    const written = await aloneOnASheet('Budsjett');
    return editParts(written, {
      [await tablePart(written, 'Budsjett')]: (xml) => replaceOnce(xml, /ref="A1:C5"/g, 'ref="A1:C1048576"'),
      'xl/worksheets/sheet6.xml': (xml) =>
        replaceOnce(xml, /<\/sheetData>/, '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>'),
    });
  },
  'merged.xlsx': async () => {
    const data = consistentPlan();
    const [first = '', second = ''] = budgetAmountCells(data);
    return editParts(await writeWorkbookData(data), {
      'xl/worksheets/sheet3.xml': (xml) =>
        replaceOnce(xml, /<\/sheetData>/, `</sheetData><mergeCells count="1"><mergeCell ref="${first}:${second}"/></mergeCells>`),
    });
  },
  'formula-only.xlsx': async () => {
    const data = consistentPlan();
    const cells = budgetAmountCells(data);
    return editParts(await writeWorkbookData(data), {
      'xl/worksheets/sheet3.xml': (xml) =>
        cells.reduce(
          (text, cell) => replaceOnce(text, new RegExp(`<c r="${cell}"([^>]*)><v>(\\d+)</v></c>`), `<c r="${cell}"$1><f>$2*1</f></c>`),
          xml,
        ),
    });
  },
  // Amounts no reader can add up: 400 typed nines (Infinity) and a stored 1e999 (Infinity as a number).
  'absurd-numbers.xlsx': async () => {
    const data = consistentPlan();
    const [, second = ''] = budgetAmountCells(data);
    const budget = data.tables.find((t) => t.name === 'Budsjett');
    const row = budget?.rows[0];
    if (row) row[2] = '9'.repeat(400);
    return editParts(await writeWorkbookData(data), {
      'xl/worksheets/sheet3.xml': (xml) =>
        replaceOnce(xml, new RegExp(`<c r="${second}"([^>]*)><v>\\d+</v></c>`), `<c r="${second}"$1><v>1e999</v></c>`),
    });
  },
  'negative-year.xlsx': async () => writeWorkbookData(negativeYears()),
  'macro.xlsm': async () =>
    editParts(await writeWorkbookData(consistentPlan()), {
      '[Content_Types].xml': (xml) =>
        replaceOnce(
          xml,
          /application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/,
          'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
        ),
    }),
};

interface Outcome {
  validate: CliRun;
  generate: CliRun;
  /** the output `generate` was asked to write */
  out: string;
}

let dir: string;
const outcomes = new Map<string, Outcome>();

async function inPool(tasks: readonly (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const task = tasks[next++];
      if (task) await task();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hp-hostile-'));
  for (const [name, build] of Object.entries(FILES)) writeFileSync(join(dir, name), await build());
  const runs = new Map<string, Partial<Outcome>>();
  const tasks = Object.keys(FILES).flatMap((file) => {
    const out = `out-${file.replace(/\W/g, '_')}.xlsx`;
    const entry: Partial<Outcome> = { out };
    runs.set(file, entry);
    return [
      async () => {
        entry.validate = await measureCli(['validate', file, '--json'], dir);
      },
      async () => {
        entry.generate = await measureCli(['generate', file, '-o', out], dir);
      },
    ];
  });
  await inPool(tasks, Math.max(2, availableParallelism()));
  for (const [file, entry] of runs) {
    if (!entry.validate || !entry.generate || entry.out === undefined) throw new Error(`no outcome for ${file}`);
    outcomes.set(file, { validate: entry.validate, generate: entry.generate, out: entry.out });
  }
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function outcome(file: string): Outcome {
  const found = outcomes.get(file);
  if (!found) throw new Error(`no outcome for ${file}`);
  return found;
}

function bounded(run: CliRun): void {
  expect(run.cpuMs).toBeLessThan(MAX_CPU_MS);
  expect(run.ms).toBeLessThan(MAX_WALL_MS);
  expect(run.peakMb).toBeLessThan(MAX_PEAK_MB);
}

/** Exit 2, one line on stderr giving the reason, nothing on stdout, no stack trace, nothing written. */
function expectRefused(file: string, reason: RegExp, commands: ('validate' | 'generate')[] = ['validate', 'generate']): void {
  const o = outcome(file);
  for (const command of commands) {
    const run = o[command];
    expect({ command, status: run.status, stdout: run.stdout }).toEqual({ command, status: 2, stdout: '' });
    expect(run.stderr).toMatch(/^handlingsplan: [^\n]+\n$/);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toMatch(/intern feil|internal error|\bat .*\.js:\d+/);
    bounded(run);
  }
  expect(existsSync(join(dir, o.out))).toBe(false);
}

/** Read as a workbook: validate ends 0 or 1 with findings as JSON, generate writes the sheet. */
async function expectRead(file: string): Promise<JsonReport> {
  const { validate, generate, out } = outcome(file);
  for (const run of [validate, generate]) {
    expect(run.stderr).toBe('');
    bounded(run);
  }
  const report = JSON.parse(validate.stdout) as JsonReport;
  expect(validate.status).toBe(report.summary.feil > 0 ? 1 : 0);
  expect(generate.status).toBe(0);
  expect(generate.stdout).toContain('Handlingsplan 2022');
  const workbook = await (await JSZip.loadAsync(readFileSync(join(dir, out)))).file('xl/workbook.xml')?.async('string');
  expect(workbook).toContain('name="Handlingsplan 2022"');
  return report;
}

describe('files that are no workbook at all', () => {
  test('not a zip', () => {
    expectRefused('not-a-zip.xlsx', /ikke en Excel-arbeidsbok/);
  });

  test('a truncated zip', () => {
    expectRefused('truncated.xlsx', /skadet/);
  });

  test('an encrypted workbook (compound file with an EncryptedPackage stream)', () => {
    expectRefused('encrypted.xlsx', /passordbeskyttet/);
  });

  test('an old .xls (compound file without EncryptedPackage)', () => {
    expectRefused('legacy.xls', /gamle Excel-formatet \(\.xls\)/);
  });

  test('an .xlsx without xl/workbook.xml', () => {
    expectRefused('no-workbook.xlsx', /skadet.*xl\/workbook\.xml/);
  });
});

describe('zip bombs: small files whose parts inflate beyond the 200 MB limit', () => {
  test('they are small files', () => {
    for (const file of ['bomb.xlsx', 'bomb-lying.xlsx', 'bomb-parts.xlsx']) expect(readFileSync(join(dir, file)).length).toBeLessThan(MB);
  });

  test('a part that says how big it is: refused before anything is inflated', () => {
    expectRefused('bomb.xlsx', /for stor: over 200 MB utpakket/);
    expect(outcome('bomb.xlsx').validate.peakMb).toBeLessThan(150);
  });

  test('a part that claims 1 KB: inflation stops at the limit, and memory stays bounded', () => {
    expectRefused('bomb-lying.xlsx', /for stor: over 200 MB utpakket/);
  });

  test('parts within the limit one by one, over it together: the limit is on all parts', () => {
    expectRefused('bomb-parts.xlsx', /for stor: over 200 MB utpakket/);
  });
});

describe('workbooks with something unusual that can still be read', () => {
  test('no styles part: read as usual, and generate writes a stylesheet of its own', async () => {
    expect((await expectRead('no-styles.xlsx')).summary.feil).toBe(0);
  });

  test('a table over a million rows (dimension A1:A1048576, table A1:C1048576) with few stored rows', async () => {
    expect((await expectRead('million-rows.xlsx')).summary.feil).toBe(0);
  });

  test('a one-column table over a whole column (a million cells in its range) with few stored rows', async () => {
    expect((await expectRead('whole-column.xlsx')).summary.feil).toBe(0);
    // Only the rows the sheet holds are listed: a reader listing the blank million took 6 s and 900 MB.
    expect(outcome('whole-column.xlsx').validate.peakMb).toBeLessThan(150);
  });

  test('a table over whole columns with a cell stored in the last row is refused as too large', () => {
    expectRefused('last-row.xlsx', /Tabellen Budsjett er for stor/);
    expectRefused('whole-column-last-row.xlsx', /Tabellen Notater er for stor/);
  });

  test('a table overlapping merged cells: the covered cell reads as empty and is reported there', async () => {
    const [, second = ''] = budgetAmountCells(consistentPlan());
    const report = await expectRead('merged.xlsx');
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'structure.empty-required', severity: 'feil', sheet: 'Budsjett', cell: second }),
    );
  });

  test('a formula-only column (formulas without cached values): each cell is reported, nothing is taken as 0', async () => {
    const report = await expectRead('formula-only.xlsx');
    const reported = report.findings.filter((f) => f.rule === 'values.not-calculated').map((f) => `${f.sheet}!${f.cell}`);
    expect(reported).toEqual(budgetAmountCells(consistentPlan()).map((c) => `Budsjett!${c}`));
  });

  test('amounts that read as Infinity (typed or stored) are reported at their cells, not an internal error', async () => {
    const [first = '', second = ''] = budgetAmountCells(consistentPlan());
    const report = await expectRead('absurd-numbers.xlsx');
    const notNumbers = report.findings.filter((f) => f.rule === 'values.not-a-number').map((f) => `${f.sheet}!${f.cell}`);
    expect(notNumbers).toEqual([`Budsjett!${first}`, `Budsjett!${second}`]);
  });

  test('programme years that cannot be (-2022): reported at their cells; generate asks for a year instead of failing', () => {
    const data = negativeYears();
    const { validate } = outcome('negative-year.xlsx');
    expect(validate.status).toBe(1);
    const invalid = (JSON.parse(validate.stdout) as JsonReport).findings
      .filter((f) => f.rule === 'structure.invalid-value')
      .map((f) => `${f.sheet}!${f.cell}`);
    expect(invalid).toEqual(
      ['Første år', 'Siste år', 'Handlingsplanår'].map((field) => `Oppsett!${cellOf(data, 'Program', field, 'Verdi')}`),
    );
    expectRefused('negative-year.xlsx', /Handlingsplanår.*--year/, ['generate']);
  });

  test('a macro-enabled workbook (.xlsm) is read normally; generate refuses to give it an .xlsx name Excel would reject', () => {
    const { validate } = outcome('macro.xlsm');
    expect(validate.stderr).toBe('');
    expect(validate.status).toBe(0);
    expect((JSON.parse(validate.stdout) as JsonReport).summary.feil).toBe(0);
    bounded(validate);
    expectRefused('macro.xlsm', /makroer.*\.xlsm/, ['generate']);
  });
});
