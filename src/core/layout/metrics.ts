import { ADVANCE_WIDTHS, CHARACTERS, UNITS_PER_EM } from './carlitoMetrics';
import type { CellStyle } from './types';

/**
 * Text measured with Calibri's metrics (Carlito's, which are the same by design), so generated sheets get
 * column widths in which no word breaks and row heights in which every wrapped line shows. The widths are
 * linear (unhinted) advance widths; printing and PDF use them as they are.
 */

export type Face = keyof typeof ADVANCE_WIDTHS;

/** The font size of generated sheets when a style gives none, in points. */
export const DEFAULT_SIZE = 11;
/**
 * Points per point of font size a wrapped line takes in a row: Excel gives Calibri 11 rows of 15 points per
 * line (LibreOffice needs less: usWinAscent + usWinDescent, 1.22), so heights set for Excel never cut a line.
 */
const LINE_SPACING = 15 / 11;
/** Points of padding kept above and below the lines of a cell. */
const ROW_PADDING = 0.75;
/** Pixels of the widest digit of Calibri 11 at 96 dpi: the unit of Excel column widths. */
const DIGIT_PX = 7;
/** Excel adds this many pixels to a width given in characters (see sheetXml's storedWidth). */
const COLUMN_PADDING_PX = 5;
/** Points a cell keeps free at its left and right edges (cell margin, gridline), both together. */
const CELL_MARGIN = 5;
/**
 * Headroom for what linear widths do not show: hinting on screen, a renderer's rounding, kerning that
 * widens. Text is laid out as if it were this much wider.
 */
const SAFETY = 1.06;

const INDEX = new Map<number, number>(Array.from(CHARACTERS, (c, i) => [c.codePointAt(0) ?? 0, i]));
/** A character outside the table is measured as the widest capital, so it is never under-estimated. */
const FALLBACK = Object.fromEntries(Object.entries(ADVANCE_WIDTHS).map(([face, widths]) => [face, Math.max(...widths)])) as Record<
  Face,
  number
>;

export function faceOf(style: CellStyle | undefined): Face {
  if (style?.bold === true) return style.italic === true ? 'boldItalic' : 'bold';
  return style?.italic === true ? 'italic' : 'regular';
}

/** The advance width of `text` in points, in the face and size of `style`, with the safety headroom. */
export function textWidth(text: string, style?: CellStyle): number {
  const face = faceOf(style);
  const widths: readonly number[] = ADVANCE_WIDTHS[face];
  let units = 0;
  for (const char of text) {
    const index = INDEX.get(char.codePointAt(0) ?? 0);
    units += index === undefined ? FALLBACK[face] : (widths[index] ?? FALLBACK[face]);
  }
  return (units / UNITS_PER_EM) * (style?.size ?? DEFAULT_SIZE) * SAFETY;
}

/** The words of a text: what a cell may break lines between (spaces and line breaks), never inside. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** The widest word of a text, in points: the least a wrapping cell must give it. */
export function longestWord(text: string, style?: CellStyle): number {
  return Math.max(0, ...wordsOf(text).map((w) => textWidth(w, style)));
}

/** Points of text a column of `characters` (Excel's width unit) holds: its pixel width less the cell margins. */
export function columnTextPoints(characters: number): number {
  return columnPoints(characters) - CELL_MARGIN;
}

/** A column's whole width in points. */
export function columnPoints(characters: number): number {
  return characters === 0 ? 0 : ((characters * DIGIT_PX + COLUMN_PADDING_PX) * 72) / 96;
}

/** The width in characters (to 1/4) of a column that holds `points` of text. */
export function charactersFor(points: number): number {
  const px = ((points + CELL_MARGIN) * 96) / 72;
  return Math.ceil(((px - COLUMN_PADDING_PX) / DIGIT_PX) * 4) / 4;
}

/**
 * The lines a text takes when wrapped at word boundaries in `points` of width; a word wider than the line
 * (which generated layouts never allow) takes the lines it would be broken into.
 */
export function wrappedLines(text: string, points: number, style?: CellStyle): number {
  const space = textWidth(' ', style);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of wordsOf(paragraph)) {
      const width = textWidth(word, style);
      if (used > 0 && used + space + width <= points) {
        used += space + width;
        continue;
      }
      if (used > 0) lines += 1;
      lines += Math.max(0, Math.ceil(width / points) - 1);
      used = width > points ? width % points : width;
    }
  }
  return Math.max(1, lines);
}

/** Points one line of text takes in a row. */
export function lineHeight(style?: CellStyle): number {
  return (style?.size ?? DEFAULT_SIZE) * LINE_SPACING;
}

/** The height of a row that shows `lines` lines, rounded up to whole pixels (0.75 pt). */
export function rowHeightFor(lines: number, style?: CellStyle): number {
  return Math.ceil((lines * lineHeight(style) + ROW_PADDING) / 0.75) * 0.75;
}

/**
 * A number as Norwegian Excel shows it in a format: `#,##0` groups thousands with a space, `0.0` has a comma
 * decimal, `0 %` a percent. Used to measure numbers, which Excel shows as #### when their column is too narrow.
 */
export function formattedNumber(value: number, format: string | undefined): string {
  const percent = format?.includes('%') === true;
  const shown = percent ? value * 100 : value;
  const decimals = /\.(0+)/.exec(format ?? '')?.[1]?.length ?? (format === undefined ? 2 : 0);
  const fixed = Math.abs(shown).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = format?.includes(',') === true ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : whole;
  return `${shown < 0 ? '−' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}${percent ? ' %' : ''}`;
}
