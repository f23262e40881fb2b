import type { CellStyle } from '../../core/layout/types';

/** Formatting helpers shared by rendering layouts and creating templates. */

/**
 * Excel's column width is given in characters of the default font (Calibri 11: 7 px per character plus 5 px
 * padding), but `format.columnWidth` in Office.js is in points (0.75 pt per pixel at 96 dpi).
 */
export function characterWidthToPoints(characters: number): number {
  return Math.round(characters * 7 + 5) * 0.75;
}

export function colour(rrggbb: string): string {
  return `#${rrggbb.replace(/^#/, '').toUpperCase()}`;
}

const HORIZONTAL = new Map<string, 'Left' | 'Center' | 'Right'>([
  ['left', 'Left'],
  ['center', 'Center'],
  ['right', 'Right'],
]);
const VERTICAL = new Map<string, 'Top' | 'Center' | 'Bottom'>([
  ['top', 'Top'],
  ['middle', 'Center'],
  ['bottom', 'Bottom'],
]);

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

/** Thin borders on every side of every cell of the range (the inside ones only where there is an inside). */
export function setThinBorders(range: Excel.Range, height: number, width: number): void {
  const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
  if (height > 1) edges.push('InsideHorizontal');
  if (width > 1) edges.push('InsideVertical');
  for (const edge of edges) {
    const border = range.format.borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = 'Thin';
  }
}

/**
 * One style property: how to read it from a layout style, and how to set it on a range. Styles are applied
 * property by property, each value to the rectangles of cells that share it, so a bordered table is a handful
 * of commands rather than one per cell.
 */
export interface StyleProperty {
  key: string;
  of(style: CellStyle): string | number | boolean | undefined;
  /** commands per rectangle, for the request-size estimate */
  commands: number;
  apply(range: Excel.Range, value: string | number | boolean, height: number, width: number): void;
}

export const STYLE_PROPERTIES: readonly StyleProperty[] = [
  {
    key: 'bold',
    of: (s) => s.bold || undefined,
    commands: 1,
    apply: (r) => {
      r.format.font.bold = true;
    },
  },
  {
    key: 'italic',
    of: (s) => s.italic || undefined,
    commands: 1,
    apply: (r) => {
      r.format.font.italic = true;
    },
  },
  {
    key: 'size',
    of: (s) => s.size,
    commands: 1,
    apply: (r, v) => {
      r.format.font.size = Number(v);
    },
  },
  {
    key: 'color',
    of: (s) => s.color,
    commands: 1,
    apply: (r, v) => {
      r.format.font.color = colour(String(v));
    },
  },
  {
    key: 'fill',
    of: (s) => s.fill,
    commands: 1,
    apply: (r, v) => {
      r.format.fill.color = colour(String(v));
    },
  },
  { key: 'border', of: (s) => s.border || undefined, commands: 12, apply: (r, _v, h, w) => setThinBorders(r, h, w) },
  {
    key: 'horizontal',
    of: (s) => s.horizontal,
    commands: 1,
    apply: (r, v) => {
      r.format.horizontalAlignment = HORIZONTAL.get(String(v)) ?? 'General';
    },
  },
  {
    key: 'vertical',
    of: (s) => s.vertical,
    commands: 1,
    apply: (r, v) => {
      r.format.verticalAlignment = VERTICAL.get(String(v)) ?? 'Bottom';
    },
  },
  {
    key: 'wrap',
    of: (s) => s.wrap || undefined,
    commands: 1,
    apply: (r) => {
      r.format.wrapText = true;
    },
  },
];

/**
 * Text that Excel would not keep as typed when written through `values` into a General cell: formulas
 * (= + - @), numbers, dates, times, percentages, booleans. In a template the cells stay General so the user can
 * type numbers into them later; such text gets a leading apostrophe, which Excel takes as "this is text" and
 * does not store.
 */
export function needsTextPrefix(text: string): boolean {
  const trimmed = text.trim();
  return /^[=+\-@']/.test(trimmed) || /^[\d.,($€£]/.test(trimmed) || /^(true|false|sann|usann)$/i.test(trimmed) || /%$/.test(trimmed);
}

export function textInput(text: string): string {
  return needsTextPrefix(text) ? `'${text}` : text;
}

/**
 * Some Excel versions show a Text-formatted cell holding more than 255 characters as #####. Text that long is
 * never read as a number or a date, so it stays General and only needs the apostrophe when it starts like a
 * formula (textInput); shorter text is formatted '@' and written exactly as it is.
 */
const MAX_TEXT_FORMATTED = 255;

/** How a text is written so that it stays text: the number format to set first, and what `values` gets. */
export function textCell(text: string): { format: '@' | 'General'; input: string } {
  return text.length > MAX_TEXT_FORMATTED ? { format: 'General', input: textInput(text) } : { format: '@', input: text };
}
