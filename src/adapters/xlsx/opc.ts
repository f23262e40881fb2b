import { appendToElement, attributes, escapeAttr, findElements, qualified, rootElement, splice, type ElementSpan } from './xml';

/**
 * The package level of an .xlsx (Open Packaging Conventions): parts by name, relationships between them, and
 * the content-type list. Part names are compared without regard to case, as OPC requires.
 */

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vmlDrawing: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

export const RELATIONSHIP_TYPE = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
} as const;

/** The parts of a package, edited in memory; the map keeps the zip's order, and new parts go last. */
export class PackageParts {
  constructor(private readonly parts: Map<string, Uint8Array>) {}

  /** The stored name of a part, found without regard to case. */
  find(name: string): string | undefined {
    if (this.parts.has(name)) return name;
    const lower = name.toLowerCase();
    return [...this.parts.keys()].find((key) => key.toLowerCase() === lower);
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  text(name: string): string | undefined {
    const key = this.find(name);
    const data = key === undefined ? undefined : this.parts.get(key);
    return data === undefined ? undefined : new TextDecoder('utf-8').decode(data);
  }

  setText(name: string, xml: string): void {
    this.parts.set(this.find(name) ?? name, new TextEncoder().encode(xml));
  }

  remove(name: string): void {
    const key = this.find(name);
    if (key !== undefined) this.parts.delete(key);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  entries(): Map<string, Uint8Array> {
    return this.parts;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Part names and relationship targets

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationships part belongs to ('' for the package's own _rels/.rels). */
export function sourcePartOf(relsPart: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPart);
  return m === null ? '' : `${m[1] ?? ''}${m[2] ?? ''}`;
}

/** A relationship target as a part name: relative to the source part's folder, or absolute from the root. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  const segments = [...base];
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  span: ElementSpan;
}

export function relationships(xml: string): Relationship[] {
  const root = rootElement(xml);
  const name = qualified(root.prefix, 'Relationship');
  return findElements(xml, name, root.span.contentStart, root.span.contentEnd).map((span) => {
    const attrs = attributes(span.startTag);
    return {
      id: attrs.get('Id') ?? '',
      type: attrs.get('Type') ?? '',
      target: attrs.get('Target') ?? '',
      external: attrs.get('TargetMode') === 'External',
      span,
    };
  });
}

/** Compared by the type's last segment, so strict-conformance packages (another namespace) match too. */
export function hasType(relationship: Relationship, type: string): boolean {
  return relationship.type.split('/').pop() === type.split('/').pop();
}

export function unusedRelationshipId(xml: string): string {
  const used = new Set(relationships(xml).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n += 1;
  return `rId${n}`;
}

export function addRelationship(xml: string, relationship: { id: string; type: string; target: string }): string {
  const root = rootElement(xml);
  const name = qualified(root.prefix, 'Relationship');
  const element = `<${name} Id="${escapeAttr(relationship.id)}" Type="${escapeAttr(relationship.type)}" Target="${escapeAttr(relationship.target)}"/>`;
  return appendToElement(xml, root.span, qualified(root.prefix, root.localName), element);
}

export function removeRelationship(xml: string, id: string): string {
  const found = relationships(xml).find((r) => r.id === id);
  return found === undefined ? xml : splice(xml, found.span.start, found.span.end, '');
}

export const EMPTY_RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

// ---------------------------------------------------------------------------------------------------------
// [Content_Types].xml

export function addOverride(xml: string, part: string, contentType: string): string {
  const root = rootElement(xml);
  const element = `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`;
  return appendToElement(xml, root.span, 'Types', element);
}

/** A content type for every part with this extension, unless the list already has one for it. */
export function addDefault(xml: string, extension: string, contentType: string): string {
  const root = rootElement(xml);
  const defaults = findElements(xml, 'Default', root.span.contentStart, root.span.contentEnd);
  if (defaults.some((span) => (attributes(span.startTag).get('Extension') ?? '').toLowerCase() === extension.toLowerCase())) return xml;
  const element = `<Default Extension="${escapeAttr(extension)}" ContentType="${escapeAttr(contentType)}"/>`;
  // Defaults come before Overrides in Excel's files; the schema allows any order, so append.
  return appendToElement(xml, root.span, 'Types', element);
}

export function removeOverride(xml: string, part: string): string {
  const wanted = `/${part}`.toLowerCase();
  const root = rootElement(xml);
  const overrides = findElements(xml, 'Override', root.span.contentStart, root.span.contentEnd);
  return [...overrides]
    .reverse()
    .reduce(
      (out, span) =>
        (attributes(span.startTag).get('PartName') ?? '').toLowerCase() === wanted ? splice(out, span.start, span.end, '') : out,
      xml,
    );
}

// ---------------------------------------------------------------------------------------------------------
// Removing a part with what only it uses

/**
 * Removes a part, its relationships part and content-type override, and then every part it pointed to that
 * nothing else in the package points to (a removed sheet's drawing, table or notes), recursively. Parts that
 * another relationship still reaches (shared images, pivot caches) stay.
 */
export function removePartTree(parts: PackageParts, part: string, contentTypes: string): string {
  const relsPart = relsPartOf(part);
  const targets = internalTargets(parts, relsPart);
  parts.remove(part);
  parts.remove(relsPart);
  let out = removeOverride(contentTypes, part);
  for (const target of targets) {
    if (parts.has(target) && !isReferenced(parts, target)) out = removePartTree(parts, target, out);
  }
  return out;
}

function internalTargets(parts: PackageParts, relsPart: string): string[] {
  const xml = parts.text(relsPart);
  if (xml === undefined) return [];
  const source = sourcePartOf(relsPart);
  return relationships(xml)
    .filter((r) => !r.external)
    .map((r) => resolveTarget(source, r.target));
}

function isReferenced(parts: PackageParts, target: string): boolean {
  const wanted = target.toLowerCase();
  return parts
    .names()
    .filter((name) => name.endsWith('.rels'))
    .some((relsPart) => internalTargets(parts, relsPart).some((t) => t.toLowerCase() === wanted));
}
