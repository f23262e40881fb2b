/**
 * Just enough XML handling to edit OOXML parts as text: escaping, reading a start tag's attributes, and
 * locating elements by qualified name. The parts are edited in place rather than parsed and re-serialised so
 * that everything we do not touch (unknown elements, extensions, namespaces, formatting) stays exactly as the
 * user's Excel wrote it. No XML library and no Node built-ins, so this also runs in the browser.
 */

/** Text content: `&`, `<` and `>` (the last so that `]]>` can never appear). */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value for double quotes; tabs and newlines as references, or a parser would fold them to spaces. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/**
 * Text for a SpreadsheetML string (ST_Xstring). Characters XML cannot hold (control characters) are written
 * as `_xHHHH_`, the format's own escape; a literal `_xHHHH_` in the text is protected as `_x005F_xHHHH_` so
 * Excel does not decode it. Then the usual XML escaping.
 */
export function escapeXstring(text: string): string {
  const protectedText = text.replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1');
  // Checked by code point rather than with a regular expression, which cannot name lone surrogates portably.
  const encoded = Array.from(protectedText, (ch) =>
    isXmlChar(ch.codePointAt(0) ?? 0) ? ch : `_x${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}_`,
  ).join('');
  return escapeText(encoded);
}

function isXmlChar(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false; // a lone surrogate half
  return code !== 0xfffe && code !== 0xffff;
}

// ---------------------------------------------------------------------------------------------------------
// Start tags and attributes

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag, values unescaped, by qualified name. */
export function attributes(startTag: string): Map<string, string> {
  const found = new Map<string, string>();
  const body = startTag.replace(/^<[^\s/>]+/, '');
  for (const m of body.matchAll(ATTRIBUTE)) {
    if (m[1] !== undefined) found.set(m[1], unescapeXml(m[2] ?? m[3] ?? ''));
  }
  return found;
}

/** The start tag with `name` set to `value`: replaced where present, appended otherwise. */
export function setAttribute(startTag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (pattern.test(startTag)) return startTag.replace(pattern, `$1"${escapeAttr(value)}"`);
  return startTag.replace(/\s*(\/?)>$/, ` ${name}="${escapeAttr(value)}"$1>`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `prefix:local`, or `local` for the default namespace. */
export function qualified(prefix: string, local: string): string {
  return prefix === '' ? local : `${prefix}:${local}`;
}

// ---------------------------------------------------------------------------------------------------------
// Elements

/** Where one element stands in a part's text. */
export interface ElementSpan {
  /** index of `<` */
  start: number;
  /** index just past the element (past `/>` or the end tag) */
  end: number;
  /** the start tag itself, `<name …>` or `<name …/>` */
  startTag: string;
  /** index just past the start tag: where children begin */
  contentStart: number;
  /** index of the end tag's `<`; equals contentStart for an empty element */
  contentEnd: number;
  selfClosing: boolean;
}

/** A start tag whose attribute values may contain `>` (XML allows it), so the quotes are followed. */
function startTagPattern(name: string): RegExp {
  return new RegExp(`<${escapeRegExp(name)}(?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*\\s*(/?)>`, 'g');
}

/**
 * The elements named `name` in `xml[from, to)`, in document order. Only elements that do not nest inside an
 * element of the same name are supported, which holds for every element these parts are searched for.
 */
export function findElements(xml: string, name: string, from = 0, to = xml.length): ElementSpan[] {
  const pattern = startTagPattern(name);
  const endTag = `</${name}>`;
  const spans: ElementSpan[] = [];
  pattern.lastIndex = from;
  for (let m = pattern.exec(xml); m !== null && m.index < to; m = pattern.exec(xml)) {
    const startTag = m[0];
    const contentStart = m.index + startTag.length;
    const selfClosing = m[1] === '/';
    const contentEnd = selfClosing ? contentStart : xml.indexOf(endTag, contentStart);
    if (contentEnd < 0) throw new SyntaxError(`<${name}> without its end tag`);
    const end = selfClosing ? contentStart : contentEnd + endTag.length;
    spans.push({ start: m.index, end, startTag, contentStart, contentEnd, selfClosing });
    pattern.lastIndex = end;
  }
  return spans;
}

export function findElement(xml: string, name: string, from = 0, to = xml.length): ElementSpan | undefined {
  return findElements(xml, name, from, to)[0];
}

/** The text with `[start, end)` replaced. */
export function splice(xml: string, start: number, end: number, insert: string): string {
  return xml.slice(0, start) + insert + xml.slice(end);
}

/**
 * The children's text appended at the end of an element, opening a self-closing element when needed, with
 * its start tag optionally rewritten (e.g. to update `count`).
 */
export function appendToElement(xml: string, span: ElementSpan, name: string, children: string, startTag = span.startTag): string {
  if (span.selfClosing) {
    const open = startTag.replace(/\s*\/>$/, '>');
    return splice(xml, span.start, span.end, `${open}${children}</${name}>`);
  }
  const withChildren = splice(xml, span.contentEnd, span.contentEnd, children);
  return splice(withChildren, span.start, span.contentStart, startTag);
}

/** The direct children of an element, with their qualified names, skipping comments and instructions. */
export function childElements(xml: string, parent: ElementSpan): { name: string; span: ElementSpan }[] {
  const children: { name: string; span: ElementSpan }[] = [];
  let at = parent.contentStart;
  while (at < parent.contentEnd) {
    const open = xml.indexOf('<', at);
    if (open < 0 || open >= parent.contentEnd) break;
    if (xml.startsWith('<!--', open)) {
      at = xml.indexOf('-->', open) + 3;
    } else if (xml.startsWith('<?', open) || xml.startsWith('<![CDATA[', open)) {
      at = xml.indexOf('>', open) + 1;
    } else {
      const name = /^<([^\s/>]+)/.exec(xml.slice(open, open + 200))?.[1];
      const span = name === undefined ? undefined : findElement(xml, name, open, open + 1);
      if (name === undefined || span === undefined) throw new SyntaxError(`unreadable element at ${open}`);
      children.push({ name, span });
      at = span.end;
    }
    if (at <= open) break; // an unterminated comment or instruction: stop rather than loop
  }
  return children;
}

/**
 * Inserts `element` as a child of `parent`, before the first child named in `successors` (schema order
 * matters to Excel), or as the last child when there is none.
 */
export function insertChildBefore(xml: string, parent: ElementSpan, successors: readonly string[], element: string): string {
  const next = childElements(xml, parent).find((child) => successors.includes(child.name));
  const at = next === undefined ? parent.contentEnd : next.span.start;
  return splice(xml, at, at, element);
}

// ---------------------------------------------------------------------------------------------------------
// The root element and its namespaces

export interface RootElement {
  span: ElementSpan;
  /** the prefix of the root's own name, '' for the default namespace */
  prefix: string;
  localName: string;
}

/** The part's root element: the first element after the prolog, comments and processing instructions. */
export function rootElement(xml: string): RootElement {
  const m = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)(?=[\s/>])/.exec(
    xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, (s) => ' '.repeat(s.length)),
  );
  const name = m?.[1];
  if (m === null || name === undefined) throw new SyntaxError('no root element');
  const span = findElement(xml, name, m.index);
  if (span === undefined) throw new SyntaxError(`unreadable root element <${name}>`);
  const colon = name.indexOf(':');
  return { span, prefix: colon < 0 ? '' : name.slice(0, colon), localName: colon < 0 ? name : name.slice(colon + 1) };
}

/** The prefix the root element binds to one of `uris` ('' when it is the default namespace), if any. */
export function prefixFor(root: RootElement, uris: readonly string[]): string | undefined {
  for (const [name, value] of attributes(root.span.startTag)) {
    if (!uris.includes(value)) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return name.slice('xmlns:'.length);
  }
  return undefined;
}
