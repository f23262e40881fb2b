import type { CellNote } from '../../core/layout/notes';
import { cellAddress } from '../../core/util/brand';
import { escapeAttr, escapeText } from './xml';

/**
 * Cell notes (Excel's "notes", the older comments) as package parts, written as text: the comments part
 * holds each note's text, and a VML drawing holds the yellow boxes Excel shows on hover. Excel needs both;
 * without the VML it shows no note and may repair the file.
 */

const AUTHOR = 'Handlingsplan';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The comments part: one author (the add-in) and one comment per note, in the order given (notesByCell's). */
export function commentsXml(notes: readonly CellNote[]): string {
  const comments = notes
    .map((n) => {
      const ref = cellAddress(n.row, n.column);
      const head = `<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>${AUTHOR}:</t></r>`;
      const body = `<r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">\n${escapeText(n.text)}</t></r>`;
      return `<comment ref="${ref}" authorId="0"><text>${head}${body}</text></comment>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${AUTHOR}</author></authors><commentList>${comments}</commentList></comments>`;
}

/**
 * The VML drawing with one hidden note box per cell. `block` is the drawing's shape-id block (o:idmap): each
 * VML drawing in a workbook needs its own, so shape ids never collide with the user's notes elsewhere.
 */
export function vmlXml(notes: readonly CellNote[], block: number): string {
  const shapes = notes.map((n, i) => noteShape(n, block * 1024 + i + 1)).join('');
  return [
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">',
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>`,
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>',
    shapes,
    '</xml>',
  ].join('');
}

function noteShape(note: CellNote, id: number): string {
  const row = note.row - 1;
  const column = note.column - 1;
  // Left column, offset, top row, offset, right column, offset, bottom row, offset: a box to the right of the cell.
  const anchor = [column + 1, 15, Math.max(row - 1, 0), 10, column + 4, 15, row + 4, 4].join(', ');
  return [
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:216pt;height:72pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`,
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>',
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>',
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${escapeAttr(anchor)}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${column}</x:Column></x:ClientData>`,
    '</v:shape>',
  ].join('');
}

/** The shape-id blocks the workbook's other VML drawings use, so a new drawing takes a free one. */
export function usedVmlBlocks(vmlParts: readonly string[]): number[] {
  return vmlParts.flatMap((xml) =>
    [...xml.matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g)].flatMap((m) =>
      (m[1] ?? '')
        .split(',')
        .map((d) => Number(d.trim()))
        .filter((d) => Number.isInteger(d)),
    ),
  );
}
