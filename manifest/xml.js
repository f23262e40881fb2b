'use strict';
/**
 * A small, strict XML parser for the add-in manifest: enough of XML 1.0 + Namespaces to prove a file is
 * well-formed and to walk it, with no dependency. It refuses what a manifest never needs (DOCTYPE, and so
 * entity declarations), and reports the first problem with its line and column.
 *
 * parseXml(text) -> { root, declaration }; each element is
 *   { name, prefix, local, ns, attrs: { qname: value }, children: Element[], text, line, column }
 * where `text` is the element's own character data (CDATA included), entities resolved.
 */

const NAME_START =
  'A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
// The combining marks (U+0300–U+036F) come first, so no character class starts a mark after a letter.
const NAME_CHAR = `\\u0300-\\u036F${NAME_START}\\-.0-9\\u00B7\\u203F-\\u2040`;
/** A qualified name: at most one colon, not at either end. */
const QNAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*(?::[${NAME_START}][${NAME_CHAR}]*)?$`, 'u');
const NAME_AT = new RegExp(`[${NAME_START}:][${NAME_CHAR}:]*`, 'uy');
/** Anything outside the characters XML 1.0 allows in a document (control characters, U+FFFE/U+FFFF). */
const BAD_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

class XmlError extends Error {
  constructor(message, line, column) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'XmlError';
    this.line = line;
    this.column = column;
  }
}

function parseXml(input) {
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let pos = 0;

  const where = (at) => {
    let line = 1;
    let last = -1;
    for (let i = 0; i < at; i++)
      if (text.charCodeAt(i) === 10) {
        line++;
        last = i;
      }
    return [line, at - last];
  };
  const fail = (message, at = pos) => {
    const [line, column] = where(at);
    throw new XmlError(message, line, column);
  };

  const bad = BAD_CHAR.exec(text);
  if (bad) fail(`character U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, bad.index);

  const skipSpace = () => {
    while (pos < text.length && /[ \t\r\n]/.test(text[pos])) pos++;
  };
  const readName = () => {
    NAME_AT.lastIndex = pos;
    const m = NAME_AT.exec(text);
    if (!m) fail('expected a name');
    pos += m[0].length;
    return m[0];
  };

  const decode = (raw, at) =>
    raw.replace(/&([^;&<]*);|&/g, (whole, body, offset) => {
      if (body === undefined) fail("'&' must start an entity reference such as &amp;", at + offset);
      if (body in PREDEFINED) return PREDEFINED[body];
      const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
      if (!num) fail(`unknown entity &${body}; (only the five predefined entities and character references are allowed)`, at + offset);
      const code = num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2], 10);
      const ok =
        code === 9 ||
        code === 10 ||
        code === 13 ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (!ok) fail(`character reference &${body}; is not a legal XML character`, at + offset);
      return String.fromCodePoint(code);
    });

  let declaration = null;
  if (text.startsWith('<?xml') && /[ \t\r\n?]/.test(text[5] ?? '')) {
    const end = text.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    const body = text.slice(5, end);
    const m =
      /^\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:\s+standalone\s*=\s*(["'])(yes|no)\4)?\s*$/.exec(
        body,
      );
    if (!m) fail('malformed XML declaration');
    declaration = { encoding: m[3] ?? null };
    pos = end + 2;
  }

  const stack = [];
  let root = null;

  const misc = (what) => {
    // Outside the root element only whitespace, comments and processing instructions may appear.
    if (stack.length === 0 && !/^\s*$/.test(what)) fail(root ? 'content after the root element' : 'content before the root element');
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunkEnd = lt < 0 ? text.length : lt;
    if (chunkEnd > pos) {
      const raw = text.slice(pos, chunkEnd);
      misc(raw);
      const close = raw.indexOf(']]>');
      if (close >= 0) fail("']]>' is not allowed in character data", pos + close);
      if (raw.includes('>') && stack.length === 0) fail("stray '>'", pos + raw.indexOf('>'));
      const value = decode(raw, pos);
      if (stack.length > 0) stack[stack.length - 1].text += value;
      pos = chunkEnd;
      continue;
    }
    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) fail('unterminated comment');
      const body = text.slice(pos + 4, end);
      if (body.includes('--') || body.endsWith('-')) fail("'--' is not allowed inside a comment", pos);
      pos = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) fail('CDATA outside the root element');
      const end = text.indexOf(']]>', pos + 9);
      if (end < 0) fail('unterminated CDATA section');
      stack[stack.length - 1].text += text.slice(pos + 9, end);
      pos = end + 3;
      continue;
    }
    if (text.startsWith('<!', pos)) fail('DOCTYPE and other declarations are not allowed in a manifest');
    if (text.startsWith('<?', pos)) {
      const start = pos;
      pos += 2;
      const target = readName();
      if (/^xml$/i.test(target)) fail('an XML declaration is only allowed at the very start', start);
      const end = text.indexOf('?>', pos);
      if (end < 0) fail('unterminated processing instruction', start);
      pos = end + 2;
      continue;
    }
    if (text.startsWith('</', pos)) {
      const start = pos;
      pos += 2;
      const name = readName();
      skipSpace();
      if (text[pos] !== '>') fail(`expected '>' to close </${name}`);
      pos++;
      const open = stack.pop();
      if (!open) fail(`closing tag </${name}> without an open element`, start);
      if (open.name !== name) fail(`</${name}> closes <${open.name}> (opened on line ${open.line})`, start);
      continue;
    }
    // A start tag.
    const start = pos;
    pos++;
    const name = readName();
    if (!QNAME.test(name)) fail(`'${name}' is not a valid element name`, start);
    const attrs = {};
    for (;;) {
      const before = pos;
      skipSpace();
      if (text.startsWith('/>', pos) || text[pos] === '>') break;
      if (pos === before) fail(`expected whitespace, '>' or '/>' in <${name}>`);
      const attrName = readName();
      if (!QNAME.test(attrName)) fail(`'${attrName}' is not a valid attribute name`);
      if (Object.prototype.hasOwnProperty.call(attrs, attrName)) fail(`attribute '${attrName}' appears twice in <${name}>`);
      skipSpace();
      if (text[pos] !== '=') fail(`expected '=' after attribute '${attrName}'`);
      pos++;
      skipSpace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail(`the value of '${attrName}' must be quoted`);
      const end = text.indexOf(quote, pos + 1);
      if (end < 0) fail(`unterminated value of '${attrName}'`);
      const raw = text.slice(pos + 1, end);
      if (raw.includes('<')) fail(`'<' is not allowed in the value of '${attrName}'`, pos + 1 + raw.indexOf('<'));
      attrs[attrName] = decode(raw, pos + 1).replace(/[\t\n\r]/g, ' ');
      pos = end + 1;
    }
    const selfClosing = text.startsWith('/>', pos);
    pos += selfClosing ? 2 : 1;
    const [line, column] = where(start);
    const element = { name, attrs, children: [], text: '', line, column, scope: null, prefix: '', local: name, ns: null };
    bindNamespaces(element, stack.length > 0 ? stack[stack.length - 1].scope : null, (message) => fail(message, start));
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else if (root) fail('a document has exactly one root element', start);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line}) is never closed`);
  if (!root) fail('the document has no root element');
  stripScopes(root);
  return { root, declaration };
}

/** Resolves the element's and its attributes' prefixes against the xmlns declarations in scope. */
function bindNamespaces(element, parentScope, fail) {
  const scope = Object.create(parentScope);
  if (!parentScope) {
    scope.xml = XML_NS;
    scope.xmlns = XMLNS_NS;
  }
  for (const [name, value] of Object.entries(element.attrs)) {
    if (name === 'xmlns') scope[''] = value;
    else if (name.startsWith('xmlns:')) {
      const prefix = name.slice(6);
      if (value === '') fail(`the prefix '${prefix}' cannot be bound to an empty namespace`);
      if (prefix === 'xmlns' || prefix === 'xml') fail(`the prefix '${prefix}' is reserved`);
      scope[prefix] = value;
    }
  }
  const split = (qname) => {
    const i = qname.indexOf(':');
    return i < 0 ? ['', qname] : [qname.slice(0, i), qname.slice(i + 1)];
  };
  const [prefix, local] = split(element.name);
  if (prefix && !(prefix in scope)) fail(`the prefix '${prefix}' of <${element.name}> is not declared`);
  element.prefix = prefix;
  element.local = local;
  element.ns = scope[prefix] || null;
  const expanded = new Set();
  for (const name of Object.keys(element.attrs)) {
    const [p, l] = split(name);
    if (p && p !== 'xmlns' && !(p in scope)) fail(`the prefix '${p}' of attribute '${name}' is not declared`);
    const key = p && p !== 'xmlns' ? `{${scope[p]}}${l}` : name;
    if (expanded.has(key)) fail(`attribute '${name}' appears twice in <${element.name}> (same namespace)`);
    expanded.add(key);
  }
  element.scope = scope;
}

function stripScopes(element) {
  const prefixes = {};
  for (const key in element.scope) prefixes[key] = element.scope[key];
  element.namespaces = prefixes;
  delete element.scope;
  element.children.forEach(stripScopes);
}

/** The value of an attribute given by namespace URI and local name (`xsi:type` whatever its prefix). */
function attrNS(element, ns, local) {
  for (const [name, value] of Object.entries(element.attrs)) {
    const i = name.indexOf(':');
    if (i < 0) continue;
    const prefix = name.slice(0, i);
    if (prefix !== 'xmlns' && name.slice(i + 1) === local && element.namespaces[prefix] === ns) return value;
  }
  return undefined;
}

module.exports = { parseXml, attrNS, XmlError };
