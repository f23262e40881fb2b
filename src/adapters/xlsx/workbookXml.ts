import {
  appendToElement,
  attributes,
  escapeAttr,
  escapeText,
  findElement,
  findElements,
  insertChildBefore,
  prefixFor,
  qualified,
  rootElement,
  setAttribute,
  splice,
  unescapeXml,
  type ElementSpan,
} from './xml';

/**
 * Reading and editing xl/workbook.xml as text: the sheet list, defined names, calculation and view settings.
 * Every edit returns the whole part with only the affected elements changed; elements this module does not
 * know (extensions, external references, pivot caches) keep their text and position.
 */

/** The relationships namespace, transitional and strict. */
export const RELATIONSHIPS_NS = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
];
const TRANSITIONAL_RELATIONSHIPS_NS = RELATIONSHIPS_NS[0] ?? '';

/** CT_Workbook's children that must come after <definedNames>, in schema order. */
const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];
const AFTER_CALC_PR = AFTER_DEFINED_NAMES.slice(1);

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** the relationship id in workbook.xml.rels; undefined only in a damaged file */
  relId: string | undefined;
  /** 0-based position in <sheets>, which is what localSheetId counts */
  index: number;
  span: ElementSpan;
}

export interface DefinedName {
  name: string;
  localSheetId: number | undefined;
  hidden: boolean;
  /** the formula or constant, unescaped */
  value: string;
  span: ElementSpan;
}

/** What a new defined name holds; `value` is the formula text, unescaped (escaping is done here). */
export interface NewDefinedName {
  name: string;
  value: string;
  localSheetId?: number;
  hidden?: boolean;
}

/** The prefixes in use: the main namespace's (often '') and the relationships namespace's (often `r`). */
interface Prefixes {
  main: string;
  relationships: string | undefined;
}

function prefixes(xml: string): Prefixes {
  const root = rootElement(xml);
  return { main: root.prefix, relationships: prefixFor(root, RELATIONSHIPS_NS) };
}

function sheetsElement(xml: string, main: string): ElementSpan {
  const sheets = findElement(xml, qualified(main, 'sheets'));
  if (sheets === undefined) throw new SyntaxError('workbook.xml has no <sheets>');
  return sheets;
}

export function sheetEntries(xml: string): SheetEntry[] {
  const { main, relationships } = prefixes(xml);
  const sheets = sheetsElement(xml, main);
  return findElements(xml, qualified(main, 'sheet'), sheets.contentStart, sheets.contentEnd).map((span, index) => {
    const attrs = attributes(span.startTag);
    return {
      name: attrs.get('name') ?? '',
      sheetId: Number(attrs.get('sheetId') ?? 0),
      relId: relationshipId(attrs, relationships),
      index,
      span,
    };
  });
}

/** `r:id`, under whatever prefix the file binds to the relationships namespace. */
function relationshipId(attrs: Map<string, string>, prefix: string | undefined): string | undefined {
  if (prefix !== undefined && prefix !== '') return attrs.get(`${prefix}:id`);
  // Declared on the element itself rather than the root: take the one prefixed `id` there is.
  return [...attrs].find(([name]) => /^[^:]+:id$/.test(name))?.[1];
}

export function definedNames(xml: string): DefinedName[] {
  const { main } = prefixes(xml);
  const container = findElement(xml, qualified(main, 'definedNames'));
  if (container === undefined) return [];
  return findElements(xml, qualified(main, 'definedName'), container.contentStart, container.contentEnd).map((span) => {
    const attrs = attributes(span.startTag);
    const local = attrs.get('localSheetId');
    return {
      name: attrs.get('name') ?? '',
      localSheetId: local === undefined ? undefined : Number(local),
      hidden: attrs.get('hidden') === '1' || attrs.get('hidden') === 'true',
      value: unescapeXml(xml.slice(span.contentStart, span.contentEnd)),
      span,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Sheets

export function appendSheet(xml: string, sheet: { name: string; sheetId: number; relId: string }): string {
  const { main, relationships } = prefixes(xml);
  // A root that does not declare the relationships namespace gets it declared on the new element instead.
  const idAttribute = relationships !== undefined && relationships !== '' ? `${relationships}:id` : 'r:id';
  const declaration = relationships !== undefined && relationships !== '' ? '' : ` xmlns:r="${TRANSITIONAL_RELATIONSHIPS_NS}"`;
  const element = `<${qualified(main, 'sheet')} name="${escapeAttr(sheet.name)}" sheetId="${sheet.sheetId}" ${idAttribute}="${escapeAttr(sheet.relId)}"${declaration}/>`;
  return appendToElement(xml, sheetsElement(xml, main), qualified(main, 'sheets'), element);
}

/**
 * Removes the sheet at `index` and everything scoped to it: its defined names, and the view settings that
 * count sheets by position (names of later sheets, activeTab, firstSheet) move down by one.
 */
export function removeSheet(xml: string, index: number): string {
  const entry = sheetEntries(xml)[index];
  if (entry === undefined) throw new RangeError(`no sheet at position ${index}`);
  let out = splice(xml, entry.span.start, entry.span.end, '');
  out = removeDefinedNames(out, (n) => n.localSheetId === index);
  out = shiftLocalSheetIds(out, index);
  return shiftBookViews(out, index);
}

function shiftLocalSheetIds(xml: string, removed: number): string {
  // From the end, so earlier spans stay valid while later ones are rewritten.
  return [...definedNames(xml)].reverse().reduce((out, name) => {
    if (name.localSheetId === undefined || name.localSheetId <= removed) return out;
    const tag = setAttribute(name.span.startTag, 'localSheetId', String(name.localSheetId - 1));
    return splice(out, name.span.start, name.span.start + name.span.startTag.length, tag);
  }, xml);
}

function workbookViews(xml: string, main: string): ElementSpan[] {
  const bookViews = findElement(xml, qualified(main, 'bookViews'));
  return bookViews === undefined ? [] : findElements(xml, qualified(main, 'workbookView'), bookViews.contentStart, bookViews.contentEnd);
}

function shiftBookViews(xml: string, removed: number): string {
  const { main } = prefixes(xml);
  const remaining = sheetEntries(xml).length;
  return rewriteWorkbookViews(xml, main, (tag) => {
    let out = tag;
    for (const attribute of ['activeTab', 'firstSheet']) {
      const value = attributes(tag).get(attribute);
      if (value === undefined) continue;
      const position = Number(value);
      const shifted = position > removed ? position - 1 : position;
      out = setAttribute(out, attribute, String(Math.max(0, Math.min(shifted, remaining - 1))));
    }
    return out;
  });
}

function rewriteWorkbookViews(xml: string, main: string, rewrite: (startTag: string) => string): string {
  return [...workbookViews(xml, main)]
    .reverse()
    .reduce((out, view) => splice(out, view.start, view.start + view.startTag.length, rewrite(view.startTag)), xml);
}

/** The position of the sheet the workbook opens on (0 when not stated, as Excel reads it). */
export function activeTab(xml: string): number {
  const first = workbookViews(xml, prefixes(xml).main)[0];
  return first === undefined ? 0 : Number(attributes(first.startTag).get('activeTab') ?? 0);
}

/** Opens the workbook on the sheet at `index` (only where a workbook view exists to say so). */
export function setActiveTab(xml: string, index: number): string {
  const { main } = prefixes(xml);
  return rewriteWorkbookViews(xml, main, (tag) => setAttribute(tag, 'activeTab', String(index)));
}

// ---------------------------------------------------------------------------------------------------------
// Defined names

export function removeDefinedNames(xml: string, remove: (name: DefinedName) => boolean): string {
  return [...definedNames(xml)]
    .reverse()
    .reduce((out, name) => (remove(name) ? splice(out, name.span.start, name.span.end, '') : out), xml);
}

export function addDefinedNames(xml: string, names: readonly NewDefinedName[]): string {
  if (names.length === 0) return xml;
  const { main } = prefixes(xml);
  const elements = names.map((n) => definedNameElement(main, n)).join('');
  const container = findElement(xml, qualified(main, 'definedNames'));
  if (container !== undefined) return appendToElement(xml, container, qualified(main, 'definedNames'), elements);
  const tag = qualified(main, 'definedNames');
  return insertBefore(xml, main, AFTER_DEFINED_NAMES, `<${tag}>${elements}</${tag}>`);
}

function definedNameElement(main: string, n: NewDefinedName): string {
  const scope = n.localSheetId === undefined ? '' : ` localSheetId="${n.localSheetId}"`;
  const hidden = n.hidden === true ? ' hidden="1"' : '';
  const tag = qualified(main, 'definedName');
  return `<${tag} name="${escapeAttr(n.name)}"${scope}${hidden}>${escapeText(n.value)}</${tag}>`;
}

function insertBefore(xml: string, main: string, successors: readonly string[], element: string): string {
  return insertChildBefore(
    xml,
    rootElement(xml).span,
    successors.map((local) => qualified(main, local)),
    element,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Calculation

/** Asks Excel to recalculate everything when it opens the file, so generated formulas are live at once. */
export function setFullCalcOnLoad(xml: string): string {
  const { main } = prefixes(xml);
  const calcPr = findElement(xml, qualified(main, 'calcPr'));
  if (calcPr === undefined) return insertBefore(xml, main, AFTER_CALC_PR, `<${qualified(main, 'calcPr')} fullCalcOnLoad="1"/>`);
  return splice(xml, calcPr.start, calcPr.start + calcPr.startTag.length, setAttribute(calcPr.startTag, 'fullCalcOnLoad', '1'));
}
