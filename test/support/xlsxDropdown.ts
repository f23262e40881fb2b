/**
 * A dropdown list of an .xlsx package, evaluated as Excel evaluates it when the user opens it: the sheet's list
 * validation covering the cell, its formula read from the sheet part, and its source looked up in the tables
 * as the package holds them now (read back through the .xlsx adapter). Inline lists (`"a,b"`) and a table
 * column through INDIRECT (`INDIRECT("Strategier[Kode]")`) are evaluated; anything else fails the test.
 */
import JSZip from 'jszip';
import { openXlsx } from '../../src/adapters/xlsx/read';
import { parseCell } from '../../src/core/util/brand';

async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const unescape = (t: string) =>
    t
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const entry = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((e) => unescape(/\bname="([^"]*)"/.exec(e)?.[1] ?? '') === sheet);
  const id = entry && /\br:id="([^"]*)"/.exec(entry)?.[1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => /\bId="([^"]*)"/.exec(r)?.[1] === id);
  const target = rel && /\bTarget="([^"]*)"/.exec(rel)?.[1];
  if (!target) throw new Error(`no sheet part for ${sheet}`);
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return (await zip.file(part)?.async('string')) ?? '';
}

function covers(sqref: string, row: number, column: number): boolean {
  return sqref.split(/\s+/).some((range) => {
    const [from = '', to = from] = range.split(':');
    const a = parseCell(from);
    const b = parseCell(to);
    return row >= a.row && row <= b.row && column >= a.column && column <= b.column;
  });
}

export async function xlsxDropdown(bytes: Uint8Array, sheet: string, cell: string): Promise<string[] | undefined> {
  const xml = await sheetPart(await JSZip.loadAsync(bytes), sheet);
  const { row, column } = parseCell(cell);
  for (const m of xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
    const attributes = m[1] ?? '';
    if (!/\btype="list"/.test(attributes) || !covers(/\bsqref="([^"]*)"/.exec(attributes)?.[1] ?? '', row, column)) continue;
    const formula = (/<formula1>([^<]*)<\/formula1>/.exec(m[2] ?? '')?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    if (formula.startsWith('"')) return formula.slice(1, -1).replace(/""/g, '"').split(',');
    const indirect = /^INDIRECT\("([^"[\]]+)\[([^\]]+)\]"\)$/.exec(formula);
    if (!indirect) throw new Error(`cannot evaluate the list source ${formula}`);
    const snapshot = await (await openXlsx(bytes)).readSnapshot();
    const table = snapshot.tables.find((t) => t.name.toLowerCase() === (indirect[1] ?? '').toLowerCase());
    const index = table?.header.findIndex((h) => h.kind === 'text' && h.value.trim() === indirect[2]) ?? -1;
    if (!table || index < 0) throw new Error(`the list source ${formula} names no table column`);
    return table.rows.flatMap((r) => {
      const c = r[index];
      return c && c.kind !== 'empty' && String(c.value) !== '' ? [String(c.value)] : [];
    });
  }
  return undefined;
}
