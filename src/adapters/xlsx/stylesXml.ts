import type { CellStyle } from '../../core/layout/types';
import {
  appendToElement,
  attributes,
  childElements,
  escapeAttr,
  findElements,
  insertChildBefore,
  qualified,
  rootElement,
  setAttribute,
} from './xml';

/**
 * Appends the generated sheet's cell formats to a workbook's xl/styles.xml. Existing entries keep their
 * indices (the user's cells refer to them by position); ours are added at the end of each list, or reused
 * where an identical entry is already there — which is what happens when a sheet is regenerated, so the
 * lists do not grow each time.
 */

/** One generated cell's format: the layout's style, and whether its text needs Excel's quote prefix. */
export interface CellFormat {
  style: CellStyle;
  /**
   * Text starting with `=`, `+`, `-` or `@` gets the quote prefix Excel itself sets for text typed as
   * `'=…`, so that editing the cell and pressing Enter keeps it text instead of turning it into a formula.
   */
  quotePrefix: boolean;
}

export function formatKey(format: CellFormat): string {
  const style = format.style;
  const keys = Object.keys(style).sort() as (keyof CellStyle)[];
  const parts = keys.filter((k) => style[k] !== undefined).map((k) => `${k}=${String(style[k])}`);
  return `${parts.join(';')}|${format.quotePrefix ? 'q' : ''}`;
}

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** For a package without styles: the smallest stylesheet Excel accepts once the lists are filled in. */
export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}"><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** CT_Stylesheet's children in schema order. */
const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

const DEFAULT_FONT_SIZE = 11;
const FONT_NAME = 'Calibri';
/** Light grey: visible on screen and in print without competing with the numbers. */
const BORDER_COLOR = 'BFBFBF';

/** Excel's built-in number formats that generated sheets use; anything else becomes a custom format. */
const BUILTIN_FORMATS = new Map([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
  ['@', 49],
]);
/** Ids up to 163 are Excel's own; custom formats are numbered after them. */
const LAST_BUILTIN_FORMAT_ID = 163;

export interface AddedFormats {
  xml: string;
  /** formatKey → index in cellXfs */
  indexOf: Map<string, number>;
}

export function addCellFormats(stylesXml: string, formats: readonly CellFormat[]): AddedFormats {
  const prefix = rootElement(stylesXml).prefix;
  const lists = {
    fonts: readList(stylesXml, prefix, 'fonts', 'font', [fontElement(prefix, {})]),
    fills: readList(stylesXml, prefix, 'fills', 'fill', [patternFill(prefix, 'none'), patternFill(prefix, 'gray125')]),
    borders: readList(stylesXml, prefix, 'borders', 'border', [emptyBorder(prefix)]),
    cellStyleXfs: readList(stylesXml, prefix, 'cellStyleXfs', 'xf', [
      `<${qualified(prefix, 'xf')} numFmtId="0" fontId="0" fillId="0" borderId="0"/>`,
    ]),
    cellXfs: readList(stylesXml, prefix, 'cellXfs', 'xf', [
      `<${qualified(prefix, 'xf')} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`,
    ]),
  };
  const numFmts = new NumberFormats(stylesXml, prefix);
  const indexOf = new Map<string, number>();
  for (const format of formats) {
    const key = formatKey(format);
    if (indexOf.has(key)) continue;
    const style = format.style;
    const xf = xfElement(prefix, {
      numFmtId: style.numberFormat === undefined ? 0 : numFmts.idOf(style.numberFormat),
      fontId: lists.fonts.indexOf(fontElement(prefix, style)),
      fillId: style.fill === undefined ? 0 : lists.fills.indexOf(solidFill(prefix, style.fill)),
      borderId: style.border === true ? lists.borders.indexOf(thinBorder(prefix)) : 0,
      format,
    });
    indexOf.set(key, lists.cellXfs.indexOf(xf));
  }
  let xml = numFmts.write(stylesXml);
  for (const list of [lists.fonts, lists.fills, lists.borders, lists.cellStyleXfs, lists.cellXfs]) xml = list.write(xml);
  return { xml, indexOf };
}

// ---------------------------------------------------------------------------------------------------------
// The lists

/** One of the stylesheet's indexed lists: what is there, and what we add to it. */
class StyleList {
  private readonly added: string[] = [];

  constructor(
    private readonly prefix: string,
    private readonly container: string,
    /** the children already in the file, or the defaults Excel needs when the list is missing */
    private readonly existing: readonly string[],
    private readonly missing: boolean,
  ) {}

  indexOf(element: string): number {
    const found = this.existing.indexOf(element);
    if (found >= 0) return found;
    const added = this.added.indexOf(element);
    if (added >= 0) return this.existing.length + added;
    this.added.push(element);
    return this.existing.length + this.added.length - 1;
  }

  write(xml: string): string {
    if (this.added.length === 0 && !this.missing) return xml;
    const children = this.missing ? [...this.existing, ...this.added] : this.added;
    return writeList(xml, this.prefix, this.container, children, this.existing.length + this.added.length, this.missing);
  }
}

/**
 * Appends children to a stylesheet list and sets its count, or creates the list at its place in schema
 * order when the file has none.
 */
function writeList(xml: string, prefix: string, container: string, children: readonly string[], count: number, create: boolean): string {
  const name = qualified(prefix, container);
  const root = rootElement(xml).span;
  if (create)
    return insertChildBefore(xml, root, successorsOf(prefix, container), `<${name} count="${count}">${children.join('')}</${name}>`);
  const span = childElements(xml, root).find((c) => c.name === name)?.span;
  if (span === undefined) throw new SyntaxError(`styles.xml lost its <${name}>`);
  return appendToElement(xml, span, name, children.join(''), setAttribute(span.startTag, 'count', String(count)));
}

function successorsOf(prefix: string, container: string): string[] {
  return STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(container) + 1).map((local) => qualified(prefix, local));
}

function readList(xml: string, prefix: string, container: string, child: string, defaults: string[]): StyleList {
  const root = rootElement(xml).span;
  const span = childElements(xml, root).find((c) => c.name === qualified(prefix, container))?.span;
  if (span === undefined) return new StyleList(prefix, container, defaults, true);
  const children = findElements(xml, qualified(prefix, child), span.contentStart, span.contentEnd).map((c) => xml.slice(c.start, c.end));
  return new StyleList(prefix, container, children, false);
}

/** Custom number formats: reused when the workbook already defines the same code, else numbered after the rest. */
class NumberFormats {
  private readonly byCode = new Map<string, number>();
  private readonly added: { id: number; code: string }[] = [];
  private nextId: number;
  private readonly existingCount: number;
  private readonly present: boolean;

  constructor(
    xml: string,
    private readonly prefix: string,
  ) {
    const root = rootElement(xml).span;
    const span = childElements(xml, root).find((c) => c.name === qualified(prefix, 'numFmts'))?.span;
    const elements = span === undefined ? [] : findElements(xml, qualified(prefix, 'numFmt'), span.contentStart, span.contentEnd);
    let maxId = LAST_BUILTIN_FORMAT_ID;
    for (const element of elements) {
      const attrs = attributes(element.startTag);
      const id = Number(attrs.get('numFmtId'));
      const code = attrs.get('formatCode');
      if (!Number.isInteger(id)) continue;
      maxId = Math.max(maxId, id);
      if (code !== undefined && !this.byCode.has(code)) this.byCode.set(code, id);
    }
    this.nextId = maxId + 1;
    this.existingCount = elements.length;
    this.present = span !== undefined;
  }

  idOf(code: string): number {
    const builtin = BUILTIN_FORMATS.get(code);
    if (builtin !== undefined) return builtin;
    const known = this.byCode.get(code);
    if (known !== undefined) return known;
    const id = this.nextId;
    this.nextId += 1;
    this.byCode.set(code, id);
    this.added.push({ id, code });
    return id;
  }

  write(xml: string): string {
    if (this.added.length === 0) return xml;
    const children = this.added.map((f) => `<${qualified(this.prefix, 'numFmt')} numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`);
    return writeList(xml, this.prefix, 'numFmts', children, this.existingCount + this.added.length, !this.present);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Elements, written the way Excel writes them so that identical entries compare equal as text

function argb(color: string): string {
  if (/^[0-9A-Fa-f]{6}$/.test(color)) return `FF${color.toUpperCase()}`;
  if (/^[0-9A-Fa-f]{8}$/.test(color)) return color.toUpperCase();
  throw new RangeError(`Not a colour (RRGGBB): ${color}`);
}

function fontElement(prefix: string, style: CellStyle): string {
  const q = (local: string): string => qualified(prefix, local);
  const size = style.size ?? DEFAULT_FONT_SIZE;
  if (!(size > 0 && size <= 409)) throw new RangeError(`Not a font size: ${size}`);
  const color = style.color === undefined ? `<${q('color')} theme="1"/>` : `<${q('color')} rgb="${argb(style.color)}"/>`;
  return `<${q('font')}>${style.bold === true ? `<${q('b')}/>` : ''}${style.italic === true ? `<${q('i')}/>` : ''}<${q('sz')} val="${size}"/>${color}<${q('name')} val="${FONT_NAME}"/><${q('family')} val="2"/></${q('font')}>`;
}

function patternFill(prefix: string, pattern: 'none' | 'gray125'): string {
  return `<${qualified(prefix, 'fill')}><${qualified(prefix, 'patternFill')} patternType="${pattern}"/></${qualified(prefix, 'fill')}>`;
}

function solidFill(prefix: string, color: string): string {
  const q = (local: string): string => qualified(prefix, local);
  return `<${q('fill')}><${q('patternFill')} patternType="solid"><${q('fgColor')} rgb="${argb(color)}"/><${q('bgColor')} indexed="64"/></${q('patternFill')}></${q('fill')}>`;
}

function emptyBorder(prefix: string): string {
  const q = (local: string): string => qualified(prefix, local);
  return `<${q('border')}><${q('left')}/><${q('right')}/><${q('top')}/><${q('bottom')}/><${q('diagonal')}/></${q('border')}>`;
}

function thinBorder(prefix: string): string {
  const q = (local: string): string => qualified(prefix, local);
  const side = (local: string): string => `<${q(local)} style="thin"><${q('color')} rgb="${argb(BORDER_COLOR)}"/></${q(local)}>`;
  return `<${q('border')}>${side('left')}${side('right')}${side('top')}${side('bottom')}<${q('diagonal')}/></${q('border')}>`;
}

/** Layout names to SpreadsheetML's: the vertical middle is called `center` there. */
const VERTICAL = { top: 'top', middle: 'center', bottom: 'bottom' } as const;

interface XfInput {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  format: CellFormat;
}

function xfElement(prefix: string, input: XfInput): string {
  const { style, quotePrefix } = input.format;
  const alignment = alignmentElement(prefix, style);
  const flags = [
    quotePrefix ? ' quotePrefix="1"' : '',
    input.numFmtId !== 0 ? ' applyNumberFormat="1"' : '',
    // Always: our font is stated even when plain, since the workbook's default font may be another.
    ' applyFont="1"',
    input.fillId !== 0 ? ' applyFill="1"' : '',
    input.borderId !== 0 ? ' applyBorder="1"' : '',
    alignment !== '' ? ' applyAlignment="1"' : '',
  ].join('');
  const xf = qualified(prefix, 'xf');
  const open = `<${xf} numFmtId="${input.numFmtId}" fontId="${input.fontId}" fillId="${input.fillId}" borderId="${input.borderId}" xfId="0"${flags}`;
  return alignment === '' ? `${open}/>` : `${open}>${alignment}</${xf}>`;
}

function alignmentElement(prefix: string, style: CellStyle): string {
  const attrs = [
    style.horizontal === undefined ? '' : ` horizontal="${style.horizontal}"`,
    style.vertical === undefined ? '' : ` vertical="${VERTICAL[style.vertical]}"`,
    style.wrap === true ? ' wrapText="1"' : '',
  ].join('');
  return attrs === '' ? '' : `<${qualified(prefix, 'alignment')}${attrs}/>`;
}
